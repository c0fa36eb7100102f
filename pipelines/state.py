"""Durable sync state (schema `sync`): the tables that outlive any single run.

`ensure_state(con)` creates them idempotently and seeds the configuration tables (match rules,
system priority, options) only when they are empty, so a person's edits to them are kept.
Everything here is state a person may query; the SQL models under `sql/` are recomputed, these
tables are not.
"""

from __future__ import annotations

import duckdb

from pipelines import settings
from pipelines.runs import RUNS_DDL

S = settings.SYNC_SCHEMA

# `using compression uncompressed`: the two tables a first sync fills with a row per record (links) and per
# record and property (property_history) are written with DuckDB's compression on (runner.compressed_writes
# lifts the run's TRANSFORM_DISABLED_COMPRESSION for those inserts). Their few-valued strings (system, entity,
# property, run_id) then take a fraction of the space; ids and values are stored as they are, because
# compressing them costs more time than it saves space.
STATE_DDL = f"""
create schema if not exists {S};

-- Cluster membership. Never recomputed: rows are only appended, or ended by setting unlinked_at.
create table if not exists {S}.links (
    cluster_id      text not null using compression uncompressed,
    system          text not null,          -- exact, wave, custompms
    entity          text not null,          -- accounts, divisions, departments, customers
    record_id       text not null using compression uncompressed,
    established_by  text not null,          -- origin, rule:<name>, manual
    rule            text,
    run_id          text,
    linked_at       timestamptz not null default current_timestamp,
    unlinked_at     timestamptz,            -- set when a person (or a CustomPMS delete) unlinks
    unlinked_reason text,                   -- manual (a person: unlink, or a link that moved the record),
                                            -- custompms_deleted
    decision_id     text,                   -- the person's decision that made it (sync.decisions)
    unlinked_decision_id text               -- the person's decision that ended it
);

-- Merge rules, in priority order. kind exact: equal normalised property; kind fuzzy:
-- jaro_winkler_similarity on normalised names within the same country and postcode.
create table if not exists {S}.match_rules (
    rule_name  text primary key,
    property   text not null,
    kind       text not null,               -- exact, fuzzy
    priority   integer not null,
    enabled    boolean not null default true,
    auto_link  boolean not null default true,
    threshold  double                        -- fuzzy only
);

-- Fuzzy proposals for a person to review (never linked unless the rule's auto_link is on).
create table if not exists {S}.match_candidates (
    rule_name        text not null,
    system           text not null,
    entity           text not null,
    record_id        text not null,
    other_cluster_id text not null,
    other_system     text not null,
    other_entity     text not null,
    other_record_id  text not null,
    score            double not null,
    run_id           text,
    proposed_at      timestamptz not null default current_timestamp,
    decision         text,                  -- null (open), accepted, rejected
    decided_at       timestamptz
);

-- Rules that would have merged what must stay apart; not applied.
create table if not exists {S}.match_conflicts (
    rule_name    text not null,
    kind         text not null,             -- same_system, ambiguous, different_custompms
    system       text not null,
    entity       text not null,
    record_id    text not null,
    match_key    text,
    cluster_ids  json,                      -- the clusters (or records) it would have joined
    detail       text,
    run_id       text,
    detected_at  timestamptz not null default current_timestamp,
    resolved_at  timestamptz,
    resolution   text
);

-- Audit of per-property change times as each run saw them (appended when a value changes).
create table if not exists {S}.property_history (
    system       text not null,
    entity       text not null,
    record_id    text not null using compression uncompressed,
    property     text not null,
    value        text using compression uncompressed,
    changed_at   timestamptz,
    change_source text,                     -- observed (source modified time) or ledger (our write)
    run_id       text,
    recorded_at  timestamptz not null default current_timestamp
);

-- What the product wrote. A target value equal to what we wrote is an echo, not an edit: its
-- change time is the carried change_time. The writes a value can echo are the record's latest one known
-- to have landed (its outbox row succeeded) and every later one. value_hash = md5(canonical value text).
create table if not exists {S}.write_ledger (
    target_system  text not null,
    target_entity  text not null,
    record_id      text not null,
    property       text not null,
    value_hash     text not null,
    change_time    timestamptz,
    written_at     timestamptz not null default current_timestamp,
    run_id         text,
    outbox_id      text
);

-- Every operation to send, written before it is sent; its status says how far it got.
create table if not exists {S}.outbox (
    id             text primary key,        -- deterministic (see delta.operations.op_id)
    run_id         text,
    target_system  text not null,
    target_entity  text not null,
    record_id      text,                    -- null for a create until it succeeds
    scope_id       text,                    -- Exact division / Wave business of the target record
    cluster_id     text,
    operation      text not null,           -- create, update, deactivate
    payload        json,
    base_version   text,
    base_hash      text,
    ledger_entries json,                    -- list of (property, value_hash, change_time) for write_ledger
    status         text not null default 'pending',
                                            -- pending, in_flight, succeeded, failed, skipped_stale,
                                            -- superseded, dead (gave up after its attempts), quarantined
                                            -- (the target rejected it: the reasons are in sync.quarantine)
    attempts       integer not null default 0,
    last_error     text,
    response_id    text,
    created_at     timestamptz not null default current_timestamp,
    updated_at     timestamptz not null default current_timestamp,
    sent_at        timestamptz,
    resend_of      text,                    -- the delta operation this row resends without the properties a
                                            -- target rejected (null for a delta's own row)
    key_generation integer not null default 0  -- a create's Idempotency-Key suffix: raised by a person's
                                            -- retry of a rejected create, whose old key CustomPMS remembers
);

-- A CustomPMS edit that a read-only source (Exact Divisions, Departments) cannot take; recorded
-- once per record, property and wanted value.
create table if not exists {S}.not_writable (
    system        text not null,
    entity        text not null,
    record_id     text not null,
    cluster_id    text,
    property      text not null,
    current_value text,
    wanted_value  text,
    wanted_hash   text not null,
    run_id        text,
    recorded_at   timestamptz not null default current_timestamp
);

-- Everything that needs a person, in one list: records that could not be parsed, source values
-- that break a constraint, properties a target's constraints or answers refused, oversized values
-- and match conflicts. A row holds for one value (value_hash): a new value is a new row, and the old
-- one resolves itself once that value is gone. Ignored rows stay ignored for that value.
create table if not exists {S}.quarantine (
    quarantine_id  text primary key,        -- md5(kind|system|entity|record_id or cluster_id|property|value_hash)
    kind           text not null,           -- parse_failure, source_value, target_constraint,
                                            -- target_rejection, oversized, match_conflict
    system         text not null,           -- where the record lives (the target, for target_* kinds)
    entity         text not null,
    record_id      text,                    -- null for a create not yet made (cluster_id says which)
    cluster_id     text,
    property       text,                    -- canonical property; null when the whole record is affected
    value          text,                    -- the offending value, truncated for display
    value_hash     text,                    -- md5 of the whole value
    reason         text not null,
    outbox_id      text,                    -- the operation a target rejection came from
    first_seen     timestamptz not null,
    last_seen      timestamptz not null,
    status         text not null default 'open',  -- open, resolved, ignored
    resolved_at    timestamptz,
    resolved_by    text,                    -- 'sync' when it resolved itself, else the person
    note           text,                    -- a person's reason, or how it resolved
    run_id         text                     -- the run that last saw it
);

-- What a person decided through the stewardship commands (accept, reject, link, unlink, resolve,
-- retry, ignore): who, when, why and what it changed. Appended only; the decisions take effect on the
-- next sync (links, quarantine and outbox rows name the decision that changed them).
create table if not exists {S}.decisions (
    decision_id  text primary key,
    action       text not null,             -- accept, reject, link, unlink, resolve, retry, ignore
    subject      text not null,             -- what it acts on: records (system:entity:id), a candidate,
                                            -- a quarantine row or an operation id
    detail       json,                      -- what it changed (clusters before and after, rows touched)
    decided_by   text not null,             -- the OS user, or --by
    decided_at   timestamptz not null,
    note         text                       -- why (--note)
);

-- Tie-break when two records changed a property at the same instant: lower wins.
create table if not exists {S}.system_priority (
    system    text not null,
    entity    text not null,
    priority  integer not null,
    primary key (system, entity)
);

-- Behaviour switches (DESIGN.md section 6), as data so SQL can read them.
create table if not exists {S}.options (
    name        text primary key,
    value       boolean not null,
    description text
);

-- The model runner's memory: when each model last ran and on which SQL, for incremental runs.
create table if not exists {S}.model_runs (
    model        text primary key,
    materialized text not null,
    sql_hash     text not null,
    run_at       timestamptz not null,
    rows         bigint,
    seconds      double
);

-- What each API's last answer said about its rate-limit windows (Exact: per division), written by the
-- clients as they go (pipelines/budgets.py), so the next process schedules from where the last one
-- stopped instead of starting blind and collecting a 429. Times are in the clients' clock.
create table if not exists {S}.api_windows (
    system            text not null,        -- exact, custompms
    scope             text not null,        -- Exact division code; '' when the window is the whole API's
    minute_remaining  integer,              -- calls left in the current minute window (null: unknown)
    minute_reset_at   timestamptz,          -- when that window ends
    day_remaining     integer,              -- calls left today (null: unknown)
    day_reset_at      timestamptz,          -- when the day window ends (Exact: 00:00 UTC)
    observed_at       timestamptz not null, -- the answer these figures come from
    primary key (system, scope)
);

-- Error answers Exact counts towards its hourly limit (400/401/403/404 per division and endpoint; more
-- than 10 in an hour block the endpoint for an hour). The client stops sending to an endpoint once 9
-- are counted in the last hour. Rows older than a day are pruned.
create table if not exists {S}.api_errors (
    system    text not null,
    scope     text not null,                -- Exact division code; '' for the token endpoint
    endpoint  text not null,                -- e.g. crm/Accounts, sync/CRM/Accounts, oauth2/token
    status    integer not null,
    occurred_at timestamptz not null,
    message   text                          -- the API's message, redacted
);

-- Calls the API refused wholesale (Exact: a 403, or a 429 without rate-limit headers, blocks the
-- division; the daily token-call cap blocks the token endpoint): no call is sent there until `until`.
create table if not exists {S}.api_blocks (
    system    text not null,
    scope     text not null,                -- Exact division code; '' for the token endpoint
    endpoint  text not null,                -- '' = every endpoint of the scope
    since     timestamptz not null,
    until     timestamptz not null,
    reason    text not null,
    primary key (system, scope, endpoint)
);
"""

DEFAULT_RULES = [
    ("vat_number", "vat_number", "exact", 1, True, True, None),
    ("registration_number", "registration_number", "exact", 2, True, True, None),
    ("email", "email", "exact", 3, True, True, None),
    ("fuzzy_name", "name", "fuzzy", 4, True, False, 0.92),
]

DEFAULT_PRIORITY = [
    ("custompms", "customers", 1),
    ("exact", "accounts", 2),
    ("wave", "customers", 3),
    ("exact", "divisions", 4),
    ("exact", "departments", 5),
]

DEFAULT_OPTIONS = [
    (
        "deactivate_on_delete",
        True,
        "when every source member of a cluster is deleted (Exact) or archived (Wave), "
        "set CustomPMS active=false",
    ),
    (
        "custompms_delete_unlinks",
        True,
        "a deleted CustomPMS customer ends its link; it is never pushed into the accounting systems",
    ),
    ("create_in_custompms", True, "a cluster with no CustomPMS member gets a create"),
    (
        "create_archived_at_first_sight",
        True,
        "a source record already archived (Wave), blocked or deleted (Exact) when first seen still gets a "
        "cluster and an inactive CustomPMS customer; off: it gets none",
    ),
    (
        "truncate_oversized:custompms.customers.notes",
        False,
        "a value longer than the target takes is cut to fit, ending in ' [truncated]'; off (default): it is "
        "held back and quarantined (kind oversized). Add a truncate_oversized:<system>.<entity>.<property> "
        "row for any other property (delta.target_constraints)",
    ),
]


# columns added after a table first shipped: a state file made before them gets them on its next run
MIGRATIONS = f"""
alter table {S}.links add column if not exists decision_id text;
alter table {S}.links add column if not exists unlinked_decision_id text;
alter table {S}.outbox add column if not exists resend_of text;
alter table {S}.outbox add column if not exists key_generation integer default 0;
"""


def ensure_state(con: duckdb.DuckDBPyConnection) -> None:
    """Create the sync-state tables if missing and seed empty configuration tables."""
    con.execute(RUNS_DDL)
    con.execute(STATE_DDL)
    con.execute(MIGRATIONS)
    if not con.execute(f"select count(*) from {S}.match_rules").fetchone()[0]:
        con.executemany(f"insert into {S}.match_rules values (?, ?, ?, ?, ?, ?, ?)", DEFAULT_RULES)
    if not con.execute(f"select count(*) from {S}.system_priority").fetchone()[0]:
        con.executemany(f"insert into {S}.system_priority values (?, ?, ?)", DEFAULT_PRIORITY)
    # options are seeded per name so a new option reaches an existing state file
    con.executemany(
        f"insert into {S}.options select ?, ?, ? where not exists (select 1 from {S}.options where name = ?)",
        [(n, v, d, n) for n, v, d in DEFAULT_OPTIONS],
    )


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    """Is there a table or view `schema.table` (a stage that has not run yet has made none)?"""
    return bool(con.execute("select count(*) from information_schema.tables where table_schema = ? "
                            "and table_name = ?", [schema, table]).fetchone()[0])
