"""Extract stage: run the three dlt sources into the raw datasets of the state file.

One dlt pipeline per system, so each keeps its own incremental cursors in dlt's state and one
system being down does not stop the others (the run is then `partial` and says why).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import dlt

from pipelines import settings
from pipelines.console import Console
from pipelines.errors import missing_config, summarize
from pipelines.runs import Run

SYSTEMS = ("exact", "wave", "custompms")


def _source(system: str) -> dlt.sources.DltSource:
    # imported lazily: each source pulls in its client and this keeps `make status` fast
    if system == "exact":
        from pipelines.exact.source import exact_source

        return exact_source()
    if system == "wave":
        from pipelines.wave.source import wave_source

        return wave_source()
    from pipelines.custompms.source import custompms_source

    return custompms_source()


def pipeline_for(system: str, db_path: Path | None = None, pipelines_dir: Path | None = None) -> dlt.Pipeline:
    return dlt.pipeline(
        pipeline_name=f"customer_sync_{system}",
        destination=dlt.destinations.duckdb(str(db_path or settings.DUCKDB_FILE)),
        dataset_name=settings.DATASETS[system],
        pipelines_dir=str(pipelines_dir or settings.PIPELINES_DIR),
    )


def api_calls_of(source: dlt.sources.DltSource) -> int:
    """Calls the source's client made (each source keeps its client on `source.client`; Exact and
    CustomPMS count per division or method, Wave in total)."""
    calls = source.client.calls
    return sum(calls.values()) if hasattr(calls, "values") else int(calls)


def extract(run: Run, console: Console, systems: tuple[str, ...] = SYSTEMS,
            source_factory: Callable[[str], dlt.sources.DltSource] = _source,
            db_path: Path | None = None, pipelines_dir: Path | None = None) -> None:
    for system in systems:
        with run.stage(f"extract.{system}"):
            try:  # everything of one system inside its guard: one system down must not stop the others
                extract_system(run, console, system, source_factory, db_path, pipelines_dir)
            except Exception as exc:
                if (missing := missing_config(exc)) is not None:
                    raise missing from None  # misconfiguration: refuse the run, name the key
                run.problems.append(f"extract {system} failed: {summarize(exc)}")
                console.error(run.problems[-1])


def extract_system(run: Run, console: Console, system: str,
                   source_factory: Callable[[str], dlt.sources.DltSource] = _source,
                   db_path: Path | None = None, pipelines_dir: Path | None = None) -> None:
    pipeline = pipeline_for(system, db_path, pipelines_dir)  # first: it scopes the config lookup
    counts = finish_pending(pipeline)
    source = source_factory(system)
    try:
        pipeline.run(source)  # nothing is pending now, so run() extracts (with pending data it would only load)
        counts.update(row_counts(pipeline))
    finally:
        run.add_calls(system, api_calls_of(source))
    rows = sum(n for table, n in counts.items() if not table.endswith("_history") and table != "quarantine")
    run.rows_extracted[system] = rows
    run.quarantined += counts.get("quarantine", 0)
    console.log(f"extracted {system}", rows=rows, quarantined=counts.get("quarantine", 0),
                api_calls=run.api_calls.get(system, 0))


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


def row_counts(pipeline: dlt.Pipeline) -> Counter[str]:
    """Rows per table of the pipeline's last normalize step (none when the last step did not normalize)."""
    trace = pipeline.last_trace
    info = trace.last_normalize_info if trace is not None else None
    counts = info.row_counts if info is not None else {}
    return Counter({table: n for table, n in counts.items() if not table.startswith("_dlt")})
