"""The models' inputs, and whether anything changed since the last completed run.

A transform with nothing to do must cost close to nothing (a `make sync` with no edits anywhere). The
inputs are the tables the materialised models read, directly or through views, that no model makes:
the raw layer (every raw row carries `_extracted_at`) and the sync state other stages and people
change between runs (links, the write ledger, match conflicts). At the end of every completed run the
runner keeps one fingerprint per input in sync.model_runs (model `input:<table>`): its row count and
the latest value of each of its timestamp columns (new and merged raw rows, links made or ended,
ledger writes, conflicts resolved all move one). The next run skips every model when the SQL files,
the configuration and all fingerprints are the same; that check reads the files and a few
aggregates, and parses no SQL.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.models.rawschema import HISTORY

INPUT = "input:"  # sync.model_runs.model of an input's fingerprint
CONFIG = "__config__"


def model_hashes(root: Path, excluded: set[str]) -> dict[str, str]:
    """Model name -> md5 of its SQL text (Model.sql_hash), straight from the files."""
    hashes = {}
    for path in sorted(root.rglob("*.sql")):
        if path.relative_to(root).parts[0] not in excluded:
            hashes[path.stem] = hashlib.md5(path.read_text().encode()).hexdigest()
    return hashes


def input_tables(models: dict) -> list[str]:
    """Tables the table and incremental models read (also through the views they read) that no model makes."""
    produced = {m.qualified for m in models.values()}
    reads: set[str] = set()
    seen: set[str] = set()
    stack = [m for m in models.values() if m.materialized != "view"]
    while stack:
        model = stack.pop()
        if model.name in seen:
            continue
        seen.add(model.name)
        reads |= model.reads
        stack.extend(models[d] for d in model.depends_on if models[d].materialized == "view")
    # a raw current view changes only with its history (pipelines/rawcurrent.py): the history's fingerprint
    # says as much without the view's window over every version
    inputs = {f"{ref}_history" if ref in HISTORY else ref for ref in reads if "." in ref and ref not in produced}
    return sorted(inputs)


def fingerprints(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, str]:
    """table -> 'rows|latest timestamp|...', from one query; a missing table has no entry."""
    if not tables:
        return {}
    columns: dict[str, list[str]] = {t: [] for t in tables}
    present = con.execute(
        "select table_schema || '.' || table_name from information_schema.tables "
        "where table_schema || '.' || table_name in (select unnest(?))",
        [tables],
    ).fetchall()
    # duckdb_columns(), not information_schema.columns: the view's first read in a process costs 25 ms
    for schema_table, column in con.execute(
        "select schema_name || '.' || table_name, column_name from duckdb_columns() "
        "where schema_name || '.' || table_name in (select unnest(?)) and data_type like 'TIMESTAMP%' "
        "order by all",
        [tables],
    ).fetchall():
        columns[schema_table].append(column)
    parts = []
    for (table,) in present:
        latest = "".join(f" || '|' || coalesce(cast(max(\"{c}\") as varchar), '')" for c in columns[table])
        parts.append(f"select '{table}', cast(count(*) as varchar){latest} from {table}")
    if not parts:
        return {}
    return dict(con.execute(" union all ".join(parts)).fetchall())


def record(con: duckdb.DuckDBPyConnection, tables: list[str], models: list[str], run_at) -> None:
    """Keep this run's input fingerprints; forget models that no longer exist."""
    runs = f"{settings.SYNC_SCHEMA}.model_runs"
    con.execute(f"delete from {runs} where model like '{INPUT}%' or not list_contains(?, model)", [[*models, CONFIG]])
    rows = [(INPUT + table, value, run_at) for table, value in fingerprints(con, tables).items()]
    if rows:
        con.executemany(f"insert into {runs} values (?, 'input', ?, ?, null, null)", rows)


def unchanged(con: duckdb.DuckDBPyConnection, root: Path, excluded: set[str], config_hash: str) -> bool:
    """Did the last run complete, and have the SQL, the configuration and every input stayed the same?"""
    rows = con.execute(f"select model, sql_hash, run_at from {settings.SYNC_SCHEMA}.model_runs").fetchall()
    known = {model: (sql_hash, run_at) for model, sql_hash, run_at in rows}
    config = known.pop(CONFIG, None)
    inputs = {model[len(INPUT) :]: value for model, (value, _at) in known.items() if model.startswith(INPUT)}
    models = {model: value for model, value in known.items() if not model.startswith(INPUT)}
    if config is None or config[0] != config_hash or not inputs:
        return False
    if {name: sql_hash for name, (sql_hash, _at) in models.items()} != model_hashes(root, excluded):
        return False
    if any(run_at != config[1] for _hash, run_at in models.values()):
        return False  # the last run stopped part-way
    return fingerprints(con, sorted(inputs)) == inputs
