"""A state file written before the quarantine, decisions and abandoned runs existed keeps working: the
next run adds the new columns and tables, marks what a crash left running, and the outbox and the
stewardship commands work on it."""

from __future__ import annotations

import json

import duckdb

from pipelines.push import outbox
from pipelines.runs import Run
from pipelines.state import ensure_state
from pipelines.statefile import open_state

# the three tables as the previous release created them (no open_items, decision ids, resend_of, key_generation)
OLD = """
create schema sync;
create table sync.runs (run_id text primary key, command text not null, started_at timestamptz not null,
    ended_at timestamptz, status text not null, stage_seconds json, rows_extracted json, api_calls json,
    quarantined integer default 0, deltas integer default 0, ops_sent integer default 0,
    ops_succeeded integer default 0, ops_failed integer default 0, ops_skipped integer default 0, message text);
create table sync.links (cluster_id text not null, system text not null, entity text not null,
    record_id text not null, established_by text not null, rule text, run_id text,
    linked_at timestamptz not null default current_timestamp, unlinked_at timestamptz, unlinked_reason text);
create table sync.outbox (id text primary key, run_id text, target_system text not null,
    target_entity text not null, record_id text, scope_id text, cluster_id text, operation text not null,
    payload json, base_version text, base_hash text, ledger_entries json,
    status text not null default 'pending', attempts integer not null default 0, last_error text,
    response_id text, created_at timestamptz not null default current_timestamp,
    updated_at timestamptz not null default current_timestamp, sent_at timestamptz);
insert into sync.runs (run_id, command, started_at, status) values ('old-1', 'sync', now(), 'running');
insert into sync.outbox (id, target_system, target_entity, cluster_id, operation, payload, status, attempts)
values ('op_old', 'custompms', 'customers', 'cl1', 'create', '{"name": "Old BV"}', 'failed', 2);
"""


def test_an_old_state_file_is_upgraded_by_the_next_run(tmp_path):
    db = tmp_path / "state.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(OLD)
    run = Run(command="sync", db_path=db)
    run.start()
    assert run.abandoned == ["old-1"]
    run.open_items = {"dead": 1}
    run.record("partial")
    with open_state(db) as con:
        ensure_state(con)
        ensure_state(con)  # twice: nothing changes the second time
        (op,) = outbox.sendable(con)
        assert (op.id, op.key_generation, op.resend_of, op.idempotency_key) == (
            "op_old", 0, None, "customer-sync-op_old")
        columns = {table: [c for (c,) in con.execute(
            "select column_name from information_schema.columns where table_schema = 'sync' and table_name = ?",
            [table]).fetchall()] for table in ("links", "outbox", "runs")}
        rows = dict(con.execute("select run_id, status from sync.runs").fetchall())
        (items,) = con.execute("select open_items from sync.runs where run_id = ?", [run.run_id]).fetchone()
    assert {"decision_id", "unlinked_decision_id"} <= set(columns["links"])
    assert {"resend_of", "key_generation"} <= set(columns["outbox"]) and "open_items" in columns["runs"]
    assert rows == {"old-1": "abandoned", run.run_id: "partial"} and json.loads(items) == {"dead": 1}
