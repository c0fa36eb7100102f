"""Stewardship: a person's decisions, recorded in sync.decisions with who, when and why, and taking
effect on the next sync.

- `candidates` shows open fuzzy match candidates side by side (both records' mapped values);
  `accept` links the record into the other record's cluster, `reject` closes the proposal.
- `link A B` puts record B into A's cluster (or A into B's, if only B is linked; both into a new
  cluster if neither is), `unlink A` ends A's link: the next sync gives A a cluster of its own, and no
  rule links it back (a cluster whose CustomPMS customer is unlinked gets a new one: delta.operations).
  Records are named `system:entity:id`. Like the rules, a link never puts two
  records of one system and entity into one cluster: such a link is refused (exit 2).
- `resolve` settles a match conflict by choosing the cluster the record joins (or `--apart`).
- `retry` sends a dead operation again (same body and Idempotency-Key: its earlier outcome is
  unknown), or a rejected one after its cause was fixed (its quarantine rows resolve).
- `ignore` accepts a quarantine row (or a dead operation) as it is, with a reason.

A record that moves leaves its old cluster with unlinked_reason 'manual', the reason the delta models
read to take it out of the old CustomPMS customer's external_refs and to keep every rule off it (and,
when that customer was made by the sync and names no other source record, to deactivate it).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.errors import OperatorError
from pipelines.status import CANDIDATE_ID

S = settings.SYNC_SCHEMA
PROPERTIES = ("name", "code", "email", "phone", "mobile", "website", "vat_number", "registration_number",
              "currency", "address_line1", "address_line2", "postal_code", "city", "region", "country",
              "contact_first_name", "contact_last_name", "notes", "active", "is_deleted")


class Refused(OperatorError):
    """A decision that cannot be carried out as asked; nothing was changed."""


@dataclass(frozen=True)
class Record:
    system: str
    entity: str
    record_id: str

    def __str__(self) -> str:
        return f"{self.system}:{self.entity}:{self.record_id}"


@dataclass
class Decision:
    """Who decides, and why; the id names the decision in every row it changes."""

    by: str
    note: str | None
    decision_id: str = ""
    decided_at: datetime | None = None

    def __post_init__(self) -> None:
        self.decided_at = self.decided_at or datetime.now(UTC)
        self.decision_id = self.decision_id or (self.decided_at.strftime("d%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6])


def decider(by: str | None, note: str | None) -> Decision:
    return Decision(by=by or getpass.getuser(), note=note)


def _record(con: duckdb.DuckDBPyConnection, text: str) -> Record:
    """`system:entity:id` -> the staged record, spelled as staged (ids are matched case-insensitively)."""
    parts = text.split(":", 2)
    if len(parts) != 3 or not all(parts):
        raise Refused(f"name a record as system:entity:id (e.g. exact:accounts:<ID>), not {text!r}")
    system, entity, record_id = parts
    if not con.execute("select count(*) from information_schema.tables where table_schema = 'staging' "
                       "and table_name = 'stg_customers'").fetchone()[0]:
        raise Refused("no records in the state yet: run `make sync` first")
    row = con.execute("""select system, entity, record_id from staging.stg_customers
                         where system = ? and entity = ? and lower(record_id) = lower(?)""",
                      [system, entity, record_id]).fetchone()
    if row is None:
        raise Refused(f"no record {text} in the state (`make audit NAME=unmatched` and analysis.customer_lookup "
                      "list the records by name, email or VAT)")
    return Record(*row)


def _cluster_of(con: duckdb.DuckDBPyConnection, record: Record) -> str | None:
    row = con.execute(f"""select cluster_id from {S}.links where system = ? and entity = ? and record_id = ?
                          and unlinked_at is null""", [record.system, record.entity, record.record_id]).fetchone()
    return row[0] if row else None


def _members(con: duckdb.DuckDBPyConnection, cluster_id: str) -> list[Record]:
    return [Record(*row) for row in con.execute(
        f"""select system, entity, record_id from {S}.links where cluster_id = ? and unlinked_at is null
            order by all""", [cluster_id]).fetchall()]


def _new_cluster(decision: Decision, record: Record) -> str:
    return "cl_" + hashlib.md5(f"manual|{decision.decision_id}|{record}".encode()).hexdigest()[:20]


def _record_decision(con: duckdb.DuckDBPyConnection, decision: Decision, action: str, subject: str,
                     detail: dict[str, Any]) -> None:
    con.execute(f"insert into {S}.decisions values (?, ?, ?, ?, ?, ?, ?)",
                [decision.decision_id, action, subject, json.dumps(detail, default=str), decision.by,
                 decision.decided_at, decision.note])


def _end_link(con: duckdb.DuckDBPyConnection, record: Record, decision: Decision) -> None:
    con.execute(f"""update {S}.links set unlinked_at = ?, unlinked_reason = 'manual', unlinked_decision_id = ?
                    where system = ? and entity = ? and record_id = ? and unlinked_at is null""",
                [decision.decided_at, decision.decision_id, record.system, record.entity, record.record_id])


def _add_link(con: duckdb.DuckDBPyConnection, cluster_id: str, record: Record, decision: Decision,
              run_id: str | None) -> None:
    con.execute(f"""insert into {S}.links (cluster_id, system, entity, record_id, established_by, rule, run_id,
                                          linked_at, decision_id)
                    values (?, ?, ?, ?, 'manual', null, ?, ?, ?)""",
                [cluster_id, record.system, record.entity, record.record_id, run_id, decision.decided_at,
                 decision.decision_id])


def _close_conflicts(con: duckdb.DuckDBPyConnection, record: Record, decision: Decision, resolution: str) -> int:
    """A person placed the record: its open match conflicts (and their quarantine rows) are settled."""
    closed = len(con.execute(f"""
        update {S}.match_conflicts set resolved_at = ?, resolution = ?
        where system = ? and entity = ? and record_id = ? and resolved_at is null returning 1""",
                             [decision.decided_at, f"{resolution} (decision {decision.decision_id})",
                              record.system, record.entity, record.record_id]).fetchall())
    con.execute(f"""update {S}.quarantine set status = 'resolved', resolved_at = ?, resolved_by = ?, note = ?
                    where kind = 'match_conflict' and system = ? and entity = ? and record_id = ?
                      and status <> 'resolved'""",
                [decision.decided_at, decision.by, f"{resolution} (decision {decision.decision_id})",
                 record.system, record.entity, record.record_id])
    return closed


def _move(con: duckdb.DuckDBPyConnection, record: Record, cluster_id: str, decision: Decision,
          run_id: str | None) -> dict[str, Any]:
    """Put the record into the cluster, guarded: the cluster must not hold another record of its system
    and entity. Ends its current link (reason 'manual')."""
    taken = [m for m in _members(con, cluster_id)
             if (m.system, m.entity) == (record.system, record.entity) and m != record]
    if taken:
        raise Refused(f"cluster {cluster_id} already has a {record.system} {record.entity} record ({taken[0]}); "
                      f"two records of one system and entity never share a cluster: unlink {taken[0]} first "
                      "if it is not this customer")
    before = _cluster_of(con, record)
    if before == cluster_id:
        return {"record": str(record), "cluster": cluster_id, "moved": False}
    if before is not None:
        _end_link(con, record, decision)
    _add_link(con, cluster_id, record, decision, run_id)
    return {"record": str(record), "from_cluster": before, "cluster": cluster_id, "moved": True}


# ---------------------------------------------------------------------- the commands


def link(con: duckdb.DuckDBPyConnection, a: str, b: str, decision: Decision, run_id: str | None = None,
         action: str = "link", subject: str | None = None) -> dict[str, Any]:
    """B joins A's cluster (A joins B's if only B is linked; both start one if neither is)."""
    first, second = _record(con, a), _record(con, b)
    if first == second:
        raise Refused(f"{first} is one record: name two")
    if (first.system, first.entity) == (second.system, second.entity):
        raise Refused(f"{first} and {second} are both {first.system} {first.entity} records: two records of one "
                      "system and entity never share a cluster")
    ca, cb = _cluster_of(con, first), _cluster_of(con, second)
    if ca is not None and ca == cb:
        return {"already": True, "cluster": ca}
    if ca is not None:
        moves = [_move(con, second, ca, decision, run_id)]
    elif cb is not None:
        moves = [_move(con, first, cb, decision, run_id)]
    else:
        cluster = _new_cluster(decision, first)
        moves = [_move(con, first, cluster, decision, run_id), _move(con, second, cluster, decision, run_id)]
    for record in (first, second):
        _close_conflicts(con, record, decision, f"linked with {second if record == first else first} by a person")
    detail = {"records": [str(first), str(second)], "moves": moves}
    _record_decision(con, decision, action, subject or f"{first} {second}", detail)
    return detail


def unlink(con: duckdb.DuckDBPyConnection, a: str, decision: Decision) -> dict[str, Any]:
    record = _record(con, a)
    cluster = _cluster_of(con, record)
    if cluster is None:
        raise Refused(f"{record} is not linked to any cluster")
    others = [m for m in _members(con, cluster) if m != record]
    if not others:
        raise Refused(f"{record} is alone in its cluster {cluster}: there is nothing to unlink it from")
    _end_link(con, record, decision)
    detail = {"record": str(record), "from_cluster": cluster, "left_behind": [str(m) for m in others]}
    _record_decision(con, decision, "unlink", str(record), detail)
    return detail


def _candidate(con: duckdb.DuckDBPyConnection, prefix: str, open_only: bool = True) -> tuple:
    rows = con.execute(f"""
        select {CANDIDATE_ID}, rule_name, system, entity, record_id, other_system, other_entity, other_record_id,
               other_cluster_id, score, decision
        from {S}.match_candidates where starts_with({CANDIDATE_ID}, lower(?))""", [prefix]).fetchall()
    if not rows:
        raise Refused(f"no match candidate {prefix!r} (`make candidates` lists them)")
    if len(rows) > 1:
        raise Refused(f"{prefix!r} names {len(rows)} candidates: give more of the id")
    if open_only and rows[0][-1] is not None:
        raise Refused(f"candidate {rows[0][0]} was already {rows[0][-1]}")
    return rows[0]


def accept(con: duckdb.DuckDBPyConnection, prefix: str, decision: Decision, run_id: str | None = None
           ) -> dict[str, Any]:
    """The candidate's record joins the cluster of the record it resembles."""
    cid, rule, system, entity, record_id, o_system, o_entity, o_record, *_ = _candidate(con, prefix)
    other = Record(o_system, o_entity, o_record)
    cluster = _cluster_of(con, other)
    detail = link(con, str(other), f"{system}:{entity}:{record_id}", decision, run_id,
                  action="accept", subject=f"candidate {cid}")
    # the record's other open proposals are answered too: against the same cluster they are the same
    # question (accepted); against another cluster they lost (rejected)
    con.execute(f"""update {S}.match_candidates
                    set decision = case when {CANDIDATE_ID} = ? or other_cluster_id = ? then 'accepted'
                                        else 'rejected' end,
                        decided_at = ?
                    where decision is null and system = ? and entity = ? and record_id = ?""",
                [cid, cluster, decision.decided_at, system, entity, record_id])
    return detail


def reject(con: duckdb.DuckDBPyConnection, prefix: str, decision: Decision) -> dict[str, Any]:
    cid, rule, system, entity, record_id, o_system, o_entity, o_record, o_cluster, *_ = _candidate(con, prefix)
    # every proposal of this record against that cluster asks the same question
    con.execute(f"""update {S}.match_candidates set decision = 'rejected', decided_at = ?
                    where decision is null and ({CANDIDATE_ID} = ? or system = ? and entity = ? and record_id = ?
                                                and other_cluster_id = ?)""",
                [decision.decided_at, cid, system, entity, record_id, o_cluster])
    detail = {"records": [f"{system}:{entity}:{record_id}", f"{o_system}:{o_entity}:{o_record}"], "rule": rule}
    _record_decision(con, decision, "reject", f"candidate {cid}", detail)
    return detail


def _quarantine_row(con: duckdb.DuckDBPyConnection, prefix: str) -> dict[str, Any] | None:
    cursor = con.execute(f"select * from {S}.quarantine where starts_with(quarantine_id, lower(?))", [prefix])
    rows = cursor.fetchall()
    if len(rows) > 1:
        raise Refused(f"{prefix!r} names {len(rows)} quarantine rows: give more of the id")
    return dict(zip([c[0] for c in cursor.description], rows[0])) if rows else None


def _outbox_row(con: duckdb.DuckDBPyConnection, prefix: str) -> dict[str, Any] | None:
    if not prefix.startswith("op_"):
        return None
    cursor = con.execute(f"select * from {S}.outbox where starts_with(id, ?)", [prefix])
    rows = cursor.fetchall()
    if len(rows) > 1:
        raise Refused(f"{prefix!r} names {len(rows)} operations: give more of the id")
    return dict(zip([c[0] for c in cursor.description], rows[0])) if rows else None


def _require_id(prefix: str) -> str:
    if len(prefix) < 6:
        raise Refused(f"give at least 6 characters of the id, not {prefix!r}")
    return prefix


def resolve(con: duckdb.DuckDBPyConnection, prefix: str, cluster: str | None, apart: bool, decision: Decision,
            run_id: str | None = None) -> dict[str, Any]:
    """Settle a match conflict: the record joins `cluster`, or (`apart`) stays in, or gets, a cluster of its own."""
    row = _quarantine_row(con, _require_id(prefix))
    if row is None or row["kind"] != "match_conflict":
        raise Refused(f"{prefix!r} is no match conflict (`make status` lists them with their ids)")
    if row["status"] == "resolved":
        raise Refused(f"conflict {row['quarantine_id'][:10]} is resolved already ({row['note'] or ''})")
    if bool(cluster) == bool(apart):
        raise Refused("say which cluster the record joins (CLUSTER=cl_...), or that it stays apart (APART=1)")
    record = Record(row["system"], row["entity"], row["record_id"])
    if cluster:
        if not _members(con, cluster):
            raise Refused(f"no cluster {cluster} with members (the conflict lists the clusters it would join)")
        move = _move(con, record, cluster, decision, run_id)
        resolution = f"joined {cluster} by a person"
    else:
        current = _cluster_of(con, record)
        move = ({"record": str(record), "cluster": current, "moved": False} if current is not None
                else _move(con, record, _new_cluster(decision, record), decision, run_id))
        resolution = "kept apart by a person"
    closed = _close_conflicts(con, record, decision, resolution)
    detail = {"conflict": row["quarantine_id"], "record": str(record), "move": move, "conflicts_closed": closed,
              "reason": row["reason"]}
    _record_decision(con, decision, "resolve", f"conflict {row['quarantine_id'][:10]}", detail)
    return detail


def _retry_operation(con: duckdb.DuckDBPyConnection, op: dict[str, Any], decision: Decision) -> str:
    """Make a dead or quarantined operation sendable again; returns what was done."""
    note = f"retry requested by {decision.by} (decision {decision.decision_id}); before: {op['last_error'] or ''}"
    if op["status"] == "dead":  # its outcome is unknown: same body and key, with the lookup a retried create does
        con.execute(f"""update {S}.outbox set status = 'failed', attempts = 1, last_error = ?, updated_at = ?
                        where id = ?""", [note[:2000], decision.decided_at, op["id"]])
        return f"{op['id']} (dead) will be sent again by the next push"
    if op["status"] == "quarantined":  # certainly without effect: the target refused it
        con.execute(f"""update {S}.outbox
                        set status = 'pending', attempts = 0, last_error = ?, updated_at = ?,
                            key_generation = coalesce(key_generation, 0) + case when operation = 'create' then 1
                                                                                 else 0 end
                        where id = ?""", [note[:2000], decision.decided_at, op["id"]])
        # the rejections of this operation and of its resends: one lineage, retried as one
        con.execute(f"""update {S}.quarantine set status = 'resolved', resolved_at = ?, resolved_by = ?, note = ?
                        where kind = 'target_rejection' and status <> 'resolved'
                          and outbox_id in (select id from {S}.outbox where coalesce(resend_of, id) = ?)""",
                    [decision.decided_at, decision.by, f"retry (decision {decision.decision_id})",
                     op["resend_of"] or op["id"]])
        return (f"{op['id']} (rejected) goes again with the next push, with the values the next transform "
                "computes (or is superseded by them)")
    raise Refused(f"operation {op['id']} is {op['status']}: only dead or quarantined operations are retried")


def retry(con: duckdb.DuckDBPyConnection, prefix: str | None, every: bool, decision: Decision) -> dict[str, Any]:
    """Dead operations go again as they were; rejected values are released from the quarantine, so the
    next sync tries them again (after a fix at the source, with the new value)."""
    done: list[str] = []
    if every:
        dead = con.execute(f"select * from {S}.outbox where status = 'dead'")
        columns = [c[0] for c in dead.description]
        for row in dead.fetchall():
            done.append(_retry_operation(con, dict(zip(columns, row)), decision))
        rejected = con.execute(f"""select distinct outbox_id from {S}.quarantine
                                   where kind = 'target_rejection' and status = 'open'""").fetchall()
        for (outbox_id,) in rejected:
            op = _outbox_row(con, outbox_id or "")
            if op is not None and op["status"] == "quarantined":
                done.append(_retry_operation(con, op, decision))
        con.execute(f"""update {S}.quarantine set status = 'resolved', resolved_at = ?, resolved_by = ?, note = ?
                        where kind = 'target_rejection' and status = 'open'""",
                    [decision.decided_at, decision.by, f"retry (decision {decision.decision_id})"])
        if not done:
            raise Refused("nothing to retry: no dead operation and no open target rejection")
        subject = "all"
    else:
        if not prefix:
            raise Refused("say what to retry: an operation id (op_...) or a quarantine id, or ALL=1")
        op = _outbox_row(con, _require_id(prefix))
        row = None if op is not None else _quarantine_row(con, prefix)
        if op is None and row is None:
            raise Refused(f"no operation or quarantine row {prefix!r} (`make status` lists them with their ids)")
        if row is not None:
            if row["kind"] != "target_rejection":
                hint = ("`make resolve` settles a match conflict" if row["kind"] == "match_conflict" else
                        "it resolves itself once the source value is fixed and synced; `make ignore` accepts it")
                raise Refused(f"a {row['kind']} row is not retried: {hint}")
            if row["status"] == "resolved":
                raise Refused(f"quarantine row {row['quarantine_id'][:10]} is resolved already")
            con.execute(f"""update {S}.quarantine set status = 'resolved', resolved_at = ?, resolved_by = ?, note = ?
                            where quarantine_id = ?""",
                        [decision.decided_at, decision.by, f"retry (decision {decision.decision_id})",
                         row["quarantine_id"]])
            done.append(f"released {row['property'] or 'the operation'} = {row['value']!r} for "
                        f"{row['system']}.{row['entity']} {row['record_id'] or 'new'}: the next sync tries it again")
            op = _outbox_row(con, row["outbox_id"] or "")
            still = con.execute(f"""select count(*) from {S}.quarantine where outbox_id = ? and status <> 'resolved'
                                    and kind = 'target_rejection'""", [row["outbox_id"]]).fetchone()[0]
            if op is not None and op["status"] == "quarantined" and not still:
                done.append(_retry_operation(con, op, decision))
        else:
            done.append(_retry_operation(con, op, decision))
        subject = prefix
    detail = {"done": done}
    _record_decision(con, decision, "retry", subject, detail)
    return detail


def ignore(con: duckdb.DuckDBPyConnection, prefix: str, decision: Decision) -> dict[str, Any]:
    """Accept a quarantine row as it is (it stops counting as open; a rejected value stays held back),
    or give up on a dead operation."""
    if not decision.note:
        raise Refused("say why (NOTE=\"...\"): an ignored row stays ignored, and the note is its explanation")
    op = _outbox_row(con, _require_id(prefix))
    if op is not None:
        if op["status"] != "dead":
            raise Refused(f"operation {op['id']} is {op['status']}: only a dead operation is ignored")
        con.execute(f"""update {S}.outbox set status = 'superseded', updated_at = ?,
                        last_error = ? where id = ?""",
                    [decision.decided_at, f"ignored by {decision.by}: {decision.note} (was dead: "
                                          f"{op['last_error'] or ''})"[:2000], op["id"]])
        detail = {"operation": op["id"], "was": op["last_error"]}
    else:
        row = _quarantine_row(con, prefix)
        if row is None:
            raise Refused(f"no quarantine row or operation {prefix!r} (`make status` lists them with their ids)")
        if row["status"] != "open":
            raise Refused(f"quarantine row {row['quarantine_id'][:10]} is {row['status']} already")
        con.execute(f"""update {S}.quarantine set status = 'ignored', resolved_at = ?, resolved_by = ?, note = ?
                        where quarantine_id = ?""",
                    [decision.decided_at, decision.by, decision.note, row["quarantine_id"]])
        detail = {"quarantine_id": row["quarantine_id"], "kind": row["kind"], "record": row["record_id"],
                  "property": row["property"], "value": row["value"]}
    _record_decision(con, decision, "ignore", prefix, detail)
    return detail


# ---------------------------------------------------------------------- review


def show_candidates(con: duckdb.DuckDBPyConnection, console: Console, prefix: str | None = None,
                    limit: int = 10) -> int:
    """Open fuzzy candidates, each as one table of both records' mapped values side by side."""
    where, params = "decision is null", []
    if prefix:
        where += f" and starts_with({CANDIDATE_ID}, lower(?))"
        params.append(prefix)
    rows = con.execute(f"""
        select {CANDIDATE_ID}, rule_name, system, entity, record_id, other_system, other_entity, other_record_id,
               other_cluster_id, score
        from {S}.match_candidates where {where} order by score desc limit {int(limit)}""", params).fetchall()
    if not rows:
        console.log("no match candidates to review" + (f" with id {prefix!r}" if prefix else ""))
        return 0
    columns = ", ".join(PROPERTIES)
    for cid, rule, system, entity, record_id, o_system, o_entity, o_record, o_cluster, score in rows:
        def values(s: str, e: str, r: str) -> dict[str, Any]:
            found = con.execute(f"select {columns} from staging.stg_customers where system = ? and entity = ? "
                                "and record_id = ?", [s, e, r]).fetchone()
            return dict(zip(PROPERTIES, found)) if found else {}

        mine, theirs = values(system, entity, record_id), values(o_system, o_entity, o_record)
        table = [[p, mine.get(p), theirs.get(p), "=" if mine.get(p) == theirs.get(p) else ""]
                 for p in PROPERTIES if mine.get(p) is not None or theirs.get(p) is not None]
        now = con.execute(f"select cluster_id from {S}.links where system = ? and entity = ? and record_id = ? "
                          "and unlinked_at is null", [o_system, o_entity, o_record]).fetchone()
        console.table(f"candidate {cid} ({rule}, score {score:.3f}): `make accept ID={cid}` links "
                      f"{system}:{entity}:{record_id} into cluster {now[0] if now else o_cluster}; "
                      f"`make reject ID={cid}` keeps them apart",
                      ["property", f"{system}:{entity}:{record_id}", f"{o_system}:{o_entity}:{o_record}", "same"],
                      table)
    return 0
