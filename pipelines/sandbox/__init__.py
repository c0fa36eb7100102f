"""Local emulators of Exact Online, Wave and CustomPMS (the built-in sandbox)."""

from __future__ import annotations

import socket


def answers(host: str, port: int) -> bool:
    """Whether something accepts connections there (the sandbox check of every command: in-process)."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False
