"""What an operator reads: `make status`, the summary after a sync, `make sql` and `make audit`."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from pipelines import budgets, clock, settings
from pipelines.console import Console
from pipelines.runs import Run

AUDIT_DIR = settings.SQL_DIR / "audit"


def connect(db_path: Path | None = None, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    path = db_path or settings.DUCKDB_FILE
    if read_only and not path.exists():
        raise FileNotFoundError(f"no state yet at {path}: run `make sync` (or `make demo`) first")
    return duckdb.connect(str(path), read_only=read_only)


def _exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                            [schema, table]).fetchone()[0])


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    cursor = con.execute(sql)
    return [column[0] for column in cursor.description], cursor.fetchall()


def quarantine_sql(con: duckdb.DuckDBPyConnection) -> str | None:
    """One query over the raw datasets' quarantine tables (each source writes its own, in the same
    load as the good rows), or None before the first extraction."""
    parts = [f"select system, entity, record_id, reason, payload, observed_at from {dataset}.quarantine"
             for dataset in settings.DATASETS.values() if _exists(con, dataset, "quarantine")]
    return " union all ".join(parts) or None


def show_status(console: Console, runs: int = 10, db_path: Path | None = None) -> int:
    """Print the state a person cares about; exit 1 when something needs a person."""
    s = settings.SYNC_SCHEMA
    needs_person: list[str] = []
    with connect(db_path) as con:
        if _exists(con, s, "runs"):
            recent = con.execute(f"""
                select run_id, command, status, started_at::timestamp(0), epoch(ended_at - started_at),
                       rows_extracted, api_calls, deltas, ops_sent, ops_succeeded, ops_failed, ops_skipped,
                       quarantined, message
                from {s}.runs order by started_at desc limit {int(runs)}""").fetchall()
            console.table("Recent runs", ["run", "command", "status", "started", "seconds", "rows", "API calls",
                                          "deltas", "ops sent/ok/failed/stale", "quarantined"],
                          [_run_row(row) for row in recent])
            if recent and recent[0][2] in ("failed", "partial", "running"):
                detail = recent[0][-1] or "no end recorded"
                needs_person.append(f"the last run ({recent[0][0]}) is {recent[0][2]}: {detail}")
        if _exists(con, s, "outbox"):
            columns, rows = _rows(con, f"""
                select target_system, operation, status, count(*) as operations
                from {s}.outbox group by all order by all""")
            console.table("Outbox", columns, rows)
            columns, rows = _rows(con, f"""
                select id, target_system, operation, record_id, status, attempts, last_error
                from {s}.outbox where status in ('pending', 'failed', 'dead', 'in_flight')
                order by status, updated_at limit 20""")
            if rows:
                console.table("Operations waiting or failed", columns, rows)
            limits = [limit for limit in budgets.describe(con, clock.current().now()) if limit.kind != "window"]
            if limits:  # why deferred operations wait (details: `make doctor`)
                console.table("API limits in force", ["system", "division", "endpoint", "limit", "detail"],
                              [[lim.system, lim.scope or "-", lim.endpoint, lim.kind, lim.detail] for lim in limits])
            dead = con.execute(f"select count(*) from {s}.outbox where status = 'dead'").fetchone()[0]
            if dead:
                needs_person.append(f"{dead} dead operation(s): see `make audit NAME=dead_operations`")
        if _exists(con, s, "match_conflicts"):
            count = con.execute(f"select count(*) from {s}.match_conflicts where resolved_at is null").fetchone()[0]
            if count:
                columns, rows = _rows(con, f"""
                    select rule_name, kind, system, entity, record_id, match_key, detail
                    from {s}.match_conflicts where resolved_at is null order by detected_at desc limit 10""")
                console.table(f"Open match conflicts ({count})", columns, rows)
                needs_person.append(f"{count} open match conflict(s)")
        quarantine = quarantine_sql(con)
        if quarantine:
            columns, rows = _rows(con, f"""
                select system, entity, record_id, reason, observed_at::timestamp(0) as observed_at
                from ({quarantine}) order by observed_at desc limit 10""")
            if rows:
                total = con.execute(f"select count(*) from ({quarantine})").fetchone()[0]
                console.table(f"Quarantined records ({total}; latest first)", columns, rows)
                last = con.execute(f"select quarantined from {s}.runs where command in ('extract', 'sync') "
                                   "order by started_at desc limit 1").fetchone() if _exists(con, s, "runs") else None
                if last and last[0]:
                    needs_person.append(f"the last extraction quarantined {last[0]} record(s): fix them at the source")
        if _exists(con, s, "match_candidates"):
            count = con.execute(f"select count(*) from {s}.match_candidates").fetchone()[0]
            if count:
                columns, rows = _rows(con, f"select * from {s}.match_candidates limit 10")
                console.table(f"Match candidates to review ({count}; never linked automatically)", columns, rows)
    for line in needs_person:
        console.error(line)
    return 1 if needs_person else 0


def _per_system(value: str | dict | None) -> str:
    counts = json.loads(value) if isinstance(value, str) else (value or {})
    return " ".join(f"{system}:{count}" for system, count in counts.items()) or "-"


def _run_row(row: tuple) -> list[object]:
    run_id, command, status, started, seconds, rows, calls, deltas, sent, ok, failed, skipped, quarantined, _ = row
    return [run_id, command, status, started, "-" if seconds is None else f"{seconds:.1f}", _per_system(rows),
            _per_system(calls), deltas, f"{sent}/{ok}/{failed}/{skipped}", quarantined]


def summarize_run(run: Run, console: Console) -> None:
    rows = [[system, run.rows_extracted.get(system, 0), run.api_calls.get(system, 0)]
            for system in sorted(set(run.rows_extracted) | set(run.api_calls))]
    console.table(f"Run {run.run_id} ({run.status})", ["system", "rows extracted", "API calls"], rows)
    console.table("Changes", ["deltas", "sent", "succeeded", "failed", "skipped (stale)", "quarantined"],
                  [[run.deltas, run.ops["sent"], run.ops["succeeded"], run.ops["failed"], run.ops["skipped"],
                    run.quarantined]])
    console.log("stage seconds " + json.dumps(run.stage_seconds))
    for problem in run.problems:
        console.error(problem)


def sql_shell(console: Console, query: str | None, db_path: Path | None = None) -> int:
    """One query (`make sql Q=...`), or a small interactive shell reading statements ending in `;`."""
    with connect(db_path) as con:
        if query:
            return _run_query(con, console, query)
        console.log("SQL on the state file; end a statement with ';', leave with Ctrl-D")
        buffer = ""
        while True:
            try:
                buffer += input("sql> " if not buffer else "...> ") + "\n"
            except EOFError:
                return 0
            if buffer.rstrip().endswith(";"):
                _run_query(con, console, buffer)
                buffer = ""


def _run_query(con: duckdb.DuckDBPyConnection, console: Console, query: str) -> int:
    try:
        columns, rows = _rows(con, query)
    except duckdb.Error as exc:
        console.error(str(exc))
        return 1
    console.table(f"{len(rows)} row(s)", columns, rows)
    return 0


def run_audit(console: Console, name: str | None = None, db_path: Path | None = None,
              customer: str | None = None) -> int:
    """Run the canned audit queries (sql/audit/*.sql), or one of them by file name. `customer` (a
    name, email or VAT number) is the DuckDB variable `customer` the queries filter on."""
    files = sorted(AUDIT_DIR.glob("*.sql"))
    if name:
        files = [path for path in files if path.stem == name.removesuffix(".sql")]
        if not files:
            console.error(f"no audit query {name!r}; there are: {', '.join(p.stem for p in AUDIT_DIR.glob('*.sql'))}")
            return 2
    failed = 0
    with connect(db_path) as con:
        con.execute("set variable customer = ?", [customer])
        for path in files:
            try:
                columns, rows = _rows(con, path.read_text())
            except duckdb.Error as exc:
                console.error(f"{path.name}: {exc}")
                failed += 1
                continue
            title = path.read_text().splitlines()[0].removeprefix("--").strip() or path.stem
            console.table(f"{path.stem}: {title} ({len(rows)} row(s))", columns, rows)
    return 1 if failed else 0
