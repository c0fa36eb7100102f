"""`python -m pipelines.sandbox start|stop|status|reseed`: the sandbox behind `make sandbox`.

`start` returns at once when the sandbox already runs; otherwise it starts it in the background
(`start --foreground` in a new session, output to sandbox.log next to the pid file) and returns when
all three emulators accept connections. The product's commands call `start --quiet` before talking
to the APIs, so every `make` target works in any order. Concurrent `start`s are serialised by a lock
file, so two never spawn two sandboxes.

Exit codes: 0 done (status: running); 1 failed (status: not running); 2 refused (ports taken by
another program, bad arguments).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from pipelines import settings
from pipelines.sandbox import answers
from pipelines.sandbox.runner import SYSTEMS, Sandbox, SandboxDataError, read_data_file

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 60.0


# ---------------------------------------------------------------------- helpers


def _parse_ports(text: str | None) -> dict[str, int]:
    """"exact=18751,wave=18752,custompms=18753" (any subset) -> {"exact": 18751, ...}."""
    ports: dict[str, int] = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        system, _, port = item.partition("=")
        system = system.strip()
        if system not in SYSTEMS or not port.strip().isdigit():
            raise argparse.ArgumentTypeError(f"bad --ports item {item!r}: use exact=N,wave=N,custompms=N")
        ports[system] = int(port)
    return ports


def _all_answer(sandbox: Sandbox) -> bool:
    return all(answers(sandbox.host, port) for port in sandbox.ports.values())


def _is_sandbox_process(pid: int) -> bool:
    """Alive, not a zombie, and (where /proc tells) running pipelines.sandbox: a recycled pid is not ours."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # someone else's process now carries that pid
    proc = Path(f"/proc/{pid}")
    if not proc.exists():
        return True
    try:
        if proc.joinpath("stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
        return b"pipelines.sandbox" in proc.joinpath("cmdline").read_bytes()
    except (OSError, IndexError):
        return False


def _running_pid(pid_file: Path) -> int | None:
    try:
        pid = int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid if _is_sandbox_process(pid) else None


@contextlib.contextmanager
def _start_lock(pid_file: Path) -> Iterator[None]:
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    with open(pid_file.with_name(pid_file.name + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sandbox(args: argparse.Namespace) -> Sandbox:
    return Sandbox(args.data_file, args.ports, size=getattr(args, "size", 200), seed=getattr(args, "seed", 42))


def _log_file(args: argparse.Namespace) -> Path:
    return args.pid_file.with_name("sandbox.log")


def _tail(path: Path, offset: int = 0, lines: int = 20) -> str:
    try:
        with open(path, "rb") as log:
            log.seek(offset)
            text = log.read().decode("utf-8", "replace")
    except OSError:
        return "(no log)"
    return "\n".join("  " + line for line in text.splitlines()[-lines:]) or "  (the log is empty)"


def how_to_query(urls: dict[str, str]) -> dict[str, list[str]]:
    """Commands to paste: each system's auth, and one read."""
    exact_url, wave_url, pms_url = urls["exact"], urls["wave"], urls["custompms"]
    client = f"client_id={settings.SANDBOX_EXACT_CLIENT_ID}"
    callback = "redirect_uri=http://localhost/cb"
    return {
        "exact": [
            f"code:  curl -s -o /dev/null -w '%{{redirect_url}}\\n' -d {client} -d {callback} "
            f"-d response_type=code -d decision=allow {exact_url}/api/oauth2/auth",
            f"token: curl -d grant_type=authorization_code -d {client} "
            f"-d client_secret={settings.SANDBOX_EXACT_CLIENT_SECRET} -d {callback} -d code=<code> "
            f"{exact_url}/api/oauth2/token",
            f"then:  curl -H 'Accept: application/json' -H 'Authorization: Bearer <access_token>' "
            f"{exact_url}/api/v1/current/Me",
        ],
        "wave": [
            f"curl -H 'Authorization: Bearer {settings.SANDBOX_WAVE_TOKEN}' -H 'Content-Type: application/json' "
            "-d '{\"query\": \"{ businesses { edges { node { id name } } } }\"}' " + f"{wave_url}/graphql/public",
        ],
        "custompms": [
            f"curl -H 'Authorization: Bearer {settings.SANDBOX_CUSTOMPMS_KEY}' '{pms_url}/api/v1/customers?limit=2'",
        ],
    }


def _print_where(sandbox: Sandbox, pid: int | None, counts: dict[str, str] | None = None) -> None:
    """Where each emulator listens, then how to query it (or, for `status`, how many records it has)."""
    print(f"sandbox running{f' (pid {pid})' if pid else ''}, data in {sandbox.data_file}")
    hints = how_to_query(sandbox.urls)
    for system, url in sandbox.urls.items():
        print(f"  {system:<10} {url}" + (f"  {counts[system]}" if counts else ""))
        for line in [] if counts else hints[system]:
            print(f"             {line}")


# ---------------------------------------------------------------------- commands


def start(args: argparse.Namespace) -> int:
    if args.foreground:
        return _foreground(args)
    sandbox = _sandbox(args)
    with _start_lock(args.pid_file):
        pid = _running_pid(args.pid_file)
        if pid is not None:  # running, or (started in a terminal) still loading its data
            if _wait_until_up(sandbox, pid, None, START_TIMEOUT_S):
                if not args.quiet:
                    _print_where(sandbox, pid)
                return 0
            print(f"error: sandbox pid {pid} runs but its ports {sorted(sandbox.ports.values())} do not answer; "
                  f"`python -m pipelines.sandbox stop` and start again. Its log ({_log_file(args)}):\n"
                  f"{_tail(_log_file(args))}", file=sys.stderr)
            return 1
        taken = [f"{system}:{port}" for system, port in sandbox.ports.items() if answers(sandbox.host, port)]
        if taken:
            print(f"error: port(s) {', '.join(taken)} already in use by another program; stop it, or pass "
                  "--ports exact=N,wave=N,custompms=N", file=sys.stderr)
            return 2
        return _spawn(args, sandbox)


def _spawn(args: argparse.Namespace, sandbox: Sandbox) -> int:
    log = _log_file(args)
    offset = log.stat().st_size if log.exists() else 0
    ports = ",".join(f"{system}={port}" for system, port in sandbox.ports.items())
    command = [sys.executable, "-m", "pipelines.sandbox", "start", "--foreground",
               "--data-file", str(args.data_file), "--pid-file", str(args.pid_file), "--ports", ports,
               "--size", str(args.size), "--seed", str(args.seed)]
    with open(log, "ab") as out:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True, cwd=settings.ROOT,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1"})
    args.pid_file.write_text(f"{process.pid}\n")
    timeout = START_TIMEOUT_S
    if args.data_file.exists():
        timeout += args.data_file.stat().st_size / 10e6  # ~1 s per 10 MB to read (100k per system: ~20 MB)
    else:
        timeout += args.size / 5000  # seeding and the first save
    if not _wait_until_up(sandbox, process.pid, process, timeout):
        if process.poll() is None:
            process.kill()
            process.wait()
        with contextlib.suppress(OSError):
            if args.pid_file.read_text().split()[0] == str(process.pid):
                args.pid_file.unlink()
        print(f"error: the sandbox did not start within {timeout:.0f} s; its log ({log}) says:\n"
              f"{_tail(log, offset)}", file=sys.stderr)
        return 1
    if not args.quiet:
        _print_where(sandbox, process.pid)
    return 0


def _wait_until_up(sandbox: Sandbox, pid: int, process: subprocess.Popen | None, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if _all_answer(sandbox):
            return True
        alive = process.poll() is None if process is not None else _is_sandbox_process(pid)
        if not alive or time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def _foreground(args: argparse.Namespace) -> int:
    sandbox = _sandbox(args)
    args.pid_file.parent.mkdir(parents=True, exist_ok=True)
    args.pid_file.write_text(f"{os.getpid()}\n")

    def ready(box: Sandbox) -> None:
        how = "seeded" if box.seeded else "loaded"
        print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} sandbox {how} ({args.data_file}), serving:", flush=True)
        for system, url in box.urls.items():
            print(f"  {system:<10} {url}", flush=True)

    try:
        sandbox.serve_forever(on_ready=ready)
    except (SandboxDataError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        with contextlib.suppress(OSError, IndexError):
            if args.pid_file.read_text().split()[0] == str(os.getpid()):
                args.pid_file.unlink()
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} sandbox stopped, data saved", flush=True)
    return 0


def stop(args: argparse.Namespace) -> int:
    pid = _running_pid(args.pid_file)
    if pid is None:
        args.pid_file.unlink(missing_ok=True)  # stale
        print("sandbox is not running")
        return 0
    os.kill(pid, signal.SIGTERM)  # it stops serving, saves its data, then exits
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while _is_sandbox_process(pid):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            print(f"warning: the sandbox did not stop within {STOP_TIMEOUT_S:.0f} s and was killed; "
                  "changes of its last seconds may be lost", file=sys.stderr)
            break
        time.sleep(0.05)
    args.pid_file.unlink(missing_ok=True)
    print(f"sandbox stopped (data kept in {args.data_file})")
    return 0


def _live_counts(sandbox: Sandbox) -> dict[str, str]:
    import httpx

    urls = sandbox.urls
    with httpx.Client(timeout=10) as http:
        exact_stats = http.get(f"{urls['exact']}/_sandbox/exact/stats").json()
        wave_stats = http.get(f"{urls['wave']}/_sandbox/wave/businesses").json()
        pms_stats = http.get(f"{urls['custompms']}/_sandbox/custompms/stats").json()
    divisions = exact_stats["divisions"]
    return {
        "exact": f"{sum(d['accounts'] for d in divisions.values())} accounts in {len(divisions)} divisions",
        "wave": f"{sum(b['customers'] for b in wave_stats['businesses'])} customers in "
                f"{len(wave_stats['businesses'])} businesses",
        "custompms": f"{pms_stats['customers'] - pms_stats['deleted']} customers ({pms_stats['deleted']} deleted)",
    }


def _file_counts(path: Path) -> dict[str, str]:
    state = read_data_file(path)
    divisions = state["exact"].get("divisions", [])
    businesses = state["wave"].get("businesses", [])
    customers = state["custompms"].get("customers", [])
    deleted = sum(1 for rec in customers if rec.get("deleted"))
    return {
        "exact": f"{sum(len(d['accounts']) for d in divisions)} accounts, "
                 f"{sum(len(d['departments']) for d in divisions)} departments in {len(divisions)} divisions",
        "wave": f"{sum(len(b['customers']) for b in businesses)} customers in {len(businesses)} businesses",
        "custompms": f"{len(customers) - deleted} customers ({deleted} deleted)",
    }


def status(args: argparse.Namespace) -> int:
    """Running: where, and the live record counts (exit 0). Not running: the data file's counts (exit 1)."""
    sandbox = _sandbox(args)
    pid = _running_pid(args.pid_file)
    if pid is not None and _all_answer(sandbox):
        try:
            counts = _live_counts(sandbox)
        except Exception as exc:  # where it runs matters more than the counts
            counts = {system: f"(no stats: {exc})" for system in SYSTEMS}
        _print_where(sandbox, pid, counts)
        return 0
    state = "starting (ports not answering yet)" if pid is not None else "not running"
    print(f"sandbox is {state} (`make sandbox` starts it)")
    if not args.data_file.exists():
        print(f"no data file yet ({args.data_file}); the first start seeds it")
        return 1
    print(f"data in {args.data_file} ({args.data_file.stat().st_size / 1e6:.1f} MB)")
    try:
        counts = _file_counts(args.data_file)
    except SandboxDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for system, text in counts.items():
        print(f"  {system:<10} {text}")
    return 1


def reseed(args: argparse.Namespace) -> int:
    """New seed data. The old sync state refers to records that no longer exist, and Exact's stored
    refresh token to a token chain that no longer exists, so for the default sandbox both go too."""
    was_running = _running_pid(args.pid_file) is not None
    if was_running:
        stop(args)
    started = time.perf_counter()
    _sandbox(args).load(fresh=True)
    print(f"seeded {args.size} customers per system (seed {args.seed}) into {args.data_file} "
          f"in {time.perf_counter() - started:.1f} s")
    if args.data_file.resolve() == settings.SANDBOX_DATA_FILE.resolve():
        removed = [path for path in (settings.DUCKDB_FILE, settings.DUCKDB_FILE.with_suffix(".duckdb.wal"),
                                     settings.STATE_DIR / "exact_tokens.json", settings.PIPELINES_DIR)
                   if path.exists()]
        for path in removed:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        if removed:
            print("removed the sync state of the old data: " + ", ".join(str(p.relative_to(settings.ROOT))
                                                                        for p in removed))
    if was_running:
        args.foreground = False
        return start(args)
    return 0


# ---------------------------------------------------------------------- arguments


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """The path and port options, accepted before and after the command (`--data-file P start`
    and `start --data-file P`)."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument("--data-file", type=Path, default=default(settings.SANDBOX_DATA_FILE),
                        help="the persisted data (default: state/sandbox/data.json)")
    parser.add_argument("--pid-file", type=Path, default=default(settings.SANDBOX_PID_FILE),
                        help="the background process's pid (default: state/sandbox/sandbox.pid)")
    parser.add_argument("--ports", type=_parse_ports, default=default({}),
                        help="e.g. exact=18751,wave=18752,custompms=18753 (default: 8751-8753)")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m pipelines.sandbox", description=__doc__.splitlines()[0])
    _common(root, suppress=False)
    sub = root.add_subparsers(dest="command", required=True)
    start_p = sub.add_parser("start", help="start in the background (returns at once when it runs)")
    start_p.add_argument("--quiet", action="store_true", help="print nothing when all is well")
    start_p.add_argument("--foreground", action="store_true", help="serve in this process until Ctrl-C")
    sub.add_parser("stop", help="stop; the data stays")
    sub.add_parser("status", help="running or not, where, and how many records")
    reseed_p = sub.add_parser("reseed", help="throw the data away and seed anew (restarts when it ran)")
    reseed_p.set_defaults(quiet=False, foreground=False)
    for command, sub_parser in sub.choices.items():
        _common(sub_parser, suppress=True)
        if command in ("start", "reseed"):
            sub_parser.add_argument("--size", type=int, default=200,
                                    help="customers per system when seeding (default 200)")
            sub_parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.data_file, args.pid_file = args.data_file.absolute(), args.pid_file.absolute()
    if getattr(args, "size", 0) < 0:
        print("error: --size must be >= 0", file=sys.stderr)
        return 2
    return {"start": start, "stop": stop, "status": status, "reseed": reseed}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
