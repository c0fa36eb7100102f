"""Run history and the run lock.

Every command that changes state runs inside `tracked_run`: it takes the run lock exclusively (a
second concurrent run waits `settings.LOCK_WAIT_SECONDS`, then refuses and names the holder), marks
runs a crash left `running` as `abandoned` (nobody holds the lock, so their process is gone), writes
a `sync.runs` row at the start and fills it in at the end. Commands that only read (status, sql,
audit, plan) hold the same lock shared while they read, so they never open the state file between
two stages of a run and make the run's next stage collide with them.
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
from pipelines.errors import OperatorError, summarize
from pipelines.statefile import held, lock_path, open_state

RUNS_DDL = f"""
create schema if not exists {settings.SYNC_SCHEMA};
-- One row per command: written as running at the start, completed at the end. A crash leaves it
-- running; the next run to take the lock marks it abandoned.
create table if not exists {settings.SYNC_SCHEMA}.runs (
    run_id          text primary key,
    command         text not null,
    started_at      timestamptz not null,
    ended_at        timestamptz,
    status          text not null,      -- running, succeeded, partial (problems, or left something open
                                        -- for a person), failed (stopped by an error), abandoned (killed)
    stage_seconds   json,               -- {{"extract": 1.2, "transform": 0.4, ...}}
    rows_extracted  json,               -- per system
    api_calls       json,               -- per system
    quarantined     integer default 0,
    deltas          integer default 0,
    ops_sent        integer default 0,
    ops_succeeded   integer default 0,
    ops_failed      integer default 0,
    ops_skipped     integer default 0,
    message         text,               -- the run's own problems (a system down, a push stopped), or the error
    open_items      json                -- what it left open for a person, e.g. {{"quarantine": 2, "dead": 1}}
);
alter table {settings.SYNC_SCHEMA}.runs add column if not exists open_items json;
"""
RUN_COLUMNS = ("run_id, command, started_at, ended_at, status, stage_seconds, rows_extracted, api_calls, "
               "quarantined, deltas, ops_sent, ops_succeeded, ops_failed, ops_skipped, message, open_items")


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
    problems: list[str] = field(default_factory=list)  # the run's own: a system down, a push stopped
    open_items: dict[str, int] = field(default_factory=dict)  # left open for a person when it ended
    attention: list[str] = field(default_factory=list)  # one line per open item, for the summary
    abandoned: list[str] = field(default_factory=list)  # runs a crash left running, marked at the start

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stage_seconds[name] = round(self.stage_seconds.get(name, 0) + time.perf_counter() - started, 3)

    def add_calls(self, system: str, calls: int) -> None:
        self.api_calls[system] = self.api_calls.get(system, 0) + calls

    def absorb(self, part: Run) -> None:
        """Add what a part of this run did on its own (one system's push, on a thread of its own)."""
        for key, value in part.ops.items():
            self.ops[key] += value
        for system, calls in part.api_calls.items():
            self.add_calls(system, calls)
        self.quarantined += part.quarantined
        self.problems.extend(part.problems)
        self.attention.extend(part.attention)

    @property
    def status(self) -> str:
        return "partial" if self.needs_person else "succeeded"

    @property
    def needs_person(self) -> bool:
        """Exit 1: the run had problems, or left the systems disagreeing or something open for a person."""
        return bool(self.problems or self.open_items)

    def _write(self, con: duckdb.DuckDBPyConnection, status: str, message: str | None) -> None:
        ended = None if status == "running" else datetime.now(UTC)
        con.execute(
            f"""insert or replace into {settings.SYNC_SCHEMA}.runs ({RUN_COLUMNS}) values
                (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [self.run_id, self.command, self.started_at, ended, status, json.dumps(self.stage_seconds),
             json.dumps(self.rows_extracted), json.dumps(self.api_calls), self.quarantined, self.deltas,
             self.ops["sent"], self.ops["succeeded"], self.ops["failed"], self.ops["skipped"], message,
             json.dumps(self.open_items) if self.open_items else None],
        )

    def record(self, status: str, message: str | None = None) -> None:
        with open_state(self.db_path) as con:
            con.execute(RUNS_DDL)
            self._write(con, status, message)

    def start(self) -> None:
        """Mark what a crash left running as abandoned (we hold the lock: its process is gone), then
        record this run as running."""
        with open_state(self.db_path) as con:
            con.execute(RUNS_DDL)
            self.abandoned = [row[0] for row in con.execute(f"""
                update {settings.SYNC_SCHEMA}.runs
                set status = 'abandoned',
                    message = coalesce(message || '; ', '') || 'abandoned: its process ended without recording '
                              || 'an end (killed or crashed); found by run ' || ?
                where status = 'running' and run_id <> ?
                returning run_id""", [self.run_id, self.run_id]).fetchall()]
            self._write(con, "running", None)


def _acquire(handle, mode: int, wait: float) -> bool:
    """flock `mode`, retrying for up to `wait` seconds; False if it stays taken."""
    started = time.monotonic()
    while True:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() - started >= wait:
                return False
            time.sleep(settings.LOCK_POLL_SECONDS)


@contextmanager
def run_lock(lock_path: Path, command: str, wait: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock for the whole run; after `wait` seconds refuse with the holder's details."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    if not _acquire(handle, fcntl.LOCK_EX, settings.LOCK_WAIT_SECONDS if wait is None else wait):
        handle.seek(0)
        holder = handle.read().strip() or "a command reading the state (status, sql, audit or plan)"
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
def reading(db_path: Path | None = None, wait: float | None = None) -> Iterator[None]:
    """Hold the run lock shared while a read-only command reads the state file: no run is between two
    stages meanwhile, and a run that starts waits for the read (milliseconds) to end."""
    path = lock_path(db_path or settings.DUCKDB_FILE)
    if not path.parent.exists():  # no state there at all: nothing to wait for (opening it says so)
        yield
        return
    with open(path, "a+") as handle:
        if not _acquire(handle, fcntl.LOCK_SH, settings.LOCK_WAIT_SECONDS if wait is None else wait):
            handle.seek(0)
            holder = handle.read().strip() or "unknown holder"
            raise RunLocked(f"a run is in progress ({holder}); it holds the state file until it ends: "
                            "retry then (`make status` shows what it did)") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def tracked_run(command: str, db_path: Path | None = None, lock: Path | None = None) -> Iterator[Run]:
    """Lock, mark abandoned runs, record the run as running, yield it, and record how it ended (also
    when it fails: `failed` with the error summary)."""
    db_path = db_path or settings.DUCKDB_FILE
    # budgets.bound: the clients built during the run keep their API budgets in this state file
    with run_lock(lock or lock_path(db_path), command), budgets.bound(db_path), held(db_path):
        run = Run(command=command, db_path=db_path)
        run.start()
        try:
            yield run
        except BaseException as exc:
            try:
                run.record("failed", summarize(exc, limit=2000))
            except Exception:  # the state file itself is the problem (damaged, held): the error says so
                pass
            raise
        run.record(run.status, "; ".join(run.problems)[:2000] or None)
