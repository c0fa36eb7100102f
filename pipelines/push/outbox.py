"""The outbox: every operation is a state row (sync.outbox) before anything is sent.

Row life:

    pending ──> in_flight ──> succeeded
       │            ├──────> failed ──> (next push) in_flight ... ──> dead   (MAX_ATTEMPTS used up)
       │            ├──────> quarantined    (the target rejected the data: 422, inputErrors, 400; the
       │            │                        reasons are sync.quarantine rows, and the properties it did
       │            │                        not blame go out in the same push as a resend row)
       │            └──────> skipped_stale  (the target changed after extraction: 412, freshness check)
       └──(enqueue)──> superseded           (the current deltas no longer want it, or want a newer one;
                                             also a dead row once its record agrees or a later operation
                                             on it succeeded, and a row a person ignored)

A resend row (`resend_of` = the delta operation it comes from) has its own deterministic id (the
rejected row's id and the properties it leaves out), so a crash and rerun find it instead of adding a
second one; it lives as long as the deltas still want the operation it resends. A person's `retry`
puts a dead row back to failed (same body, same Idempotency-Key: its earlier outcome is unknown) and a
quarantined row back to pending (a create gets a new `key_generation`: CustomPMS remembers the
rejected body under the old key).

Crash safety rests on four rules:

- ids are deterministic (delta.operations.op_id): recomputing the same delta after a crash finds the
  same row instead of adding a second one. An update's id covers its record, base version and payload;
  a create's id depends on the cluster only, and once a create has been attempted its payload is frozen,
  so every resend replays the same Idempotency-Key with the same body (a never-sent create takes the
  newest payload);
- an update's write-ledger entries are written in the transaction that marks it in_flight, before the
  request leaves: if we crash after the target applied it, the value is still recognised as our echo by
  the next transform and cannot outrank a person's later edit elsewhere;
- a create's ledger entries need the new id, so they are written in the transaction that marks it
  succeeded, together with its link to the cluster (sync.links, established_by 'origin'). That is safe:
  until then the new customer is in none of our state. A crash in between leaves the row in_flight; the
  resend replays the Idempotency-Key and CustomPMS answers with the id of the customer it already made
  (and a resend after a previous unknown outcome first looks the customer up by its external_refs, in
  case the key has expired). If a transform runs first, it first confirms the create from the customer the
  extraction landed (found by its external_refs: confirm_landed_creates), with the ledger entries and link
  the answer would have brought, so the create's values, stamped when it landed, still count as its echo;
- enqueue supersedes every unsent or unconfirmed row (pending, failed, in_flight) that the current
  deltas no longer contain: it was computed from an older state of the data (or already took effect
  and was observed), so sending it could overwrite a newer edit. A succeeded row is never sent again:
  its id stays taken.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from pipelines import settings
from pipelines.state import ensure_state, table_exists

S = settings.SYNC_SCHEMA
MAX_ATTEMPTS = 5
STATUSES = ("pending", "in_flight", "succeeded", "failed", "skipped_stale", "superseded", "dead", "quarantined")
SENDABLE = ("pending", "failed", "in_flight")
LEDGER_COLUMNS = "target_system, target_entity, record_id, property, value_hash, change_time, run_id, outbox_id"
# rows a push sends: in_flight rows always (their outcome is unknown; a resend is safe and settles it)
SENDABLE_WHERE = f"(status in ('pending', 'failed') and attempts < {MAX_ATTEMPTS} or status = 'in_flight')"


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
    resend_of: str | None = None  # the delta operation this row resends without the rejected properties
    key_generation: int = 0

    @property
    def idempotency_key(self) -> str:
        return f"customer-sync-{self.id}" + (f"-{self.key_generation}" if self.key_generation else "")

    @property
    def root_id(self) -> str:
        """The delta operation behind this row."""
        return self.resend_of or self.id

    @property
    def label(self) -> str:
        return f"{self.target_system} {self.operation} {self.record_id or 'for cluster ' + str(self.cluster_id)}"

    @property
    def retried(self) -> bool:
        """An earlier attempt was sent (attempts counts this one once marked in_flight): it may have applied."""
        return self.attempts > 1

    def __hash__(self) -> int:
        return hash(self.id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Operation) and other.id == self.id


def has_deltas(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables "
                            "where table_schema = 'delta' and table_name = 'operations'").fetchone()[0])


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("begin")
    try:
        yield
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def enqueue_from_deltas(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Make the outbox match delta.operations, in one transaction, idempotently:

    - new: an operation whose id is not in the outbox yet becomes a pending row;
    - refreshed: a never-sent pending row whose id reappears with another payload (a create: its id is
      the cluster's) takes the newest payload;
    - revived: a superseded row whose id the deltas want again (a create, after a person unlinked the
      CustomPMS customer) is pending again;
    - superseded: a pending, failed or in_flight row the deltas no longer contain;
    - resolved: a dead row whose record the deltas no longer want to change (see settle_dead).

    Running it twice (or after a crash, with the same deltas) changes nothing the second time."""
    counts = {"new": 0, "refreshed": 0, "revived": 0, "superseded": 0, "resolved": 0}
    if not has_deltas(con):
        return counts
    now = datetime.now(UTC)
    with transaction(con):
        counts["superseded"] = len(con.execute(f"""
            update {S}.outbox as o
            set status = 'superseded', updated_at = ?,
                last_error = coalesce('superseded by ' || r.newer
                                      || ' (a newer delta for the same record)',
                                      'superseded: the current deltas no longer contain it')
            from (
                select o2.id, min(d.op_id) as newer
                from {S}.outbox as o2
                left join delta.operations as d
                    on d.target_system = o2.target_system and d.target_entity = o2.target_entity
                    and d.record_id = o2.record_id
                where o2.status in {SENDABLE}
                  and coalesce(o2.resend_of, o2.id) not in (select op_id from delta.operations)
                group by o2.id
            ) as r
            where o.id = r.id
            returning o.id""", [now]).fetchall())
        counts["resolved"] = settle_dead(con, now)
        counts["revived"] = len(con.execute(f"""
            update {S}.outbox as o
            set status = 'pending', last_error = null, updated_at = ?, run_id = ?,
                attempts = least(o.attempts, {MAX_ATTEMPTS - 1})  -- a settled dead row must be sendable again
            from delta.operations as d
            where o.id = d.op_id and o.status = 'superseded'
            returning o.id""", [now, run_id]).fetchall())
        counts["refreshed"] = len(con.execute(f"""
            update {S}.outbox as o
            set payload = d.payload, ledger_entries = d.ledger_entries, base_version = d.base_version,
                base_hash = d.base_hash, scope_id = d.scope_id, run_id = ?, updated_at = ?
            from delta.operations as d
            where o.id = d.op_id and o.status = 'pending' and o.attempts = 0
              and (cast(o.payload as varchar) is distinct from cast(d.payload as varchar)
                   or cast(o.ledger_entries as varchar) is distinct from cast(d.ledger_entries as varchar))
            returning o.id""", [run_id, now]).fetchall())
        counts["new"] = len(con.execute(f"""
            insert into {S}.outbox (id, run_id, target_system, target_entity, record_id, scope_id, cluster_id,
                                    operation, payload, base_version, base_hash, ledger_entries, status,
                                    attempts, created_at, updated_at)
            select d.op_id, ?, d.target_system, d.target_entity, d.record_id, d.scope_id, d.cluster_id,
                   d.operation, d.payload, d.base_version, d.base_hash, d.ledger_entries, 'pending', 0, ?, ?
            from (select distinct on (op_id) * from delta.operations) as d
            anti join {S}.outbox as o on o.id = d.op_id
            returning id""", [run_id, now, now]).fetchall())
    return counts


def sendable(con: duckdb.DuckDBPyConnection, target_system: str | None = None) -> list[Operation]:
    """Rows the next push sends, oldest first."""
    where, params = SENDABLE_WHERE, []
    if target_system:
        where += " and target_system = ?"
        params.append(target_system)
    rows = con.execute(f"""
        select {OPERATION_COLUMNS}
        from {S}.outbox where {where} order by created_at, id""", params).fetchall()
    return [operation_of(row) for row in rows]


OPERATION_COLUMNS = ("id, target_system, target_entity, record_id, scope_id, cluster_id, operation, payload, "
                     "base_version, attempts, status, ledger_entries, resend_of, coalesce(key_generation, 0)")


def operation_of(row: tuple) -> Operation:
    """An outbox row (OPERATION_COLUMNS) as an Operation."""
    op_id, system, entity, record, scope, cluster, operation, payload, base, attempts, status, ledger, resend, gen = row
    return Operation(op_id, system, entity, record, scope, cluster, operation, json.loads(payload or "{}"), base,
                     attempts, status, json.loads(ledger or "[]"), resend, gen)


def load(con: duckdb.DuckDBPyConnection, op_id: str) -> Operation | None:
    row = con.execute(f"select {OPERATION_COLUMNS} from {S}.outbox where id = ?", [op_id]).fetchone()
    return operation_of(row) if row else None


def resends(con: duckdb.DuckDBPyConnection, target_system: str, run_id: str) -> list[Operation]:
    """Resend rows this run made (the rest of operations a target rejected), not yet sent."""
    rows = con.execute(f"""
        select {OPERATION_COLUMNS} from {S}.outbox
        where target_system = ? and run_id = ? and resend_of is not null and status = 'pending' and attempts = 0
        order by created_at, id""", [target_system, run_id]).fetchall()
    return [operation_of(row) for row in rows]


def add_resend(con: duckdb.DuckDBPyConnection, op: Operation, payload: dict[str, Any],
               ledger_entries: list[dict[str, Any]], left_out: list[str], run_id: str) -> Operation | None:
    """A new pending row: `op` without the properties `left_out` (call inside the transaction that
    records op's rejection). Its id derives from op's id and what it leaves out, so recording the same
    answer twice (a crash, then a rerun; a retried row refused again) finds the row instead of adding
    another: then None."""
    new_id = "op_" + hashlib.md5(f"{op.id}|without|{','.join(sorted(left_out))}".encode()).hexdigest()
    now = datetime.now(UTC)
    if con.execute(f"select count(*) from {S}.outbox where id = ?", [new_id]).fetchone()[0]:
        return None
    con.execute(f"""
        insert into {S}.outbox (id, run_id, target_system, target_entity, record_id, scope_id, cluster_id,
                                operation, payload, base_version, base_hash, ledger_entries, status, attempts,
                                created_at, updated_at, resend_of, key_generation)
        select ?, ?, target_system, target_entity, record_id, scope_id, cluster_id, operation, ?, base_version,
               base_hash, ?, 'pending', 0, ?, ?, coalesce(resend_of, id), 0
        from {S}.outbox where id = ?""",
                [new_id, run_id, json.dumps(payload), json.dumps(ledger_entries), now, now, op.id])
    return Operation(new_id, op.target_system, op.target_entity, op.record_id, op.scope_id, op.cluster_id,
                     op.operation, payload, op.base_version, 0, "pending", ledger_entries, op.root_id, 0)


def settle_dead(con: duckdb.DuckDBPyConnection, now: datetime | None = None) -> int:
    """Dead rows whose record the current deltas no longer want to change are superseded: the systems
    agree on it now (the last transform compared them), so nothing is left for a person there."""
    if not has_deltas(con):
        return 0
    return len(con.execute(f"""
        update {S}.outbox as o
        set status = 'superseded', updated_at = ?,
            last_error = 'resolved: the record agrees now (was dead: ' || coalesce(o.last_error, '') || ')'
        where o.status = 'dead'
          and not exists (
              select 1 from delta.operations as d
              where d.target_system = o.target_system and d.target_entity = o.target_entity
                and (d.record_id = o.record_id or o.record_id is null and d.operation = 'create'
                     and d.cluster_id = o.cluster_id))
        returning o.id""", [now or datetime.now(UTC)]).fetchall())


def _with_rows(con: duckdb.DuckDBPyConnection, sql: str, rows: list[list[Any]]) -> None:
    """`sql` reading `rows` as the table `__rows` (columns c0, c1, ...): one statement over an Arrow table.
    A VALUES list with a parameter per value costs DuckDB ~0.1 ms a value to bind, which at a push's
    hundreds of ledger rows a batch was most of the bookkeeping."""
    if not rows:
        return
    import pyarrow as pa

    con.register("__rows", pa.table({f"c{i}": list(column) for i, column in enumerate(zip(*rows, strict=True))}))
    try:
        con.execute(sql)
    finally:
        con.unregister("__rows")


def _ledger_rows(op: Operation, record_id: str, run_id: str | None) -> list[list[Any]]:
    return [[op.target_system, op.target_entity, record_id, e["property"], e["value_hash"], e.get("change_time"),
             run_id, op.id] for e in op.ledger_entries if e.get("value_hash") is not None]


def mark_in_flight(con: duckdb.DuckDBPyConnection, operations: list[Operation], run_id: str | None = None) -> None:
    """Just before the requests leave: count the attempt and (updates) write the ledger, in one
    transaction for the whole batch (a commit costs more than a request)."""
    if not operations:
        return
    now = datetime.now(UTC)
    with transaction(con):
        # joined on an Arrow table: `list_contains(?, id)` compares every outbox row with every id of the batch
        _with_rows(con, f"""
            update {S}.outbox set status = 'in_flight', attempts = outbox.attempts + 1, sent_at = v.sent_at,
                   updated_at = v.sent_at, run_id = coalesce(v.run_id, outbox.run_id)
            from __rows as v(id, sent_at, run_id) where outbox.id = v.id""",
                   [[op.id, now, run_id] for op in operations])
        _insert_ledger(con, [(op, op.record_id) for op in operations if op.record_id], run_id)
    for op in operations:
        op.attempts += 1
        op.status = "in_flight"


def _insert_ledger(con: duckdb.DuckDBPyConnection, written: list[tuple[Operation, str]], run_id: str | None) -> None:
    """The ledger entries of each (operation, record id), unless the operation has some already (an earlier
    attempt wrote them): one statement, the check an anti join instead of a query of its own."""
    _with_rows(con, f"""
        insert into {S}.write_ledger ({LEDGER_COLUMNS})
        select v.* from __rows as v({LEDGER_COLUMNS}) anti join {S}.write_ledger as l on l.outbox_id = v.outbox_id""",
               [row for op, record_id in written for row in _ledger_rows(op, record_id, run_id)])


def mark_succeeded(con: duckdb.DuckDBPyConnection, done: list[tuple[Operation, str | None]], run_id: str) -> None:
    """Done; each create's new record gets its ledger entries and its link to the cluster (by origin).
    Call inside a transaction."""
    if not done:
        return
    now = datetime.now(UTC)
    _with_rows(con, f"""
        update {S}.outbox set status = 'succeeded', response_id = v.response_id, last_error = null,
               record_id = coalesce(outbox.record_id, v.response_id), updated_at = v.done_at
        from __rows as v(id, response_id, done_at) where outbox.id = v.id""",
        [[op.id, response_id, now] for op, response_id in done])
    updated = [op.id for op, _ in done if op.record_id]
    if updated:  # a later operation on the record went through: what died before it is settled
        con.execute(f"""
            update {S}.outbox as o
            set status = 'superseded', updated_at = ?,
                last_error = 'resolved: superseded by ' || s.id || ', which succeeded (was dead: '
                             || coalesce(o.last_error, '') || ')'
            from {S}.outbox as s
            where list_contains(?, s.id) and o.status = 'dead' and o.target_system = s.target_system
              and o.target_entity = s.target_entity and o.record_id = s.record_id and o.updated_at < ?""",
                    [now, updated, now])
    creates = [(op, new_id) for op, new_id in done if op.operation == "create" and new_id]
    if not creates:
        return
    _insert_ledger(con, creates, run_id)
    _with_rows(con, f"""
        insert into {S}.links (cluster_id, system, entity, record_id, established_by, rule, run_id, linked_at)
        select v.cluster_id, v.system, v.entity, v.record_id, 'origin', null, v.run_id, v.linked_at
        from __rows as v(cluster_id, system, entity, record_id, run_id, linked_at)
        anti join {S}.links as l on l.system = v.system and l.entity = v.entity and l.record_id = v.record_id
            and l.unlinked_at is null""",
        [[op.cluster_id, op.target_system, op.target_entity, new_id, run_id, now] for op, new_id in creates])
    for op, _ in done:
        op.status = "succeeded"


def confirm_landed_creates(con: duckdb.DuckDBPyConnection, run_id: str | None) -> list[str]:
    """Creates that were sent but whose answer was never recorded (in_flight, failed or dead after an
    attempt), when the raw layer now holds exactly one CustomPMS customer naming one of their
    external_refs: the create landed. Each is marked succeeded as if its answer had been recorded (its
    ledger entries, its origin link), before the transform reads the ledger. Without this, the transform
    would link the customer by its refs and take its values, stamped when the create landed, for a person's
    edit newer than any edit made in the source between the plan and the landing. Returns the ids."""
    if not (table_exists(con, S, "outbox") and table_exists(con, "raw_custompms", "customers")):
        return []  # nothing sent yet, or nothing extracted: nothing to confirm
    found = con.execute(f"""
        with attempted as (
            select o.id, unnest(from_json(json_extract(o.payload, '$.external_refs'),
                                          '[{{"system": "VARCHAR", "id": "VARCHAR"}}]')) as ref
            from {S}.outbox as o
            where o.operation = 'create' and o.target_system = 'custompms' and o.record_id is null
                and o.attempts > 0 and o.status in ('in_flight', 'failed', 'dead')
        ),

        customer_refs as (
            select c.id, unnest(from_json(c.external_refs, '[{{"system": "VARCHAR", "id": "VARCHAR"}}]')) as ref
            from raw_custompms.customers as c
            where c.external_refs is not null and not coalesce(c.deleted, false)
        )

        select a.id, min(c.id) as customer_id
        from attempted as a
        inner join customer_refs as c on c.ref.system = a.ref.system and lower(c.ref.id) = lower(a.ref.id)
        group by a.id
        having count(distinct c.id) = 1""").fetchall()
    if not found:
        return []
    ensure_state(con)  # an older state file gets the columns the operations are read with (the models' run does it too)
    customers = dict(found)
    operations = [operation_of(row) for row in con.execute(
        f"select {OPERATION_COLUMNS} from {S}.outbox where list_contains(?, id)", [list(customers)]).fetchall()]
    with transaction(con):
        mark_succeeded(con, [(op, customers[op.id]) for op in operations], run_id)
    return [op.id for op in operations]


def mark(con: duckdb.DuckDBPyConnection, op: Operation, status: str, error: str | None = None) -> str:
    """failed / skipped_stale / dead / pending; a failed row turns dead once it has used up its attempts.
    Returns the status written."""
    if status == "failed" and op.attempts >= MAX_ATTEMPTS:
        status, error = "dead", f"gave up after {op.attempts} attempts: {error}"
    con.execute(f"update {S}.outbox set status = ?, last_error = ?, updated_at = ? where id = ?",
                [status, (error or "")[:2000] or None, datetime.now(UTC), op.id])
    op.status = status
    return status


def mark_many(con: duckdb.DuckDBPyConnection, operations: list[Operation], status: str, error: str) -> None:
    """The same status and reason for many rows, in one statement (e.g. stale before sending)."""
    if not operations:
        return
    con.execute(f"update {S}.outbox set status = ?, last_error = ?, updated_at = ? where list_contains(?, id)",
                [status, error[:2000], datetime.now(UTC), [op.id for op in operations]])
    for op in operations:
        op.status = status


def undo_attempt(con: duckdb.DuckDBPyConnection, op: Operation, reason: str) -> None:
    """The operation was marked in_flight but never left (e.g. Exact's daily budget was used up): back to
    pending, the attempt not counted, its ledger entries (nothing was written) removed."""
    con.execute(f"""update {S}.outbox set status = 'pending', attempts = greatest(attempts - 1, 0),
                    last_error = ?, updated_at = ? where id = ?""", [reason[:2000], datetime.now(UTC), op.id])
    if op.attempts <= 1:
        forget_ledger(con, [op])
    op.attempts, op.status = max(op.attempts - 1, 0), "pending"


def forget_ledger(con: duckdb.DuckDBPyConnection, operations: list[Operation]) -> None:
    """Remove the ledger entries of operations that certainly changed nothing in the target (rejected,
    or refused by If-Match on their first attempt): a value we never wrote must not pass as our echo."""
    if operations:
        con.execute(f"delete from {S}.write_ledger where list_contains(?, outbox_id)", [[op.id for op in operations]])
