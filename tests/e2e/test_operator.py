"""Operator-facing behaviour of the commands: run history, the lock, missing secrets, status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pipelines import cli, settings
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


def start_cli(sandbox, *args: str, stdin: int | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipelines.cli", "--db", str(sandbox.db), *args],
                            cwd=settings.ROOT, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=os.environ | {"PYTHONPATH": str(settings.ROOT)})


def test_global_options_work_before_and_after_the_command(sandbox, capsys):
    from pipelines.cli import parser

    before = parser().parse_args(["--quiet", "--db", "other.duckdb", "demo"])
    after = parser().parse_args(["demo", "--quiet", "--db", "other.duckdb"])  # what `make demo ARGS=...` runs
    assert (before.db, before.quiet, before.log_json) == (after.db, after.quiet, after.log_json) == (
        Path("other.duckdb"), True, False)
    assert parser().parse_args(["--db", "a.duckdb", "status"]).db == Path("a.duckdb")  # not reset by the default
    assert cli.main(["sync", "--quiet", "--db", str(sandbox.db)]) == 0
    assert cli.main(["status", "--db", str(sandbox.db), "--log-json"]) == 0
    assert '"table": "Recent runs"' in capsys.readouterr().out


def test_status_during_a_run_waits_then_refuses_naming_it(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    with run_lock(sandbox.db.parent / "sync.lock", "sync"):
        assert sandbox.cli("status") == 2
        assert sandbox.cli("sql", "--query", "select 1") == 2
    err = capsys.readouterr().err
    assert "a run is in progress" in err and f"pid {os.getpid()}" in err and "Traceback" not in err
    assert sandbox.cli("status") == 0


def test_status_while_a_sync_runs_never_breaks_either(sandbox):
    assert sandbox.cli("sync") == 0
    business = next(iter(sandbox.wave._businesses))
    for i in range(15):
        sandbox.wave.create_customer(business, {"name": f"Busy {i} Ltd", "email": f"busy{i}@example.com"})
    sandbox.faults["custompms"].latency_ms = 60  # the push takes a few seconds
    sync = start_cli(sandbox, "--quiet", "sync")
    codes = []
    for _ in range(3):
        status = start_cli(sandbox, "--quiet", "status")
        _, err = status.communicate(timeout=60)
        assert "Traceback" not in err, err
        codes.append(status.returncode)
        if status.returncode == 2:
            assert "a run is in progress" in err and "'sync'" in err
    _, err = sync.communicate(timeout=120)
    assert sync.returncode == 0, err
    assert set(codes) <= {0, 1, 2}


def test_sync_refuses_while_another_program_holds_the_state_file_and_an_open_sql_shell_does_not(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; "
                               f"con = duckdb.connect({str(sandbox.db)!r}, read_only=True); print('open', flush=True); "
                               "time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        capsys.readouterr()
        assert sandbox.cli("sync") == 2
        err = capsys.readouterr().err.replace("\n", "")
        assert f"is in use by pid {holder.pid}" in err and "Traceback" not in err
    finally:
        holder.kill()
        holder.wait()
    shell = start_cli(sandbox, "sql", stdin=subprocess.PIPE)  # a person's shell, left open between statements
    try:
        shell.stdin.write("select count(*) as links from sync.links;\n")
        shell.stdin.flush()
        # its first statement answered: from here on the shell waits for the next one, as a person's does
        assert any("links" in line for line in iter(shell.stdout.readline, "")), shell.stderr.read()
        assert sandbox.cli("sync") == 0
        shell.stdin.write("select 42 as answer;\n")  # and the shell still works after the sync
    finally:
        out, err = shell.communicate(timeout=30)
    assert shell.returncode == 0 and "answer" in out, err


def test_a_damaged_state_file_is_named_with_the_way_back_and_the_way_back_works(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    customers = len(sandbox.pms_customers())
    size = sandbox.db.stat().st_size
    with open(sandbox.db, "r+b") as handle:
        handle.truncate(size // 3)
    for command in (["sync"], ["status"], ["sql", "--query", "select 1"], ["link", "a:b:c", "d:e:f"]):
        capsys.readouterr()
        assert sandbox.cli(*command) == 2, command
        err = capsys.readouterr().err.replace("\n", "")
        assert f"the state file {sandbox.db} is damaged" in err and "make sync" in err, err
        assert "restore it from a backup" in err and "Traceback" not in err
    # the way back the message gives: move it (and dlt's working dir) aside, then sync
    sandbox.db.rename(sandbox.db.with_name("customer_sync.duckdb.damaged"))
    (sandbox.db.parent / "dlt").rename(sandbox.db.parent / "dlt.damaged")
    assert sandbox.cli("sync") == 0
    assert len(sandbox.pms_customers()) == customers  # the links came back from external_refs: no duplicate
    assert sandbox.cli("sync") == 0
    assert sandbox.sql("select ops_sent from sync.runs order by started_at desc")[0] == (0,)


def test_a_killed_run_is_marked_abandoned_by_the_next_run(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    sandbox.faults["custompms"].latency_ms = 200
    business = next(iter(sandbox.wave._businesses))
    sandbox.wave.create_customer(business, {"name": "Killed Midway Ltd", "email": "km@example.com"})
    process = start_cli(sandbox, "sync")
    while "outbox" not in (line := process.stdout.readline()) and line:
        pass
    process.kill()
    process.wait()
    capsys.readouterr()
    assert sandbox.cli("status") == 1
    assert "was abandoned (killed or crashed)" in capsys.readouterr().err.replace("\n", "")
    sandbox.faults["custompms"].latency_ms = 0
    assert sandbox.cli("sync") == 0
    statuses = [s for (s,) in sandbox.sql("select status from sync.runs order by started_at")]
    assert statuses == ["succeeded", "abandoned", "succeeded"]
    (message,), = sandbox.sql("select message from sync.runs where status = 'abandoned'")
    assert "abandoned: its process ended without recording an end" in message
    assert sandbox.cli("status") == 0
