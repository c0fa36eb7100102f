"""What an operator reads: `make status`, the summary after a sync, `make sql` and `make audit`.

"Open now" is one set, read the same way by `sync` (its exit code) and `status` (its exit code and
its list): open quarantine rows (ignored ones are not), operations that are dead, failed, pending or
in flight, and (status only) a last run that failed, was abandoned or had problems of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from pipelines import budgets, clock, settings
from pipelines.console import Console
from pipelines.runs import Run, reading
from pipelines.state import table_exists
from pipelines.statefile import open_state

AUDIT_DIR = settings.SQL_DIR / "audit"
S = settings.SYNC_SCHEMA
STATE_COMMANDS = ("extract", "transform", "push", "sync")
OPEN_OPERATIONS = ("dead", "failed", "pending", "in_flight")
SHOWN = 15  # rows per list in `make status`


def connect(db_path: Path | None = None, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    return open_state(db_path, read_only=read_only)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    cursor = con.execute(sql, params or [])
    return [column[0] for column in cursor.description], cursor.fetchall()


def open_now(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """What is open now, by kind: quarantine rows per kind, operations per status. Empty when nothing."""
    counts: dict[str, int] = {}
    if table_exists(con, S, "quarantine"):
        counts |= dict(con.execute(f"select kind, count(*) from {S}.quarantine where status = 'open' "
                                   "group by kind").fetchall())
    if table_exists(con, S, "outbox"):
        counts |= dict(con.execute(f"select status, count(*) from {S}.outbox where list_contains(?, status) "
                                   "group by status", [list(OPEN_OPERATIONS)]).fetchall())
    return counts


_SAYS = {
    "parse_failure": "record(s) a source sent that could not be read: fix them at the source",
    "source_value": "source value(s) that break what a customer needs: fix them at the source",
    "target_constraint": "value(s) held back because a target would refuse them: fix them at the source",
    "oversized": "value(s) too long for a target (the oversize policy holds them back)",
    "target_rejection": "value(s) a target rejected: fix at the source (the rest was sent), then `make retry`",
    "match_conflict": "match conflict(s): `make resolve ID=... CLUSTER=...` chooses the cluster",
    "dead": "operation(s) dead after their attempts: `make retry ID=...` once the cause is fixed",
    "failed": "operation(s) failed this time: the next sync resends them",
    "pending": "operation(s) not sent (deferred, their system down, or the run interrupted): the next sync sends them",
    "in_flight": "operation(s) whose answer never arrived (a crash): the next sync resends them safely",
}


def describe(counts: dict[str, int]) -> list[str]:
    """One line per kind of open item, saying what to do."""
    return [f"{counts[kind]} {_SAYS.get(kind, kind)}" for kind in (*_SAYS, *sorted(set(counts) - set(_SAYS)))
            if counts.get(kind)]


def settle(run: Run) -> None:
    """At the end of a state-changing command: what it leaves open becomes part of its record and exit code."""
    with open_state(run.db_path) as con:
        run.open_items = open_now(con)
    run.attention = describe(run.open_items) + run.attention[:10]


def _last_run_problem(con: duckdb.DuckDBPyConnection) -> str | None:
    """The last state-changing run, if it failed, was abandoned, or had problems of its own. Status holds
    the run lock shared while it reads, so a run still marked running is one a crash abandoned."""
    if not table_exists(con, S, "runs"):
        return None
    row = con.execute(f"""select run_id, command, status, message from {S}.runs
                          where list_contains(?, command) order by started_at desc limit 1""",
                      [list(STATE_COMMANDS)]).fetchone()
    if row is None:
        return None
    run_id, command, status, message = row
    if status == "running":
        return f"the last run ({run_id}, {command}) was abandoned (killed or crashed): the next sync finishes its work"
    if status in ("failed", "abandoned") or (status == "partial" and message):
        return f"the last run ({run_id}, {command}) is {status}: {message or 'no end recorded'}"
    return None


def show_status(console: Console, runs: int = 10, db_path: Path | None = None) -> int:
    """Print the state a person cares about; exit 1 only for what is open now."""
    with reading(db_path), connect(db_path) as con:
        if table_exists(con, S, "runs"):
            recent = con.execute(f"""
                select run_id, command, case when status = 'running' then 'abandoned?' else status end,
                       started_at::timestamp(0), epoch(ended_at - started_at), rows_extracted, api_calls, deltas,
                       ops_sent, ops_succeeded, ops_failed, ops_skipped, quarantined, message
                from {S}.runs order by started_at desc limit {int(runs)}""").fetchall()
            console.table("Recent runs", ["run", "command", "status", "started", "seconds", "rows", "API calls",
                                          "deltas", "ops sent/ok/failed/stale", "quarantined"],
                          [_run_row(row) for row in recent])
        if table_exists(con, S, "outbox"):
            columns, rows = _rows(con, f"""
                select target_system, operation, status, count(*) as operations
                from {S}.outbox group by all order by all""")
            console.table("Outbox", columns, rows)
            columns, rows = _rows(con, f"""
                select id, target_system, operation, coalesce(record_id, 'new (cluster ' || cluster_id || ')')
                       as record, status, attempts, last_error
                from {S}.outbox where list_contains(?, status)
                order by status, updated_at limit {SHOWN}""", [list(OPEN_OPERATIONS)])
            if rows:
                console.table("Operations waiting or dead", columns, rows)
            limits = [limit for limit in budgets.describe(con, clock.current().now()) if limit.kind != "window"]
            if limits:  # why deferred operations wait (details: `make doctor`)
                console.table("API limits in force", ["system", "division", "endpoint", "limit", "detail"],
                              [[lim.system, lim.scope or "-", lim.endpoint, lim.kind, lim.detail] for lim in limits])
        if table_exists(con, S, "quarantine"):
            show_quarantine(con, console)
        if table_exists(con, S, "match_candidates"):
            count = con.execute(f"select count(*) from {S}.match_candidates where decision is null").fetchone()[0]
            if count:
                columns, rows = _rows(con, f"""
                    select {CANDIDATE_ID} as candidate, system || ':' || entity || ':' || record_id as record,
                           other_system || ':' || other_entity || ':' || other_record_id as other,
                           round(score, 3) as score, proposed_at::timestamp(0) as proposed
                    from {S}.match_candidates where decision is null order by score desc limit {SHOWN}""")
                console.table(f"Match candidates to review ({count}; `make candidates` shows them side by side)",
                              columns, rows)
        needs_person = describe(open_now(con))
        if problem := _last_run_problem(con):
            needs_person.insert(0, problem)
    for line in needs_person:
        console.error(line)
    return 1 if needs_person else 0


CANDIDATE_ID = ("left(md5(concat_ws('|', rule_name, system, entity, record_id, other_system, other_entity, "
                "other_record_id)), 10)")


def show_quarantine(con: duckdb.DuckDBPyConnection, console: Console, limit: int = SHOWN) -> None:
    total = con.execute(f"select count(*) from {S}.quarantine where status = 'open'").fetchone()[0]
    if not total:
        return
    columns, rows = _rows(con, f"""
        select left(quarantine_id, 10) as id, kind, system || '.' || entity as target,
               coalesce(record_id, 'new (cluster ' || cluster_id || ')') as record, property, value, reason,
               last_seen::timestamp(0) as last_seen
        from {S}.quarantine where status = 'open'
        order by last_seen desc, kind, record_id limit {int(limit)}""")
    console.table(f"Needs a person: quarantine ({total} open; `make ignore ID=... NOTE=...` accepts one as it is)",
                  columns, rows)
    conflicts = con.execute(f"""
        select left(q.quarantine_id, 10), c.rule_name, c.kind, c.system || ':' || c.entity || ':' || c.record_id,
               cast(c.cluster_ids as varchar), c.detail
        from {S}.quarantine as q
        inner join {S}.match_conflicts as c
            on c.system = q.system and c.entity = q.entity and c.record_id = q.record_id
            and c.match_key is not distinct from q.value and c.resolved_at is null
        where q.kind = 'match_conflict' and q.status = 'open' limit {int(limit)}""").fetchall()
    if conflicts:
        console.table("Match conflicts: the clusters each could join (`make resolve ID=... CLUSTER=...`)",
                      ["id", "rule", "kind", "record", "clusters", "detail"], conflicts)


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
    for run_id in run.abandoned:
        console.log(f"run {run_id} was left running by a crash: marked abandoned")
    for problem in run.problems:
        console.error(problem)
    for line in run.attention:
        console.error(line)
    if run.attention:
        console.error("`make status` lists what needs a person; README \"When something needs you\" says how to act")


def sql_shell(console: Console, query: str | None, db_path: Path | None = None) -> int:
    """One query (`make sql Q=...`), or a small interactive shell reading statements ending in `;`. The
    shell opens the state file per statement, so leaving it open never keeps a sync from running."""
    if query:
        with reading(db_path), connect(db_path) as con:
            return _run_query(con, console, query)
    with reading(db_path):  # a run holds the file: wait for it as a statement does
        connect(db_path).close()  # say now if there is no state file, or it is damaged
    console.log("SQL on the state file; end a statement with ';', leave with Ctrl-D")
    buffer = ""
    while True:
        try:
            buffer += input("sql> " if not buffer else "...> ") + "\n"
        except EOFError:
            return 0
        if buffer.rstrip().endswith(";"):
            with reading(db_path), connect(db_path) as con:
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
    with reading(db_path), connect(db_path) as con:
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
