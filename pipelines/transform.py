"""Transform stage: run every SQL model under sql/ on the state file, in dependency order."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.models.runner import run_models
from pipelines.push import outbox
from pipelines.runs import Run


def transform(run: Run, console: Console, db_path: Path | None = None, full_refresh: bool = False) -> None:
    """Run the models; `run.deltas` becomes the number of operations this run computed (none when the
    runner skipped every model because nothing changed since the last run)."""
    path = Path(db_path or settings.DUCKDB_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        landed = outbox.confirm_landed_creates(con, run.run_id)
        if landed:
            console.log("creates confirmed by extraction", operations=len(landed))
        results = run_models(con, run_id=run.run_id, full_refresh=full_refresh)
        if not results:
            run.deltas = 0
            console.log("transform skipped", reason="nothing changed since the last run")
            return
        run.deltas = con.execute(
            "select count(*) from delta.operations where _transformed_at = getvariable('run_at')"
        ).fetchone()[0]
    full = sum(result.full_refresh for result in results)
    console.log("transformed", models=len(results), full_rebuilds=full, deltas=run.deltas)
