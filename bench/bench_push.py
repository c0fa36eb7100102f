"""Push benchmark: CustomPMS creates against the concurrency bound, Wave patches against a plain loop, Exact
updates against 60 a minute.

    .venv/bin/python bench/bench_push.py [--creates 10000] [--latency-ms 5] [--repeat 3] [--exact-updates 180]
                                         [--speed 10] [--wave-updates 1000] [--wave-backlog 100000]

Both run the real push stage (outbox rows in a DuckDB file, in_flight/succeeded transactions per chunk
of operations, the system's writer and client) against an emulator.
- CustomPMS: `--creates` creates with `--latency-ms` added to every answer, the emulator in its own
  process; each repeat runs a plain async httpx loop (the same POSTs, no bookkeeping) and the push side by
  side. Printed: medians of both rates, push/plain (goal >= 0.8), the concurrency bound
  (concurrency / latency operations a second), and the CPU this process spent per operation on each
  side (all its threads, DuckDB's too), which a busy machine disturbs far less than the rates.
- Wave: `--wave-updates` customerPatch mutations (one field each) with `--latency-ms` added, the emulator
  in its own process, against a plain loop sending the same mutations one after another as the writer
  does (Wave has no bulk patch), each side on its own customers. The state file holds `--wave-backlog`
  earlier succeeded operations and four ledger rows for each (what a first sync of a 100k sandbox
  leaves), since the bookkeeping reads the outbox and the ledger. Printed: medians of both rates and
  push/plain (goal >= 0.8).
- Exact: `--exact-updates` Account PUTs in one division, with the sandbox clock (shared by emulator
  and client) sped up `--speed` times so a minute passes in 60/speed seconds. Achieved rate over
  the allowed 60 a minute (goal >= 0.95), and the number of 429 answers (goal 0).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines import settings  # noqa: E402
from pipelines.console import Console  # noqa: E402
from pipelines.custompms.client import CustomPMSClient  # noqa: E402
from pipelines.custompms.writer import CustomPMSWriter  # noqa: E402
from pipelines.exact.client import ExactClient  # noqa: E402
from pipelines.exact.writer import ExactWriter  # noqa: E402
from pipelines.models.rawschema import create_raw  # noqa: E402
from pipelines.push.push import push  # noqa: E402
from pipelines.runs import Run  # noqa: E402
from pipelines.sandbox import exact  # noqa: E402
from pipelines.sandbox.common import Clock, ServerThread, free_port  # noqa: E402
from pipelines.state import ensure_state  # noqa: E402
from pipelines.wave import queries  # noqa: E402
from pipelines.wave.client import WaveClient  # noqa: E402
from pipelines.wave.writer import WaveWriter  # noqa: E402

PUSH_GOAL = 0.8


class StatusCounter(httpx.BaseTransport):
    """Counts answers by status, and calls per minute window of the (sped-up) clock."""

    def __init__(self, clock: Clock) -> None:
        self.inner, self.clock, self.statuses, self.windows = httpx.HTTPTransport(), clock, {}, {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        window = int(self.clock.now() // 60)
        response = self.inner.handle_request(request)
        self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
        if "/api/v1/101/" in str(request.url):
            self.windows[window] = self.windows.get(window, 0) + 1
        return response


def outbox_rows(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    ensure_state(con)
    con.executemany(f"""insert into {settings.SYNC_SCHEMA}.outbox (id, target_system, target_entity, record_id,
                        scope_id, cluster_id, operation, payload, base_version, ledger_entries)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)


def create_payload(tag: str, i: int) -> dict:
    """One create's body, the same for the push and the plain loop (the emulator's work per request too)."""
    return {"name": f"Bench Customer {tag} {i}", "email": f"b{i}@{tag}.bench.example",
            "external_refs": [{"system": "wave.customers", "id": f"w{tag}{i}"}]}


async def plain_creates(url: str, creates: int, concurrency: int, tag: str) -> float:
    """The floor: the same POSTs (same bodies, an Idempotency-Key each) with httpx, `concurrency` in flight,
    no bookkeeping at all."""
    headers = {"Authorization": f"Bearer {settings.SANDBOX_CUSTOMPMS_KEY}"}
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:
        async def one(i: int) -> None:
            async with limit:
                response = await http.post("/api/v1/customers", json=create_payload(f"plain{tag}", i),
                                           headers={"Idempotency-Key": f"plain-{tag}-{i}"})
                response.raise_for_status()

        started = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(creates)))
        return time.perf_counter() - started


def push_creates(url: str, tmp: Path, creates: int, concurrency: int, tag: str) -> tuple[float, float, int, int]:
    """The real push stage: (seconds, CPU seconds of this process, operations succeeded, API calls)."""
    db = tmp / f"push_{tag}.duckdb"
    with duckdb.connect(str(db)) as con:
        outbox_rows(con, [
            (f"op_{tag}_{i:06d}", "custompms", "customers", None, None, f"cl_{tag}_{i:06d}", "create",
             json.dumps(create_payload(tag, i)), None,
             json.dumps([{"property": "name", "value_hash": "x", "change_time": None}]))
            for i in range(creates)])
    client = CustomPMSClient(url, settings.SANDBOX_CUSTOMPMS_KEY, max_concurrency=concurrency)
    run = Run(command="bench", db_path=db)
    started, cpu_started = time.perf_counter(), time.process_time()
    push(run, Console(quiet=True), db_path=db, systems=["custompms"], writer_map={"custompms": CustomPMSWriter(client)})
    return time.perf_counter() - started, time.process_time() - cpu_started, run.ops["succeeded"], client.total_calls


def bench_custompms(creates: int, latency_ms: float, concurrency: int, repeat: int) -> None:
    """The emulator runs in its own process (the sandbox CLI), so it does not share our GIL. Each repeat
    runs the plain loop and the push side by side (the order alternating), each with its own records."""
    with tempfile.TemporaryDirectory() as tmp:
        ports = {system: free_port() for system in ("exact", "wave", "custompms")}
        cli = sandbox_cli(tmp, ports)
        subprocess.run([*cli, "start", "--quiet", "--size", "10"], check=True, cwd=settings.ROOT)
        url = f"http://127.0.0.1:{ports['custompms']}"
        plain, pushed, calls, done = [], [], [], []
        cpu: dict[str, list[float]] = {"plain": [], "push": []}  # CPU seconds per operation
        try:
            httpx.put(f"{url}/_sandbox/faults", json={"latency_ms": latency_ms}).raise_for_status()
            for attempt in range(repeat):
                for what in (("plain", "push") if attempt % 2 == 0 else ("push", "plain")):
                    if what == "plain":
                        cpu_started = time.process_time()
                        plain.append(asyncio.run(plain_creates(url, creates, concurrency, f"r{attempt}")))
                        cpu["plain"].append((time.process_time() - cpu_started) / creates)
                        continue
                    seconds, cpu_seconds, succeeded, made = push_creates(url, Path(tmp), creates, concurrency,
                                                                         f"r{attempt}")
                    pushed.append(seconds)
                    cpu["push"].append(cpu_seconds / creates)
                    done.append(succeeded)
                    calls.append(made)
        finally:
            subprocess.run([*cli, "stop"], check=True, cwd=settings.ROOT, capture_output=True)
    ideal = concurrency / (latency_ms / 1000)
    rate = statistics.median([n / s for n, s in zip(done, pushed, strict=True)])
    plain_rate = statistics.median([creates / s for s in plain])
    ratio = statistics.median([(n / s) / (creates / p) for n, s, p in zip(done, pushed, plain, strict=True)])
    print(f"custompms creates, {concurrency} in flight, {latency_ms:g} ms added latency, medians of {repeat}: "
          f"push {rate:,.0f} ops/s ({min(done):,}/{creates:,} succeeded); plain httpx loop {plain_rate:,.0f} ops/s; "
          f"bound {ideal:,.0f} ops/s; push/bound {rate / ideal:.2f}, plain/bound {plain_rate / ideal:.2f}, "
          f"push/plain {ratio:.2f} (goal >= {PUSH_GOAL}) {'ok' if ratio >= PUSH_GOAL else 'UNDER'}; "
          f"calls {statistics.median(calls):,.0f} (minimum {creates:,}); client CPU per operation: push "
          f"{1000 * statistics.median(cpu['push']):.3f} ms, plain {1000 * statistics.median(cpu['plain']):.3f} ms")
    print("  per repeat: push/plain " + " ".join(
        f"{(n / s) / (creates / p):.2f}" for n, s, p in zip(done, pushed, plain, strict=True)))


def sandbox_cli(tmp: str, ports: dict[str, int]) -> list[str]:
    return [sys.executable, "-m", "pipelines.sandbox", "--data-file", f"{tmp}/data.json", "--pid-file",
            f"{tmp}/sandbox.pid", "--ports", ",".join(f"{k}={v}" for k, v in ports.items())]


def wave_fields(tag: str) -> dict:
    """The fields each patch changes, the same for the push and the plain loop."""
    return {"website": f"https://{tag}.bench.example"}


def plain_patches(url: str, customers: list[str], tag: str) -> float:
    """The floor: the same customerPatch documents with httpx, one after another, no bookkeeping."""
    headers = {"Authorization": f"Bearer {settings.SANDBOX_WAVE_TOKEN}"}
    document = queries.validated()["CustomerPatch"]
    with httpx.Client(headers=headers, timeout=60) as http:
        started = time.perf_counter()
        for customer_id in customers:
            response = http.post(url, json={"query": document, "operationName": "CustomerPatch",
                                            "variables": {"input": {"id": customer_id, **wave_fields(tag)}}})
            response.raise_for_status()
            assert response.json()["data"]["customerPatch"]["didSucceed"], response.text
        return time.perf_counter() - started


def wave_backlog(con: duckdb.DuckDBPyConnection, operations: int) -> None:
    """`operations` earlier succeeded Wave updates in the outbox, four ledger rows each."""
    con.execute(f"""
        insert into {settings.SYNC_SCHEMA}.outbox (id, target_system, target_entity, record_id, scope_id,
                                                   operation, payload, status, attempts)
        select 'op_old_' || i, 'wave', 'customers', 'old' || i, 'biz', 'update', '{{}}', 'succeeded', 1
        from range(?) as t(i)""", [operations])
    con.execute(f"""
        insert into {settings.SYNC_SCHEMA}.write_ledger (target_system, target_entity, record_id, property,
                                                         value_hash, outbox_id)
        select 'wave', 'customers', 'old' || i, p, md5(p || i), 'op_old_' || i
        from range(?) as t(i), (values ('name'), ('email'), ('phone'), ('city')) as v(p)""", [operations])


def push_patches(url: str, db: Path, customers: list[str], tag: str, backlog: int) -> tuple[float, int, int]:
    """The real push stage over a fresh extraction's raw rows: (seconds, operations succeeded, API calls)."""
    client = WaveClient(url, settings.SANDBOX_WAVE_TOKEN)
    business = client.businesses()[0]["id"]
    nodes = {node["id"]: node for page in client.customers(business) for node in page}  # the extraction
    with duckdb.connect(str(db)) as con:
        create_raw(con)
        ensure_state(con)
        con.execute("delete from raw_wave.customers_history")
        con.executemany("insert into raw_wave.customers_history (id, business_id, modified_at) values (?, ?, ?)",
                        [(n["id"], business, n["modifiedAt"]) for n in nodes.values()])
        if not con.execute(f"select count(*) from {settings.SYNC_SCHEMA}.outbox").fetchone()[0]:
            wave_backlog(con, backlog)
        outbox_rows(con, [
            (f"op_{tag}_{i:06d}", "wave", "customers", cid, business, f"cl_{tag}_{i:06d}", "update",
             json.dumps(wave_fields(tag)), nodes[cid]["modifiedAt"],
             json.dumps([{"property": "website", "value_hash": f"h{tag}{i}", "change_time": None}]))
            for i, cid in enumerate(customers)])
    calls_before = client.calls
    run = Run(command="bench", db_path=db)
    started = time.perf_counter()
    push(run, Console(quiet=True), db_path=db, systems=["wave"], writer_map={"wave": WaveWriter(client)})
    return time.perf_counter() - started, run.ops["succeeded"], client.calls - calls_before


def bench_wave(updates: int, latency_ms: float, repeat: int, backlog: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ports = {system: free_port() for system in ("exact", "wave", "custompms")}
        cli = sandbox_cli(tmp, ports)
        size = 3 * 2 * updates * repeat  # the seed gives Wave under half of `size` customers
        subprocess.run([*cli, "start", "--quiet", "--size", str(size)], check=True, cwd=settings.ROOT)
        base = f"http://127.0.0.1:{ports['wave']}"
        url = base + "/graphql/public"
        plain, pushed, done, calls = [], [], [], []
        try:
            client = WaveClient(url, settings.SANDBOX_WAVE_TOKEN)
            business = client.businesses()[0]["id"]
            ids = [node["id"] for page in client.customers(business) for node in page]
            client.close()
            if len(ids) < 2 * updates * repeat:
                raise SystemExit(f"the sandbox holds {len(ids)} Wave customers, {2 * updates * repeat} needed")
            httpx.put(f"{base}/_sandbox/faults", json={"latency_ms": latency_ms}).raise_for_status()
            db = Path(tmp) / "push_wave.duckdb"
            for attempt in range(repeat):
                mine = ids[2 * updates * attempt:2 * updates * (attempt + 1)]
                for what in (("plain", "push") if attempt % 2 == 0 else ("push", "plain")):
                    if what == "plain":
                        plain.append(plain_patches(url, mine[:updates], f"plain{attempt}"))
                        continue
                    seconds, succeeded, made = push_patches(url, db, mine[updates:], f"push{attempt}", backlog)
                    pushed.append(seconds)
                    done.append(succeeded)
                    calls.append(made)
        finally:
            subprocess.run([*cli, "stop"], check=True, cwd=settings.ROOT, capture_output=True)
    ratios = [(n / s) / (updates / p) for n, s, p in zip(done, pushed, plain, strict=True)]
    ratio = statistics.median(ratios)
    print(f"wave patches, one at a time, {latency_ms:g} ms added latency, {backlog:,} earlier operations in the "
          f"outbox, medians of {repeat}: push {statistics.median([n / s for n, s in zip(done, pushed)]):,.0f} "
          f"ops/s ({min(done):,}/{updates:,} succeeded); plain httpx loop "
          f"{statistics.median([updates / p for p in plain]):,.0f} ops/s; push/plain {ratio:.2f} "
          f"(goal >= {PUSH_GOAL}) {'ok' if ratio >= PUSH_GOAL else 'UNDER'}; calls {statistics.median(calls):,.0f} "
          f"(minimum {updates + 1:,}: the patches and one freshness query)")
    print("  per repeat: push/plain " + " ".join(f"{r:.2f}" for r in ratios))


def bench_exact(updates: int, speed: float) -> None:
    clock = Clock(speed=speed)
    store = exact.ExactStore(clock)
    store.load_seed({"divisions": [{"Code": 101, "Description": "Bench"}],
                     "accounts": {101: [{"Name": f"Account {i}", "Code": str(i)} for i in range(updates)]}})
    server = ServerThread(exact.create_app(store, clock=clock)).start()
    accounts = list(store.division(101).accounts.rows.values())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "push.duckdb"
        with duckdb.connect(str(db)) as con:
            create_raw(con)
            con.executemany("insert into raw_exact.accounts_history (id, division, timestamp) values (?, 101, ?)",
                            [(a["ID"], a["_ts"]) for a in accounts])
            outbox_rows(con, [
                (f"op_{i:06d}", "exact", "accounts", a["ID"], "101", f"cl_{i:06d}", "update",
                 json.dumps({"Phone": f"+31 20 {i:07d}"}), None, "[]") for i, a in enumerate(accounts)])
        counter = StatusCounter(clock)
        client = ExactClient(server.url, settings.SANDBOX_EXACT_CLIENT_ID, settings.SANDBOX_EXACT_CLIENT_SECRET,
                             settings.SANDBOX_EXACT_REFRESH_TOKEN, Path(tmp) / "tokens.json", clock=clock,
                             transport=counter)
        run = Run(command="bench", db_path=db)
        started_emulated, started = clock.now(), time.perf_counter()
        push(run, Console(quiet=True), db_path=db, systems=["exact"], writer_map={"exact": ExactWriter(client)})
        emulated, seconds = clock.now() - started_emulated, time.perf_counter() - started
    server.stop()
    calls = sum(counter.statuses.values())
    # Exact counts calls per division in fixed clock minutes. Every window but the last (where the
    # work ran out) should carry the full 60: that is the achieved rate over the allowed one.
    per_window = [counter.windows[w] for w in sorted(counter.windows)]
    busy = per_window[:-1] or per_window
    print(f"exact updates: {run.ops['succeeded']}/{updates} PUTs + {calls - updates} other calls in "
          f"{emulated / 60:.2f} emulated minutes ({seconds:.1f} s real at speed {speed:g}); division calls per "
          f"minute window {per_window}: achieved/allowed over the windows before the last = "
          f"{sum(busy) / (60 * len(busy)):.3f}; HTTP statuses {dict(sorted(counter.statuses.items()))}; "
          f"429s: {counter.statuses.get(429, 0)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--creates", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--exact-updates", type=int, default=180)
    parser.add_argument("--speed", type=float, default=10)
    parser.add_argument("--wave-updates", type=int, default=1000)
    parser.add_argument("--wave-backlog", type=int, default=100_000,
                        help="earlier succeeded operations in the outbox (four ledger rows each)")
    parser.add_argument("--repeat", type=int, default=3, help="CustomPMS and Wave repeats; medians printed (default 3)")
    args = parser.parse_args()
    if args.creates:  # 0 leaves a part out
        bench_custompms(args.creates, args.latency_ms, args.concurrency, args.repeat)
    if args.wave_updates:
        bench_wave(args.wave_updates, args.latency_ms, args.repeat, args.wave_backlog)
    if args.exact_updates:
        bench_exact(args.exact_updates, args.speed)


if __name__ == "__main__":
    main()
