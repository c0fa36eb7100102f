"""Extract stage: run the three systems' readers into the raw datasets of the state file.

One dlt pipeline per system, so each keeps its own incremental cursors in dlt's state and one system
being down does not stop the others (the run is then `partial` and says why).

A sync with nothing to do should cost little more than its API calls, and importing dlt alone takes
half a second. So each system is first read before dlt is involved (the pre-read): with its
configuration as dlt last resolved it (pipelines/sourceconfig.py) and its readers' states as the last
load left them (dlt's state file, checked against the state version the destination holds). When no
reader yields a row and no state changes, that was the whole extraction, and dlt is not even imported.
Otherwise dlt takes over where the readers stopped, so no page is read twice. Whenever the pre-read
cannot be sure (a first run, a load package a killed run left, a changed configuration), dlt does it all.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from pipelines import rawcurrent, settings, sourceconfig
from pipelines.console import Console
from pipelines.errors import missing_config, summarize
from pipelines.pages import Began, Extraction, Started, rows_of
from pipelines.runs import Run
from pipelines.statefile import lent_to_dlt, lock_conflict, open_state

if TYPE_CHECKING:
    import dlt

SYSTEMS = ("exact", "wave", "custompms")
STATE_ENGINE_VERSION = 4  # the dlt state file format the pre-read knows; another one: dlt does it all
PENDING_DIRS = ("normalize/extracted", "load/new", "load/normalized")  # dlt's packages not loaded yet


def _source(system: str, started: Started | None = None) -> Any:
    # imported lazily: each source pulls in dlt, its client and its reader
    if system == "exact":
        from pipelines.exact.source import exact_source

        return exact_source(started=started)
    if system == "wave":
        from pipelines.wave.source import wave_source

        return wave_source(started=started)
    from pipelines.custompms.source import custompms_source

    return custompms_source(started=started)


def _extraction(system: str, arguments: dict[str, Any], shared: dict[str, Any]) -> Extraction:
    if system == "exact":
        from pipelines.exact.extraction import extraction

        return extraction(arguments, lambda: shared)
    if system == "wave":
        from pipelines.wave.extraction import extraction

        return extraction(arguments)
    from pipelines.custompms.extraction import extraction

    return extraction(arguments)


def _secrets(system: str) -> tuple[tuple[str, ...], ...]:
    if system == "exact":
        from pipelines.exact.source import SECRETS
    elif system == "wave":
        from pipelines.wave.source import SECRETS
    else:
        from pipelines.custompms.source import SECRETS
    return SECRETS


def pipeline_name(system: str) -> str:
    return f"customer_sync_{system}"


def pipeline_for(system: str, db: Path | duckdb.DuckDBPyConnection | None = None,
                 pipelines_dir: Path | None = None) -> dlt.Pipeline:
    """The system's pipeline, loading into the state file at a path or through an open connection to it."""
    import dlt

    into = db if isinstance(db, duckdb.DuckDBPyConnection) else str(db or settings.DUCKDB_FILE)
    return dlt.pipeline(
        pipeline_name=pipeline_name(system),
        destination=destination(into),
        dataset_name=settings.DATASETS[system],
        pipelines_dir=str(pipelines_dir or settings.PIPELINES_DIR),
    )


def destination(into: str | duckdb.DuckDBPyConnection) -> Any:
    """dlt's DuckDB destination for a file path or an open connection, keeping the database's checkpoint
    threshold. dlt sets a global one of 1 GB on every database it loads into, so a load's rows first went
    to the WAL uncompressed (40 MB for 100,000 CustomPMS rows) and were compressed into the file by a
    checkpoint later: when dlt closed a file it had opened, else at a later commit of the run. Under the
    database's own threshold a large load is written to the file at its commit, never to the WAL: storing
    100,000 rows from memory, side by side with dlt's setting (6 runs each): 1.39 -> 1.13 s (CustomPMS),
    1.33 -> 1.13 s (Exact). dlt runs the statement right after its own settings, on each connection it
    opens or is lent."""
    import dlt
    from dlt.destinations.impl.duckdb.configuration import DuckDbCredentials

    if isinstance(into, duckdb.DuckDBPyConnection):
        # fetchall: a result left open keeps its transaction open, and no commit checkpoints meanwhile
        threshold = into.execute("select current_setting('checkpoint_threshold')").fetchall()[0][0]
        keep = f"set global checkpoint_threshold = '{threshold}'"
    else:
        keep = "reset global checkpoint_threshold"  # a database dlt opens itself: DuckDB's default
    return dlt.destinations.duckdb(DuckDbCredentials(into, statements=[keep]))


def api_calls_of(client: Any) -> int:
    """Calls a client made (Exact and CustomPMS count per division or method, Wave in total)."""
    calls = client.calls
    return sum(calls.values()) if hasattr(calls, "values") else int(calls)


def extract(run: Run, console: Console, systems: tuple[str, ...] = SYSTEMS,
            source_factory: Callable[..., Any] = _source,
            db_path: Path | None = None, pipelines_dir: Path | None = None) -> None:
    db_path, pipelines_dir = Path(db_path or settings.DUCKDB_FILE), Path(pipelines_dir or settings.PIPELINES_DIR)
    versions = prepare_destination(db_path, systems)
    for system in systems:
        with run.stage(f"extract.{system}"):
            try:  # everything of one system inside its guard: one system down must not stop the others
                started = pre_read(system, pipelines_dir, versions.get(system)) if source_factory is _source else None
                if started is not None and started.nothing_new:
                    run.add_calls(system, api_calls_of(started.extraction.client))
                    started.extraction.client.close()
                    _counted(run, console, system, Counter())
                    _skipped(run, console, started.extraction.skipped)
                    continue
                into = lent_to_dlt(db_path)  # the run's connection, or the path outside a run
                try:
                    extract_system(run, console, system, source_factory, into, pipelines_dir, started)
                except Exception as exc:
                    if lock_conflict(exc) is None:
                        raise
                    # (outside a run) another program, a `make sql` statement or a DuckDB client, held the
                    # state file just when dlt opened it: wait for it as every open of the state file does,
                    # then once more, from dlt's saved state (what the pre-read had read is read again)
                    open_state(db_path).close()
                    extract_system(run, console, system, source_factory, into, pipelines_dir)
            except Exception as exc:
                if (missing := missing_config(exc)) is not None:
                    raise missing from None  # misconfiguration: refuse the run, name the key
                run.problems.append(f"extract {system} failed: {summarize(exc)}")
                console.error(run.problems[-1])


def extract_system(run: Run, console: Console, system: str, source_factory: Callable[..., Any] = _source,
                   db: Path | duckdb.DuckDBPyConnection | None = None, pipelines_dir: Path | None = None,
                   started: Started | None = None) -> None:
    pipeline = pipeline_for(system, db, pipelines_dir)  # first: it scopes the config lookup
    drop_normalized_leftovers(pipeline)
    counts = finish_pending(pipeline)
    source = source_factory(system, started) if started is not None else source_factory(system)
    if started is None and source_factory is _source and source.arguments.get("auth") != "oauth":
        sourceconfig.remember(Path(pipeline.pipelines_dir), system, source.arguments, _secrets(system))
    try:
        rawcurrent.run(pipeline, system, source)  # nothing is pending now, so this extracts (pending data: loads)
        counts.update(row_counts(pipeline))
    finally:
        run.add_calls(system, api_calls_of(source.client))
    _counted(run, console, system, counts)
    _skipped(run, console, source.skipped)


def _counted(run: Run, console: Console, system: str, counts: Counter[str]) -> None:
    rows = sum(n for table, n in counts.items() if table != "quarantine")  # a versioned entity: its history
    run.rows_extracted[system] = rows
    run.quarantined += counts.get("quarantine", 0)
    console.log(f"extracted {system}", rows=rows, quarantined=counts.get("quarantine", 0),
                api_calls=run.api_calls.get(system, 0))


def _skipped(run: Run, console: Console, skipped: list[str]) -> None:
    """What a system's readers could not read this run while the rest was loaded: the run is partial."""
    for problem in skipped:
        run.problems.append(problem)
        console.error(problem)


def finish_pending(pipeline: dlt.Pipeline) -> Counter[str]:
    """Normalize and load what a killed run left (its package holds the state that goes with its rows);
    the rows it normalizes here count for this run."""
    counts: Counter[str] = Counter()
    if not pipeline.has_pending_data:
        return counts
    if pipeline.list_extracted_load_packages():
        pipeline.normalize()
        counts.update(row_counts(pipeline))
    if pipeline.list_normalized_load_packages():
        pipeline.load()
    return counts


def drop_normalized_leftovers(pipeline: dlt.Pipeline) -> None:
    """A kill while dlt's normalize step deleted the extracted copy of a package it had already moved on
    (to load/normalized or load/loaded) leaves a half-deleted copy among the extracted packages, which
    dlt then fails to normalize on every later run (FileNotFoundError: .../new_jobs). The moved package
    is the real one: the leftover goes. (Found by tests/e2e/test_crash.py.)"""
    extracted = Path(pipeline.working_dir) / "normalize" / "extracted"
    load = Path(pipeline.working_dir) / "load"
    for package in extracted.iterdir() if extracted.is_dir() else []:
        if any((load / stage / package.name).exists() for stage in ("normalized", "loaded")):
            shutil.rmtree(package, ignore_errors=True)


def row_counts(pipeline: dlt.Pipeline) -> Counter[str]:
    """Rows per table of the pipeline's last normalize step (none when the last step did not normalize)."""
    trace = pipeline.last_trace
    info = trace.last_normalize_info if trace is not None else None
    counts = info.row_counts if info is not None else {}
    return Counter({table: n for table, n in counts.items() if not table.startswith("_dlt")})


# ---------------------------------------------------------------------- the pre-read


@dataclass
class PreRead(Started):
    """Started, plus whether the readers found nothing new (no row, every state as it was)."""

    nothing_new: bool = False


def pre_read(system: str, pipelines_dir: Path, destination_version: int | None) -> PreRead | None:
    """Read `system` without dlt, with its remembered configuration and saved states: every reader in
    turn until one yields a row (it stops there; dlt continues it). None when that cannot be trusted."""
    arguments = sourceconfig.recall(pipelines_dir, system)
    saved = saved_state(pipelines_dir / pipeline_name(system), destination_version)
    if arguments is None or saved is None:
        return None
    source = saved.get("sources", {}).get(system, {})
    shared = {key: value for key, value in copy.deepcopy(source).items() if key != "resources"}
    shared_before = copy.deepcopy(shared)
    try:
        extraction = _extraction(system, arguments, shared)
    except (KeyError, TypeError, ValueError):
        return None  # the remembered configuration does not fit this code: dlt resolves it anew
    began: dict[str, Began] = {}
    nothing_new = True
    for reader in extraction.readers:
        state = copy.deepcopy(source.get("resources", {}).get(reader.name, {}))
        before = copy.deepcopy(state)
        items = iter(reader.read(state))
        buffered: list[Any] = []
        found = False
        for item in items:
            buffered.append(item)
            if rows_of(item):
                found = True
                break
        began[reader.name] = Began(buffered, items, state)
        if found:
            nothing_new = False
            break  # the readers after it run in dlt, from dlt's (identical) state
        nothing_new = nothing_new and state == before
    return PreRead(extraction, began, shared, nothing_new and shared == shared_before)


def saved_state(working_dir: Path, destination_version: int | None) -> dict[str, Any] | None:
    """The pipeline's state as its last load left it, read without dlt from dlt's state file; None when a
    package is still pending or the file's version is not the one the destination holds."""
    try:
        state = json.loads((working_dir / "state.json").read_text())
    except (OSError, ValueError):
        return None
    if state.get("_state_engine_version") != STATE_ENGINE_VERSION or destination_version is None:
        return None
    if any(path.is_dir() and any(path.iterdir()) for path in (working_dir / name for name in PENDING_DIRS)):
        return None
    return state if state.get("_state_version") == destination_version else None


def prepare_destination(db_path: Path, systems: tuple[str, ...]) -> dict[str, int]:
    """The newest pipeline state version each system's dataset holds (dlt writes it with every load), and
    every current view in place: a run killed between dlt's load and making the views (rawcurrent.run)
    left a history without one, and a sync with nothing new does not involve dlt to make it."""
    if not db_path.exists():
        return {}
    versions: dict[str, int] = {}
    with open_state(db_path) as con:  # waits for a short hold by another process, like every open
        for system in systems:
            rawcurrent.make_views(con, system, settings.DATASETS[system])
            try:
                row = con.execute(f"select max(version) from {settings.DATASETS[system]}._dlt_pipeline_state "
                                  "where pipeline_name = ?", [pipeline_name(system)]).fetchone()
            except duckdb.CatalogException:
                continue  # never loaded
            if row and row[0] is not None:
                versions[system] = int(row[0])
    return versions
