"""Test kit for `connect`: the three emulators in-process on free ports (one controllable clock), a
temp project directory with its own `.dlt/` (copies of the shipped config and secrets example), and
the real CLI run as a subprocess from that directory, configured through dlt's environment variables.

"Being the user": `approve(url)` does what a person's browser does with the printed authorize URL:
opens the consent page, submits its form (Allow or Deny), and follows the redirect to the loopback
listener of the command under test. No person, no browser, real HTTP all the way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import duckdb
import httpx

from pipelines import settings
from pipelines.sandbox import custompms, exact, wave
from pipelines.sandbox.common import Clock, ServerThread, free_port
from pipelines.sandbox.runner import SYSTEMS, Sandbox

SEED = {
    "exact": {
        "divisions": [
            {"Code": 101, "Description": "Holding BV", "Status": 1, "Currency": "EUR", "Country": "NL"},
            {"Code": 102, "Description": "Belgium NV", "Status": 1, "Currency": "EUR", "Country": "BE"},
        ],
        "accounts": {
            101: [{"Name": "Acme Trading BV", "Code": "1001", "Email": "info@acme.example", "Country": "NL"}],
            102: [{"Name": "Brugge Bikes BVBA", "Code": "2001", "Email": "hello@bruggebikes.example",
                   "Country": "BE"}],
        },
        "departments": {101: [], 102: []},
    },
    "wave": {
        "businesses": [
            {"name": "Maple Consulting", "currency": "CAD", "customers": [
                {"name": "Northern Lights Ltd", "email": "ada@northern.example", "currency": "CAD"},
            ]},
            {"name": "Prairie Goods", "currency": "CAD", "customers": [
                {"name": "Wheat & Co", "email": "hello@wheat.example", "currency": "CAD"},
                {"name": "Bison Supplies", "email": "sales@bison.example", "currency": "CAD"},
            ]},
        ]
    },
    "custompms": {
        "customers": [{"name": "Brugge Bikes", "kind": "organisation", "email": "hello@bruggebikes.example",
                       "address": {"country": "BE", "city": "Brugge"}}]
    },
}


class _Form(HTMLParser):
    """The first form of a page: its action and its hidden inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self.buttons: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form" and self.action is None:
            self.action = values.get("action", "")
        elif tag == "input" and values.get("type") == "hidden":
            self.fields[values["name"]] = values.get("value", "")
        elif tag == "button" and values.get("name") == "decision":
            self.buttons.append(values.get("value", ""))


def approve(authorize_url: str, decision: str = "allow", follow: bool = True) -> httpx.Response:
    """Open the authorize page, click Allow (or Deny), follow the redirect like a browser; returns the
    answer of the page the browser ends on (the command's loopback listener), or with follow=False
    the redirect itself (its Location is the address a person would copy from the address bar)."""
    page = httpx.get(authorize_url, timeout=10)
    assert page.status_code == 200, page.text
    form = _Form()
    form.feed(page.text)
    assert form.action and decision in form.buttons, page.text
    answer = httpx.post(urljoin(authorize_url, form.action), data={**form.fields, "decision": decision}, timeout=10)
    assert answer.status_code == 302, answer.text
    return httpx.get(answer.headers["location"], timeout=10) if follow else answer


@dataclass
class Connecting:
    """A `customer-sync connect ...` subprocess: its printed authorize URL, then its outcome."""

    process: subprocess.Popen
    stderr_file: Path
    lines: list[str] = field(default_factory=list)

    def authorize_url(self) -> str:
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError("connect ended before printing an authorize URL:\n" + self.output())
            self.lines.append(line)
            if line.startswith("  http"):
                return line.strip()

    def finish(self) -> tuple[int, str]:
        """(exit code, stdout + stderr with runs of whitespace as one space: error lines are folded
        at 80 columns when stderr is not a terminal)."""
        self.lines.append(self.process.stdout.read())  # through the text buffer readline() filled
        self.process.stdout.close()
        return self.process.wait(timeout=120), " ".join(self.output().split())

    def output(self) -> str:
        return "".join(self.lines) + self.stderr_file.read_text()


@dataclass
class Project:
    tmp: Path
    dir: Path
    clock: Clock
    sandbox: Sandbox  # the three emulators on free ports (pipelines.sandbox.runner)
    env: dict[str, str]

    @property
    def servers(self) -> dict[str, ServerThread]:
        return self.sandbox.servers

    @property
    def exact(self) -> exact.ExactStore:
        return self.sandbox.exact

    @property
    def wave(self) -> wave.WaveStore:
        return self.sandbox.wave

    @property
    def custompms(self) -> custompms.CustomPMSStore:
        return self.sandbox.custompms

    @property
    def exact_tokens(self) -> Path:
        return Path(self.env["SOURCES__EXACT__TOKEN_FILE"])

    @property
    def wave_tokens(self) -> Path:
        return Path(self.env["SOURCES__WAVE__TOKEN_FILE"])

    @property
    def config_file(self) -> Path:
        return self.dir / ".dlt" / "config.toml"

    @property
    def secrets_file(self) -> Path:
        return self.dir / ".dlt" / "secrets.toml"

    @property
    def db(self) -> Path:
        return self.tmp / "state" / "customer_sync.duckdb"

    def _environ(self) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if not k.startswith("SOURCES__") and k != "DLT_PROJECT_DIR"}
        return {**keep, **self.env}

    def connect(self, *args: str, stdin: str | None = None, open_stdin: bool = False) -> Connecting:
        """`connect ARGS` in the background; `stdin` is written at once and closed, or with
        `open_stdin` the pipe stays open for the test to write to (`Connecting.process.stdin`)."""
        stderr_file = self.tmp / f"connect-{len(list(self.tmp.glob('connect-*')))}.err"
        process = subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "connect", *args, "--no-browser"],
            cwd=self.dir, env=self._environ(), text=True,
            stdin=subprocess.PIPE if stdin is not None or open_stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=stderr_file.open("w"),
        )
        if stdin is not None:
            process.stdin.write(stdin)
            process.stdin.close()
        return Connecting(process, stderr_file)

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        """Another command of the product, run from the project directory (its .dlt is the one read)."""
        return subprocess.run([sys.executable, "-m", "pipelines.cli", "--quiet", "--db", str(self.db), *args],
                              cwd=self.dir, env=self._environ(), text=True, capture_output=True, timeout=300)

    def sql(self, query: str) -> list[tuple]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.execute(query).fetchall()

    def stop(self) -> None:
        self.sandbox.stop()


def start_project(tmp: Path) -> Project:
    clock = Clock()
    sandbox = Sandbox(tmp / "sandbox.json", ports=dict.fromkeys(SYSTEMS, 0), clock=clock)
    sandbox.stores = {system: store_class(clock) for system, (_, store_class) in SYSTEMS.items()}
    for system, store in sandbox.stores.items():
        store.load_seed(SEED[system])
    sandbox.start()
    servers = sandbox.servers
    project_dir = tmp / "project"
    (project_dir / ".dlt").mkdir(parents=True)
    shutil.copy(settings.ROOT / ".dlt" / "config.toml", project_dir / ".dlt" / "config.toml")
    shutil.copy(settings.ROOT / ".dlt" / "secrets.toml.example", project_dir / ".dlt" / "secrets.toml")
    (tmp / "state").mkdir()
    env = {
        "SOURCES__EXACT__BASE_URL": servers["exact"].url,
        "SOURCES__EXACT__TOKEN_FILE": str(tmp / "state" / "exact_tokens.json"),
        "SOURCES__EXACT__REDIRECT_URI": f"http://127.0.0.1:{free_port()}/callback",
        "SOURCES__EXACT__CREDENTIALS__CLIENT_ID": settings.SANDBOX_EXACT_CLIENT_ID,
        "SOURCES__EXACT__CREDENTIALS__CLIENT_SECRET": settings.SANDBOX_EXACT_CLIENT_SECRET,
        # a stale refresh token left in the secrets: it must not override the chain connect starts
        "SOURCES__EXACT__CREDENTIALS__REFRESH_TOKEN": settings.SANDBOX_EXACT_REFRESH_TOKEN,
        "SOURCES__WAVE__GRAPHQL_URL": servers["wave"].url + "/graphql/public",
        "SOURCES__WAVE__OAUTH_URL": servers["wave"].url,
        "SOURCES__WAVE__TOKEN_FILE": str(tmp / "state" / "wave_tokens.json"),
        "SOURCES__WAVE__REDIRECT_URI": f"http://localhost:{free_port()}/wave/callback",
        "SOURCES__CUSTOMPMS__BASE_URL": servers["custompms"].url,
        "SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY": settings.SANDBOX_CUSTOMPMS_KEY,
    }
    return Project(tmp, project_dir, clock, sandbox, env)
