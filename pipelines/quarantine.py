"""One quarantine (sync.quarantine) for everything that needs a person.

Two writers fill it:

- `consolidate`, after every transform, copies what the data reports now: records a source could not
  parse (the raw datasets' `quarantine` tables: parse_failure), source values that break what a
  canonical customer needs (`staging.source_violations`: source_value), delta properties held back by
  a target's constraints (`delta.property_violations`: target_constraint, oversized) and open match
  conflicts (`sync.match_conflicts`: match_conflict). A model that does not exist yet is skipped. A row
  the data no longer reports resolves itself (resolved_by 'sync'); one that comes back opens again;
  an ignored row stays ignored.
- `record_rejection`, in the push's transaction that records a target's answer: the properties the
  target blamed (CustomPMS 422 `fields`, Wave inputErrors paths, the Exact field its message names)
  become target_rejection rows, and the rest of the operation is queued again as a resend row for the
  same push. An answer that blames nothing we can map quarantines the whole operation (property null):
  nothing is guessed, so no request is spent probing a target (Exact counts our errors against us).

A target_rejection row holds one value: value_hash is md5 of the golden (canonical) value, the same
hash as the operation's ledger entry and delta.property_deltas.new_value_hash, so the delta models can
hold the property back while the row is open or ignored. It resolves itself once that value is gone
from the golden record, or the target record holds the golden value (consolidate).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any

import duckdb

from pipelines import settings
from pipelines.push.outbox import Operation, add_resend
from pipelines.state import table_exists

S = settings.SYNC_SCHEMA
KINDS = ("parse_failure", "source_value", "target_constraint", "target_rejection", "oversized", "match_conflict")
# kinds consolidate copies from the data (and so resolves when the data stops reporting them)
REPORTED_KINDS = ("parse_failure", "source_value", "target_constraint", "oversized", "match_conflict")
COLUMNS = ("quarantine_id, kind, system, entity, record_id, cluster_id, property, value, value_hash, reason, "
           "outbox_id, first_seen, last_seen, status, run_id")


def quarantine_id(kind: str, system: str, entity: str, record_or_cluster: str | None, prop: str | None,
                  value_hash: str | None) -> str:
    parts = [kind, system, entity, record_or_cluster or "", prop or "", value_hash or ""]
    return hashlib.md5("|".join(parts).encode()).hexdigest()


# the same id in SQL: every part coalesced, so a null part cannot shift the others
ID_SQL = ("md5(concat_ws('|', kind, system, entity, coalesce(record_id, cluster_id, ''), coalesce(property, ''), "
          "coalesce(value_hash, '')))")


def display(value: Any) -> str | None:
    """A value as a quarantine row shows it: text, cut to settings.QUARANTINE_VALUE_CHARS."""
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    limit = settings.QUARANTINE_VALUE_CHARS
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


# ---------------------------------------------------------------------- target answers (push)


def _target_fields(con: duckdb.DuckDBPyConnection, op: Operation) -> dict[str, str]:
    """lower(target field) -> canonical property for the operation's target (delta.target_fields)."""
    if not table_exists(con, "delta", "target_fields"):
        return {}
    rows = con.execute("select target_field, property from delta.target_fields where target_system = ? "
                       "and target_entity = ?", [op.target_system, op.target_entity]).fetchall()
    return {field.lower(): prop for field, prop in rows}


def _get(payload: dict[str, Any], field: str) -> tuple[bool, Any]:
    node: Any = payload
    for part in field.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _payload_field(payload: dict[str, Any], field: str) -> str | None:
    """The payload's own spelling of a blamed field (targets differ in case: Exact 'Email', 'email')."""
    parts, node, found = field.split("."), payload, []
    for part in parts:
        if not isinstance(node, dict):
            return None
        key = next((k for k in node if k.lower() == part.lower()), None)
        if key is None:
            return None
        found.append(key)
        node = node[key]
    return ".".join(found)


def without(payload: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """The payload with those (possibly nested: address.country) fields removed; an emptied parent goes too."""
    rest = json.loads(json.dumps(payload))
    for field in fields:
        *parents, leaf = field.split(".")
        node = rest
        chain = []
        for part in parents:
            chain.append((node, part))
            node = node.get(part, {})
        node.pop(leaf, None)
        for parent, key in reversed(chain):
            if not parent.get(key):
                parent.pop(key, None)
    return rest


def _why(error: str, field: str) -> str:
    """The target's reason for one field, as its message words it ("email: must be an email address")."""
    match = re.search(rf"(?<![\w.])(?:input\.)?{re.escape(field)}: ([^;)]+)", error or "", re.IGNORECASE)
    return match.group(1).strip() if match else (error or "rejected")


def upsert(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], run_id: str | None) -> None:
    """Write quarantine rows by id: a new one opens; a known one is seen again (reopened unless ignored)."""
    now = datetime.now(UTC)
    for row in rows:
        qid = quarantine_id(row["kind"], row["system"], row["entity"], row.get("record_id") or row.get("cluster_id"),
                            row.get("property"), row.get("value_hash"))
        con.execute(f"""
            insert into {S}.quarantine ({COLUMNS})
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)
            on conflict (quarantine_id) do update set
                last_seen = excluded.last_seen, reason = excluded.reason, run_id = excluded.run_id,
                outbox_id = coalesce(excluded.outbox_id, quarantine.outbox_id),
                status = case when quarantine.status = 'ignored' then 'ignored' else 'open' end,
                resolved_at = case when quarantine.status = 'ignored' then quarantine.resolved_at end,
                resolved_by = case when quarantine.status = 'ignored' then quarantine.resolved_by end""",
                    [qid, row["kind"], row["system"], row["entity"], row.get("record_id"), row.get("cluster_id"),
                     row.get("property"), row.get("value"), row.get("value_hash"), row["reason"][:2000],
                     row.get("outbox_id"), now, now, run_id])


def record_rejection(con: duckdb.DuckDBPyConnection, op: Operation, fields: tuple[str, ...], error: str | None,
                     run_id: str) -> tuple[list[str], Operation | None]:
    """Quarantine what a target rejected in `op` (call inside the transaction recording its outcome).
    Returns the quarantined properties (empty: the whole operation) and the resend row carrying the
    rest, if anything is left to send."""
    mapping = _target_fields(con, op)
    blamed: dict[str, str] = {}  # property -> the payload's field
    unmapped: list[str] = []
    for field in fields:
        spelled = _payload_field(op.payload, field)
        prop = mapping.get(field.lower())
        if spelled is None or prop is None:
            unmapped.append(field)
        else:
            blamed[prop] = spelled
    base = {"system": op.target_system, "entity": op.target_entity, "record_id": op.record_id,
            "cluster_id": op.cluster_id, "outbox_id": op.id, "kind": "target_rejection"}
    if not blamed or unmapped:  # nothing to go on: the whole operation waits for a person
        named = f" (it blamed {', '.join(unmapped)}, which this operation cannot leave out)" if unmapped else ""
        upsert(con, [base | {"property": None, "value": display(op.payload),
                             "value_hash": _md5(json.dumps(op.payload, sort_keys=True)),
                             "reason": f"{op.target_system} rejected the whole {op.operation}{named}: {error}"}],
               run_id)
        return [], None
    hashes = {entry["property"]: entry.get("value_hash") for entry in op.ledger_entries}
    rows = []
    for prop, field in sorted(blamed.items()):
        _, value = _get(op.payload, field)
        rows.append(base | {"property": prop, "value": display(value),
                            "value_hash": hashes.get(prop) or _md5(value if isinstance(value, str) else
                                                                    json.dumps(value)),
                            "reason": f"{op.target_system} rejected {prop} ({field}): {_why(error or '', field)}"})
    upsert(con, rows, run_id)
    rest = without(op.payload, list(blamed.values()))
    if not rest:
        return sorted(blamed), None
    ledger = [entry for entry in op.ledger_entries if entry.get("property") not in blamed]
    return sorted(blamed), add_resend(con, op, rest, ledger, sorted(blamed), run_id)


def attach_created(con: duckdb.DuckDBPyConnection, created: list[tuple[Operation, str]]) -> None:
    """A create went through (the rest of a rejected one): the rows its rejection left for the cluster
    now name the new record (and take the id a rejection of its updates gets), so the delta models hold
    those values back from its updates too, and a later refusal of the same value is the same row.
    One query finds the few clusters concerned: a query per create cost more than its request."""
    if not created:
        return
    waiting = {tuple(row) for row in con.execute(
        f"""select distinct cluster_id, system, entity from {S}.quarantine
            where kind = 'target_rejection' and record_id is null and list_contains(?, cluster_id)""",
        [sorted({op.cluster_id for op, _ in created})]).fetchall()}
    for op, new_id in created:
        if (op.cluster_id, op.target_system, op.target_entity) not in waiting:
            continue
        where = ("kind = 'target_rejection' and record_id is null and cluster_id = ? and system = ? and entity = ?")
        params = [op.cluster_id, op.target_system, op.target_entity]
        con.execute(f"""
            insert into {S}.quarantine ({COLUMNS}, resolved_at, resolved_by, note)
            select md5(concat_ws('|', kind, system, entity, ?, coalesce(property, ''), coalesce(value_hash, ''))),
                   kind, system, entity, ?, cluster_id, property, value, value_hash, reason, outbox_id, first_seen,
                   last_seen, status, run_id, resolved_at, resolved_by, note
            from {S}.quarantine where {where}
            on conflict do nothing""", [new_id, new_id, *params])
        con.execute(f"delete from {S}.quarantine where {where}", params)


# ---------------------------------------------------------------------- what the data reports (transform)


def _shown(expr: str) -> str:
    """SQL for `display`: the value cut to settings.QUARANTINE_VALUE_CHARS."""
    cut = settings.QUARANTINE_VALUE_CHARS
    return f"case when length({expr}) > {cut} then left({expr}, {cut - 1}) || '…' else {expr} end"


def _reported_sql(con: duckdb.DuckDBPyConnection) -> str:
    """Every current problem the data reports, one row each, in quarantine columns (without status)."""
    parts = []
    failures = [f"select system, entity, cast(record_id as varchar) as record_id, reason, payload, observed_at "
                f"from {dataset}.quarantine" for dataset in settings.DATASETS.values()
                if table_exists(con, dataset, "quarantine")]
    staged = table_exists(con, "staging", "stg_customers")
    if failures:
        newer = ("and not exists (select 1 from staging.stg_customers as s where s.system = f.system "
                 "and s.entity = f.entity and lower(s.record_id) = lower(f.record_id) "
                 "and s._extracted_at > f.observed_at)") if staged else ""
        parts.append(f"""
            select 'parse_failure' as kind, f.system, f.entity, f.record_id, null as cluster_id, null as property,
                   {_shown('f.payload')} as value, md5(f.payload) as value_hash, f.reason,
                   f.first_seen, f.observed_at as last_seen
            from (
                select *, min(observed_at) over (partition by system, entity, record_id, md5(payload)) as first_seen
                from ({' union all '.join(failures)})
                -- per record its newest failure; a record without an id keeps each payload
                qualify row_number() over (partition by system, entity, coalesce(record_id, md5(payload))
                                           order by observed_at desc) = 1
            ) as f
            where true {newer}""")
    if table_exists(con, "staging", "source_violations"):
        parts.append(f"""
            select 'source_value', system, entity, cast(record_id as varchar), null, property,
                   {_shown('cast(value as varchar)')}, md5(coalesce(cast(value as varchar), '')), reason,
                   current_timestamp, current_timestamp
            from staging.source_violations""")
    if table_exists(con, "delta", "property_violations"):
        parts.append(f"""
            select kind, target_system, target_entity, cast(record_id as varchar), cluster_id, property,
                   {_shown('cast(value as varchar)')}, md5(coalesce(cast(value as varchar), '')), reason,
                   current_timestamp, current_timestamp
            from delta.property_violations
            -- its target_rejection rows only mirror this table's own (held back because refused before)
            where kind <> 'target_rejection'""")
    parts.append(f"""
        select 'match_conflict', c.system, c.entity, c.record_id, null, r.property, c.match_key,
               md5(coalesce(c.match_key, '')),
               c.kind || ': ' || coalesce(c.detail, '') || ' (rule ' || c.rule_name || ')',
               c.detected_at, c.detected_at
        from {S}.match_conflicts as c
        left join {S}.match_rules as r on r.rule_name = c.rule_name
        where c.resolved_at is null""")
    union = " union all ".join(parts)
    return f"""
        select {ID_SQL} as quarantine_id, kind, system, entity, record_id, cluster_id, property,
               any_value(value) as value, value_hash, any_value(reason) as reason, min(first_seen) as first_seen,
               max(last_seen) as last_seen
        from ({union}) as r(kind, system, entity, record_id, cluster_id, property, value, value_hash, reason,
                            first_seen, last_seen)
        group by all"""


def consolidate(con: duckdb.DuckDBPyConnection, run_id: str | None) -> dict[str, int]:
    """Bring sync.quarantine up to date with what the data reports now (one transaction). Returns how
    many rows opened (new or back), resolved themselves, and are open."""
    now = datetime.now(UTC)
    counts: dict[str, int] = {}
    con.execute("begin")
    try:
        con.execute(f"create or replace temp table __reported as {_reported_sql(con)}")
        counts["opened"] = con.execute(f"""
            select count(*) from __reported as r left join {S}.quarantine as q using (quarantine_id)
            where q.quarantine_id is null or q.status = 'resolved'""").fetchone()[0]
        con.execute(f"""
            insert into {S}.quarantine ({COLUMNS})
            select quarantine_id, kind, system, entity, record_id, cluster_id, property, value, value_hash, reason,
                   null, first_seen, ?, 'open', ?
            from __reported
            where true
            on conflict (quarantine_id) do update set
                last_seen = excluded.last_seen, reason = excluded.reason, run_id = excluded.run_id,
                value = excluded.value,
                status = case when quarantine.status = 'ignored' then 'ignored' else 'open' end,
                resolved_at = case when quarantine.status = 'ignored' then quarantine.resolved_at end,
                resolved_by = case when quarantine.status = 'ignored' then quarantine.resolved_by end""",
                    [now, run_id])
        counts["resolved"] = len(con.execute(f"""
            update {S}.quarantine set status = 'resolved', resolved_at = ?, resolved_by = 'sync',
                note = 'no longer reported: the source value changed or the record is gone'
            where status = 'open' and list_contains(?, kind)
              and quarantine_id not in (select quarantine_id from __reported)
            returning quarantine_id""", [now, list(REPORTED_KINDS)]).fetchall())
        counts["resolved"] += _resolve_rejections(con, now)
        con.execute("drop table __reported")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    counts["open"] = con.execute(f"select count(*) from {S}.quarantine where status = 'open'").fetchone()[0]
    return counts


def _has_column(con: duckdb.DuckDBPyConnection, schema: str, table: str, column: str) -> bool:
    return bool(con.execute("select count(*) from information_schema.columns where table_schema = ? and "
                            "table_name = ? and column_name = ?", [schema, table, column]).fetchone()[0])


def _resolve(con: duckdb.DuckDBPyConnection, now: datetime, note: str, settled: str) -> int:
    """Resolve (by 'sync') the open target rejections whose id the query `settled` selects."""
    return len(con.execute(f"""
        update {S}.quarantine set status = 'resolved', resolved_at = ?, resolved_by = 'sync', note = ?
        where status = 'open' and kind = 'target_rejection' and quarantine_id in ({settled})
        returning quarantine_id""", [now, note]).fetchall())


def _resolve_rejections(con: duckdb.DuckDBPyConnection, now: datetime) -> int:
    """Target rejections settle themselves: the refused value is no longer the one to send (a new
    value is a new row, if the target refuses it too), or the target record holds it, or (whole
    operations) a later send of the operation succeeded or the deltas no longer want it."""
    open_rows = f"select * from {S}.quarantine where kind = 'target_rejection' and status = 'open'"
    resolved = 0
    if table_exists(con, "delta", "member_comparisons"):
        # the value to send: the projection for the target where the models make one (an oversize policy
        # may truncate), else the golden value; it is what the rejected value's hash was taken of
        sent = ("coalesce(m.projected_value, m.golden_value)"
                if _has_column(con, "delta", "member_comparisons", "projected_value") else "m.golden_value")
        member = f"""
            from ({open_rows}) as q
            left join delta.member_comparisons as m
                on m.system = q.system and m.entity = q.entity and m.record_id = q.record_id
                and m.property = q.property
            where q.record_id is not null and q.property is not null"""
        resolved += _resolve(con, now, "the target record holds the value now",
                             f"select q.quarantine_id {member} and m.record_id is not null "
                             f"and m.current_value is not distinct from {sent}")
        resolved += _resolve(con, now, "the value changed (or the record is no longer synced there)",
                             f"select q.quarantine_id {member} and md5({sent}) is distinct from q.value_hash")
    if table_exists(con, "golden", "cluster_properties"):  # a create's: the cluster's golden value changed
        resolved += _resolve(con, now, "the value changed", f"""
            select q.quarantine_id from ({open_rows}) as q
            left join golden.cluster_properties as g on g.cluster_id = q.cluster_id and g.property = q.property
            where q.record_id is null and q.property is not null and md5(g.value) is distinct from q.value_hash""")
    lineage = f"""
        select q.quarantine_id from ({open_rows}) as q inner join {S}.outbox as o on o.id = q.outbox_id
        where q.property is null and"""
    resolved += _resolve(con, now, "a later send of this operation succeeded", f"""{lineage} exists (
        select 1 from {S}.outbox as s where coalesce(s.resend_of, s.id) = coalesce(o.resend_of, o.id)
            and s.status = 'succeeded')""")
    if table_exists(con, "delta", "operations"):
        resolved += _resolve(con, now, "the deltas no longer want this operation",
                             f"{lineage} coalesce(o.resend_of, o.id) not in (select op_id from delta.operations)")
    return resolved
