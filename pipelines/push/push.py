"""Push stage: the current deltas become outbox rows, then each system's writer sends them.

Per system: one freshness check (a call per division or business) marks operations whose target
changed after extraction as `skipped_stale`; the rest are sent, each batch marked in_flight just
before its requests leave and recorded once they are answered. A crash anywhere leaves rows that
the next push resends safely (see outbox.py for why).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.push import outbox
from pipelines.push.outbox import Operation
from pipelines.push.writer import Outcome, Writer
from pipelines.runs import Run
from pipelines.state import ensure_state

SYSTEMS = ("custompms", "exact", "wave")


def writers(systems: Iterable[str]) -> dict[str, Writer]:
    from pipelines.custompms.writer import CustomPMSWriter
    from pipelines.exact.writer import ExactWriter
    from pipelines.wave.writer import WaveWriter

    factories = {"custompms": CustomPMSWriter, "exact": ExactWriter, "wave": WaveWriter}
    return {system: factories[system].from_config() for system in systems}


def push(run: Run, console: Console, db_path: Path | None = None, systems: Iterable[str] | None = None,
         writer_map: dict[str, Writer] | None = None) -> None:
    with duckdb.connect(str(db_path or settings.DUCKDB_FILE)) as con:
        ensure_state(con)
        counts = outbox.enqueue_from_deltas(con, run.run_id)
        console.log("outbox", new=counts["new"], superseded=counts["superseded"])
        pending = {system: outbox.sendable(con, system) for system in systems or SYSTEMS}
        pending = {system: ops for system, ops in pending.items() if ops}
        if not pending:
            return
        writer_map = writer_map if writer_map is not None else writers(pending)
        for system, operations in pending.items():
            writer = writer_map[system]
            try:
                _push_system(con, run, console, writer, operations)
            except Exception as exc:  # one system down must not stop the others
                run.problems.append(f"push {system} stopped: {type(exc).__name__}: {exc}"[:500])
                console.error(run.problems[-1])
            finally:
                run.add_calls(system, writer.calls)
                writer.close()


def _push_system(con: duckdb.DuckDBPyConnection, run: Run, console: Console, writer: Writer,
                 operations: list[Operation]) -> None:
    updates = [op for op in operations if op.operation != "create"]
    stale = writer.stale(updates, freshness_marks(con, writer.system)) if updates else set()
    fresh = [op for op in operations if op.operation == "create" or op.record_id not in stale]
    with outbox.transaction(con):
        for op in operations:
            if op not in fresh:
                outbox.mark(con, op, "skipped_stale", f"{writer.system} record changed after extraction")
                run.ops["skipped"] += 1
    if writer.system == "wave":
        writer.addresses = wave_addresses(con, [op.record_id for op in fresh])
    with console.progress(f"push {writer.system}", total=len(fresh)) as advance:
        def before_send(batch: list[Operation]) -> None:
            outbox.mark_in_flight(con, batch, run.run_id)
            run.ops["sent"] += len(batch)

        def after_send(results: list[tuple[Operation, Outcome]]) -> None:
            with outbox.transaction(con):
                record(con, run, results)
            advance(len(results))

        writer.send_all(fresh, before_send, after_send)


def record(con: duckdb.DuckDBPyConnection, run: Run, results: list[tuple[Operation, Outcome]]) -> None:
    """The outcomes of one batch (inside its transaction)."""
    succeeded = [(op, outcome.response_id) for op, outcome in results if outcome.status == "succeeded"]
    outbox.mark_succeeded(con, succeeded, run.run_id)
    run.ops["succeeded"] += len(succeeded)
    for op, outcome in results:
        if outcome.status == "succeeded":
            continue
        if outcome.status == "stale":
            outbox.mark(con, op, "skipped_stale", outcome.error)
            run.ops["skipped"] += 1
            continue
        # rejected: the target refused the data itself; retrying the same body cannot help, a person
        # must fix the source record (a new delta then gets a new operation)
        status = outbox.mark(con, op, "dead" if outcome.status == "rejected" else "failed", outcome.error)
        run.ops["failed"] += 1
        run.problems.append(f"{op.label} {status}: {outcome.error}"[:500])


def freshness_marks(con: duckdb.DuckDBPyConnection, system: str) -> dict[str, object]:
    """How far extraction read, per division (Exact Timestamp) or business (Wave modifiedAt)."""
    queries = {
        "exact": "select cast(division as varchar), max(timestamp) from raw_exact.accounts group by 1",
        "wave": "select business_id, max(modified_at) from raw_wave.customers group by 1",
    }
    if system not in queries:
        return {}
    return dict(con.execute(queries[system]).fetchall())


def wave_addresses(con: duckdb.DuckDBPyConnection, record_ids: list[str]) -> dict[str, dict]:
    """The extracted address of each Wave customer, in the shape Wave returns it (for the merge)."""
    if not record_ids:
        return {}
    rows = con.execute("""
        select id, address_line1, address_line2, city, province_code, country_code, postal_code
        from raw_wave.customers where list_contains(?, id)""", [record_ids]).fetchall()
    return {
        rid: {"addressLine1": a1, "addressLine2": a2, "city": city, "province": {"code": province},
              "country": {"code": country}, "postalCode": postal}
        for rid, a1, a2, city, province, country, postal in rows
    }
