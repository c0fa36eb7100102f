"""Run history and the single-run lock.

Every command that changes state runs inside `Run`: it takes the lock (a second concurrent run
refuses and names the holder), writes a `sync.runs` row at the start and fills it in at the end,
so a crashed run is visible as `running` with no end time.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines import budgets, settings
from pipelines.errors import OperatorError

RUNS_DDL = f"""
create schema if not exists {settings.SYNC_SCHEMA};
-- One row per command: written as running at the start, completed at the end (a crash leaves it running).
create table if not exists {settings.SYNC_SCHEMA}.runs (
    run_id          text primary key,
    command         text not null,
    started_at      timestamptz not null,
    ended_at        timestamptz,
    status          text not null,      -- running, succeeded, partial, failed
    stage_seconds   json,               -- {{"extract": 1.2, "transform": 0.4, ...}}
    rows_extracted  json,               -- per system
    api_calls       json,               -- per system
    quarantined     integer default 0,
    deltas          integer default 0,
    ops_sent        integer default 0,
    ops_succeeded   integer default 0,
    ops_failed      integer default 0,
    ops_skipped     integer default 0,
    message         text
);
"""


class RunLocked(OperatorError):
    """Another run holds the lock."""


@dataclass
class Run:
    """What one command did; written to `sync.runs`."""

    command: str
    db_path: Path
    run_id: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6])
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    stage_seconds: dict[str, float] = field(default_factory=dict)
    rows_extracted: dict[str, int] = field(default_factory=dict)
    api_calls: dict[str, int] = field(default_factory=dict)
    quarantined: int = 0
    deltas: int = 0
    ops: dict[str, int] = field(default_factory=lambda: {"sent": 0, "succeeded": 0, "failed": 0, "skipped": 0})
    problems: list[str] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stage_seconds[name] = round(self.stage_seconds.get(name, 0) + time.perf_counter() - started, 3)

    def add_calls(self, system: str, calls: int) -> None:
        self.api_calls[system] = self.api_calls.get(system, 0) + calls

    @property
    def status(self) -> str:
        return "partial" if self.problems else "succeeded"

    def _write(self, con: duckdb.DuckDBPyConnection, status: str, message: str | None) -> None:
        ended = None if status == "running" else datetime.now(UTC)
        con.execute(
            f"""insert or replace into {settings.SYNC_SCHEMA}.runs values
                (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [self.run_id, self.command, self.started_at, ended, status, json.dumps(self.stage_seconds),
             json.dumps(self.rows_extracted), json.dumps(self.api_calls), self.quarantined, self.deltas,
             self.ops["sent"], self.ops["succeeded"], self.ops["failed"], self.ops["skipped"], message],
        )

    def record(self, status: str, message: str | None = None) -> None:
        with duckdb.connect(str(self.db_path)) as con:
            con.execute(RUNS_DDL)
            self._write(con, status, message)


@contextmanager
def run_lock(lock_path: Path, command: str) -> Iterator[None]:
    """Hold an exclusive lock for the whole run; refuse with the holder's details if it is taken."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown holder"
        handle.close()
        raise RunLocked(f"another run is in progress ({holder}); wait for it or stop it, then retry") from None
    try:
        handle.seek(0)
        handle.truncate()
        started = datetime.now(UTC).isoformat(timespec="seconds")
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}, '{command}', started {started}")
        handle.flush()
        yield
    finally:
        handle.seek(0)
        handle.truncate()
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@contextmanager
def tracked_run(command: str, db_path: Path | None = None, lock_path: Path | None = None) -> Iterator[Run]:
    """Lock, record the run as running, yield it, and record how it ended (also on a crash)."""
    db_path = db_path or settings.DUCKDB_FILE
    # budgets.bound: the clients built during the run keep their API budgets in this state file
    with run_lock(lock_path or db_path.parent / "sync.lock", command), budgets.bound(db_path):
        run = Run(command=command, db_path=db_path)
        run.record("running")
        try:
            yield run
        except BaseException as exc:
            run.record("failed", f"{type(exc).__name__}: {exc}"[:2000])
            raise
        run.record(run.status, "; ".join(run.problems)[:2000] or None)
