"""Extraction benchmark: each system's dlt pipeline against a plain httpx loop fetching the same pages.

    .venv/bin/python bench/bench_extract.py [--rows 100000] [--repeat 3] [--systems exact,wave,custompms]
                                            [--profile]

Per system, one emulator runs in this process (uvicorn thread, free port), seeded with `--rows`
customers by the sandbox's seed generator. Each repeat times, side by side against that emulator:

- plain: a loop written straight from the API docs that requests the same pages with the same
  auth (Exact bearer token from the same OAuth chain, Wave bearer token, CustomPMS API key), follows
  the same pagination and json-decodes each answer; nothing is stored. The floor of any extraction.
- pipeline: the product's source and client run by dlt into a fresh DuckDB file in a temp dir
  (extract + normalize + load, then the current views: pipelines/rawcurrent.py), as pipelines/extract.py
  runs them.
- rerun: the same pipeline once more with nothing changed in the emulator: its API calls and the
  rows it loaded (should be none).
- before each side, an untimed gc.collect(); the seed and the emulator's records are frozen out of the
  collector's reach first (a real API's records are not in its client's heap; walked by every full
  collection, they cost whichever side ran then 0.3-1 s).
- store (once per system, untimed read): the rows the readers produced, run by dlt from memory into a
  fresh DuckDB file: what storing them costs with no API involved, the part no fetch loop hides.

Printed per system (medians over the repeats): rows, seconds of both, ratio pipeline/plain (goal
<= 1.5), rows/s, dlt's step times, API calls against the issue's bound (ceil(records / page size)
+ 1 per paged endpoint and division/business) and the rerun's calls against one call per endpoint
per division/business. Exact's minute and day limits are raised in the emulator for both sides
(at 60 calls a minute per division both would mostly wait for the next window); calls are still
counted. `--profile` adds a cProfile of one more pipeline run per system.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import math
import multiprocessing
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # the product's .dlt/config.toml, as `make extract` sees it
os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")

import dlt  # noqa: E402
import duckdb  # noqa: E402
import httpx  # noqa: E402
import pyarrow  # noqa: E402

from pipelines import rawcurrent, settings  # noqa: E402
from pipelines.custompms.client import CUSTOMERS as CUSTOMPMS_CUSTOMERS  # noqa: E402
from pipelines.custompms.client import CustomPMSClient  # noqa: E402
from pipelines.custompms.extraction import extraction as custompms_extraction  # noqa: E402
from pipelines.custompms.source import custompms_source  # noqa: E402
from pipelines.exact.client import (  # noqa: E402
    ACCOUNT_FIELDS,
    DELETED_FIELDS,
    DEPARTMENT_FIELDS,
    DIVISION_FIELDS,
    ExactClient,
    _query,
)
from pipelines.exact.extraction import extraction as exact_extraction  # noqa: E402
from pipelines.exact.source import exact_source  # noqa: E402
from pipelines.extract import destination  # noqa: E402
from pipelines.pages import Reader, for_dlt  # noqa: E402
from pipelines.sandbox import custompms, exact, seed, wave  # noqa: E402
from pipelines.sandbox.common import Clock, ServerThread  # noqa: E402
from pipelines.wave import queries  # noqa: E402
from pipelines.wave.client import WaveClient  # noqa: E402
from pipelines.wave.extraction import extraction as wave_extraction  # noqa: E402
from pipelines.wave.source import wave_source  # noqa: E402

SYSTEMS = ("exact", "wave", "custompms")
GOAL = 1.5
RAISED_LIMIT = 10**9
WAVE_PATH = "/graphql/public"


# ---------------------------------------------------------------------- the emulator


@dataclass
class Sandbox:
    system: str
    part: dict
    clock: Clock
    store: Any
    server: Any  # ServerThread or ChildServer: url and stop()
    tokens: Path  # Exact's token file: one OAuth chain for every client of the run (refresh tokens are single use)

    @property
    def url(self) -> str:
        return self.server.url

    def records(self) -> int:
        if self.system == "exact":
            return sum(map(len, self.part["accounts"].values()))
        if self.system == "wave":
            return sum(len(b["customers"]) for b in self.part["businesses"])
        return len(self.part["customers"])


def _store(system: str, part: dict, clock: Clock) -> tuple[Any, Any]:
    module, store_class = {
        "exact": (exact, exact.ExactStore),
        "wave": (wave, wave.WaveStore),
        "custompms": (custompms, custompms.CustomPMSStore),
    }[system]
    store = store_class(clock)
    store.load_seed(part)
    if system == "exact":
        store.minute_limit = store.day_limit = RAISED_LIMIT
    return store, module.create_app(store, clock=clock)


def _serve(system: str, part: dict, conn: Any) -> None:
    """The emulator in a child process (`--emulator process`): sends its url, serves until told to stop."""
    _, app = _store(system, part, Clock())
    server = ServerThread(app).start()
    conn.send(server.url)
    conn.recv()
    server.stop()


class ChildServer:
    """ServerThread's url/stop for an emulator in its own process (own interpreter, own GIL, like a remote API)."""

    def __init__(self, system: str, part: dict) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(system, part, child), daemon=True)
        self.process.start()
        self.url = self.conn.recv()

    def stop(self) -> None:
        self.conn.send("stop")
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()


def start_sandbox(system: str, part: dict, tokens: Path, mode: str = "thread") -> Sandbox:
    """The emulator on a free port: in a uvicorn thread of this process (`thread`, the default) or in a
    child process (`process`). Exact's clock runs at real speed on both sides; its limits are raised."""
    clock = Clock()
    if mode == "process":
        return Sandbox(system, part, clock, None, ChildServer(system, part), tokens)
    store, app = _store(system, part, clock)
    return Sandbox(system, part, clock, store, ServerThread(app).start(), tokens)


# ---------------------------------------------------------------------- the plain loops


class Plain:
    """One keep-alive httpx client; `get`/`post` send, check the status and json-decode, counting calls."""

    def __init__(self, base_url: str, headers: dict[str, str]) -> None:
        self.http = httpx.Client(base_url=base_url, headers=headers, timeout=120)
        self.calls = 0

    def get(self, url: str, params: dict[str, str] | None = None) -> Any:
        self.calls += 1
        return self.http.get(url, params=params).raise_for_status().json()

    def post(self, url: str, body: dict) -> Any:
        self.calls += 1
        return self.http.post(url, json=body).raise_for_status().json()

    def close(self) -> None:
        self.http.close()


def plain_exact(box: Sandbox) -> tuple[int, int]:
    """current/Me, system/Divisions, then per division sync/CRM/Accounts, sync/Deleted (EntityType 2)
    and hrm/Departments, each following `__next` (the requests the source sends on a first run)."""
    auth = ExactClient(
        box.url,
        settings.SANDBOX_EXACT_CLIENT_ID,
        settings.SANDBOX_EXACT_CLIENT_SECRET,
        settings.SANDBOX_EXACT_REFRESH_TOKEN,
        box.tokens,
        clock=box.clock,
    )
    token = auth.tokens.access_token()  # the same OAuth chain (token file) the pipeline's client uses
    auth.close()
    http = Plain(box.url, {"Authorization": f"Bearer {token}", "Accept": "application/json"})
    rows = 0  # accounts

    def collection(path: str, params: dict[str, str]) -> list[dict]:
        found, url = [], path + _query(params)
        while url:
            d = http.get(url)["d"]
            found += d["results"]
            url = d.get("__next")
        return found

    try:
        me = http.get("/api/v1/current/Me" + _query({"$select": "CurrentDivision,UserID"}))
        current = me["d"]["results"][0]["CurrentDivision"]
        divisions = collection(f"/api/v1/{current}/system/Divisions", {"$select": ",".join(DIVISION_FIELDS)})
        for code in [row["Code"] for row in divisions]:
            rows += len(
                collection(
                    f"/api/v1/{code}/sync/CRM/Accounts",
                    {"$filter": "Timestamp gt 0L", "$select": ",".join(ACCOUNT_FIELDS)},
                )
            )
            collection(
                f"/api/v1/{code}/sync/Deleted",
                {
                    "$filter": f"Timestamp gt 0L and EntityType eq {settings.EXACT_ACCOUNT_ENTITY_TYPE}",
                    "$select": ",".join(DELETED_FIELDS),
                },
            )
            collection(f"/api/v1/{code}/hrm/Departments", {"$select": ",".join(DEPARTMENT_FIELDS)})
    finally:
        http.close()
    return http.calls, rows


def plain_wave(box: Sandbox) -> tuple[int, int]:
    """Businesses, then each business's Customers newest first, page by page until totalCount."""
    documents = queries.validated()  # parsed and validated once, as the client does before its first call
    http = Plain(box.url, {"Authorization": f"Bearer {settings.SANDBOX_WAVE_TOKEN}", "Accept": "application/json"})
    rows = 0

    def query(operation: str, variables: dict) -> dict:
        return http.post(
            WAVE_PATH, {"query": documents[operation], "variables": variables, "operationName": operation}
        )["data"]

    try:
        businesses, page = [], 1
        while True:
            connection = query("Businesses", {"page": page, "pageSize": settings.WAVE_PAGE_SIZE})["businesses"]
            businesses += [edge["node"]["id"] for edge in connection["edges"]]
            if page >= connection["pageInfo"]["totalPages"]:
                break
            page += 1
        for business_id in businesses:
            page = 1
            while True:
                connection = query(
                    "Customers",
                    {
                        "businessId": business_id,
                        "page": page,
                        "pageSize": settings.WAVE_PAGE_SIZE,
                        "sort": ["MODIFIED_AT_DESC"],
                        "modifiedAtAfter": None,
                        "modifiedAtBefore": None,
                    },
                )["business"]["customers"]
                rows += len(connection["edges"])
                if not connection["edges"] or page * settings.WAVE_PAGE_SIZE >= connection["pageInfo"]["totalCount"]:
                    break
                page += 1
    finally:
        http.close()
    return http.calls, rows


def plain_custompms(box: Sandbox) -> tuple[int, int]:
    """GET /api/v1/customers (deleted included, 500 a page), following next_cursor."""
    http = Plain(box.url, {"Authorization": f"Bearer {settings.SANDBOX_CUSTOMPMS_KEY}", "Accept": "application/json"})
    params = {"limit": str(settings.CUSTOMPMS_PAGE_SIZE), "include_deleted": "true"}
    rows, cursor = 0, None
    try:
        while True:
            body = http.get(CUSTOMPMS_CUSTOMERS, params | ({"cursor": cursor} if cursor else {}))
            rows += len(body["data"])
            cursor = body.get("next_cursor")
            if not cursor:
                break
    finally:
        http.close()
    return http.calls, rows


PLAIN: dict[str, Callable[[Sandbox], tuple[int, int]]] = {
    "exact": plain_exact,
    "wave": plain_wave,
    "custompms": plain_custompms,
}


# ---------------------------------------------------------------------- the pipeline


def client_for(box: Sandbox) -> Any:
    if box.system == "exact":
        return ExactClient(
            box.url,
            settings.SANDBOX_EXACT_CLIENT_ID,
            settings.SANDBOX_EXACT_CLIENT_SECRET,
            settings.SANDBOX_EXACT_REFRESH_TOKEN,
            box.tokens,
            clock=box.clock,
        )
    if box.system == "wave":
        return WaveClient(box.url + WAVE_PATH, settings.SANDBOX_WAVE_TOKEN)
    return CustomPMSClient(box.url, settings.SANDBOX_CUSTOMPMS_KEY)


def source_for(system: str, client: Any) -> Any:
    if system == "exact":
        return exact_source(
            base_url=client.base_url,
            token_file="unused",
            client=client,
            clock=client.clock,
            credentials={"client_id": "x", "client_secret": "x", "refresh_token": "x"},
        )
    if system == "wave":
        return wave_source(graphql_url=client.graphql_url, credentials={"access_token": "x"}, client=client)
    return custompms_source(base_url=client.base_url, credentials={"api_key": "x"}, client=client)


def calls_of(client: Any) -> int:
    calls = client.calls
    return sum(calls.values()) if hasattr(calls, "values") else int(calls)


@dataclass
class Run:
    seconds: float
    calls: int
    loaded: int  # rows stored for the customers (accounts_history / customers_history: one copy per version)
    quarantined: int
    steps: dict[str, float] = field(default_factory=dict)
    token_calls: int = 0
    cpu: float = 0.0  # CPU seconds of the whole process meanwhile (every thread: emulator, DuckDB, Arrow)


def run_pipeline(box: Sandbox, pipeline: dlt.Pipeline) -> Run:
    client = client_for(box)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        rawcurrent.run(pipeline, box.system, source_for(box.system, client))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        client.close()
    trace = pipeline.last_trace
    counts = trace.last_normalize_info.row_counts if trace.last_normalize_info else {}
    entity = "accounts_history" if box.system == "exact" else "customers_history"
    steps = {
        s.step: (s.finished_at - s.started_at).total_seconds()
        for s in trace.steps
        if s.step in ("extract", "normalize", "load") and s.finished_at
    }
    return Run(
        seconds,
        calls_of(client),
        counts.get(entity, 0),
        counts.get("quarantine", 0),
        steps,
        getattr(client, "token_calls", 0),
        cpu,
    )


def read_items(box: Sandbox) -> list[tuple[Reader, list[Any]]]:
    """Every item the system's readers yield on a first run (no dlt), with the reader that yielded it."""
    client = client_for(box)
    try:
        if box.system == "exact":
            readers = exact_extraction({}, dict, client).readers
        elif box.system == "wave":
            readers = wave_extraction({}, client).readers
        else:
            readers = custompms_extraction({}, client).readers
        return [(reader, list(reader.read({}))) for reader in readers]
    finally:
        client.close()


def run_store(box: Sandbox, pipeline: dlt.Pipeline, items: list[tuple[Reader, list[Any]]]) -> float:
    """Seconds dlt takes to extract, normalize and load those items from memory: the storage part of a
    first run, with no API in it."""
    def replay(found: list[Any]) -> Any:
        return lambda: for_dlt(found)  # a closure: dlt would take a default argument for configuration

    resources = [dlt.resource(replay(found), name=reader.name, **reader.hints)() for reader, found in items]
    started = time.perf_counter()
    rawcurrent.run(pipeline, box.system, resources)
    return time.perf_counter() - started


def new_pipeline(box: Sandbox, tmp: Path) -> dlt.Pipeline:
    return dlt.pipeline(
        pipeline_name=f"bench_{box.system}",
        pipelines_dir=str(tmp / "dlt"),
        destination=destination(str(tmp / f"{box.system}.duckdb")),
        dataset_name=settings.DATASETS[box.system],
    )


# ---------------------------------------------------------------------- bounds from the issue


def bound(records: int, page_size: int) -> int:
    """The issue's minimum for one paged endpoint in one division/business."""
    return math.ceil(records / page_size) + 1


def minimum_calls(system: str, part: dict) -> tuple[int, int]:
    """(first run, run without changes). First run: ceil(records / page size) + 1 per paged endpoint
    and division/business (+ current/Me for Exact). Without changes: one call per endpoint per
    division/business, plus the division/business list."""
    if system == "exact":
        divisions = part["divisions"]
        first = 1 + bound(len(divisions), settings.EXACT_PAGE_SIZE)  # current/Me, system/Divisions
        for division in divisions:
            code = division["Code"]
            first += bound(len(part["accounts"].get(code, [])), settings.EXACT_SYNC_PAGE_SIZE)
            first += bound(0, settings.EXACT_SYNC_PAGE_SIZE)  # sync/Deleted: nothing deleted yet
            first += bound(len(part["departments"].get(code, [])), settings.EXACT_PAGE_SIZE)
        return first, 1 + 3 * len(divisions)
    if system == "wave":
        businesses = part["businesses"]
        first = bound(len(businesses), settings.WAVE_PAGE_SIZE)
        first += sum(bound(len(b["customers"]), settings.WAVE_PAGE_SIZE) for b in businesses)
        return first, 1 + len(businesses)
    return bound(len(part["customers"]), settings.CUSTOMPMS_PAGE_SIZE), 1


# ---------------------------------------------------------------------- measuring


@dataclass
class Result:
    system: str
    records: int
    plain: list[float] = field(default_factory=list)
    plain_calls: list[int] = field(default_factory=list)
    plain_rows: list[int] = field(default_factory=list)
    plain_cpu: list[float] = field(default_factory=list)
    first: list[Run] = field(default_factory=list)
    rerun: list[Run] = field(default_factory=list)
    minimum: tuple[int, int] = (0, 0)
    profile: str = ""
    store: list[float] = field(default_factory=list)
    frozen: int = 0  # objects moved out of the collector's reach before measuring (freeze_setup)

    @property
    def ratios(self) -> list[float]:
        return [run.seconds / plain for run, plain in zip(self.first, self.plain, strict=True)]

    @property
    def cpu_ratios(self) -> list[float]:
        return [run.cpu / plain for run, plain in zip(self.first, self.plain_cpu, strict=True)]


def med(values: list[float]) -> float:
    return statistics.median(values)


def measure(system: str, part: dict, repeat: int, profile: bool, workdir: Path, mode: str) -> Result:
    tokens = workdir / f"{system}_tokens.json"
    box = start_sandbox(system, part, tokens, mode)
    result = Result(system, box.records(), minimum=minimum_calls(system, part))
    plain = PLAIN[system]
    frozen = freeze_setup()
    try:
        for attempt in range(repeat):
            # alternate the order, so neither side always runs on a warmer emulator
            order = ("plain", "pipeline") if attempt % 2 == 0 else ("pipeline", "plain")
            for what in order:
                gc.collect()  # untimed: neither side pays for the garbage the other left
                if what == "plain":
                    started, cpu = time.perf_counter(), time.process_time()
                    calls, rows = plain(box)
                    result.plain.append(time.perf_counter() - started)
                    result.plain_cpu.append(time.process_time() - cpu)
                    result.plain_calls.append(calls)
                    result.plain_rows.append(rows)
                    continue
                with tempfile.TemporaryDirectory(dir=workdir) as tmp:
                    pipeline = new_pipeline(box, Path(tmp))
                    result.first.append(run_pipeline(box, pipeline))
                    result.rerun.append(run_pipeline(box, pipeline))
            items = read_items(box)  # untimed: the readers' output, for the storage-only run
            with tempfile.TemporaryDirectory(dir=workdir) as tmp:
                result.store.append(run_store(box, new_pipeline(box, Path(tmp)), items))
        if profile:
            with tempfile.TemporaryDirectory(dir=workdir) as tmp:
                pipeline = new_pipeline(box, Path(tmp))
                profiler = cProfile.Profile()
                profiler.enable()
                run_pipeline(box, pipeline)
                profiler.disable()
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(18)
                result.profile = out.getvalue()
    finally:
        box.server.stop()
        gc.unfreeze()
    result.frozen = frozen
    return result


def freeze_setup() -> int:
    """Moves what exists now (the seed, the thread emulator's records: several hundred thousand objects)
    out of the collector's reach, and returns how many. A real API's records do not live in its client's
    process; here, every full collection walked them, a stall of 0.3-1 s that landed in whichever side
    happened to run then (a full sync process holds about 100,000 objects after its imports)."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def warm_up(systems: list[str], workdir: Path, mode: str) -> None:
    """One small untimed pipeline run per system: imports, dlt's first-use caches, GraphQL validation."""
    small = seed.generate(200)
    for system in systems:
        box = start_sandbox(system, small[system], workdir / f"warm_{system}_tokens.json", mode)
        try:
            with tempfile.TemporaryDirectory(dir=workdir) as tmp:
                run_pipeline(box, new_pipeline(box, Path(tmp)))
            PLAIN[system](box)
        finally:
            box.server.stop()


# ---------------------------------------------------------------------- output


def report(results: list[Result], repeat: int) -> None:
    head = (
        f"{'system':10} {'rows':>8} {'plain s':>8} {'pipeline s':>10} {'ratio':>6} {'rows/s':>8} "
        f"{'calls':>6} {'min*':>5} {'rerun calls':>11} {'min':>4} {'rerun rows':>10}"
    )
    print()
    print(head)
    print("-" * len(head))
    for r in results:
        pipeline = med([run.seconds for run in r.first])
        ratio = med(r.ratios)
        mark = "ok" if ratio <= GOAL else "OVER"
        print(
            f"{r.system:10} {r.records:>8,} {med(r.plain):>8.2f} {pipeline:>10.2f} {ratio:>6.2f} "
            f"{r.records / pipeline:>8,.0f} {med([x.calls for x in r.first]):>6.0f} {r.minimum[0]:>5} "
            f"{med([x.calls for x in r.rerun]):>11.0f} {r.minimum[1]:>4} {med([x.loaded for x in r.rerun]):>10.0f}"
            f"  {mark}"
        )
    print()
    print(
        f"medians of {repeat} repeat(s); ratio = pipeline / plain (goal <= {GOAL}), each repeat's ratio from the "
        "same repeat; rows/s = rows / pipeline s"
    )
    print(
        "* the issue's bound: ceil(records / page size) + 1 per paged endpoint and division/business (+1 for "
        "Exact's current/Me); APIs that leave the next link off a short last page let a client stay below it"
    )
    print()
    print(
        f"{'system':10} {'ratios per repeat':>24} {'plain rows/s':>12} {'extract s':>9} {'normalize s':>11} "
        f"{'load s':>6} {'store s':>7} {'loaded':>8} {'quar.':>6} {'plain calls':>11} {'token calls':>11}"
    )
    for r in results:
        steps = {name: med([run.steps.get(name, 0.0) for run in r.first]) for name in ("extract", "normalize", "load")}
        print(
            f"{r.system:10} {' '.join(f'{x:.2f}' for x in r.ratios):>24} {r.records / med(r.plain):>12,.0f} "
            f"{steps['extract']:>9.2f} {steps['normalize']:>11.2f} {steps['load']:>6.2f} {med(r.store):>7.2f} "
            f"{med([x.loaded for x in r.first]):>8,.0f} {med([x.quarantined for x in r.first]):>6.0f} "
            f"{med(r.plain_calls):>11.0f} {sum(x.token_calls for x in r.first + r.rerun):>11}"
        )
    print()
    print(f"{'system':10} {'plain cpu s':>11} {'pipeline cpu s':>14} {'cpu ratio':>9} {'cpu ratios per repeat':>24}")
    for r in results:
        print(
            f"{r.system:10} {med(r.plain_cpu):>11.2f} {med([x.cpu for x in r.first]):>14.2f} "
            f"{med(r.cpu_ratios):>9.2f} {' '.join(f'{x:.2f}' for x in r.cpu_ratios):>24}"
        )
    print(
        "CPU seconds of the whole process while each side ran (the emulator thread's included on both sides, "
        "with --emulator thread): on a shared machine the wall times follow its load, the CPU seconds less so"
    )
    for r in results:
        if any(
            rows + q != r.records
            for rows, q in zip([x.loaded for x in r.first], [x.quarantined for x in r.first], strict=True)
        ):
            print(f"WARNING {r.system}: loaded + quarantined != seeded records ({r.records})")
        if any(rows != r.records for rows in r.plain_rows):
            print(f"WARNING {r.system}: the plain loop read {r.plain_rows} rows, seeded {r.records}")
        if any(x.calls != c for x, c in zip(r.first, r.plain_calls, strict=True)):
            print(f"note {r.system}: pipeline calls {[x.calls for x in r.first]} != plain calls {r.plain_calls}")
    print("before measuring, " + ", ".join(f"{r.system} {r.frozen:,}" for r in results)
          + " objects (seed, emulator) were frozen out of the garbage collector's reach (freeze_setup)")
    for r in results:
        if r.profile:
            print(f"\n== cProfile of one more {r.system} pipeline run (by own time)\n{r.profile}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="customers per system (default 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats; the medians are printed (default 3)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset of " + ",".join(SYSTEMS))
    parser.add_argument(
        "--emulator",
        choices=("thread", "process"),
        default="thread",
        help="emulator in a thread of this process (default) or in its own process",
    )
    parser.add_argument("--profile", action="store_true", help="also cProfile one more pipeline run per system")
    args = parser.parse_args()
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    if unknown := sorted(set(systems) - set(SYSTEMS)):
        parser.error(f"unknown system(s): {', '.join(unknown)}")
    where = "in a thread of this process" if args.emulator == "thread" else "each in its own process"
    print(f"extract {args.rows:,} customers per system, {args.repeat} repeat(s), emulators {where}")
    print(
        f"Exact: emulator minute/day limits raised to {RAISED_LIMIT:.0e} for plain and pipeline alike, clock at real "
        f"speed (at the real 60 calls a minute per division both sides would mostly wait for the next window)"
    )
    print(
        f"python {sys.version.split()[0]}, dlt {dlt.__version__}, duckdb {duckdb.__version__}, "
        f"pyarrow {pyarrow.__version__}, {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    started = time.perf_counter()
    data = seed.generate(args.rows)
    print(f"seed generated in {time.perf_counter() - started:.1f} s", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_extract_") as workdir:
        warm_up(systems, Path(workdir), args.emulator)
        for system in systems:
            started = time.perf_counter()
            results.append(measure(system, data[system], args.repeat, args.profile, Path(workdir), args.emulator))
            print(f"{system}: measured in {time.perf_counter() - started:.1f} s", flush=True)
    report(results, args.repeat)
    print(f"load average at the end {os.getloadavg()[0]:.1f} (other work on the machine skews single repeats)")


if __name__ == "__main__":
    main()
