"""The outbox: every operation is a state row before anything is sent.

Row life: pending → in_flight → succeeded | failed | skipped_stale | dead.

Crash safety rests on three rules:
- ids are deterministic, so recomputing the same delta after a crash finds the same row instead of
  adding a second one; a create's id depends only on the cluster and target, never on the payload,
  and its payload is frozen at first enqueue, so a resend replays the same Idempotency-Key and body;
- the write ledger entries of an operation are written in the same transaction that marks it
  in_flight, before the request leaves: if we crash after the target applied it, the value we wrote
  is still recognised as ours (an echo) and cannot outrank a user's later edit elsewhere;
- the create's new id is linked to its cluster in the same transaction that marks it succeeded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
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
    cluster_id: str
    operation: str  # create, update, deactivate
    payload: dict[str, Any]
    base_version: str | None
    attempts: int
    status: str
    change_times: dict[str, Any]  # property -> the change time the written value carries

    @property
    def idempotency_key(self) -> str:
        return f"customer-sync-{self.id}"


def operation_id(target_system: str, target_entity: str, record_or_cluster: str, operation: str,
                 payload: dict[str, Any] | None, base_version: str | None) -> str:
    """Deterministic: the same delta on the same base gives the same id, across runs and crashes."""
    frozen = "" if operation == "create" else json.dumps(payload, sort_keys=True, default=str)
    basis = "|".join([target_system, target_entity, record_or_cluster, operation, frozen, base_version or ""])
    return hashlib.sha256(basis.encode()).hexdigest()[:24]


def enqueue(con: duckdb.DuckDBPyConnection, run_id: str, candidates: list[dict[str, Any]]) -> dict[str, int]:
    """Turn this run's deltas into outbox rows; supersede unsent rows the new deltas replace.

    `candidates` rows: target_system, target_entity, record_id, cluster_id, operation, payload (dict),
    base_version, change_times (dict).
    """
    now = datetime.now(UTC)
    counts = {"new": 0, "kept": 0, "superseded": 0}
    con.execute("begin")
    try:
        wanted: set[str] = set()
        for row in candidates:
            key = row["record_id"] or row["cluster_id"]
            op_id = operation_id(row["target_system"], row["target_entity"], key, row["operation"],
                                 row["payload"], row.get("base_version"))
            wanted.add(op_id)
            inserted = con.execute(
                f"""insert into {S}.outbox (id, run_id, target_system, target_entity, record_id, cluster_id,
                        operation, payload, base_version, base_hash, status, attempts, created_at, updated_at)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?
                    where not exists (select 1 from {S}.outbox where id = ?)
                    returning id""",
                [op_id, run_id, row["target_system"], row["target_entity"], row["record_id"], row["cluster_id"],
                 row["operation"], json.dumps({"body": row["payload"], "change_times": row.get("change_times", {})},
                                              default=str),
                 row.get("base_version"), _hash(row["payload"]), now, now, op_id],
            ).fetchall()
            counts["new" if inserted else "kept"] += 1
        # An unsent update whose delta is no longer wanted was computed from an older state: never send it.
        # Creates are never superseded: they may already have reached CustomPMS (in_flight).
        stale = con.execute(
            f"""update {S}.outbox set status = 'skipped_stale', updated_at = ?,
                    last_error = 'superseded by a newer delta'
                where status in ('pending', 'failed') and operation <> 'create'
                  and not list_contains(?, id)
                returning id""", [now, sorted(wanted)]).fetchall()
        counts["superseded"] = len(stale)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return counts


def _hash(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def sendable(con: duckdb.DuckDBPyConnection, target_system: str | None = None) -> list[Operation]:
    where = "status in ('pending', 'failed', 'in_flight') and attempts < ?"
    params: list[Any] = [MAX_ATTEMPTS]
    if target_system:
        where += " and target_system = ?"
        params.append(target_system)
    rows = con.execute(
        f"""select id, target_system, target_entity, record_id, cluster_id, operation, payload, base_version,
                   attempts, status
            from {S}.outbox where {where} order by created_at, id""", params).fetchall()
    operations = []
    for op_id, system, entity, record, cluster, operation, payload, base, attempts, status in rows:
        body = json.loads(payload)
        operations.append(Operation(op_id, system, entity, record, cluster, operation, body["body"], base,
                                    attempts, status, body.get("change_times", {})))
    return operations


def mark_in_flight(con: duckdb.DuckDBPyConnection, op: Operation) -> None:
    """Before the request leaves: count the attempt and write the ledger, in one transaction."""
    now = datetime.now(UTC)
    con.execute("begin")
    try:
        con.execute(f"""update {S}.outbox set status = 'in_flight', attempts = attempts + 1, sent_at = ?,
                        updated_at = ? where id = ?""", [now, now, op.id])
        for prop, value in _flatten(op.payload).items():
            con.execute(
                f"""insert into {S}.write_ledger (outbox_id, target_system, record_id, cluster_id, property,
                        value_hash, change_time, written_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                [op.id, op.target_system, op.record_id, op.cluster_id, prop, _hash(value),
                 op.change_times.get(prop), now])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _flatten(payload: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in payload.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        elif key != "external_refs":
            flat[f"{prefix}{key}"] = value
    return flat


def mark_succeeded(con: duckdb.DuckDBPyConnection, op: Operation, response_id: str | None, run_id: str) -> None:
    """Done; a create's new record is linked to its cluster (by origin) in the same transaction."""
    now = datetime.now(UTC)
    con.execute("begin")
    try:
        con.execute(f"""update {S}.outbox set status = 'succeeded', response_id = ?, last_error = null,
                        updated_at = ? where id = ?""", [response_id, now, op.id])
        if op.operation == "create" and response_id:
            con.execute(f"update {S}.write_ledger set record_id = ? where outbox_id = ?", [response_id, op.id])
            con.execute(
                f"""insert into {S}.links (cluster_id, system, entity, record_id, established_by, rule, run_id,
                        linked_at)
                    select ?, ?, ?, ?, 'origin', null, ?, ?
                    where not exists (select 1 from {S}.links where system = ? and entity = ? and record_id = ?)""",
                [op.cluster_id, op.target_system, op.target_entity, response_id, run_id, now,
                 op.target_system, op.target_entity, response_id])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def mark(con: duckdb.DuckDBPyConnection, op: Operation, status: str, error: str | None = None) -> None:
    """failed / skipped_stale / dead; a failed row turns dead once it has used up its attempts."""
    if status == "failed" and op.attempts + 1 >= MAX_ATTEMPTS:
        status = "dead"
    con.execute(f"update {S}.outbox set status = ?, last_error = ?, updated_at = ? where id = ?",
                [status, (error or "")[:2000] or None, datetime.now(UTC), op.id])
