"""`make plan`: what the next push would send, read-only (like a dry run or SQLMesh's plan)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.push.outbox import SENDABLE, S, _has_deltas


def planned_sql(con: duckdb.DuckDBPyConnection) -> str:
    """Operations the next push sends: outbox rows still to send, plus current deltas not yet in it."""
    queued = f"""
        select id, target_system, operation, record_id, cluster_id, payload, status, attempts
        from {S}.outbox where status in {SENDABLE}"""
    if not _has_deltas(con):
        return queued
    return queued + f"""
        union all
        select d.op_id, d.target_system, d.operation, d.record_id, d.cluster_id, d.payload, 'new', 0
        from delta.operations as d anti join {S}.outbox as o on o.id = d.op_id"""


def show_plan(console: Console, db_path: Path | None = None, limit: int = 20) -> int:
    path = Path(db_path or settings.DUCKDB_FILE)
    if not path.exists():
        console.error(f"no state yet at {path}: run `make extract` and `make transform` first")
        return 1
    with duckdb.connect(str(path), read_only=True) as con:
        if not con.execute("select count(*) from information_schema.tables where table_schema = ? "
                           "and table_name = 'outbox'", [S]).fetchone()[0]:
            console.error("no sync state yet: run `make transform` first")
            return 1
        planned = planned_sql(con)
        counts = con.execute(f"""
            select target_system, operation, count(*) from ({planned}) group by all order by all""").fetchall()
        console.table("Plan: operations the next push would send", ["system", "operation", "count"],
                      counts or [["-", "nothing to send", 0]])
        if counts:
            rows = con.execute(f"""
                select target_system, operation, coalesce(record_id, 'new (cluster ' || cluster_id || ')'),
                       status, attempts, payload
                from ({planned}) order by target_system, operation, record_id limit {int(limit)}""").fetchall()
            console.table(f"First {min(limit, sum(c for *_, c in counts))} operations",
                          ["system", "operation", "record", "status", "attempts", "payload"], rows)
    return 0
