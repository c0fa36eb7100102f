"""No-op sync benchmark: `sync` with nothing to do, against its floor.

    .venv/bin/python bench/bench_noop.py [--repeat 5] [--size 200]

The sandbox runs in its own process on free ports (the sandbox CLI, as `make sandbox` runs it), seeded
with `--size` customers per system, and a state file in a temp dir is synced until a sync computes no
delta and sends nothing. Then, alternating the order each repeat, two commands are timed as a user
starts them (a new Python process each, wall time):

- sync: `python -m pipelines.cli --db STATE sync`, configured through dlt's environment variables;
- floor: bench/noop_floor.py, a bare script that starts Python, opens the same state file for the
  cursors, makes the same API calls against the same emulators, and exits.

Printed: both medians, the ratio sync/floor (goal <= 2), the API calls of each per system, and the
no-op sync's stages (sync.runs.stage_seconds, medians) with the rest of its wall time (start-up:
Python, imports, config, the sandbox check, the run's own bookkeeping).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines import settings  # noqa: E402
from pipelines.sandbox.common import free_port  # noqa: E402

GOAL = 2.0
SYSTEMS = ("exact", "wave", "custompms")


class Bench:
    def __init__(self, tmp: Path, size: int) -> None:
        self.tmp, self.db = tmp, tmp / "state" / "customer_sync.duckdb"
        self.db.parent.mkdir()
        self.tokens = tmp / "exact_tokens.json"
        self.ports = {system: free_port() for system in SYSTEMS}
        self.urls = {system: f"http://127.0.0.1:{port}" for system, port in self.ports.items()}
        self.sandbox = [sys.executable, "-m", "pipelines.sandbox", "--data-file", str(tmp / "sandbox" / "data.json"),
                        "--pid-file", str(tmp / "sandbox" / "sandbox.pid"),
                        "--ports", ",".join(f"{k}={v}" for k, v in self.ports.items())]
        self.size = size
        self.env = os.environ | {
            "SOURCES__EXACT__BASE_URL": self.urls["exact"],
            "SOURCES__EXACT__TOKEN_FILE": str(self.tokens),
            "SOURCES__WAVE__GRAPHQL_URL": self.urls["wave"] + "/graphql/public",
            "SOURCES__CUSTOMPMS__BASE_URL": self.urls["custompms"],
            "SOURCES__EXACT__CREDENTIALS__CLIENT_ID": settings.SANDBOX_EXACT_CLIENT_ID,
            "SOURCES__EXACT__CREDENTIALS__CLIENT_SECRET": settings.SANDBOX_EXACT_CLIENT_SECRET,
            "SOURCES__EXACT__CREDENTIALS__REFRESH_TOKEN": settings.SANDBOX_EXACT_REFRESH_TOKEN,
            "SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN": settings.SANDBOX_WAVE_TOKEN,
            "SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY": settings.SANDBOX_CUSTOMPMS_KEY,
            "RUNTIME__DLTHUB_TELEMETRY": "false",
        }

    def start(self) -> None:
        # as an installed package runs: with its bytecode compiled (pip compiles a wheel's modules; the
        # editable install does not, and under PYTHONDONTWRITEBYTECODE every start would compile it anew)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipelines")], check=True)
        subprocess.run([*self.sandbox, "start", "--quiet", "--size", str(self.size)], check=True, cwd=ROOT)

    def stop(self) -> None:
        subprocess.run([*self.sandbox, "stop"], cwd=ROOT, capture_output=True)

    def sync(self) -> float:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pipelines.cli", "--quiet", "--db", str(self.db), "sync"],
                              cwd=ROOT, env=self.env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise SystemExit(f"sync failed ({done.returncode}):\n{done.stderr[-3000:]}")
        return seconds

    def floor(self) -> tuple[float, dict[str, int]]:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "noop_floor.py"), "--db", str(self.db),
                               "--token-file", str(self.tokens), "--exact", self.urls["exact"],
                               "--wave", self.urls["wave"] + "/graphql/public", "--custompms", self.urls["custompms"]],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        return time.perf_counter() - started, json.loads(done.stdout)

    def last_run(self) -> dict:
        import duckdb

        with duckdb.connect(str(self.db), read_only=True) as con:
            row = con.execute("select deltas, ops_sent, api_calls, stage_seconds, status, rows_extracted "
                              "from sync.runs order by started_at desc limit 1").fetchone()
        return {"deltas": row[0], "sent": row[1], "calls": json.loads(row[2]), "stages": json.loads(row[3]),
                "status": row[4], "rows": json.loads(row[5] or "{}")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5); medians printed")
    parser.add_argument("--size", type=int, default=200, help="customers per system in the sandbox (default 200)")
    args = parser.parse_args()
    print(f"no-op sync against its floor, sandbox of {args.size} customers per system in its own process, "
          f"{args.repeat} repeat(s), {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_noop_") as tmp:
        bench = Bench(Path(tmp), args.size)
        bench.start()
        try:
            for settle in range(1, 6):  # until a sync finds nothing to do (creates need a second round)
                bench.sync()
                last = bench.last_run()
                if last["deltas"] == 0 and last["sent"] == 0:
                    break
            else:
                raise SystemExit(f"the sandbox did not settle after {settle} syncs: {last}")
            print(f"settled after {settle} sync(s)", flush=True)
            syncs, floors, runs, floor_calls = [], [], [], []
            for attempt in range(args.repeat):
                for what in (("floor", "sync") if attempt % 2 == 0 else ("sync", "floor")):
                    if what == "sync":
                        syncs.append(bench.sync())
                        runs.append(bench.last_run())
                    else:
                        seconds, calls = bench.floor()
                        floors.append(seconds)
                        floor_calls.append(calls)
        finally:
            bench.stop()
    busy = [run for run in runs if run["deltas"] or run["sent"]]
    sync_s, floor_s = statistics.median(syncs), statistics.median(floors)
    ratio = statistics.median([s / f for s, f in zip(syncs, floors, strict=True)])
    print()
    print(f"no-op sync {sync_s:.2f} s, floor {floor_s:.2f} s (medians of {args.repeat}); "
          f"sync/floor {ratio:.2f} (goal <= {GOAL:g}) {'ok' if ratio <= GOAL else 'OVER'}")
    print("each repeat: sync " + " ".join(f"{s:.2f}" for s in syncs)
          + "; floor " + " ".join(f"{f:.2f}" for f in floors))
    calls = {system: statistics.median([run["calls"].get(system, 0) for run in runs]) for system in SYSTEMS}
    floor_median = {system: statistics.median([c[system] for c in floor_calls]) for system in SYSTEMS}
    print(f"API calls: sync {calls} = {sum(calls.values()):g}; floor {floor_median} = {sum(floor_median.values()):g}")
    names = sorted({name for run in runs for name in run["stages"]})
    stages = {name: statistics.median([run["stages"].get(name, 0.0) for run in runs]) for name in names}
    rest = sync_s - sum(stages.values())
    print("no-op sync stages (medians, s): " + ", ".join(f"{name} {value:.3f}" for name, value in stages.items())
          + f"; the rest (start-up, imports, config, sandbox check, run bookkeeping) {rest:.2f}")
    if busy:
        print(f"WARNING: {len(busy)} timed sync(s) had work to do: {busy}")


if __name__ == "__main__":
    main()
