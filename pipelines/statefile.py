"""Opening the state file: wait briefly for another process to let go of it, name what holds it, and
say how to recover when the file is damaged, instead of a DuckDB traceback.

DuckDB lets one process write a file, or several read it; a reader and a writer exclude each other.
Every command opens the file through `open_state`, which retries a lock conflict for
`settings.LOCK_WAIT_SECONDS` and then raises `StateInUse`, naming the process DuckDB reports (and the
run that holds the run lock, if any). A file DuckDB cannot read (truncated, overwritten) raises
`StateDamaged` with the two ways back: restore a backup, or move it aside and let the next sync
rebuild it from the three systems (links come back from the CustomPMS customers' external_refs).

A run keeps the file open from its start to its end (`held`): opening a DuckDB file costs 20-40 ms
(catalog, WAL), and a sync's stages open it about ten times. While it is held, every open in this
process (`open_state`, and a plain `duckdb.connect` of the same path) gets a connection to the same
database instance for a few microseconds. Other processes wait for the run anyway (the run lock). dlt
loads through the held connection too (`lent_to_dlt`): opening and closing the file around each of its
steps cost a third of a small load.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.errors import OperatorError, _chain

_LOCK_CONFLICT = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")
# what DuckDB says when the bytes on disk are not a database it can read
_DAMAGE = ("not a valid DuckDB database file", "Could not read enough bytes", "Corrupt database file",
           "checksum", "database file is truncated", "Serialization Error")


# the connection a run holds, by the state file's absolute path
_held: dict[str, duckdb.DuckDBPyConnection] = {}


class StateInUse(OperatorError):
    """Another process holds the state file (or the run lock) longer than we wait."""


class StateDamaged(OperatorError):
    """DuckDB cannot read the state file."""


class NoState(OperatorError):
    """A read-only command found no state file yet."""


def lock_path(db_path: Path) -> Path:
    """The run lock of a state file sits beside it."""
    return Path(db_path).parent / "sync.lock"


def dlt_dir(db_path: Path) -> Path:
    """dlt's working dir (incremental cursors) belongs to the state file it loads into."""
    db_path = Path(db_path)
    return settings.PIPELINES_DIR if db_path == settings.DUCKDB_FILE else db_path.parent / "dlt"


def run_holder(db_path: Path) -> str | None:
    """What the run lock file says about the run that holds it (empty when no run does)."""
    try:
        return lock_path(db_path).read_text().strip() or None
    except OSError:
        return None


def lock_conflict(exc: BaseException) -> BaseException | None:
    """DuckDB's "Conflicting lock" error in `exc` or its causes (another process holds the file)."""
    return next((error for error in _chain(exc) if _LOCK_CONFLICT.search(str(error))), None)


def is_damage(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.Error) and any(sign in str(exc) for sign in _DAMAGE)


def damaged(db_path: Path, exc: BaseException) -> StateDamaged:
    path = Path(db_path)
    wal = path.with_name(path.name + ".wal")
    return StateDamaged(
        f"the state file {path} is damaged and cannot be opened ({str(exc).splitlines()[0][:200]}). "
        f"Either restore it from a backup, or move it aside and rebuild it from the three systems: "
        f"`mv {path} {path}.damaged` (also {wal}, if present, and dlt's working dir {dlt_dir(path)}, so "
        "extraction starts over), then `make sync`: the links rebuild from the CustomPMS customers' "
        "external_refs, nothing is created twice; run history, quarantine and decisions start empty"
    )


def in_use(db_path: Path, exc: BaseException | None, waited: float) -> StateInUse:
    holder = []
    match = _LOCK_CONFLICT.search(str(exc or ""))
    if match:
        holder.append(f"pid {match['pid']} ({_command_line(int(match['pid'])) or match['program']})")
    if run := run_holder(db_path):
        holder.append(f"the run lock says: {run}")
    who = "; ".join(holder) or "another process"
    return StateInUse(f"the state file {db_path} is in use by {who}; waited {waited:.0f} s. Let it finish "
                      "(or close that SQL shell or DuckDB client), then retry")


def _command_line(pid: int) -> str | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return " ".join(part for part in raw.decode(errors="replace").split("\0") if part)[:160] or None


def open_state(db_path: Path | None = None, *, read_only: bool = False,
               wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to the state file, after waiting up to `wait` seconds for a conflicting lock."""
    path = Path(db_path or settings.DUCKDB_FILE)
    if _key(path) in _held:
        # the same instance (DuckDB's cache of open databases), read-write as it was opened: a second
        # configuration of an open file is refused, and a run's readers read what its writers wrote
        return duckdb.connect(str(path))
    if read_only and not path.exists():
        raise NoState(f"no state yet at {path}: run `make sync` (or `make demo`) first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    wait = settings.LOCK_WAIT_SECONDS if wait is None else wait
    started = time.monotonic()
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if is_damage(exc):
                raise damaged(path, exc) from None
            if lock_conflict(exc) is None:
                raise
            if time.monotonic() - started >= wait:
                raise in_use(path, exc, time.monotonic() - started) from None
            time.sleep(settings.LOCK_POLL_SECONDS)


def _key(path: Path) -> str:
    return str(Path(path).absolute())


@contextmanager
def held(db_path: Path | None = None) -> Iterator[None]:
    """Keep the state file open until the block ends (a run, under the run lock)."""
    key = _key(Path(db_path or settings.DUCKDB_FILE))
    if key in _held:
        yield
        return
    _held[key] = open_state(db_path)
    try:
        yield
    finally:
        _held.pop(key).close()


def lent_to_dlt(db_path: Path | None = None) -> duckdb.DuckDBPyConnection | str:
    """What dlt's DuckDB destination should load into: the held connection (dlt then works on cursors of
    it and never closes it), else the file's path (dlt opens it itself). Its checkpoint threshold stays the
    database's own (pipelines.extract.destination)."""
    path = Path(db_path or settings.DUCKDB_FILE)
    con = _held.get(_key(path))
    return str(path) if con is None else con
