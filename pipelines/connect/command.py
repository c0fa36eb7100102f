"""The connect command: the session a flow runs in, the browser part of an authorization-code flow,
and the dispatch to the three systems' flows (the package docstring says what each does)."""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from pipelines import settings
from pipelines.connect.arguments import SYSTEMS, add_arguments  # noqa: F401 - the command's options
from pipelines.connect.redirect import ConnectError, RedirectListener, code_from_pasted, is_loopback_http
from pipelines.connect.settings_files import settings_dir
from pipelines.console import Console
from pipelines.errors import ConfigurationError, OperatorError, missing_config, summarize

EXIT_OK, EXIT_ATTENTION, EXIT_REFUSED = 0, 1, 2


@dataclass
class Session:
    """What a flow needs from outside: the options, where output goes, where input comes from."""

    console: Console
    timeout: float = settings.CONNECT_TIMEOUT
    paste: bool = False
    browser: bool = True
    token: bool = False  # Wave: prompt for a full access token
    token_stdin: bool = False  # Wave: read a full access token from stdin
    businesses: list[str] = field(default_factory=list)
    all_businesses: bool = False
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    config_dir: Path = field(default_factory=settings_dir)

    def say(self, text: str) -> None:
        """Output the person needs (the URL to open, what was connected): printed also under --quiet."""
        print(text, flush=True)

    @property
    def interactive(self) -> bool:
        return self.stdin.isatty()

    def read_secret(self, prompt: str) -> str:
        """One line without echo on a terminal; from stdin (a pipe) otherwise."""
        if self.interactive:
            return getpass.getpass(prompt)
        return self.stdin.readline().rstrip("\n")

    def ask(self, prompt: str) -> str:
        print(prompt, end="", flush=True)
        return self.stdin.readline().rstrip("\n")

    def open_browser(self, url: str) -> None:
        has_display = sys.platform in ("darwin", "win32") or "DISPLAY" in os.environ or "WAYLAND_DISPLAY" in os.environ
        if self.browser and has_display and sys.stdout.isatty():
            webbrowser.open(url)


def authorization_code(session: Session, service: str, redirect_uri: str, authorize_url: Callable[[str], str]) -> str:
    """Run the browser part of an authorization-code flow and return the code. `authorize_url(state)`
    builds the URL for a fresh state; the listener holds its port before the URL is shown."""
    state = secrets.token_urlsafe(24)
    listen = is_loopback_http(redirect_uri) and not session.paste
    listener = RedirectListener(redirect_uri, service) if listen else None
    try:
        url = authorize_url(state)
        session.say(f"{service}: open this address in a browser, log in and allow access:\n  {url}")
        if listener is not None:
            session.say(f"{service}: waiting for the browser to come back to {redirect_uri} ...")
        session.open_browser(url)
        if listener is not None:
            return listener.wait(state, session.timeout)
        return code_from_pasted(session.read_secret, state, service)
    finally:
        if listener is not None:
            listener.close()


def connect(system: str, session: Session) -> int:
    """Connect one system, or all three (the worst exit code of the three)."""
    if system == "all":
        return max(connect(one, session) for one in SYSTEMS)
    from pipelines.connect import custompms, exact, wave  # each pulls in its client

    flows = {"exact": exact.connect_exact, "wave": wave.connect_wave, "custompms": custompms.check_custompms}
    try:
        flows[system](session)
        return EXIT_OK
    except ConfigurationError as exc:
        session.console.error(str(exc))
        return EXIT_REFUSED
    except OperatorError as exc:
        session.console.error(summarize(exc))
        return EXIT_ATTENTION
    except Exception as exc:
        missing = missing_config(exc)
        if missing is None:
            raise
        session.console.error(str(missing))
        return EXIT_REFUSED


def run(args: argparse.Namespace, console: Console) -> int:
    if args.business and args.all_businesses:
        console.error("--business and --all-businesses exclude each other")
        return EXIT_REFUSED
    if args.token and args.token_stdin:
        console.error("--token and --token-stdin exclude each other")
        return EXIT_REFUSED
    session = Session(console, timeout=args.timeout, paste=args.paste, browser=not args.no_browser,
                      token=args.token, token_stdin=args.token_stdin, businesses=list(args.business),
                      all_businesses=args.all_businesses)
    return connect(args.system, session)


__all__ = ["ConnectError", "Session", "add_arguments", "authorization_code", "connect", "run"]
