"""The SQL model runner: every `.sql` file under `sql/` (except `sql/audit/`) is one model.

* A model is named by its file stem and lives in the schema named by its folder
  (`sql/staging/stg_customers.sql` → `staging.stg_customers`); a file directly under
  `sql/` goes to schema `models`. Stems must be unique across folders.
* Dependencies come from the SQL: every table a model reads (sqlglot `exp.Table`, minus its own
  CTE names) that is another model is an edge. No hand-kept model list.
* Leading `-- key: value` comments configure a model:
    - `materialized: table | view | incremental` (default table)
    - `unique_key: col, col` (incremental) — rows of the target with these keys are replaced.
      An incremental model may define a CTE named `scope` (the keys it recomputes); then the
      runner deletes exactly those keys first, so keys that produce no row any more disappear.
      An incremental model filters its inputs with `getvariable('since')`: null on a full
      refresh, else the `run_at` of this model's previous successful run, or of a model reading it
      if that one's is earlier (so a table that filters by `since`, like identity.link_candidates,
      still holds what its reader missed when the reader's last run failed). Every incremental
      model stamps its rows with `getvariable('run_at') as _transformed_at`, so a downstream
      model picks up exactly what changed upstream. A model reading the raw datasets gets an
      earlier `since` when a load finished after its last run from a package created before it
      (a run killed between extraction and load, finished by a later run): the start of the run
      that extracted the package, so those rows, stamped `_extracted_at` then, are staged too.
    - `step: module:function` — Python run right after the model is materialised (the durable
      writes into `sync.*`, which models never do themselves). After an incremental run the step
      finds the rows the run replaced in temp table `__replaced` (RunContext.replaced; its first
      column, `__replaced_rowid`, is the row id each had).
    - `replaced_columns: module:function` — which columns of the replaced rows the step needs, besides the
      unique key: called with (connection, temp table of the new rows, REPLACED holding the replaced rows'
      keys), it returns their names, or None for every column. Copying the scattered rows a run replaces
      reads every block of each column it copies, so a step that compares a few columns names them.
    - `writes: sync.table, ...` — the state tables that step writes; models reading them run after.
* A change to any model's SQL or to the configuration tables forces a full refresh.
* An incremental run is one transaction, with one write of sync.model_runs: a run killed or failed
  part-way leaves nothing of itself, and the next run starts from the same `since`s. A full refresh
  commits model by model (with its model_runs row), so no transaction holds every rebuilt table.
* A table model that reads no table and no variable is rebuilt only when its SQL changes.
* What parsing a file yields (the tables it reads, the generated scope query) is kept across processes,
  keyed by the md5 of its text (pipelines/models/parsecache.py): a run whose SQL parsed before imports
  no sqlglot.
* When nothing changed since the last completed run (same SQL and configuration, and the tables the
  models read show no new, changed or removed rows: pipelines/models/inputs.py), every model is
  skipped; `full_refresh` always runs them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipelines import settings
from pipelines.models import inputs, parsecache
from pipelines.state import ensure_state

if TYPE_CHECKING:  # sqlglot is imported where SQL is parsed: a transform with nothing to do parses none
    from sqlglot import exp

DEFAULT_SCHEMA = "models"
EXCLUDED_DIRS = {"audit"}
MATERIALIZATIONS = {"table", "view", "incremental"}
HEADER_RE = re.compile(r"^\s*--\s*([a-z_]+)\s*:\s*(.*?)\s*$")
CONFIG_TABLES = ("options", "system_priority", "match_rules")
REPLACED = "__replaced"
REPLACED_ROWID = "__replaced_rowid"  # REPLACED's first column: the row id the replaced row had
COMPRESSION_SETTING = "disabled_compression_methods"  # set to settings.TRANSFORM_DISABLED_COMPRESSION for a run


class ModelError(Exception):
    """A model cannot be parsed, ordered or run; the message names the file."""


@dataclass
class Model:
    name: str
    schema: str
    path: Path
    sql: str
    materialized: str = "table"
    unique_key: list[str] = field(default_factory=list)
    step: str | None = None
    replaced_columns: str | None = None  # module:function naming the columns REPLACED keeps
    writes: list[str] = field(default_factory=list)
    reads: set[str] = field(default_factory=set)  # qualified names, lower case
    depends_on: set[str] = field(default_factory=set)  # model names

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def tree(self) -> exp.Expression:
        """The parsed SELECT (shared: copy before changing it); parsed when first asked for, as discovery
        takes the tables a model reads from the parse cache (pipelines/models/parsecache.py)."""
        return _parse(self.sql)[0]

    @property
    def sql_hash(self) -> str:
        return hashlib.md5(self.sql.encode()).hexdigest()


@dataclass
class ModelResult:
    name: str
    materialized: str
    rows: int | None
    seconds: float
    full_refresh: bool


@dataclass
class RunContext:
    """What a step function gets: the connection and the run's identity."""

    con: duckdb.DuckDBPyConnection
    run_id: str
    run_at: datetime
    model: Model
    full_refresh: bool
    since: datetime | None
    replaced: str | None = None  # incremental run: temp table of the rows this run replaced


def _header(sql: str, path: Path) -> dict[str, str]:
    config: dict[str, str] = {}
    for line in sql.splitlines():
        if not line.strip():
            continue
        match = HEADER_RE.match(line)
        if not match:
            if line.lstrip().startswith("--"):
                continue  # an ordinary comment in the header block
            break
        config[match.group(1)] = match.group(2)
    return config


@functools.lru_cache(maxsize=512)
def _parse_cached(sql: str) -> tuple[exp.Expression, ...]:
    import sqlglot

    return tuple(s for s in sqlglot.parse(sql, read="duckdb") if s is not None)


def _parse(sql: str) -> list[exp.Expression]:
    """Parsing is the slow part of discovery; a file's text parses the same every time. The trees
    are shared between calls: treat them as read-only (copy before changing one)."""
    return list(_parse_cached(sql))


def parse_model(path: Path, root: Path) -> Model:
    sql = path.read_text()
    rel = path.relative_to(root)
    schema = rel.parts[0] if len(rel.parts) > 1 else DEFAULT_SCHEMA
    config = _header(sql, path)
    model = Model(name=path.stem, schema=schema, path=path, sql=sql)
    model.materialized = config.get("materialized", "table")
    if model.materialized not in MATERIALIZATIONS:
        raise ModelError(f"{rel}: materialized must be one of {sorted(MATERIALIZATIONS)}")
    model.unique_key = [c.strip() for c in config.get("unique_key", "").split(",") if c.strip()]
    if model.materialized == "incremental" and not model.unique_key:
        raise ModelError(f"{rel}: an incremental model needs `-- unique_key: ...`")
    model.step = config.get("step")
    model.replaced_columns = config.get("replaced_columns")
    model.writes = [w.strip().lower() for w in config.get("writes", "").split(",") if w.strip()]
    model.reads = set(parsecache.get(f"reads:{model.sql_hash}", lambda: _reads(sql, rel)))
    return model


def _reads(sql: str, rel: Path) -> list[str]:
    """The tables a model's SQL reads (other than its own CTEs and table functions); checks that it is
    exactly one SELECT that parses."""
    from sqlglot import exp
    from sqlglot.errors import ParseError, TokenError

    try:
        statements = _parse(sql)
    except ParseError as err:
        first = err.errors[0] if err.errors else {}
        raise ModelError(
            f"{rel}:{first.get('line', '?')}:{first.get('col', '?')}: syntax error: "
            f"{first.get('description', err)} near '{first.get('highlight', '')}'"
        ) from None
    except TokenError as err:
        raise ModelError(f"{rel}: syntax error: {err}") from None
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise ModelError(f"{rel}: a model is exactly one SELECT statement")
    tree = statements[0]
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    reads = set()
    for table in tree.find_all(exp.Table):
        name = table.name.lower()
        if not name or (not table.db and name in ctes):
            continue
        if isinstance(table.this, exp.Anonymous | exp.Func):  # table functions: range(), read_csv()
            continue
        reads.add(f"{table.db.lower()}.{name}" if table.db else name)
    return sorted(reads)


def discover(sql_dir: Path | None = None) -> dict[str, Model]:
    """Parse every model under sql_dir and resolve its dependencies."""
    root = Path(sql_dir or settings.SQL_DIR)
    models: dict[str, Model] = {}
    for path in sorted(root.rglob("*.sql")):
        rel = path.relative_to(root)
        if rel.parts[0] in EXCLUDED_DIRS:
            continue
        model = parse_model(path, root)
        if model.name in models:
            raise ModelError(f"{rel}: model name '{model.name}' also defined by {models[model.name].path}")
        models[model.name] = model
    by_qualified = {m.qualified: m for m in models.values()}
    writers: dict[str, str] = {}
    for m in models.values():
        for table in m.writes:
            writers[table] = m.name
    for m in models.values():
        for ref in m.reads:
            target = by_qualified.get(ref) or (models.get(ref) if "." not in ref else None)
            if target is not None and target.name != m.name:
                m.depends_on.add(target.name)
    # A model reading a state table runs after the step that writes it, unless that writer itself
    # needs the reader (then the reader sees the state as it was before this run's write).
    sql_deps = {name: set(m.depends_on) for name, m in models.items()}
    for m in models.values():
        for ref in m.reads:
            writer = writers.get(ref)
            if writer and writer != m.name and m.name not in _ancestors(sql_deps, writer):
                m.depends_on.add(writer)
    return models


def _ancestors(deps: dict[str, set[str]], name: str) -> set[str]:
    seen: set[str] = set()
    stack = list(deps.get(name, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(deps.get(node, ()))
    return seen


def _find_cycle(models: dict[str, Model], nodes: set[str]) -> list[str]:
    """One cycle among the nodes that could not be ordered, for the error message."""
    start = min(nodes)
    path, seen = [start], {start}
    while True:
        nxt = min(d for d in models[path[-1]].depends_on if d in nodes)
        if nxt in seen:
            return path[path.index(nxt) :] + [nxt]
        path.append(nxt)
        seen.add(nxt)


def order(models: dict[str, Model]) -> list[Model]:
    """Topological order (Kahn); ties broken by name so the order is deterministic."""
    remaining = {name: set(m.depends_on) for name, m in models.items()}
    ordered: list[Model] = []
    while remaining:
        ready = sorted(n for n, deps in remaining.items() if not deps)
        if not ready:
            cycle = _find_cycle(models, set(remaining))
            files = ", ".join(str(models[n].path.name) for n in cycle[:-1])
            raise ModelError(f"dependency cycle: {' -> '.join(cycle)} ({files})")
        for name in ready:
            ordered.append(models[name])
            del remaining[name]
        for deps in remaining.values():
            deps.difference_update(ready)
    return ordered


def _literal(value: datetime | str | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, datetime):
        return f"timestamptz '{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


RAW_PREFIX = "raw_"  # the datasets dlt loads (settings.DATASETS)


def _loads(con: duckdb.DuckDBPyConnection) -> list[tuple[datetime, datetime]]:
    """Each completed dlt load of the raw datasets: (when the run that extracted its package started,
    when it was loaded). A load id is the package's creation time; the run's start (sync.runs) is earlier
    still than any row the run read before dlt took over."""
    schemas = [row[0] for row in con.execute(
        "select distinct table_schema from information_schema.tables where table_name = '_dlt_loads' "
        "and starts_with(table_schema, ?)", [RAW_PREFIX]).fetchall()]
    if not schemas:
        return []
    loads = " union all ".join(
        f"select to_timestamp(try_cast(load_id as double)) as created, inserted_at from {schema}._dlt_loads "
        "where status = 0" for schema in schemas)
    runs = con.execute(
        "select 1 from information_schema.tables where table_schema = ? and table_name = 'runs'",
        [settings.SYNC_SCHEMA]).fetchone()
    started = (f"(select max(r.started_at) from {settings.SYNC_SCHEMA}.runs as r "
               "where r.command in ('sync', 'extract') and r.started_at <= l.created)"
               if runs else "null")
    return con.execute(
        f"select coalesce({started}, l.created), l.inserted_at from ({loads}) as l where l.created is not null"
    ).fetchall()


def _before_late_loads(since: datetime, loads: list[tuple[datetime, datetime]]) -> datetime:
    """`since`, or the start of the earliest extraction whose package was loaded only after `since`."""
    late = [started for started, loaded in loads if loaded > since and started < since]
    return min([since, *late])


def set_variable(con: duckdb.DuckDBPyConnection, name: str, value: datetime | str | None) -> None:
    con.execute(f"set variable {name} = {_literal(value)}")


def _config_hash(con: duckdb.DuckDBPyConnection) -> str:
    parts = []
    for table in CONFIG_TABLES:
        rows = con.execute(f"select * from {settings.SYNC_SCHEMA}.{table} order by all").fetchall()
        parts.append(repr(rows))
    return hashlib.md5("|".join(parts).encode()).hexdigest()


def _relation_type(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> str | None:
    """'BASE TABLE', 'VIEW' or None."""
    row = con.execute(
        "select table_type from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, name],
    ).fetchone()
    return row[0] if row else None


def _scope_sql(model: Model) -> str | None:
    """`with scope as (...) select distinct <keys> from scope`, when the model defines a `scope` CTE."""
    keys = tuple(model.unique_key)
    return parsecache.get(f"scope:{model.sql_hash}:{','.join(keys)}", lambda: _scope_sql_of(model.sql, keys))


def _scope_sql_of(sql: str, keys: tuple[str, ...]) -> str | None:
    # generated once per text, and only `scope` with the CTEs it reads: sqlglot's generator (and
    # copying a whole model's tree) costs more than many a small incremental model
    from sqlglot import exp

    with_ = _parse(sql)[0].args.get("with_")
    ctes = {c.alias_or_name.lower(): c for c in with_.expressions} if with_ is not None else {}
    if "scope" not in ctes:
        return None
    needed, stack = set(), ["scope"]
    while stack:
        name = stack.pop()
        if name in needed:
            continue
        needed.add(name)
        stack.extend(t.name.lower() for t in ctes[name].this.find_all(exp.Table) if not t.db and t.name.lower() in ctes)
    parts = [cte.sql(dialect="duckdb") for name, cte in ctes.items() if name in needed]  # in the model's order
    return f"with {', '.join(parts)} select distinct {', '.join(keys)} from scope"


def _load_step(spec: str) -> Callable:
    """The function a header names as `module:function`."""
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)


def materialize(
    con: duckdb.DuckDBPyConnection, model: Model, full_refresh: bool, existing: str | None = None
) -> tuple[int | None, bool]:
    """Create or refresh the model's view or table: (rows written or None for a view, whether the rows it
    replaced are kept in temp table REPLACED, which an incremental run of a model with a step does).
    `existing` is what the target is now ('BASE TABLE', 'VIEW' or None); looked up when not given."""
    target = model.qualified
    body = model.sql.rstrip().rstrip(";")
    if existing is None:
        con.execute(f"create schema if not exists {model.schema}")
        existing = _relation_type(con, model.schema, model.name)
    if model.materialized == "view":
        if existing == "BASE TABLE":
            con.execute(f"drop table {target}")
        con.execute(f"create or replace view {target} as {body}")
        return None, False
    if model.materialized == "table" or full_refresh or existing != "BASE TABLE":
        if existing == "VIEW":
            con.execute(f"drop view {target}")
        return con.execute(f"create or replace table {target} as {body}").fetchone()[0], False  # rows written
    keys = ", ".join(model.unique_key)
    scope = _scope_sql(model)
    # With a scope of its own the new rows go straight into the target after the delete, unless the model
    # reads its own table (then they are computed before it changes)
    direct = scope is not None and target not in model.reads
    if not direct:
        con.execute(f"create or replace temp table __increment as {body}")
        if scope is None:
            scope = f"select distinct {keys} from __increment"
    in_scope = f"({keys}) in ({scope})"
    if len(model.unique_key) > 1:
        # A join on one column filters the target's scan through a Bloom filter of the build side, so only
        # the rows that may match are read whole; on several columns it does not. The last key is the
        # finest (record_id of system, entity, record_id): a filter on it too lets the scan skip the rest.
        con.execute(f"create or replace temp table __scope as {scope}")
        last = model.unique_key[-1]
        in_scope = f"({keys}) in (select {keys} from __scope) and {last} in (select {last} from __scope)"
    if model.step:
        # the copy's row ids find the rows to delete without reading the target's keys a second time
        columns = "*"
        if model.replaced_columns and not direct:
            # the keys first (a narrow read), then only the columns the step names
            con.execute(
                f"create or replace temp table {REPLACED} as select rowid as {REPLACED_ROWID}, {keys} from {target} "
                f"where {in_scope}"
            )
            wanted = _load_step(model.replaced_columns)(con, "__increment", REPLACED)
            if wanted is not None:
                extra = [column for column in wanted if column not in model.unique_key]
                # none named: the keys already copied are all the step reads
                columns = ", ".join([*model.unique_key, *extra]) if extra else None
            in_scope = f"rowid in (select {REPLACED_ROWID} from {REPLACED})"
        if columns is not None:
            con.execute(
                f"create or replace temp table {REPLACED} as select rowid as {REPLACED_ROWID}, {columns} "
                f"from {target} where {in_scope}"
            )
        con.execute(f"delete from {target} where rowid in (select {REPLACED_ROWID} from {REPLACED})")
    else:
        con.execute(f"delete from {target} where {in_scope}")
    rows = con.execute(f"insert into {target} by name {body if direct else 'select * from __increment'}").fetchone()[0]
    if not direct:
        con.execute("drop table __increment")
    if len(model.unique_key) > 1:
        con.execute("drop table __scope")
    return rows, bool(model.step)


def _record_runs(con: duckdb.DuckDBPyConnection, runs: list[tuple]) -> None:
    """Keep models' runs in sync.model_runs, rows (model, materialized, sql_hash, run_at, rows, seconds): one
    update of the rows there (a quarter of what `insert or replace` costs on the key) and one insert of the
    rest, however many models ran."""
    if not runs:
        return
    columns = ("model", "materialized", "sql_hash", "run_at", "rows", "seconds")
    given = "select " + ", ".join(f"unnest(${i + 1}::{t}[]) as {c}" for i, (c, t) in enumerate(
        zip(columns, ("text", "text", "text", "timestamptz", "bigint", "double"), strict=True)))
    values = [list(column) for column in zip(*runs, strict=True)]
    table = f"{settings.SYNC_SCHEMA}.model_runs"
    con.execute(
        f"update {table} as r set materialized = g.materialized, sql_hash = g.sql_hash, run_at = g.run_at, "
        f"rows = g.rows, seconds = g.seconds from ({given}) as g where r.model = g.model",
        values,
    )
    con.execute(f"insert into {table} select g.* from ({given}) as g anti join {table} as r on r.model = g.model",
                values)


def run_models(
    con: duckdb.DuckDBPyConnection,
    *,
    sql_dir: Path | None = None,
    run_id: str | None = None,
    full_refresh: bool = False,
    log: Callable[[str], None] | None = None,
) -> list[ModelResult]:
    """Run every model in dependency order on an open connection; returns per-model results, none when
    nothing changed since the last completed run (pipelines/models/inputs.py) and the models were skipped."""
    root = Path(sql_dir or settings.SQL_DIR)
    ensure_state(con)
    config_hash = _config_hash(con)
    if not full_refresh and inputs.unchanged(con, root, EXCLUDED_DIRS, config_hash):
        if log:
            log("nothing changed since the last run (same SQL, configuration, raw rows and sync state): models skipped")
        return []
    discovered = discover(root)
    models = order(discovered)
    before = con.execute(f"select current_setting('{COMPRESSION_SETTING}')").fetchone()[0]
    con.execute(f"set {COMPRESSION_SETTING} = '{settings.TRANSFORM_DISABLED_COMPRESSION}'")
    try:
        return _run(con, discovered, models, run_id, config_hash, full_refresh, log)
    finally:
        con.execute(f"set {COMPRESSION_SETTING} = '{before}'")
        parsecache.save()


@contextlib.contextmanager
def compressed_writes(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Inside a run, DuckDB's default compression for the writes in the block: for a step's insert into a
    table whose DDL says which string columns stay uncompressed (sync.links, sync.property_history). Rows an insert
    writes straight to the file (a big one) are compressed as it writes them; a small insert's rows are
    compressed when a checkpoint writes them, under the run's setting again."""
    con.execute(f"reset {COMPRESSION_SETTING}")
    try:
        yield
    finally:
        con.execute(f"set {COMPRESSION_SETTING} = '{settings.TRANSFORM_DISABLED_COMPRESSION}'")


def _run(
    con: duckdb.DuckDBPyConnection,
    discovered: dict[str, Model],
    models: list[Model],
    run_id: str | None,
    config_hash: str,
    full_refresh: bool,
    log: Callable[[str], None] | None,
) -> list[ModelResult]:
    run_id = run_id or datetime.now(UTC).strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
    run_at = con.execute("select current_timestamp").fetchone()[0]
    sync = settings.SYNC_SCHEMA
    previous = {
        name: (sql_hash, last, rows)
        for name, sql_hash, last, rows in con.execute(
            f"select model, sql_hash, run_at, rows from {sync}.model_runs"
        ).fetchall()
    }
    changed = any(previous.get(m.name, (None,))[0] != m.sql_hash for m in models if m.materialized != "view")
    readers: dict[str, set[str]] = {m.name: set() for m in models}
    for m in models:
        for upstream in m.depends_on:
            readers[upstream].add(m.name)
    if full_refresh or changed or previous.get("__config__", (None,))[0] != config_hash:
        full_refresh = True
    set_variable(con, "run_at", run_at)
    set_variable(con, "run_id", run_id)
    late_loads = _loads(con)
    relations = {
        f"{schema}.{name}": kind
        for schema, name, kind in con.execute(
            "select table_schema, table_name, table_type from information_schema.tables"
        ).fetchall()
    }
    schemas = {name.partition(".")[0] for name in relations}
    for schema in sorted({m.schema for m in models} - schemas):
        con.execute(f"create schema if not exists {schema}")  # one without tables may exist
    # An incremental run is one transaction: its models write little, and a run killed part-way rolls back
    # whole and reruns from the same `since`s. A full refresh commits model by model, so the transaction
    # never holds every rewritten table at once (and a killed one keeps the models it finished).
    whole_run = not full_refresh
    if whole_run:
        con.execute("begin transaction")
    try:
        results = _run_each(con, models, previous, readers, relations, late_loads, run_id, run_at, full_refresh,
                            whole_run, log)
        _record_runs(con, [("__config__", "config", config_hash, run_at, None, None)])
        inputs.record(con, inputs.input_tables(discovered), [m.name for m in models], run_at)
        if whole_run:
            con.execute("commit")
    except BaseException:
        if whole_run:
            con.execute("rollback")
        raise
    return results


def _constant(model: Model, previous: dict[str, tuple], existing: str) -> bool:
    """A table that reads no table and no variable, made by the same SQL before, is made again the same."""
    return (
        model.materialized == "table" and not model.reads and not model.step and existing == "BASE TABLE"
        and previous.get(model.name, (None,))[0] == model.sql_hash and "getvariable" not in model.sql.lower()
    )


def _run_each(
    con: duckdb.DuckDBPyConnection,
    models: list[Model],
    previous: dict[str, tuple],
    readers: dict[str, set[str]],
    relations: dict[str, str],
    late_loads: list[tuple[datetime, datetime]],
    run_id: str,
    run_at: datetime,
    full_refresh: bool,
    whole_run: bool,
    log: Callable[[str], None] | None,
) -> list[ModelResult]:
    """Materialise each model in order and run its step; in a run that is not one transaction, each model
    and its model_runs row are one. The model_runs rows of a whole run are written once, after the models."""
    results, runs = [], []
    since_set: object = ...  # `since` as last set: models in a row often share it
    for model in models:
        started = time.perf_counter()
        model_full = full_refresh or model.name not in previous
        since = None if model_full else min(previous[n][1] for n in {model.name} | readers[model.name] if n in previous)
        if since is not None and any(ref.startswith(RAW_PREFIX) for ref in model.reads):
            since = _before_late_loads(since, late_loads)
        if since != since_set:
            set_variable(con, "since", since)
            since_set = since
        existing = relations.get(model.qualified, "")
        if not whole_run:
            con.execute("begin transaction")
        try:
            same_view = model.materialized == "view" and existing == "VIEW"
            if same_view and previous.get(model.name, (None,))[0] == model.sql_hash:
                rows, kept = None, False  # the same view: nothing to redo (it reads its tables by name)
            elif not model_full and _constant(model, previous, existing):
                rows, kept = previous[model.name][2], False
            else:
                rows, kept = materialize(con, model, model_full, existing)
            relations[model.qualified] = "VIEW" if model.materialized == "view" else "BASE TABLE"
            if model.step:
                context = RunContext(con, run_id, run_at, model, model_full, since, REPLACED if kept else None)
                _load_step(model.step)(context)
                if kept:
                    con.execute(f"drop table {REPLACED}")
            seconds = round(time.perf_counter() - started, 3)
            run = (model.name, model.materialized, model.sql_hash, run_at, rows, seconds)
            if whole_run:
                runs.append(run)
            else:
                _record_runs(con, [run])
                con.execute("commit")
        except duckdb.Error as err:
            if not whole_run:
                con.execute("rollback")
            raise ModelError(f"{model.path.relative_to(model.path.parents[1])}: {err}") from err
        except BaseException:
            if not whole_run:
                con.execute("rollback")
            raise
        results.append(ModelResult(model.name, model.materialized, rows, seconds, model_full))
        if log:
            log(
                f"{model.qualified:45} {model.materialized:11} "
                f"{rows if rows is not None else '-':>10} {seconds:8.3f}s"
            )
    _record_runs(con, runs)
    return results


def run(db_path: Path | str | None = None, **kwargs) -> list[ModelResult]:
    """Open the DuckDB file (default settings.DUCKDB_FILE) and run every model."""
    path = Path(db_path or settings.DUCKDB_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        return run_models(con, **kwargs)
