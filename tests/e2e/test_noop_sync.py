"""A sync with nothing to do reads the APIs before dlt is involved (the pre-read) and, finding nothing,
never imports dlt; a change is taken over by dlt where the readers stopped, so no page is read twice;
the remembered configuration holds no secret and is not trusted once its inputs change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from pipelines import settings, sourceconfig

from .test_sync import exact_account, last_run, sync, wave_customer

# runs the CLI in a fresh process, as `make sync` does, and says which heavy libraries it imported
CLI = textwrap.dedent("""
    import json, sys
    from pipelines import cli
    code = cli.main(["--quiet", "--db", sys.argv[1], sys.argv[2]])
    print(json.dumps({"code": code, "dlt": "dlt" in sys.modules, "graphql": "graphql" in sys.modules}))
""")
NO_CHANGE_CALLS = {"exact": 3 * 2 + 1, "wave": 2, "custompms": 1}


def cli_process(sandbox, command: str = "sync") -> dict:
    done = subprocess.run([sys.executable, "-c", CLI, str(sandbox.db), command], cwd=settings.ROOT,
                          env=os.environ | {"PYTHONPATH": str(settings.ROOT)}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def last_calls(sandbox) -> tuple[dict, dict]:
    calls, rows = sandbox.sql("select api_calls, rows_extracted from sync.runs order by started_at desc limit 1")[0]
    return json.loads(calls), json.loads(rows)


def test_a_sync_with_nothing_to_do_never_imports_dlt(sandbox):
    assert cli_process(sandbox)["dlt"]  # the first sync: dlt resolves the configuration, extraction remembers it
    cli_process(sandbox)  # the creates' new ids come back once
    history = sandbox.sql("select count(*) from raw_exact.accounts_history")[0][0]
    loads = sandbox.sql("select count(*) from raw_wave._dlt_loads")[0][0]
    ran = cli_process(sandbox)
    assert ran == {"code": 0, "dlt": False, "graphql": False}
    calls, rows = last_calls(sandbox)
    assert calls == NO_CHANGE_CALLS and rows == {"exact": 0, "wave": 0, "custompms": 0}
    assert last_run(sandbox)["status"] == "succeeded"
    # nothing was loaded: no new load, no re-observed version
    assert sandbox.sql("select count(*) from raw_wave._dlt_loads")[0][0] == loads
    assert sandbox.sql("select count(*) from raw_exact.accounts_history")[0][0] == history


def test_a_change_after_a_quiet_run_is_taken_over_by_dlt_without_reading_a_page_twice(sandbox):
    sync(sandbox)
    sync(sandbox)
    acme = exact_account(sandbox, 101, "Acme")
    sandbox.exact.edit_account(101, acme["ID"], {"City": "Haarlem"})
    sandbox.wave.patch_customer(wave_customer(sandbox, "Northern Lights")["id"], {"phone": "+1 416 555 0199"})
    assert sandbox.cli("extract") == 0
    calls, rows = last_calls(sandbox)
    assert calls == NO_CHANGE_CALLS  # the pre-read's pages went on to dlt: none was asked for again
    assert rows["exact"] == 1 and rows["wave"] == 1 and rows["custompms"] == 0
    assert sandbox.sql("select city from raw_exact.accounts where lower(id) = lower(?)", [acme["ID"]]) == [("Haarlem",)]
    assert sandbox.sql("select count(*) from raw_exact.accounts_history where lower(id) = lower(?)",
                       [acme["ID"]])[0][0] == 2
    assert sandbox.cli("extract") == 0  # and what dlt committed is the state the next pre-read starts from
    assert last_calls(sandbox) == (NO_CHANGE_CALLS, {"exact": 0, "wave": 0, "custompms": 0})


def test_the_remembered_configuration_holds_no_secret_and_lapses_when_an_input_changes(sandbox, monkeypatch):
    sync(sandbox)
    pipelines_dir = sandbox.db.parent / "dlt"
    text = sourceconfig.memo_file(pipelines_dir).read_text()
    for secret in (settings.SANDBOX_EXACT_CLIENT_SECRET, settings.SANDBOX_EXACT_REFRESH_TOKEN,
                   settings.SANDBOX_WAVE_TOKEN, settings.SANDBOX_CUSTOMPMS_KEY):
        assert secret not in text
    remembered = sourceconfig.recall(pipelines_dir, "custompms")
    assert remembered["credentials"]["api_key"] == settings.SANDBOX_CUSTOMPMS_KEY  # read from where dlt found it
    monkeypatch.setenv("SOURCES__CUSTOMPMS__PAGE_SIZE", "200")
    assert sourceconfig.recall(pipelines_dir, "custompms") is None  # dlt resolves again, and it wins
    sync(sandbox)
    assert sourceconfig.recall(pipelines_dir, "custompms")["page_size"] == 200
