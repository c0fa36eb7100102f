"""The sandbox runner and its CLI: background start, idempotent start, persistence across restarts."""

from __future__ import annotations

import subprocess
import sys

import httpx

from pipelines import settings
from pipelines.sandbox.common import free_port
from pipelines.sandbox.runner import Sandbox


def test_an_edit_survives_stop_and_start(tmp_path):
    ports = {system: free_port() for system in ("exact", "wave", "custompms")}
    box = Sandbox(tmp_path / "data.json", ports, size=20).start()
    headers = {"Authorization": f"Bearer {settings.SANDBOX_CUSTOMPMS_KEY}"}
    url = box.urls["custompms"] + "/api/v1/customers"
    first = httpx.get(url, params={"limit": 1}, headers=headers).json()["data"][0]
    patched = httpx.patch(f"{url}/{first['id']}", json={"notes": "kept"}, headers=headers)
    assert patched.status_code == 200
    box.stop()
    again = Sandbox(tmp_path / "data.json", ports).start()
    try:
        assert httpx.get(f"{url}/{first['id']}", headers=headers).json()["notes"] == "kept"
    finally:
        again.stop()


def test_cli_start_is_idempotent_and_stop_stops(tmp_path):
    ports = ",".join(f"{system}={free_port()}" for system in ("exact", "wave", "custompms"))
    base = [sys.executable, "-m", "pipelines.sandbox", "--data-file", str(tmp_path / "data.json"),
            "--pid-file", str(tmp_path / "sandbox.pid"), "--ports", ports]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*base, *args], capture_output=True, text=True, timeout=90, cwd=settings.ROOT)

    try:
        started = run("start", "--size", "10")
        assert started.returncode == 0, started.stderr
        assert "custompms" in started.stdout and "/graphql/public" in started.stdout
        pid = (tmp_path / "sandbox.pid").read_text()
        assert run("start", "--quiet").returncode == 0
        assert (tmp_path / "sandbox.pid").read_text() == pid  # no second process
        assert run("status").returncode == 0
    finally:
        assert run("stop").returncode == 0
    assert run("status").returncode == 1
    assert (tmp_path / "data.json").exists()
