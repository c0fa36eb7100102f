"""Push stage: the current deltas become outbox rows, then each system's writer sends them.

Every system at once, each on its own thread and DuckDB cursor (so Exact's 60 calls a minute hold back
neither CustomPMS nor Wave). Per system:
1. operations whose base version is older than what the latest extraction saw (extract ran, transform
   did not) are `skipped_stale` at no cost: the next transform recomputes them;
2. the writer's freshness check (one call per Exact division or Wave business, none for CustomPMS,
   which has If-Match) marks operations whose target changed after extraction as `skipped_stale`;
3. the rest are sent: each batch is marked in_flight (its ledger entries written) in one transaction
   just before its requests leave, and its outcomes are recorded in one transaction once answered;
4. an operation the target rejected is quarantined per property it blamed (pipelines/quarantine.py),
   and the rest of it, queued as a resend row in the same transaction, goes out in the same push (up
   to settings.RESEND_ROUNDS rounds: each round leaves out what the last answer blamed).

A crash anywhere leaves rows that the next push settles safely (see outbox.py for why). One system
failing (down, bad credentials) does not stop the others; its problem is recorded on the run.

Crash tests set CUSTOMER_SYNC_PUSH_CRASH to `after_send:N` (the process dies once N operations have
been answered, before their outcomes are recorded) or `before_send:N` (dies right after the N-th
operation was marked in_flight, before its request leaves). Unset, it costs nothing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

import duckdb

from pipelines import quarantine, settings
from pipelines.console import Console
from pipelines.push import outbox
from pipelines.push.outbox import Operation
from pipelines.push.writer import Outcome, Writer
from pipelines.runs import Run
from pipelines.state import ensure_state, table_exists
from pipelines.statefile import open_state

SYSTEMS = ("custompms", "exact", "wave")
CRASH_ENV = "CUSTOMER_SYNC_PUSH_CRASH"
CRASH_EXIT_CODE = 86
MAX_PROBLEMS_PER_SYSTEM = 20


def make_writer(system: str) -> Writer:
    """The system's writer, configured from dlt's config and secrets (sources.<system>.*)."""
    if system == "custompms":
        from pipelines.custompms.writer import CustomPMSWriter

        return CustomPMSWriter.from_config()
    if system == "exact":
        from pipelines.exact.writer import ExactWriter

        return ExactWriter.from_config()
    if system == "wave":
        from pipelines.wave.writer import WaveWriter

        return WaveWriter.from_config()
    raise ValueError(f"no writer for system {system!r}")


def push(run: Run, console: Console, db_path: Path | None = None, systems: Iterable[str] | None = None,
         writer_map: dict[str, Writer] | None = None) -> None:
    """Enqueue the current deltas (idempotent), then send what is sendable, every system at once.
    Updates run.ops (sent, succeeded, failed, skipped), run.problems and run.api_calls. Writers from
    `writer_map` (tests, benchmarks) are used as given and closed at the end, like configured ones."""
    with open_state(db_path) as con:
        ensure_state(con)
        counts = outbox.enqueue_from_deltas(con, run.run_id)
        console.log("outbox", **counts)
        crash = _crash_plan()
        queued = [(system, operations) for system in systems or SYSTEMS
                  if (operations := outbox.sendable(con, system))]
        # Each system on a thread and DuckDB cursor of its own (the outbox rows it changes are its own):
        # Exact's 60 calls a minute, or a system that is down, holds back none of the others. Writers
        # are made here, as dlt's configuration is resolved in this thread.
        writers: dict[str, Writer | Exception] = {}
        for system, _ in queued:
            try:
                writers[system] = (writer_map or {}).get(system) or make_writer(system)
            except Exception as exc:  # its configuration: this system stops, the others go on
                writers[system] = exc
        shares = {system: Run(command=run.command, db_path=run.db_path, run_id=run.run_id) for system, _ in queued}
        # daemon threads, waited for in short joins: Ctrl-C still stops the command at once, and what the
        # threads leave behind is what a crash leaves (in_flight rows the next push settles)
        threads = [threading.Thread(target=_push_one, name=f"push-{system}", daemon=True,
                                    args=(con, shares[system], console, writers[system], system, operations, crash))
                   for system, operations in queued]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(0.2)
        for share in shares.values():  # in SYSTEMS order, as the systems were listed
            run.absorb(share)


def _push_one(con: duckdb.DuckDBPyConnection, run: Run, console: Console, writer: Writer | Exception, system: str,
              operations: list[Operation], crash: _CrashPlan | None) -> None:
    """One system's push on a cursor of its own, into `run` (this system's share of the command's run)."""
    problems: list[str] = []
    try:
        if isinstance(writer, Exception):
            raise writer
        with con.cursor() as cursor:
            _push_system(cursor, run, console, writer, operations, problems, crash)
    except Exception as exc:  # one system down must not stop the others
        problems.insert(0, f"push {system} stopped: {type(exc).__name__}: {exc}"[:500])
        console.error(problems[0])
    finally:
        if not isinstance(writer, Exception):
            run.add_calls(system, writer.calls)
            writer.close()
    run.problems.extend(problems[:MAX_PROBLEMS_PER_SYSTEM])
    if len(problems) > MAX_PROBLEMS_PER_SYSTEM:
        run.problems.append(f"push {system}: {len(problems) - MAX_PROBLEMS_PER_SYSTEM} more problems, "
                            "see analysis.failed_operations")


def _push_system(con: duckdb.DuckDBPyConnection, run: Run, console: Console, writer: Writer,
                 operations: list[Operation], problems: list[str], crash: _CrashPlan | None = None) -> None:
    system = writer.system
    outdated = outdated_operations(con, system, operations)
    prepare = getattr(writer, "prepare", None)
    if prepare is not None:
        prepare(con, operations)
    checked = [op for op in operations if op.operation != "create" and op.id not in outdated]
    changed = writer.stale(checked, freshness_marks(con, system)) if checked else set()
    stale = [op for op in checked if op.record_id in changed]
    with outbox.transaction(con):
        outbox.mark_many(con, [op for op in operations if op.id in outdated], "skipped_stale",
                         f"{system} record was extracted again after this delta was computed; recomputed next run")
        outbox.mark_many(con, stale, "skipped_stale", f"{system} record changed after extraction; recomputed next run")
    run.ops["skipped"] += len(outdated) + len(stale)
    skip = outdated | {op.id for op in stale}
    fresh = [op for op in operations if op.id not in skip]
    console.log(f"push {system}", operations=len(fresh), stale=len(skip))
    with console.progress(f"push {system}", total=len(fresh)) as advance:

        def before_send(batch: list[Operation]) -> None:
            outbox.mark_in_flight(con, batch, run.run_id)
            run.ops["sent"] += len(batch)
            if crash and crash.reached("before_send", len(batch)):
                os._exit(CRASH_EXIT_CODE)  # the requests never leave; the rows stay in_flight

        def after_send(results: list[tuple[Operation, Outcome]]) -> None:
            if crash and crash.reached("after_send", len(results)):
                os._exit(CRASH_EXIT_CODE)  # the target applied them; we never record it
            with outbox.transaction(con):
                record(con, run, results, problems)
            advance(len(results))

        try:
            writer.send_all(fresh, before_send, after_send)
            for _ in range(settings.RESEND_ROUNDS):  # the rest of what the target rejected, this push
                again = outbox.resends(con, system, run.run_id)
                if not again:
                    break
                console.log(f"push {system}: the rest of rejected operations", operations=len(again))
                writer.send_all(again, before_send, after_send)
        finally:
            problems.extend(getattr(writer, "notes", []))


def record(con: duckdb.DuckDBPyConnection, run: Run, results: list[tuple[Operation, Outcome]],
           problems: list[str] | None = None) -> None:
    """The outcomes of one batch (call inside its transaction)."""
    problems = run.problems if problems is None else problems
    succeeded = [(op, outcome.response_id) for op, outcome in results if outcome.status == "succeeded"]
    outbox.mark_succeeded(con, succeeded, run.run_id)
    quarantine.attach_created(con, [(op, new_id) for op, new_id in succeeded if op.operation == "create" and new_id])
    run.ops["succeeded"] += len(succeeded)
    certain_no_effect: list[Operation] = []
    for op, outcome in results:
        if outcome.status == "succeeded":
            continue
        if outcome.status == "stale":
            outbox.mark(con, op, "skipped_stale", outcome.error)
            run.ops["skipped"] += 1
            if not op.retried:
                certain_no_effect.append(op)
        elif outcome.status == "deferred":  # never left (a budget is used up): next push, attempt not counted
            outbox.undo_attempt(con, op, outcome.error or "deferred")
            run.ops["sent"] -= 1
        elif outcome.status == "rejected":
            # the target refused the data itself; resending the same body cannot help. What it blamed waits
            # for a person in the quarantine (the fix is a new value, hence a new delta); the rest goes on
            left_out, resend = quarantine.record_rejection(con, op, outcome.fields, outcome.error, run.run_id)
            what = ", ".join(left_out) if left_out else "the whole operation"
            then = f"; the rest resent as {resend.id}" if resend else ""
            outbox.mark(con, op, "quarantined", f"quarantined {what}{then}: {outcome.error}")
            run.ops["failed"] += 1
            run.quarantined += max(1, len(left_out))
            run.attention.append(f"{op.label}: {op.target_system} rejected {what} (quarantined){then}: "
                                 f"{outcome.error}"[:500])
            if not op.retried:
                certain_no_effect.append(op)
        else:  # failed: transient, its outcome unknown; the next push resends it (until MAX_ATTEMPTS)
            status = outbox.mark(con, op, "failed", outcome.error)
            run.ops["failed"] += 1
            problems.append(f"{op.label} {status}: {outcome.error}"[:500])
    outbox.forget_ledger(con, certain_no_effect)


# the current version of each target record as the latest extraction landed it, comparable with the
# operation's base_version (staging's source_version: Exact Timestamp, Wave modifiedAt, CustomPMS version)
_CURRENT_VERSION = {
    "exact": ("raw_exact", "accounts", "cast(t.timestamp as bigint) > try_cast(o.base_version as bigint)"),
    "wave": ("raw_wave", "customers", "cast(t.modified_at as varchar) > o.base_version"),
    "custompms": ("raw_custompms", "customers", "cast(t.version as bigint) > try_cast(o.base_version as bigint)"),
}


def outdated_operations(con: duckdb.DuckDBPyConnection, system: str, operations: list[Operation]) -> set[str]:
    """Ids of updates computed from an older version of their record than the raw layer now holds."""
    spec = _CURRENT_VERSION.get(system)
    ids = [op.id for op in operations if op.operation != "create" and op.record_id and op.base_version]
    if not spec or not ids or not table_exists(con, spec[0], spec[1]):
        return set()
    schema, table, newer = spec
    rows = con.execute(f"""
        select o.id from {outbox.S}.outbox as o
        inner join {schema}.{table} as t on cast(t.id as varchar) = o.record_id
        where list_contains(?, o.id) and {newer}""", [ids]).fetchall()
    return {row[0] for row in rows}


_EXACT_MARKS = r"""
    with rows as (
        select
            division,
            "timestamp",
            -- the row's Timestamp epoch: the division's DivisionMoveDate when it was read (none: never moved)
            coalesce(try_cast(regexp_extract(division_move_date, '\((-?\d+)', 1) as bigint), -9e18) as epoch
        from raw_exact.accounts_history
    ),

    current_epochs as (
        select division, max(epoch) as epoch from rows group by division
    )

    -- Timestamps restart after a division move: rows read before it (an account deleted since keeps its
    -- old, higher Timestamp) say nothing about how far the current epoch was read
    select cast(r.division as varchar), max(r."timestamp")
    from rows as r
    inner join current_epochs as c on c.division = r.division and c.epoch = r.epoch
    group by 1
"""


def freshness_marks(con: duckdb.DuckDBPyConnection, system: str) -> dict[str, object]:
    """How far extraction read, per division (Exact Timestamp, in the division's current epoch) or
    business (Wave modifiedAt)."""
    queries = {
        "exact": ("raw_exact", _EXACT_MARKS),
        "wave": ("raw_wave", "select business_id, max(modified_at) from raw_wave.customers_history group by 1"),
    }
    if system not in queries:
        return {}
    schema, sql = queries[system]
    # read from history: every version extracted, the same highs as the current views without their window
    table = "accounts_history" if system == "exact" else "customers_history"
    if not table_exists(con, schema, table):
        return {}
    return dict(con.execute(sql).fetchall())


class _CrashPlan:
    """Die at `point` once `after` operations passed it, counted over every system's thread."""

    def __init__(self, point: str, after: int) -> None:
        self.point, self.after, self.count, self._lock = point, after, 0, threading.Lock()

    def reached(self, point: str, operations: int) -> bool:
        if point != self.point:
            return False
        with self._lock:
            self.count += operations
            return self.count >= self.after


def _crash_plan() -> _CrashPlan | None:
    """The plan in CUSTOMER_SYNC_PUSH_CRASH, or None."""
    value = os.environ.get(CRASH_ENV, "")
    if not value:
        return None
    point, _, number = value.partition(":")
    if point not in ("before_send", "after_send"):
        raise ValueError(f"{CRASH_ENV} must be before_send:N or after_send:N, not {value!r}")
    return _CrashPlan(point, max(1, int(number or 1)))
