"""Push stage: send the outbox's sendable operations through each system's writer.

Each writer first asks its system, cheaply, which target records changed since they were extracted
(optimistic locking without ETags) and those operations become `skipped_stale`; the next run
extracts the edit and recomputes. Then it sends the rest and reports one `Outcome` per operation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.push import outbox
from pipelines.push.outbox import Operation
from pipelines.runs import Run


@dataclass
class Outcome:
    status: str  # succeeded, failed (retry later), rejected (the target refused the data), stale
    response_id: str | None = None
    error: str | None = None


class Writer(Protocol):
    system: str
    calls: int

    def stale(self, operations: list[Operation]) -> set[str]:
        """Record ids among `operations` whose target changed after extraction (few calls)."""

    def send_all(self, operations: list[Operation], before_send, after_send) -> None:
        """Send each operation: call before_send(op) just before its request, after_send(op, outcome) after."""


def writers() -> dict[str, Writer]:
    from pipelines.custompms.writer import CustomPMSWriter
    from pipelines.exact.writer import ExactWriter
    from pipelines.wave.writer import WaveWriter

    return {"custompms": CustomPMSWriter.from_config(), "exact": ExactWriter.from_config(),
            "wave": WaveWriter.from_config()}


def push(run: Run, console: Console, db_path: Path | None = None,
         systems: Iterable[str] | None = None, writer_map: dict[str, Writer] | None = None) -> None:
    writer_map = writer_map or writers()
    with duckdb.connect(str(db_path or settings.DUCKDB_FILE)) as con:
        for system in systems or writer_map:
            operations = outbox.sendable(con, system)
            if not operations:
                continue
            writer = writer_map[system]
            stale = writer.stale([op for op in operations if op.operation != "create"])
            fresh = []
            for op in operations:
                if op.record_id in stale and op.operation != "create":
                    outbox.mark(con, op, "skipped_stale", f"{system} record changed after extraction")
                    run.ops["skipped"] += 1
                else:
                    fresh.append(op)
            with console.progress(f"push {system}", total=len(fresh)) as advance:
                def before_send(op: Operation) -> None:
                    outbox.mark_in_flight(con, op)
                    run.ops["sent"] += 1

                def after_send(op: Operation, outcome: Outcome) -> None:
                    _record(con, run, op, outcome)
                    advance()

                writer.send_all(fresh, before_send, after_send)
            run.add_calls(system, writer.calls)


def _record(con: duckdb.DuckDBPyConnection, run: Run, op: Operation, outcome: Outcome) -> None:
    if outcome.status == "succeeded":
        outbox.mark_succeeded(con, op, outcome.response_id, run.run_id)
        run.ops["succeeded"] += 1
    elif outcome.status == "stale":
        outbox.mark(con, op, "skipped_stale", outcome.error)
        run.ops["skipped"] += 1
    elif outcome.status == "rejected":
        # the target refused the data itself: retrying cannot help, a person must fix the source
        outbox.mark(con, op, "dead", outcome.error)
        run.ops["failed"] += 1
        run.problems.append(f"{op.target_system} rejected {op.operation} {op.record_id or op.cluster_id}: "
                            f"{outcome.error}")
    else:
        outbox.mark(con, op, "failed", outcome.error)
        run.ops["failed"] += 1
        run.problems.append(f"{op.target_system} {op.operation} {op.record_id or op.cluster_id} failed: "
                            f"{outcome.error}")
