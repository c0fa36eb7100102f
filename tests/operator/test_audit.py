"""Canned audit queries (sql/audit/) and analyst views (sql/analysis/) on state the models build from
small hand-built raw tables (the model test kit), with the outbox filled the way push fills it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest
import sqlglot
from sqlglot import exp

from pipelines import settings
from pipelines.console import Console
from pipelines.models.rawschema import create_raw
from pipelines.models.runner import run_models
from pipelines.push.outbox import enqueue_from_deltas
from pipelines.statedoc import OUT as STATE_DOC
from pipelines.status import AUDIT_DIR, run_audit

sys.path.insert(0, str(Path(__file__).parents[1] / "models"))  # the suite runs with --import-mode=importlib
from modelkit import Raw, apply_operations  # noqa: E402

AUDITS = sorted(AUDIT_DIR.glob("*.sql"))
VIEWS = sorted((settings.SQL_DIR / "analysis").glob("*.sql"))


def push(con: duckdb.DuckDBPyConnection, raw: Raw, at: float, run_id: str) -> None:
    """What push does to the state, with the model kit's writer standing in for the APIs."""
    enqueue_from_deltas(con, run_id)
    apply_operations(con, raw, at)
    con.execute("""update sync.outbox set status = 'succeeded', attempts = 1, sent_at = current_timestamp,
                   response_id = case when operation = 'create' then 'cus_' || substr(id, 4, 12) end,
                   updated_at = current_timestamp where status = 'pending'""")


@pytest.fixture(scope="module")
def state(tmp_path_factory) -> Path:
    """Two runs: Acme in Exact and Wave (one cluster, created in CustomPMS), Brugge matched by VAT to
    an existing CustomPMS customer; then Acme's VAT changes in Exact and is pushed on; one Wave
    update dies; a look-alike waits as a conflict-free unmatched record."""
    path = tmp_path_factory.mktemp("audit") / "state.duckdb"
    with duckdb.connect(str(path)) as con:
        raw = Raw(con)
        raw.exact_account("a1", 0, name="Acme Trading BV", vat_number="NL123456789B01", email="info@acme.example",
                          city="Amsterdam", country="NL")
        raw.wave_customer("w1", 1, name="Acme Trading", email="INFO@acme.example", city="Amsterdam")
        raw.exact_account("a2", 2, name="Brugge Bikes BVBA", vat_number="BE0123456749", city="Brugge")
        raw.custompms_customer("p1", 3, name="Brugge Bikes", kind="organisation", vat_number="BE 0123.456.749")
        run_models(con, run_id="run-1")
        push(con, raw, 4, "run-1")
        run_models(con, run_id="run-2")  # observes the writes (echoes)
        raw.exact_account("a1", 10, vat_number="NL 9876.54.321 B01")
        raw.wave_customer("w2", 11, name="Lonely Ltd", email="lonely@example.com")
        run_models(con, run_id="run-3")
        push(con, raw, 12, "run-3")
        con.execute("""update sync.outbox set status = 'dead', attempts = 5,
                       last_error = 'gave up after 5 attempts: Wave said INVALID_INPUT'
                       where target_system = 'wave'""")
        raw.wave_customer("w3", 13, name="Not Synced Yet Inc", email="later@example.com")
        run_models(con, run_id="run-4")
        con.execute("insert into sync.runs (run_id, command, started_at, ended_at, status, api_calls) values "
                    "('run-4', 'sync', now() - interval 3 second, now(), 'succeeded', '{\"exact\": 4}')")
    return path


def audit(capsys, path: Path, name: str, customer: str | None = None) -> tuple[int, str]:
    """One canned query through `make audit`'s function; its table comes back as a JSON line."""
    capsys.readouterr()
    code = run_audit(Console(json_logs=True), name, db_path=path, customer=customer)
    return code, capsys.readouterr().out


def rows_of(out: str) -> list[dict]:
    tables = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(tables) == 1, out
    return tables[0]["rows"]


@pytest.mark.parametrize("path", AUDITS, ids=lambda p: p.stem)
def test_every_audit_query_is_one_question_and_one_duckdb_query(path):
    text = path.read_text()
    assert text.startswith("-- ") and text.splitlines()[0].rstrip().endswith("?"), "first line: the question"
    statements = [s for s in sqlglot.parse(text, read="duckdb") if s is not None]
    assert len(statements) == 1 and isinstance(statements[0], exp.Query)


@pytest.mark.parametrize("customer", [None, "acme"])
def test_every_audit_query_runs_on_an_empty_state(tmp_path, capsys, customer):
    path = tmp_path / "empty.duckdb"
    with duckdb.connect(str(path)) as con:
        create_raw(con)
        run_models(con, run_id="empty")
    capsys.readouterr()
    assert run_audit(Console(json_logs=True), db_path=path, customer=customer) == 0, capsys.readouterr().err
    assert len([line for line in capsys.readouterr().out.splitlines() if line.startswith("{")]) == len(AUDITS)


def test_every_audit_query_runs_on_a_synced_state(state, capsys):
    assert run_audit(Console(json_logs=True), db_path=state) == 0, capsys.readouterr().err
    titles = [json.loads(line)["table"] for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert [title.split(":")[0] for title in titles] == [p.stem for p in AUDITS]


def test_who_changed_vat_names_the_system_the_edit_and_the_push(state, capsys):
    code, out = audit(capsys, state, "who_changed_vat", "NL98.76.54.321.B01")
    rows = [r for r in rows_of(out) if r["old_value"] is not None]
    edit = next(r for r in rows if r["changed_in"] == "exact.accounts")
    assert (edit["old_value"], edit["new_value"], edit["changed_by"]) == (
        "NL123456789B01", "NL987654321B01", "a person or app")
    assert edit["first_pushed_at"] is not None and "custompms.customers update succeeded" in edit["pushed_to"]
    echo = next(r for r in rows if r["changed_in"] == "custompms.customers")  # our write, seen next run
    assert echo["changed_by"] == "customer-sync (its own write)" and echo["changed_at"] == edit["changed_at"]
    code, out = audit(capsys, state, "who_changed_vat")  # default: every change, not first sightings
    assert {r["new_value"] for r in rows_of(out)} == {"NL987654321B01"}


def test_customer_explain_names_the_winning_record_per_property(state, capsys):
    code, out = audit(capsys, state, "customer_explain", "info@acme.example")
    by_property = {r["property"]: r for r in rows_of(out)}
    vat, name = by_property["vat_number"], by_property["name"]
    # after the push every member holds the new VAT; the tie on its change time goes to CustomPMS's
    # echo by system priority, and edited_in names the record a person changed
    assert (vat["value"], vat["won_in"]) == ("NL987654321B01", "custompms.customers")
    assert vat["edited_in"] == "exact.accounts a1" and vat["other_records_hold"] is None  # Wave has no VAT
    assert (name["value"], name["edited_in"]) == ("Acme Trading", "wave.customers w1")


def test_pushed_says_why(state, capsys):
    code, out = audit(capsys, state, "customer_pushes", "a1")
    vat = [r for r in rows_of(out) if r["property"] == "vat_number" and r["value"] == "NL987654321B01"]
    assert {r["target"] for r in vat} == {"custompms.customers"}
    assert vat[0]["because_of"] == "exact.accounts" and vat[0]["because_of_record"] == "a1"


def test_dead_unmatched_conflicts_and_runs(state, capsys):
    code, out = audit(capsys, state, "dead_operations")
    dead = rows_of(out)
    assert dead and {r["status"] for r in dead} == {"dead"} and "INVALID_INPUT" in dead[0]["last_error"]
    code, out = audit(capsys, state, "unmatched")
    reasons = {r["name"]: r["reason"] for r in rows_of(out)}
    assert reasons == {"Not Synced Yet Inc": "create planned: the next push sends it"}
    code, out = audit(capsys, state, "unmatched", "later@example.com")
    assert len(rows_of(out)) == 1
    code, out = audit(capsys, state, "sync_runs")
    assert rows_of(out)[0]["run_id"] == "run-4"


def test_analysis_views_answer_from_the_state(state):
    with duckdb.connect(str(state), read_only=True) as con:
        brugge = con.execute("select cluster_id from analysis.customer_lookup where record_id = 'p1'").fetchone()[0]
        assert con.execute("select count(*) from analysis.customer_lookup where cluster_id = ?",
                           [brugge]).fetchone()[0] == 2  # a2 joined p1 by VAT
        history = con.execute("""select old_value, new_value, first_seen from analysis.customer_history
                                 where record_id = 'a1' and property = 'vat_number' order by recorded_at""").fetchall()
        assert history == [(None, "NL123456789B01", True), ("NL123456789B01", "NL987654321B01", False)]
        assert con.execute("select count(*) from analysis.failed_operations").fetchone()[0] >= 1
        assert con.execute("select count(*) from analysis.conflicts").fetchone()[0] == 0


def test_the_state_doc_explains_every_analysis_view():
    text = STATE_DOC.read_text()
    for view in VIEWS:
        section = text.split(f"### `analysis.{view.stem}` (view)", 1)
        assert len(section) == 2, f"docs/state.md lacks analysis.{view.stem}: run `make docs`"
        assert not section[1].lstrip().startswith("|"), f"analysis.{view.stem} has no one-line meaning"
