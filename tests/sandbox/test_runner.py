"""The sandbox runner and its CLI over real HTTP: persistence across restarts, the background saver,
background start that is idempotent, stop, status, and clear refusals. Free ports and temp dirs only."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from pipelines import settings
from pipelines.sandbox.common import Clock, free_port
from pipelines.sandbox.runner import SAVE_REST_FACTOR, Sandbox, SandboxDataError, save_wait
from pipelines.sandbox.wave import parse_ms

PMS_HEADERS = {"Authorization": f"Bearer {settings.SANDBOX_CUSTOMPMS_KEY}"}


def _ports() -> dict[str, int]:
    ports = {system: free_port() for system in ("exact", "wave", "custompms")}
    assert not set(ports.values()) & set(settings.SANDBOX_PORTS.values())
    return ports


def _exact_token(base: str) -> str:
    """The authorization-code flow (the bootstrap refresh token is single use)."""
    callback = "http://localhost/cb"
    auth = httpx.post(f"{base}/api/oauth2/auth", data={"client_id": settings.SANDBOX_EXACT_CLIENT_ID,
                                                        "redirect_uri": callback, "response_type": "code",
                                                        "decision": "allow"})
    assert auth.status_code == 302
    code = parse_qs(urlsplit(auth.headers["location"]).query)["code"][0]
    token = httpx.post(f"{base}/api/oauth2/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": callback,
        "client_id": settings.SANDBOX_EXACT_CLIENT_ID, "client_secret": settings.SANDBOX_EXACT_CLIENT_SECRET})
    assert token.status_code == 200, token.text
    return token.json()["access_token"]


class _SlowLoadClock(Clock):
    """Frozen, except that every reading is a second later than the one before: as if each store took a
    second to load before the next read the time."""

    def __init__(self) -> None:
        super().__init__(speed=0.0, start=1_800_000_000.0, instant_sleep=True)
        self.readings = 0

    def now(self) -> float:
        self.readings += 1
        return super().now() + self.readings


def _newest_seeded_ms(box: Sandbox) -> dict[str, int]:
    """Per system, when its newest seeded record was last modified (epoch ms)."""
    exact = box.stores["exact"].to_state()
    wave = box.stores["wave"].to_state()
    pms = box.stores["custompms"].to_state()
    return {
        "exact": max(int(account["Modified"][6:-2]) for division in exact["divisions"]
                     for account in division["accounts"]),
        "wave": max(customer["modifiedAt"] for business in wave["businesses"] for customer in business["customers"]),
        "custompms": max(parse_ms(customer["updated_at"]) for customer in pms["customers"]),
    }


def test_the_seed_is_stamped_from_one_reading_of_the_clock_however_long_each_store_takes(tmp_path):
    # Each store reading the clock as its turn came made the copies of a company a few milliseconds apart
    # or not, by load speed: the golden values, and the number of deltas, moved from run to run
    box = Sandbox(tmp_path / "data.json", clock=_SlowLoadClock(), size=30).load()
    newest = _newest_seeded_ms(box)
    assert len(set(newest.values())) == 1, newest


def test_first_start_seeds_and_an_edit_survives_stop_and_start(tmp_path):
    data_file, ports = tmp_path / "data.json", _ports()
    box = Sandbox(data_file, ports, size=20).start()
    try:
        assert box.seeded and data_file.exists()
        url = box.urls["custompms"] + "/api/v1/customers"
        listed = httpx.get(url, params={"limit": 2}, headers=PMS_HEADERS)
        assert listed.status_code == 200 and len(listed.json()["data"]) == 2
        first = listed.json()["data"][0]
        patched = httpx.patch(f"{url}/{first['id']}", json={"notes": "kept"}, headers=PMS_HEADERS)
        assert patched.status_code == 200
        token = _exact_token(box.urls["exact"])
        me = httpx.get(box.urls["exact"] + "/api/v1/current/Me",
                       headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
        assert me.status_code == 200 and me.json()["d"]["results"][0]["CurrentDivision"] == 101
        graphql = httpx.post(box.urls["wave"] + "/graphql/public",
                             json={"query": "{ businesses { edges { node { name } } } }"},
                             headers={"Authorization": f"Bearer {settings.SANDBOX_WAVE_TOKEN}"})
        assert len(graphql.json()["data"]["businesses"]["edges"]) == 2
    finally:
        box.stop()
    again = Sandbox(data_file, ports, size=999).start()  # the file wins over size
    try:
        assert not again.seeded
        assert httpx.get(f"{url}/{first['id']}", headers=PMS_HEADERS).json()["notes"] == "kept"
        assert again.custompms.stats()["customers"] == 20
        # Exact's token chain persisted too: the access token still works after the restart
        me = httpx.get(again.urls["exact"] + "/api/v1/current/Me",
                       headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
        assert me.status_code == 200
    finally:
        again.stop()


def test_the_saver_thread_writes_changes_without_a_stop(tmp_path):
    data_file = tmp_path / "data.json"
    box = Sandbox(data_file, _ports(), size=5, save_every=0.1).start()
    try:
        assert not box.save()  # nothing changed since the seed was written
        created = httpx.post(box.urls["custompms"] + "/api/v1/customers", json={"name": "Saved Without Stop BV"},
                             headers=PMS_HEADERS)
        assert created.status_code == 201
        deadline = time.monotonic() + 5
        while "Saved Without Stop BV" not in data_file.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the saver did not write the change"
            time.sleep(0.05)
        saved = json.loads(data_file.read_text(encoding="utf-8"))
        assert saved["format"] == 1 and {"exact", "wave", "custompms"} <= set(saved)
        assert not list(tmp_path.glob(".*.tmp"))  # written through a temp file, renamed into place
    finally:
        box.stop()


def test_the_saver_rests_longer_after_a_long_save():
    # a save holds the store's lock and the GIL: a 2 s save every 2 s would leave the emulators frozen
    assert save_wait(2.0, 0.01) == 2.0
    assert save_wait(2.0, 1.5) == SAVE_REST_FACTOR * 1.5
    share = 1.5 / (1.5 + save_wait(2.0, 1.5))
    assert share <= 1 / (SAVE_REST_FACTOR + 1) + 1e-9


def test_a_corrupt_data_file_is_a_clear_error(tmp_path):
    data_file = tmp_path / "data.json"
    data_file.write_text("{not json")
    with pytest.raises(SandboxDataError, match="reseed"):
        Sandbox(data_file, _ports()).load()


# ---------------------------------------------------------------------- the CLI


class Cli:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.ports = _ports()
        self.pid_file = tmp_path / "sandbox.pid"
        self.data_file = tmp_path / "data.json"
        self.options = ["--data-file", str(self.data_file), "--pid-file", str(self.pid_file),
                        "--ports", ",".join(f"{system}={port}" for system, port in self.ports.items())]

    def run(self, *args: str, before: bool = False) -> subprocess.CompletedProcess:
        argv = [*self.options, *args] if before else [*args, *self.options]
        return subprocess.run([sys.executable, "-m", "pipelines.sandbox", *argv], capture_output=True, text=True,
                              timeout=60, cwd=settings.ROOT)

    def pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None

    def url(self, system: str) -> str:
        return f"http://127.0.0.1:{self.ports[system]}"

    def cleanup(self) -> None:
        """Only the process this test started, by its pid."""
        pid = self.pid()
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.fixture
def cli(tmp_path):
    box = Cli(tmp_path)
    yield box
    box.cleanup()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"


def test_cli_start_is_idempotent_status_counts_and_stop_keeps_the_data(cli):
    started = cli.run("start", "--size", "10")
    assert started.returncode == 0, started.stderr
    assert cli.url("custompms") in started.stdout and "/graphql/public" in started.stdout
    assert "/api/oauth2/token" in started.stdout and settings.SANDBOX_EXACT_CLIENT_ID in started.stdout
    pid = cli.pid()
    assert pid is not None and (cli.tmp / "sandbox.log").exists()

    again = cli.run("start", "--quiet", before=True)  # options before the command work too
    assert again.returncode == 0 and again.stdout == "" and cli.pid() == pid  # no second process

    status = cli.run("status")
    assert status.returncode == 0 and f"pid {pid}" in status.stdout
    assert "10 accounts" in status.stdout and "10 customers in 2 businesses" in status.stdout

    created = httpx.post(cli.url("custompms") + "/api/v1/customers", json={"name": "Kept Across Stop BV"},
                         headers=PMS_HEADERS)
    assert created.status_code == 201
    stopped = cli.run("stop")
    assert stopped.returncode == 0 and _gone(pid) and not cli.pid_file.exists()
    assert "Kept Across Stop BV" in cli.data_file.read_text(encoding="utf-8")  # saved on SIGTERM

    status = cli.run("status")
    assert status.returncode == 1 and "not running" in status.stdout and "11 customers" in status.stdout
    assert cli.run("stop").stdout.strip() == "sandbox is not running"


def test_concurrent_starts_make_one_sandbox_and_reseed_restarts_it(cli):
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: cli.run("start", "--quiet", "--size", "5"), range(2)))
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    pid = cli.pid()
    assert httpx.get(cli.url("custompms") + "/api/v1/customers", headers=PMS_HEADERS).json()["data"]

    reseeded = cli.run("reseed", "--size", "7")
    assert reseeded.returncode == 0, reseeded.stderr
    assert _gone(pid) and cli.pid() not in (None, pid)  # stopped, reseeded, started again
    listed = httpx.get(cli.url("custompms") + "/api/v1/customers", headers=PMS_HEADERS, params={"limit": 100})
    assert len(listed.json()["data"]) == 7
    assert cli.run("stop").returncode == 0


def test_start_refuses_ports_of_another_program_and_reports_a_bad_data_file(cli):
    with socket.socket() as other:
        other.bind(("127.0.0.1", cli.ports["wave"]))
        other.listen()
        refused = cli.run("start")
    assert refused.returncode == 2 and f"wave:{cli.ports['wave']}" in refused.stderr
    assert cli.pid() is None

    cli.data_file.write_text("{not json")
    failed = cli.run("start")
    assert failed.returncode == 1 and "cannot read the sandbox data file" in failed.stderr
    assert cli.pid() is None
