"""`python -m pipelines.sandbox start|stop|status|reseed`: the sandbox behind `make sandbox`.

`start` returns at once when the sandbox already runs, else starts it in the background and returns
when all three emulators answer; the product's commands call `start --quiet` before talking to
the APIs, so every `make` target works in any order.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from pipelines import settings
from pipelines.sandbox.runner import Sandbox

HOW_TO_QUERY = {
    "exact": "OAuth: POST {url}/api/oauth2/token (client_id {cid}, refresh_token from state/exact_tokens.json), "
             "then GET {url}/api/v1/current/Me",
    "wave": "curl -H 'Authorization: Bearer {wave}' -H 'Content-Type: application/json' "
            "-d '{{\"query\": \"{{ businesses {{ edges {{ node {{ id name }} }} }} }}\"}}' {url}/graphql/public",
    "custompms": "curl -H 'Authorization: Bearer {pms}' '{url}/api/v1/customers?limit=2'",
}


def _parse_ports(text: str | None) -> dict[str, int]:
    if not text:
        return {}
    pairs = (item.split("=", 1) for item in text.split(",") if item)
    return {system.strip(): int(port) for system, port in pairs}


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _running_pid(pid_file: Path) -> int | None:
    try:
        pid = int(pid_file.read_text().split()[0])
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError, IndexError):
        return None


def _print_where(sandbox: Sandbox) -> None:
    print(f"sandbox running (data in {sandbox.data_file}):")
    for system, url in sandbox.urls.items():
        print(f"  {system:10} {url}")
        print("             " + HOW_TO_QUERY[system].format(
            url=url, cid=settings.SANDBOX_EXACT_CLIENT_ID, wave=settings.SANDBOX_WAVE_TOKEN,
            pms=settings.SANDBOX_CUSTOMPMS_KEY))


def start(args: argparse.Namespace) -> int:
    sandbox = Sandbox(args.data_file, _parse_ports(args.ports), size=args.size)
    if args.foreground:
        sandbox.serve_forever()
        return 0
    pid = _running_pid(args.pid_file)
    if pid and all(_answers(sandbox.host, port) for port in sandbox.ports.values()):
        if not args.quiet:
            _print_where(sandbox)
        return 0
    busy = [f"{system}:{port}" for system, port in sandbox.ports.items() if _answers(sandbox.host, port)]
    if busy:
        print(f"error: port(s) {', '.join(busy)} already in use by another program; free them or pass "
              "--ports exact=…,wave=…,custompms=…", file=sys.stderr)
        return 2
    args.pid_file.parent.mkdir(parents=True, exist_ok=True)
    log = args.pid_file.with_name("sandbox.log")
    command = [sys.executable, "-m", "pipelines.sandbox", "--data-file", str(sandbox.data_file)]
    if args.ports:
        command += ["--ports", args.ports]
    command += ["start", "--foreground", "--size", str(args.size)]
    with open(log, "ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, cwd=settings.ROOT)
    args.pid_file.write_text(f"{process.pid}\n")
    deadline = time.monotonic() + 60  # a first start seeds and writes the data file
    while not all(_answers(sandbox.host, port) for port in sandbox.ports.values()):
        if process.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace").splitlines()[-15:]
            print("error: the sandbox did not start; its log says:\n  " + "\n  ".join(tail), file=sys.stderr)
            process.kill()
            return 1
        time.sleep(0.1)
    if not args.quiet:
        _print_where(sandbox)
    return 0


def stop(args: argparse.Namespace) -> int:
    pid = _running_pid(args.pid_file)
    if pid is None:
        print("sandbox is not running")
        args.pid_file.unlink(missing_ok=True)
        return 0
    os.kill(pid, signal.SIGTERM)  # it saves its data, then exits
    deadline = time.monotonic() + 30
    while _running_pid(args.pid_file) and time.monotonic() < deadline:
        time.sleep(0.1)
    args.pid_file.unlink(missing_ok=True)
    print(f"sandbox stopped (data kept in {args.data_file})")
    return 0


def status(args: argparse.Namespace) -> int:
    sandbox = Sandbox(args.data_file, _parse_ports(args.ports))
    if _running_pid(args.pid_file) and all(_answers(sandbox.host, p) for p in sandbox.ports.values()):
        _print_where(sandbox)
        return 0
    print("sandbox is not running (`make sandbox` starts it)")
    return 1


def reseed(args: argparse.Namespace) -> int:
    """New seed data. The old sync state refers to records that no longer exist, and Exact's stored
    refresh token to a token chain that no longer exists, so both go too."""
    was_running = _running_pid(args.pid_file) is not None
    if was_running:
        stop(args)
    data_file = Path(args.data_file or settings.SANDBOX_DATA_FILE)
    data_file.unlink(missing_ok=True)
    if data_file == settings.SANDBOX_DATA_FILE:  # the default sandbox: reset the default state with it
        for path in (settings.DUCKDB_FILE, settings.DUCKDB_FILE.with_suffix(".duckdb.wal"),
                     settings.STATE_DIR / "exact_tokens.json"):
            path.unlink(missing_ok=True)
        shutil.rmtree(settings.PIPELINES_DIR, ignore_errors=True)
        print("removed the sync state and Exact tokens of the old data (state/)")
    sandbox = Sandbox(data_file, size=args.size)
    sandbox.load()
    print(f"seeded {args.size} customers per system into {data_file}")
    return start(args) if was_running else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.sandbox", description=__doc__.splitlines()[0])
    parser.add_argument("--data-file", type=Path, default=settings.SANDBOX_DATA_FILE)
    parser.add_argument("--pid-file", type=Path, default=settings.SANDBOX_PID_FILE)
    parser.add_argument("--ports", help="e.g. exact=18751,wave=18752,custompms=18753")
    sub = parser.add_subparsers(dest="command", required=True)
    start_p = sub.add_parser("start", help="start in the background (no-op when running)")
    start_p.add_argument("--quiet", action="store_true")
    start_p.add_argument("--foreground", action="store_true", help="serve in this process until Ctrl-C")
    start_p.add_argument("--size", type=int, default=200, help="customers per system on a first start")
    sub.add_parser("stop", help="stop; the data stays")
    sub.add_parser("status", help="running or not, and where")
    reseed_p = sub.add_parser("reseed", help="throw the data away and seed anew")
    reseed_p.add_argument("--size", type=int, default=200)
    reseed_p.set_defaults(quiet=False, foreground=False)
    args = parser.parse_args(argv)
    return {"start": start, "stop": stop, "status": status, "reseed": reseed}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
