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
    where, params = f"status in {SENDABLE} and attempts < ?", [MAX_ATTEMPTS]
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


def _insert_ledger(con: duckdb.DuckDBPyConnection, op: Operation, record_id: str, run_id: str | None) -> None:
    entries = [e for e in op.ledger_entries if e.get("value_hash") is not None]
    if entries:
        con.executemany(f"""
            insert into {S}.write_ledger (target_system, target_entity, record_id, property, value_hash,
                                          change_time, run_id, outbox_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)""",
            [[op.target_system, op.target_entity, record_id, e["property"], e["value_hash"], e.get("change_time"),
              run_id, op.id] for e in entries])


def mark_in_flight(con: duckdb.DuckDBPyConnection, op: Operation, run_id: str | None = None) -> None:
    """Just before the request leaves: count the attempt and (updates) write the ledger, atomically."""
    now = datetime.now(UTC)
    con.execute("begin")
    try:
        con.execute(f"""update {S}.outbox set status = 'in_flight', attempts = attempts + 1, sent_at = ?,
                        updated_at = ?, run_id = coalesce(?, run_id) where id = ?""", [now, now, run_id, op.id])
        if op.record_id and not con.execute(f"select count(*) from {S}.write_ledger where outbox_id = ?",
                                            [op.id]).fetchone()[0]:
            _insert_ledger(con, op, op.record_id, run_id)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    op.attempts += 1


def mark_succeeded(con: duckdb.DuckDBPyConnection, op: Operation, response_id: str | None, run_id: str) -> None:
    """Done; a create's new record is linked to its cluster (by origin) in the same transaction."""
    now = datetime.now(UTC)
    con.execute("begin")
    try:
        con.execute(f"""update {S}.outbox set status = 'succeeded', response_id = ?, last_error = null,
                        record_id = coalesce(record_id, ?), updated_at = ? where id = ?""",
                    [response_id, response_id, now, op.id])
        if op.operation == "create" and response_id:
            _insert_ledger(con, op, response_id, run_id)
            con.execute(f"""
                insert into {S}.links (cluster_id, system, entity, record_id, established_by, rule, run_id, linked_at)
                select ?, ?, ?, ?, 'origin', null, ?, ?
                where not exists (select 1 from {S}.links
                                  where system = ? and entity = ? and record_id = ? and unlinked_at is null)""",
                [op.cluster_id, op.target_system, op.target_entity, response_id, run_id, now,
                 op.target_system, op.target_entity, response_id])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def mark(con: duckdb.DuckDBPyConnection, op: Operation, status: str, error: str | None = None) -> str:
    """failed / skipped_stale / dead; a failed row turns dead once it has used up its attempts."""
    if status == "failed" and op.attempts >= MAX_ATTEMPTS:
        status, error = "dead", f"gave up after {op.attempts} attempts: {error}"
    con.execute(f"update {S}.outbox set status = ?, last_error = ?, updated_at = ? where id = ?",
                [status, (error or "")[:2000] or None, datetime.now(UTC), op.id])
    return status
