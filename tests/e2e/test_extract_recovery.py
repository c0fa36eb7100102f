"""A sync after a kill during Wave's extraction: the killed run's load package is finished, the new
changes are extracted too, and the other systems, transform and push all run (issue 11: the next sync
died at extract.py with `'NoneType' object has no attribute 'row_counts'`, outside the per-system guard).

The kill is real: a child process runs the Wave pipeline the way `extract` does and SIGKILLs itself
at a chosen point of dlt's steps, leaving on disk exactly what a kill there leaves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from pipelines import settings

from .test_sync import last_run, pms_by_ref, sync, wave_customer

# runs in the child: the Wave pipeline of `extract`, killed (SIGKILL, no cleanup) at POINT
KILLED_WAVE_EXTRACTION = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from pipelines import extract

    db, point = Path(sys.argv[1]), sys.argv[2]
    pipeline = extract.pipeline_for("wave", db, db.parent / "dlt")
    source = extract._source("wave")

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    if point == "in_load_job":  # inside the load step, while the first table is being copied in
        from dlt.destinations.impl.duckdb.duck import DuckDbCopyJob
        DuckDbCopyJob.run = die
    pipeline.extract(source)
    if point == "after_extract":
        die()
    pipeline.normalize()
    if point == "after_normalize":
        die()
    pipeline.load()
""")


def killed_wave_extraction(sandbox, point: str) -> None:
    process = subprocess.run([sys.executable, "-c", KILLED_WAVE_EXTRACTION, str(sandbox.db), point],
                             cwd=settings.ROOT, env=os.environ | {"PYTHONPATH": str(settings.ROOT)},
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == -9, process.stderr  # it really was killed, at that point


@pytest.mark.parametrize("point", ["after_extract", "after_normalize", "in_load_job"])
def test_a_sync_after_a_kill_during_wave_extraction_runs_every_system_and_stage(sandbox, point):
    sync(sandbox)
    northern = wave_customer(sandbox, "Northern Lights")
    sandbox.wave.patch_customer(northern["id"], {"phone": "+1 416 555 0101"})
    killed_wave_extraction(sandbox, point)  # it read the edit, then died before (or while) loading it
    sandbox.wave.patch_customer(wave_customer(sandbox, "Acme Trading")["id"], {"website": "https://acme.example"})

    code = sandbox.cli("sync")
    run = last_run(sandbox)
    assert code == 0, run
    assert run["status"] == "succeeded" and run["message"] is None
    stages, rows = [json.loads(value) for value in sandbox.sql(
        "select stage_seconds, rows_extracted from sync.runs order by started_at desc limit 1")[0]]
    assert {"extract.exact", "extract.wave", "extract.custompms", "transform", "push"} <= set(stages)
    assert rows["wave"] >= 1  # the edit made after the kill was extracted in this same sync
    # both edits reached CustomPMS: the one the killed run had read, and the one after it
    assert pms_by_ref(sandbox, "wave.customers", northern["id"])["phone"] == "+1 416 555 0101"
    acme = wave_customer(sandbox, "Acme Trading")
    assert pms_by_ref(sandbox, "wave.customers", acme["id"])["website"] == "https://acme.example"
    # nothing was loaded twice: one history row per observed version
    versions = sandbox.sql("select id, modified_at, count(*) from raw_wave.customers_history group by all "
                           "having count(*) > 1")
    assert versions == []
    assert sync(sandbox)["ops_sent"] == 0  # and the sync after it has nothing left to do
