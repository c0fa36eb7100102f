"""Extraction benchmark: each system's dlt pipeline against a plain httpx loop fetching the same pages.

    .venv/bin/python bench/bench_extract.py [--rows 100000] [--repeat 3] [--systems exact,wave,custompms]

Per system, one emulator (in this process, on a free port) is seeded with `--rows` customers by the
sandbox's seed generator. The pipeline run records every request its client sends (a recording
httpx transport); the plain loop then replays exactly those requests with httpx and json-decodes
each answer, nothing else: the floor any extraction must pay. The ratio pipeline/plain is the
overhead of dlt (normalise + load into DuckDB) and of our parsing. A second pipeline run without
changes shows the incremental cost. Exact's per-division limits are raised for the benchmark (both
sides would otherwise spend most of their time waiting for the next minute); the calls are still
counted against the minimum.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

import dlt
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines import settings  # noqa: E402
from pipelines.custompms.client import CustomPMSClient  # noqa: E402
from pipelines.custompms.source import custompms_source  # noqa: E402
from pipelines.exact.client import ExactClient  # noqa: E402
from pipelines.exact.source import exact_source  # noqa: E402
from pipelines.sandbox import custompms, exact, seed, wave  # noqa: E402
from pipelines.sandbox.common import Clock, ServerThread  # noqa: E402
from pipelines.wave.client import WaveClient  # noqa: E402
from pipelines.wave.source import wave_source  # noqa: E402


class Recording(httpx.BaseTransport):
    """Passes requests on and remembers (method, url, headers, body) of each."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[tuple[str, str, dict, bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        self.requests.append((request.method, str(request.url), dict(request.headers), body))
        return self.inner.handle_request(request)


def plain_replay(requests: list[tuple[str, str, dict, bytes]]) -> tuple[float, int]:
    """The same requests, one after the other, each answer json-decoded: seconds and bytes."""
    started, size = time.perf_counter(), 0
    with httpx.Client(timeout=120) as http:
        for method, url, headers, body in requests:
            response = http.request(method, url, headers=headers, content=body or None)
            response.raise_for_status()
            response.json()
            size += len(response.content)
    return time.perf_counter() - started, size


def emulator(system: str, rows: int, clock: Clock):
    data = seed.generate(rows)
    module, store = {"exact": (exact, exact.ExactStore), "wave": (wave, wave.WaveStore),
                     "custompms": (custompms, custompms.CustomPMSStore)}[system]
    store = store(clock)
    store.load_seed(data[system])
    if system == "exact":
        store.minute_limit = store.day_limit = 10**9
    return store, ServerThread(module.create_app(store, clock=clock)).start(), data[system]


def minimum_calls(system: str, part: dict) -> tuple[int, int]:
    """(first run, no-change run): ceil(records / page size) + 1 per endpoint, plus auth and discovery."""
    if system == "exact":
        per_division = [len(accounts) for accounts in part["accounts"].values()]
        first = sum(math.ceil(n / settings.EXACT_SYNC_PAGE_SIZE) + 1 for n in per_division)
        first += 2 * len(per_division)  # sync/Deleted and hrm/Departments, one page each
        return first + 2, 3 * len(per_division) + 1  # + Me and system/Divisions; no-change: 3 per division + 1
    if system == "wave":
        per_business = [len(b["customers"]) for b in part["businesses"]]
        return 1 + sum(math.ceil(n / settings.WAVE_PAGE_SIZE) + 1 for n in per_business), 1 + len(per_business)
    return math.ceil(len(part["customers"]) / settings.CUSTOMPMS_PAGE_SIZE) + 1, 1


def client_for(system: str, url: str, transport: httpx.BaseTransport, tmp: Path, clock: Clock):
    if system == "exact":
        return ExactClient(url, settings.SANDBOX_EXACT_CLIENT_ID, settings.SANDBOX_EXACT_CLIENT_SECRET,
                           settings.SANDBOX_EXACT_REFRESH_TOKEN, tmp / "tokens.json", clock=clock,
                           transport=transport)
    if system == "wave":
        return WaveClient(url + "/graphql/public", settings.SANDBOX_WAVE_TOKEN, transport=transport)
    return CustomPMSClient(url, settings.SANDBOX_CUSTOMPMS_KEY, transport=transport)


def source_for(system: str, client) -> dlt.sources.DltSource:
    if system == "exact":
        return exact_source(base_url=client.base_url, token_file="unused", credentials={
            "client_id": "x", "client_secret": "x", "refresh_token": "x"}, client=client)
    if system == "wave":
        return wave_source(graphql_url=client.graphql_url, credentials={"access_token": "x"}, client=client)
    return custompms_source(base_url=client.base_url, credentials={"api_key": "x"}, client=client)


def calls_of(client) -> int:
    calls = client.calls
    return sum(calls.values()) if hasattr(calls, "values") else int(calls)


def measure(system: str, rows: int, repeat: int) -> dict:
    clock = Clock()
    store, server, part = emulator(system, rows, clock)
    results = []
    tokens = tempfile.TemporaryDirectory()  # one Exact token chain for all repeats: refresh tokens are single-use
    try:
        for attempt in range(repeat):
            with tempfile.TemporaryDirectory() as tmp:
                tmp = Path(tmp)
                recording = Recording()
                client = client_for(system, server.url, recording, Path(tokens.name), clock)
                pipeline = dlt.pipeline(pipeline_name=f"bench_{system}_{attempt}", pipelines_dir=str(tmp / "dlt"),
                                        destination=dlt.destinations.duckdb(str(tmp / "bench.duckdb")),
                                        dataset_name=settings.DATASETS[system])
                started = time.perf_counter()
                pipeline.run(source_for(system, client))
                pipelined = time.perf_counter() - started
                calls = calls_of(client)
                plain, size = plain_replay([r for r in recording.requests if "oauth2/token" not in r[1]])
                rerun_client = client_for(system, server.url, Recording(), Path(tokens.name), clock)
                pipeline.run(source_for(system, rerun_client))
                results.append({"pipeline": pipelined, "plain": plain, "calls": calls,
                                "rerun_calls": calls_of(rerun_client), "bytes": size})
    finally:
        server.stop()
        tokens.cleanup()
    first_min, rerun_min = minimum_calls(system, part)
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    records = sum(map(len, part["accounts"].values())) if system == "exact" else (
        sum(len(b["customers"]) for b in part["businesses"]) if system == "wave" else len(part["customers"]))
    return {"system": system, "rows": records, **median, "first_min": first_min, "rerun_min": rerun_min,
            "ratios": [r["pipeline"] / r["plain"] for r in results]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="customers per system")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--systems", default="exact,wave,custompms")
    args = parser.parse_args()
    print(f"extract {args.rows:,} customers per system, median of {args.repeat} (Exact rate limits raised)")
    print(f"{'system':10} {'rows':>8} {'plain s':>8} {'pipeline s':>10} {'ratio':>6} {'rows/s':>8} "
          f"{'calls':>6} {'min':>5} {'rerun calls':>11} {'min':>4}  ratios")
    for system in args.systems.split(","):
        m = measure(system, args.rows, args.repeat)
        print(f"{system:10} {m['rows']:>8,} {m['plain']:>8.2f} {m['pipeline']:>10.2f} "
              f"{m['pipeline'] / m['plain']:>6.2f} {m['rows'] / m['pipeline']:>8,.0f} {m['calls']:>6.0f} "
              f"{m['first_min']:>5} {m['rerun_calls']:>11.0f} {m['rerun_min']:>4}  "
              + " ".join(f"{r:.2f}" for r in m["ratios"]), flush=True)


if __name__ == "__main__":
    main()
