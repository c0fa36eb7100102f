"""One TLS context for every HTTP client of a process.

httpx builds a context for each client it creates, and loading the CA bundle into it costs 20-40 ms
of CPU each time; a sync with nothing to do creates three clients. The context holds no per-connection
state, so the clients share it (certifi's bundle and hostname checks, as httpx's default).
"""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def context() -> ssl.SSLContext:
    return httpx.create_ssl_context()
