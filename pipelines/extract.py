"""Extract stage: run the three dlt sources into the raw datasets of the state file.

One dlt pipeline per system, so each keeps its own incremental cursors in dlt's state and one
system being down does not stop the others (the run is then `partial` and says why).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import dlt
from dlt.common.pipeline import LoadInfo

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
            db_path: Path | None = None, pipelines_dir: Path | None = None) -> dict[str, LoadInfo]:
    loads: dict[str, LoadInfo] = {}
    for system in systems:
        with run.stage(f"extract.{system}"):
            try:
                pipeline = pipeline_for(system, db_path, pipelines_dir)  # first: it scopes the config lookup
                drop_normalized_leftovers(pipeline)
                source = source_factory(system)
                loads[system] = pipeline.run(source)
            except Exception as exc:  # one system down must not stop the others
                if (missing := missing_config(exc)) is not None:
                    raise missing from None  # misconfiguration: refuse the run, name the key
                run.problems.append(f"extract {system} failed: {summarize(exc)}")
                console.error(run.problems[-1])
                continue
            # after a killed run, dlt's run() only loads the pending package and its trace has no normalize
            # step (the issue-11 crash; helper E's branch restructures this, take theirs when merging)
            info = pipeline.last_trace.last_normalize_info if pipeline.last_trace else None
            counts = info.row_counts if info is not None else {}
            rows = sum(n for table, n in counts.items() if not table.startswith("_dlt") and
                       not table.endswith("_history") and table != "quarantine")
            run.rows_extracted[system] = rows
            run.quarantined += counts.get("quarantine", 0)
            run.add_calls(system, api_calls_of(source))
            console.log(f"extracted {system}", rows=rows, quarantined=counts.get("quarantine", 0),
                        api_calls=run.api_calls.get(system, 0))
    return loads


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
