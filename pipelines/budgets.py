"""Durable API budgets: what the answers said about the rate windows, the errors Exact counts against
its hourly limit, and blocks, kept in the sync state (`sync.api_windows`, `sync.api_errors`,
`sync.api_blocks`, see pipelines/state.py) so the next process -- a `push` right after an `extract`,
the next sync from cron -- starts where the last one stopped instead of starting blind.

A client gets an `ApiState` for its system from `for_system(system)`: bound to the state file of the
current run (`bound(db_path)`, entered by `pipelines.runs.tracked_run`) or, outside a run, kept in
memory only. The state is read once, when the client is built. Changes go to a background thread that
writes them with one short DuckDB connection per batch (coalesced, never in the request path); `flush()`
waits for them, `close()` and interpreter exit flush. A killed process loses at most the last write.
The run lock guarantees one process per state file, so nothing else writes these rows meanwhile.

`describe(con, now)` is what `doctor` and `status` show.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from pipelines import settings

log = logging.getLogger("pipelines.budgets")
S = settings.SYNC_SCHEMA
ERRORS_KEPT_SECONDS = 86_400  # api_errors rows older than this are pruned

_bound: Path | None = None
_live: weakref.WeakSet[ApiState] = weakref.WeakSet()


@contextlib.contextmanager
def bound(db_path: Path | None) -> Iterator[None]:
    """Clients built inside the block keep their budgets in this state file."""
    global _bound
    previous, _bound = _bound, Path(db_path) if db_path is not None else None
    try:
        yield
    finally:
        _bound = previous


def for_system(system: str) -> ApiState:
    """The budgets of `system` in the bound state file (in memory when none is bound)."""
    return ApiState(system, _bound)


@dataclass
class Window:
    """What the last answer said about one scope's rate windows (times: epoch seconds, client clock)."""

    minute_remaining: int | None = None
    minute_reset: float | None = None
    day_remaining: int | None = None
    day_reset: float | None = None
    observed_at: float = 0.0


@dataclass(frozen=True)
class Block:
    scope: str
    endpoint: str  # "" = every endpoint of the scope
    since: float
    until: float
    reason: str


@dataclass(frozen=True)
class _Error:
    scope: str
    endpoint: str
    status: int
    at: float
    message: str


class ApiState:
    """Rate windows, counted errors and blocks of one system; thread-safe."""

    def __init__(self, system: str, db_path: Path | None = None) -> None:
        self.system, self.db_path = system, db_path
        self._lock = threading.Lock()
        self.windows: dict[str, Window] = {}
        self._errors: dict[tuple[str, str], list[float]] = {}
        self.blocks: dict[tuple[str, str], Block] = {}
        self._dirty_windows: set[str] = set()
        self._new_errors: list[_Error] = []
        self._dirty_blocks: set[tuple[str, str]] = set()
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._warned = False
        if db_path is not None:
            for other in list(_live):  # an earlier client of this process (an extraction's) writes first
                if other.system == system and other.db_path == db_path:
                    other.flush()
            self._load()
            _live.add(self)

    def __repr__(self) -> str:
        return f"ApiState({self.system!r}, {str(self.db_path) if self.db_path else 'memory'})"

    # ------------------------------------------------------------------ windows

    def window(self, scope: str) -> Window:
        with self._lock:
            return self.windows.setdefault(scope, Window())

    def window_changed(self, scope: str) -> None:
        with self._lock:
            self._dirty_windows.add(scope)
            self._idle.clear()
        self._schedule()

    # ------------------------------------------------------------------ errors

    def error_times(self, scope: str, endpoint: str, now: float) -> list[float]:
        """Times of the errors counted at (scope, endpoint) in the hour before `now`, oldest first."""
        since = now - settings.EXACT_ERROR_WINDOW
        with self._lock:
            return [at for at in self._errors.get((scope, endpoint), []) if since < at <= now]

    def add_error(self, scope: str, endpoint: str, status: int, at: float, message: str) -> None:
        with self._lock:
            times = self._errors.setdefault((scope, endpoint), [])
            times[:] = [t for t in times if t > at - settings.EXACT_ERROR_WINDOW] + [at]
            self._new_errors.append(_Error(scope, endpoint, status, at, message[:500]))
            self._idle.clear()
        self._schedule()

    # ------------------------------------------------------------------ blocks

    def block(self, scope: str, endpoint: str, at: float, until: float, reason: str) -> Block:
        block = Block(scope, endpoint, at, until, reason[:500])
        with self._lock:
            self.blocks[(scope, endpoint)] = block
            self._dirty_blocks.add((scope, endpoint))
            self._idle.clear()
        self._schedule()
        return block

    def block_for(self, scope: str, endpoint: str, now: float) -> Block | None:
        """The block in force for a call to (scope, endpoint): the scope's own or the endpoint's."""
        with self._lock:
            for key in ((scope, ""), (scope, endpoint)):
                block = self.blocks.get(key)
                if block is not None and block.until > now:
                    return block
        return None

    # ------------------------------------------------------------------ persistence

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every change so far is written (or `timeout` passed: the file is busy)."""
        if self.db_path is None:
            return
        self._schedule()
        self._idle.wait(timeout)

    def close(self) -> None:
        """Write what is left and stop the writer thread."""
        if self.db_path is None or self._closed:
            return
        self.flush()
        self._closed = True
        self._wake.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout=10)
        self._write_pending()
        _live.discard(self)

    def _pending(self) -> bool:
        return bool(self._dirty_windows or self._new_errors or self._dirty_blocks)

    def _schedule(self) -> None:
        if self.db_path is None or self._closed:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=f"budgets-{self.system}", daemon=True)
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        """Write changes as they come; exit after a few idle seconds (the next change starts a new thread)."""
        while True:
            woken = self._wake.wait(timeout=2.0)
            self._wake.clear()
            if woken:
                self._write_pending()
            with self._lock:
                if not self._pending():
                    self._idle.set()
                    if not woken or self._closed:
                        self._thread = None
                        return
                elif woken:  # the write failed (the file was busy): try again shortly
                    threading.Timer(0.5, self._wake.set).start()
                if self._closed:
                    self._thread = None
                    return

    def _write_pending(self) -> None:
        with self._lock:
            windows = {scope: replace(self.windows[scope]) for scope in self._dirty_windows}
            errors, blocks = self._new_errors, [self.blocks[key] for key in self._dirty_blocks]
            self._dirty_windows, self._new_errors, self._dirty_blocks = set(), [], set()
        if not (windows or errors or blocks) or self.db_path is None:
            return
        try:
            with duckdb.connect(str(self.db_path)) as con:
                _ensure_tables(con)
                con.execute("begin")
                for scope, w in windows.items():
                    con.execute(
                        f"insert or replace into {S}.api_windows values "
                        "(?, ?, ?, to_timestamp(?), ?, to_timestamp(?), to_timestamp(?))",
                        [self.system, scope, w.minute_remaining, w.minute_reset, w.day_remaining, w.day_reset,
                         w.observed_at],
                    )
                if errors:
                    con.executemany(
                        f"insert into {S}.api_errors values (?, ?, ?, ?, to_timestamp(?), ?)",
                        [[self.system, e.scope, e.endpoint, e.status, e.at, e.message] for e in errors],
                    )
                    con.execute(f"delete from {S}.api_errors where system = ? and occurred_at < to_timestamp(?)",
                                [self.system, max(e.at for e in errors) - ERRORS_KEPT_SECONDS])
                for b in blocks:
                    con.execute(
                        f"insert or replace into {S}.api_blocks values "
                        "(?, ?, ?, to_timestamp(?), to_timestamp(?), ?)",
                        [self.system, b.scope, b.endpoint, b.since, b.until, b.reason],
                    )
                con.execute("commit")
        except duckdb.Error as exc:  # the file is busy or damaged: keep the changes for the next try
            with self._lock:
                for scope in windows:
                    self._dirty_windows.add(scope)
                self._new_errors = errors + self._new_errors
                self._dirty_blocks |= {(b.scope, b.endpoint) for b in blocks}
            if not self._warned:
                self._warned = True
                log.warning("could not write the %s API budgets to %s (%s); retrying",
                            self.system, self.db_path, type(exc).__name__)

    def _load(self) -> None:
        assert self.db_path is not None
        if not self.db_path.exists():
            return
        try:
            # not read_only: this process may hold the file open already (push does), and DuckDB allows a
            # second connection only with the same configuration
            with duckdb.connect(str(self.db_path)) as con:
                if not _tables_exist(con):
                    return
                for scope, minute_left, minute_reset, day_left, day_reset, observed in con.execute(
                    f"""select scope, minute_remaining, epoch(minute_reset_at), day_remaining, epoch(day_reset_at),
                               epoch(observed_at) from {S}.api_windows where system = ?""", [self.system]
                ).fetchall():
                    self.windows[scope] = Window(minute_left, minute_reset, day_left, day_reset, observed)
                for scope, endpoint, at in con.execute(
                    f"select scope, endpoint, epoch(occurred_at) from {S}.api_errors where system = ? "
                    "order by occurred_at",
                    [self.system],
                ).fetchall():
                    self._errors.setdefault((scope, endpoint), []).append(at)
                for scope, endpoint, since, until, reason in con.execute(
                    f"""select scope, endpoint, epoch(since), epoch(until), reason from {S}.api_blocks
                        where system = ?""", [self.system]
                ).fetchall():
                    self.blocks[(scope, endpoint)] = Block(scope, endpoint, since, until, reason)
        except duckdb.Error as exc:
            # the state file is held by another process or damaged; the run's own open reports it
            log.warning("could not read the %s API budgets from %s (%s); starting without them",
                        self.system, self.db_path, type(exc).__name__)


def _tables_exist(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name in "
                        "('api_windows', 'api_errors', 'api_blocks')", [S]).fetchone()[0]
    return found == 3


def _ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    if not _tables_exist(con):
        from pipelines.state import STATE_DDL  # the tables are defined once, with the rest of the state

        con.execute(STATE_DDL)


@atexit.register
def _flush_all() -> None:
    for state in list(_live):
        state.close()


# ---------------------------------------------------------------------- what a person is shown


@dataclass(frozen=True)
class Limit:
    """One line of `doctor` / `status`: a block, an endpoint near its error limit, or a window."""

    system: str
    scope: str
    endpoint: str
    kind: str  # blocked, errors, window
    detail: str
    until: float | None  # when it stops applying (None: unknown)
    needs_person: bool


def describe(con: duckdb.DuckDBPyConnection, now: float) -> list[Limit]:
    """Blocks in force, endpoints with errors counted in the last hour, and today's windows."""
    if not _tables_exist(con):
        return []
    found: list[Limit] = []
    for system, scope, endpoint, until, reason in con.execute(
        f"""select system, scope, endpoint, epoch(until), reason from {S}.api_blocks
            where epoch(until) > ? order by system, scope, endpoint""", [now]
    ).fetchall():
        found.append(Limit(system, scope, endpoint or "*", "blocked", f"until {_iso(until)}: {reason}", until, True))
    for system, scope, endpoint, count, oldest in con.execute(
        f"""select system, scope, endpoint, count(*), min(epoch(occurred_at)) from {S}.api_errors
            where epoch(occurred_at) > ? - {settings.EXACT_ERROR_WINDOW} group by all order by all""", [now]
    ).fetchall():
        stopped = count >= settings.EXACT_ERROR_BUDGET
        detail = (f"{count} error(s) in the last hour (Exact blocks after {settings.EXACT_ERROR_LIMIT}); "
                  + (f"sending stopped until {_iso(oldest + settings.EXACT_ERROR_WINDOW)}" if stopped
                     else f"{settings.EXACT_ERROR_BUDGET - count} more before sending stops"))
        found.append(Limit(system, scope, endpoint, "errors", detail,
                           oldest + settings.EXACT_ERROR_WINDOW, stopped))
    for system, scope, minute_left, minute_reset, day_left, day_reset in con.execute(
        f"""select system, scope, minute_remaining, epoch(minute_reset_at), day_remaining, epoch(day_reset_at)
            from {S}.api_windows order by system, scope"""
    ).fetchall():
        day = (f"{day_left} calls left today (until {_iso(day_reset)})" if day_left is not None and day_reset
               and day_reset > now else "today's budget not used yet")
        minute = (f"; {minute_left} left this minute" if minute_left is not None and minute_reset
                  and minute_reset > now else "")
        found.append(Limit(system, scope, "*", "window", day + minute, day_reset, False))
    return found


def _iso(epoch_s: float | None) -> str:
    from datetime import UTC, datetime

    if epoch_s is None:
        return "?"
    return datetime.fromtimestamp(epoch_s, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
