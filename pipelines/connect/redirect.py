"""Getting the authorization code back from the browser: a one-shot listener on the loopback
redirect URI, or (when the registered redirect URI is not a plain-HTTP loopback address, e.g. an
`https://` one) the address the browser ended on, pasted by the person.

Both check `state` (the value this run put into the authorize URL, compared in constant time) before
anything else, so a redirect that this run did not start is refused and no code is exchanged. The
listener binds 127.0.0.1 (or ::1) only, answers the browser with a short page, ignores requests to
other paths (a browser asks for /favicon.ico), and gives up after `timeout` seconds.
"""

from __future__ import annotations

import hmac
import html
import socket
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

from pipelines.errors import OperatorError

_HOSTS = {"127.0.0.1": "127.0.0.1", "localhost": "127.0.0.1", "::1": "::1"}


class ConnectError(OperatorError):
    """The connection was not made (refused, denied, timed out); the message says what to do."""


def is_loopback_http(redirect_uri: str) -> bool:
    parts = urlsplit(redirect_uri)
    return parts.scheme == "http" and parts.hostname in _HOSTS and parts.port is not None


def code_from_redirect(query: str, state: str, service: str) -> str:
    """The code of a redirect's query string, after checking its state; ConnectError otherwise."""
    params = {key: values[0] for key, values in parse_qs(query, keep_blank_values=True).items()}
    if not hmac.compare_digest(params.get("state", ""), state):
        raise ConnectError(
            f"{service}: the redirect carried a state this run did not issue, so it was refused and no code was "
            "exchanged (an old browser tab, or a redirect someone else started); run the command again"
        )
    if params.get("error"):
        reason = params["error"] + (f": {params['error_description']}" if params.get("error_description") else "")
        raise ConnectError(f"{service}: authorisation was not granted ({reason}); run the command again to retry")
    if not params.get("code"):
        raise ConnectError(f"{service}: the redirect carried no code; run the command again")
    return params["code"]


class _Server(HTTPServer):
    allow_reuse_address = True

    def __init__(self, host: str, port: int, path: str, service: str) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.path, self.service = path, service
        self.state = ""
        self.result: str | ConnectError | None = None  # the code, or why the redirect was refused
        super().__init__((host, port), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 10  # seconds for one request: a connection that sends nothing must not hold the wait

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        if parts.path != self.server.path:
            self._answer(404, "Not the redirect address.")
            return
        server = self.server
        if server.result is None:
            try:
                server.result = code_from_redirect(parts.query, server.state, server.service)
            except ConnectError as exc:
                server.result = exc
        if isinstance(server.result, ConnectError):
            self._answer(400, html.escape(str(server.result)))
        else:
            self._answer(200, f"{html.escape(server.service)}: access granted; customer-sync takes it from here. "
                              "You can close this window.")

    def _answer(self, status: int, text: str) -> None:
        body = f"<!doctype html><title>customer-sync</title><p>{text}</p>".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the request line carries the code: never log it


class RedirectListener:
    """Listens on the redirect URI's loopback port from construction (so the port is taken before
    the authorize URL is shown) until `wait()` returns or `close()`."""

    def __init__(self, redirect_uri: str, service: str) -> None:
        parts = urlsplit(redirect_uri)
        if not is_loopback_http(redirect_uri):
            raise ConnectError(f"{service}: {redirect_uri} is not an http://127.0.0.1:<port>/... address")
        self.service = service
        try:
            self._server = _Server(_HOSTS[parts.hostname], parts.port, parts.path or "/", service)
        except OSError as exc:
            raise ConnectError(
                f"{service}: cannot listen on {parts.hostname}:{parts.port} for the redirect ({exc.strerror}); "
                "free the port, or register another loopback redirect URI with the app and set it in "
                ".dlt/config.toml"
            ) from None

    def wait(self, state: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        self._server.state = state
        try:
            while self._server.result is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise ConnectError(
                        f"{self.service}: no answer from the browser within {timeout:.0f} s; run the command "
                        "again (or pass --timeout SECONDS for more time)"
                    )
                self._server.timeout = remaining
                self._server.handle_request()
            if isinstance(self._server.result, ConnectError):
                raise self._server.result
            return self._server.result
        finally:
            self.close()

    def close(self) -> None:
        self._server.server_close()


def code_from_pasted(read_line: Callable[[str], str], state: str, service: str) -> str:
    """The code of a redirect address the person copied from the browser's address bar."""
    pasted = read_line(f"{service}: paste the whole address your browser ended on, then Enter: ").strip()
    if not pasted:
        raise ConnectError(f"{service}: nothing was pasted; run the command again")
    return code_from_redirect(urlsplit(pasted).query, state, service)
