"""End to end: the first full sync of a seeded sandbox, the sync that settles it, then no-op syncs, with
wall time per stage.

    .venv/bin/python bench/bench_e2e.py [--size 2000] [--noop 3]      (the README's figure: --size 100000)

The sandbox runs in its own process on free ports (the sandbox CLI, as `make sandbox` runs it), seeded
with `--size` customers per system; each sync is `python -m pipelines.cli --db STATE sync` in a new
process, configured through dlt's environment variables (as bench_noop.py does). Stage times are the
run's own (`sync.runs.stage_seconds`); "other" is the rest of the command's wall time (start-up,
imports, the run's bookkeeping, the summary). Prints a markdown table for bench/README.md with the
commit it was measured on.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_noop import ROOT, Bench  # noqa: E402

STAGES = ("extract.exact", "extract.wave", "extract.custompms", "transform", "push")


def row(name: str, wall: float, run: dict) -> str:
    stages = [run["stages"].get(stage, 0.0) for stage in STAGES]
    other = wall - sum(stages)
    calls = "/".join(f"{run['calls'].get(system, 0):,}" for system in ("exact", "wave", "custompms"))
    return (f"| {name} | {wall:.1f} | " + " | ".join(f"{value:.2f}" for value in stages) + f" | {other:.2f} | "
            f"{sum(run['rows'].values()):,} | {run['deltas']:,} | {run['sent']:,} | {calls} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000,
                        help="customers per system (default 2000, so `make bench` stays short; the figure: 100000)")
    parser.add_argument("--noop", type=int, default=3, help="no-op syncs after the sandbox settled (default 3)")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    print(f"end-to-end at {args.size:,} customers per system, commit {commit}{' (modified)' if dirty else ''}, "
          f"{os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}", flush=True)
    lines = []
    with tempfile.TemporaryDirectory(prefix="bench_e2e_") as tmp:
        bench = Bench(Path(tmp), args.size)
        started = time.perf_counter()
        bench.start()
        print(f"sandbox seeded and started in {time.perf_counter() - started:.1f} s", flush=True)
        try:
            names = ["first full sync", "second sync (the creates' ids come back)"]
            for name in names:
                wall = bench.sync()
                run = bench.last_run()
                lines.append(row(name, wall, run))
                print(lines[-1], flush=True)
            noops = []
            for _ in range(args.noop):
                wall = bench.sync()
                noops.append((wall, bench.last_run()))
            if noops:  # --noop 0: the first two syncs only
                wall, run = sorted(noops, key=lambda pair: pair[0])[len(noops) // 2]
                lines.append(row(f"no-op sync (median of {args.noop})", statistics.median(w for w, _ in noops), run))
                print(lines[-1], flush=True)
        finally:
            bench.stop()
    print()
    print("| sync | wall s | " + " | ".join(f"{stage} s" for stage in STAGES)
          + " | other s | rows extracted | deltas | ops sent | API calls exact/wave/custompms |")
    print("|---|" + "---:|" * (len(STAGES) + 6))
    print("\n".join(lines))
    print(f"\ncommit {commit}{' (modified)' if dirty else ''}; load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
