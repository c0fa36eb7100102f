"""Operator-facing behaviour of the commands: run history, the lock, missing secrets, status."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pipelines import settings
from pipelines.runs import run_lock


def test_second_extract_fetches_nothing_new_at_minimum_calls(sandbox):
    assert sandbox.cli("extract") == 0
    assert sandbox.cli("extract") == 0
    (calls, rows), (calls2, rows2) = [
        (json.loads(c), json.loads(r))
        for c, r in sandbox.sql("select api_calls, rows_extracted from sync.runs order by started_at")
    ]
    assert rows["exact"] == 6 and rows["custompms"] == 1  # 3 accounts + 2 divisions + 1 department
    # no change: one call per endpoint per division (accounts, deleted, departments) + system/Divisions;
    # one customers page per business for Wave (the businesses list rides on the same call); one for CustomPMS
    assert calls2 == {"exact": 3 * 2 + 1, "wave": 2, "custompms": 1}
    assert rows2["exact"] == 0 and rows2["custompms"] == 0
    history = sandbox.sql("select count(*) from raw_exact.accounts_history")[0][0]
    assert history == 3  # nothing re-observed, nothing duplicated


def test_a_concurrent_run_is_refused_naming_the_holder(sandbox, capsys):
    with run_lock(sandbox.db.parent / "sync.lock", "sync"):
        assert sandbox.cli("extract") == 2
    err = capsys.readouterr().err
    assert "another run is in progress" in err and f"pid {os.getpid()}" in err and "'sync'" in err
    assert sandbox.cli("extract") == 0  # released


def test_a_missing_secret_names_the_key_to_set(sandbox, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY"}
    env["PYTHONPATH"] = str(settings.ROOT)
    done = subprocess.run(  # from a directory without .dlt/, so only the environment configures it
        [sys.executable, "-m", "pipelines.cli", "--db", str(sandbox.db), "extract"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "sources.custompms.credentials.api_key" in done.stderr.replace("\n", "")
    assert settings.SANDBOX_CUSTOMPMS_KEY not in done.stdout + done.stderr


def test_status_exits_non_zero_when_the_last_run_failed(sandbox, capsys):
    assert sandbox.cli("extract") == 0
    assert sandbox.cli("status") == 0
    sandbox.servers["wave"].stop()  # Wave goes down: the run is partial, the others still load
    assert sandbox.cli("extract") == 1
    assert sandbox.cli("status") == 1
    assert "extract wave failed" in capsys.readouterr().err
    statuses = sandbox.sql("select status from sync.runs order by started_at")
    assert [s for (s,) in statuses] == ["succeeded", "partial"]


def test_every_audit_query_runs_after_a_sync_and_explains_a_customer(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    capsys.readouterr()
    assert sandbox.cli("audit") == 0
    out = capsys.readouterr().out
    for name in ("customer_explain", "who_changed_vat", "dead_operations", "unmatched", "sync_runs",
                 "pushes_per_system"):
        assert name in out
    assert sandbox.cli("audit", "customer_explain", "--customer", "Acme") == 0
    out = capsys.readouterr().out
    assert "Acme Trading BV" in out and "vat_number" in out and "NL123456789B01" in out
