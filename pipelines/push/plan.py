"""`make plan`: what the next push would send, read-only (like a dry run, or SQLMesh's plan).

The same selection push makes, without writing anything: outbox rows still to send that the current
deltas still want, plus the current deltas not in the outbox yet, plus superseded rows the deltas want
again; and, separately, how many queued rows the next enqueue would supersede.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.push.outbox import SENDABLE, SENDABLE_WHERE, S, has_deltas
from pipelines.runs import reading
from pipelines.statefile import open_state

PAYLOAD_CHARS = 160


def planned_sql(con: duckdb.DuckDBPyConnection) -> str:
    """Operations the next push sends (id, target_system, operation, record_id, cluster_id, payload,
    status, attempts); status 'new' for a delta not yet in the outbox."""
    queued = f"""
        select id, target_system, operation, record_id, cluster_id, payload, status, attempts
        from {S}.outbox where {SENDABLE_WHERE}"""
    if not has_deltas(con):
        return queued
    return f"""
        select id, target_system, operation, record_id, cluster_id, payload, status, attempts
        from {S}.outbox where ({SENDABLE_WHERE}) and coalesce(resend_of, id) in (select op_id from delta.operations)
        union all
        select o.id, o.target_system, o.operation, o.record_id, o.cluster_id, d.payload, 'revived', o.attempts
        from {S}.outbox as o inner join delta.operations as d on d.op_id = o.id
        where o.status = 'superseded'
        union all
        select d.op_id, d.target_system, d.operation, d.record_id, d.cluster_id, d.payload, 'new', 0
        from delta.operations as d anti join {S}.outbox as o on o.id = d.op_id"""


def to_supersede_sql(con: duckdb.DuckDBPyConnection) -> str | None:
    if not has_deltas(con):
        return None
    return f"""select count(*) from {S}.outbox
               where status in {SENDABLE} and coalesce(resend_of, id) not in (select op_id from delta.operations)"""


def show_plan(console: Console, db_path: Path | None = None, limit: int = 20) -> int:
    """Counts per system and operation, and a table of the first `limit` operations; sends nothing."""
    path = Path(db_path or settings.DUCKDB_FILE)
    if not path.exists():
        console.error(f"no state yet at {path}: run `make extract` and `make transform` first")
        return 1
    with reading(path), open_state(path, read_only=True) as con:
        tables = {row[0] for row in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables").fetchall()}
        if f"{S}.outbox" not in tables:
            if "delta.operations" not in tables:
                console.error("no sync state yet: run `make transform` first")
                return 1
            # deltas but no outbox yet: everything in delta.operations is new
            planned = """select op_id as id, target_system, operation, record_id, cluster_id, payload,
                                'new' as status, 0 as attempts from delta.operations"""
            supersede = None
        else:
            planned, supersede = planned_sql(con), to_supersede_sql(con)
        counts = con.execute(f"""
            select target_system, operation, count(*) from ({planned}) group by all order by all""").fetchall()
        console.table("Plan: operations the next push would send", ["system", "operation", "count"],
                      counts or [["-", "nothing to send", 0]])
        superseded = con.execute(supersede).fetchone()[0] if supersede else 0
        if superseded:
            console.log("plan", superseded_on_next_push=superseded)
        if counts:
            rows = con.execute(f"""
                select target_system, operation,
                       coalesce(record_id, 'new (cluster ' || cluster_id || ')'),
                       json_extract_string(payload, '$.name'), status, attempts,
                       case when length(cast(payload as varchar)) > {PAYLOAD_CHARS}
                            then left(cast(payload as varchar), {PAYLOAD_CHARS - 1}) || '…'
                            else cast(payload as varchar) end
                from ({planned}) order by target_system, operation, record_id nulls first, id
                limit {int(limit)}""").fetchall()
            console.table(f"First {min(int(limit), sum(c for *_, c in counts))} operations",
                          ["system", "operation", "record", "name", "status", "attempts", "payload"], rows)
    return 0
