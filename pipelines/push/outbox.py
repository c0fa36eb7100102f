"""The outbox: every operation is a state row before anything is sent.

Row life: pending → in_flight → succeeded | failed (retried next push) | skipped_stale | dead.

Crash safety rests on three rules:
- ids are deterministic (delta.operations.op_id): recomputing the same delta after a crash finds the
  same row instead of adding a second one. A create's id depends on the cluster only, and its payload
  is frozen at first enqueue, so a resend replays the same Idempotency-Key with the same body;
- an update's write-ledger entries are written in the transaction that marks it in_flight, before
  the request leaves: if we crash after the target applied it, the value is still recognised as our
  echo and cannot outrank a user's later edit elsewhere. A create's entries need the new id, so they
  are written with its success; until then the new record is unknown to us (its id is nowhere in
  our state), and a resend replays the idempotency key and gets the same id back;
- the create's new id is linked to its cluster (by origin) in the transaction that marks it succeeded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from pipelines import settings

S = settings.SYNC_SCHEMA
MAX_ATTEMPTS = 5
SENDABLE = ("pending", "failed", "in_flight")


@dataclass
class Operation:
    id: str
    target_system: str
    target_entity: str
    record_id: str | None
    scope_id: str | None
    cluster_id: str
    operation: str  # create, update, deactivate
    payload: dict[str, Any]
    base_version: str | None
    attempts: int = 0
    status: str = "pending"
    ledger_entries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def idempotency_key(self) -> str:
        return f"customer-sync-{self.id}"

    @property
    def label(self) -> str:
        return f"{self.target_system} {self.operation} {self.record_id or 'cluster ' + self.cluster_id}"


def _has_deltas(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables "
                            "where table_schema = 'delta' and table_name = 'operations'").fetchone()[0])


def enqueue_from_deltas(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Copy delta.operations into the outbox (new ids only) and supersede unsent updates the current
    deltas no longer contain: they were computed from an older state and must never be sent."""
    if not _has_deltas(con):
        return {"new": 0, "superseded": 0}
    now = datetime.now(UTC)
    con.execute("begin")
    try:
        new = con.execute(f"""
            insert into {S}.outbox (id, run_id, target_system, target_entity, record_id, scope_id, cluster_id,
                                    operation, payload, base_version, base_hash, ledger_entries, status,
                                    attempts, created_at, updated_at)
            select d.op_id, ?, d.target_system, d.target_entity, d.record_id, d.scope_id, d.cluster_id,
                   d.operation, d.payload, d.base_version, d.base_hash, d.ledger_entries, 'pending', 0, ?, ?
            from delta.operations as d
            anti join {S}.outbox as o on o.id = d.op_id
            returning id""", [run_id, now, now]).fetchall()
        # Creates are never superseded: one may already have reached CustomPMS (in_flight), and its
        # id only depends on the cluster, so a still-wanted create keeps its row anyway.
        superseded = con.execute(f"""
            update {S}.outbox set status = 'skipped_stale', updated_at = ?,
                   last_error = 'superseded: the current deltas no longer contain it'
            where status in ('pending', 'failed') and operation <> 'create'
              and id not in (select op_id from delta.operations)
            returning id""", [now]).fetchall()
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return {"new": len(new), "superseded": len(superseded)}


def sendable(con: duckdb.DuckDBPyConnection, target_system: str | None = None) -> list[Operation]:
    # `attempts` counts answered failures only: a row left in_flight by a crash is always resent (a
    # create with its idempotency key), however often a crash interrupted it
    where, params = f"status in {SENDABLE}", []
    if target_system:
        where += " and target_system = ?"
        params.append(target_system)
    rows = con.execute(f"""
        select id, target_system, target_entity, record_id, scope_id, cluster_id, operation, payload,
               base_version, attempts, status, ledger_entries
        from {S}.outbox where {where} order by created_at, id""", params).fetchall()
    return [
        Operation(op_id, system, entity, record, scope, cluster, operation, json.loads(payload or "{}"), base,
                  attempts, status, json.loads(ledger or "[]"))
        for op_id, system, entity, record, scope, cluster, operation, payload, base, attempts, status, ledger in rows
    ]


LEDGER_COLUMNS = "target_system, target_entity, record_id, property, value_hash, change_time, run_id, outbox_id"


def _insert_values(con: duckdb.DuckDBPyConnection, sql: str, rows: list[list[Any]], chunk: int = 400) -> None:
    """`sql` with a `{values}` placeholder, run with multi-row VALUES: one statement per chunk, not per row."""
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        marks = ", ".join("(" + ", ".join("?" * len(part[0])) + ")" for _ in part)
        con.execute(sql.format(values=marks), [value for row in part for value in row])


def _ledger_rows(op: Operation, record_id: str, run_id: str | None) -> list[list[Any]]:
    return [[op.target_system, op.target_entity, record_id, e["property"], e["value_hash"], e.get("change_time"),
             run_id, op.id] for e in op.ledger_entries if e.get("value_hash") is not None]


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("begin")
    try:
        yield
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def mark_in_flight(con: duckdb.DuckDBPyConnection, operations: list[Operation], run_id: str | None = None) -> None:
    """Just before the requests leave: mark them in_flight and (updates) write the ledger, in one
    transaction (one commit per batch, not per operation: a commit costs more than a request)."""
    now, ids = datetime.now(UTC), [op.id for op in operations]
    with transaction(con):
        con.execute(f"""update {S}.outbox set status = 'in_flight', sent_at = ?,
                        updated_at = ?, run_id = coalesce(?, run_id) where list_contains(?, id)""",
                    [now, now, run_id, ids])
        written = {row[0] for row in con.execute(
            f"select distinct outbox_id from {S}.write_ledger where list_contains(?, outbox_id)", [ids]).fetchall()}
        rows = [row for op in operations if op.record_id and op.id not in written
                for row in _ledger_rows(op, op.record_id, run_id)]
        _insert_values(con, f"insert into {S}.write_ledger ({LEDGER_COLUMNS}) values {{values}}", rows)


def mark_succeeded(con: duckdb.DuckDBPyConnection, done: list[tuple[Operation, str | None]], run_id: str) -> None:
    """Done; each create's new record is linked to its cluster (by origin). Call inside a transaction."""
    if not done:
        return
    now = datetime.now(UTC)
    _insert_values(con, f"""
        update {S}.outbox set status = 'succeeded', response_id = v.response_id, last_error = null,
               record_id = coalesce(outbox.record_id, v.response_id), updated_at = current_timestamp
        from (values {{values}}) as v(id, response_id) where outbox.id = v.id""",
        [[op.id, response_id] for op, response_id in done])
    creates = [(op, response_id) for op, response_id in done if op.operation == "create" and response_id]
    if creates:
        _insert_values(con, f"insert into {S}.write_ledger ({LEDGER_COLUMNS}) values {{values}}",
                       [row for op, new_id in creates for row in _ledger_rows(op, new_id, run_id)])
        _insert_values(con, f"""
            insert into {S}.links (cluster_id, system, entity, record_id, established_by, rule, run_id, linked_at)
            select v.cluster_id, v.system, v.entity, v.record_id, 'origin', null, v.run_id, v.linked_at
            from (values {{values}}) as v(cluster_id, system, entity, record_id, run_id, linked_at)
            anti join {S}.links as l on l.system = v.system and l.entity = v.entity and l.record_id = v.record_id
                and l.unlinked_at is null""",
            [[op.cluster_id, op.target_system, op.target_entity, new_id, run_id, now] for op, new_id in creates])


def mark(con: duckdb.DuckDBPyConnection, op: Operation, status: str, error: str | None = None) -> str:
    """failed / skipped_stale / dead; a failure counts an attempt, and the row turns dead once it has
    used up its attempts."""
    if status == "failed":
        op.attempts += 1
        if op.attempts >= MAX_ATTEMPTS:
            status, error = "dead", f"gave up after {op.attempts} failed attempts: {error}"
    con.execute(f"update {S}.outbox set status = ?, last_error = ?, attempts = ?, updated_at = ? where id = ?",
                [status, (error or "")[:2000] or None, op.attempts, datetime.now(UTC), op.id])
    return status
