"""The raw current tables as views: each key's latest version in the append-only `<table>_history`.

dlt writes one stored copy per observed version, the history that staging reads; `raw_<system>.<table>`
(what the push's stale checks, the Wave writer, link proposals and the operator's SQL read as "the record
as last extracted") is a view of it made here, after each load. dlt never knows a table of that name, so it
never creates or merges one.

Which version is the latest reproduces what dlt's merge kept (the version loaded last; within one load,
the newest by dedup_sort): by the source's own row version where it has one, which only grows (CustomPMS
`version`; Exact's Timestamp within the division's Timestamp epoch: Timestamps restart after a division
move, so the epoch, the DivisionMoveDate the row was read under, comes first), then by load order
(`_extracted_at`, then the order the rows were stored in), the only order Exact's divisions and
departments and Wave's customers have.

A state file from before (physical current tables that dlt merged, and a dlt schema that knows them) is
converted by the first extract of this code: rows of the old table missing from history are added to it
(none are, as every version went to both), the table is dropped and the view takes its place, in one
transaction; before dlt next loads, the table leaves dlt's schema too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from pipelines.statefile import open_state

if TYPE_CHECKING:
    import dlt

# The Timestamp epoch of an Exact row, newest first: its DivisionMoveDate as text, never moved (null) last.
# '/Date(<ms>)/' with 13 digits for any date from 2001 to 2286, so text order is time order; parsing the
# number on every read cost 70 ms more per 100k rows.
_EXACT_EPOCH_DESC = "division_move_date desc nulls last"
_LOADED_LAST = ("_extracted_at desc", "rowid desc")


@dataclass(frozen=True)
class Latest:
    """A versioned raw table: its key, and how its versions order newest first before load order."""

    key: tuple[str, ...]
    newest_first: tuple[str, ...] = ()

    def order(self) -> str:
        return ", ".join((*self.newest_first, *_LOADED_LAST))


CURRENT: dict[str, dict[str, Latest]] = {
    "exact": {
        "accounts": Latest(("division", "id"), (_EXACT_EPOCH_DESC, '"timestamp" desc')),
        "divisions": Latest(("code",)),
        "departments": Latest(("division", "id")),
    },
    "wave": {"customers": Latest(("id",))},
    "custompms": {"customers": Latest(("id",), ("version desc",))},
}


def view_sql(dataset: str, table: str, latest: Latest, columns: list[str]) -> str:
    listed = ", ".join(f'"{name}"' for name in columns)
    keys = ", ".join(f'"{name}"' for name in latest.key)
    return (
        f"create or replace view {dataset}.{table} as\n"
        f"select {listed}\nfrom {dataset}.{table}_history\n"
        f"qualify row_number() over (partition by {keys} order by {latest.order()}) = 1"
    )


def run(pipeline: dlt.Pipeline, system: str, source: Any) -> Any:
    """`pipeline.run(source)` (a source or resources of `system`) with the current views made after it (a
    first load creates the histories; a load can add a column). A state file from before is converted
    first, while dlt's schema still knows its current tables: dlt would no longer merge into them.
    Returns dlt's LoadInfo."""
    if forget_current_tables(pipeline, system):
        refresh(pipeline, system)
    info = pipeline.run(source)
    refresh(pipeline, system)
    return info


def refresh(pipeline: dlt.Pipeline, system: str) -> None:
    """Make each current view of `system` over its history (see make_views), in the pipeline's file."""
    with _connection(pipeline) as con:
        make_views(con, system, pipeline.dataset_name)


def make_views(con: duckdb.DuckDBPyConnection, system: str, dataset: str) -> None:
    """Make each current view of `system` over its history, with the history's columns as they are now,
    converting a physical current table first. A view whose columns are right is left alone."""
    kinds = dict(con.execute("select table_name, table_type from information_schema.tables "
                             "where table_schema = ?", [dataset]).fetchall())
    columns: dict[str, list[str]] = {}
    for table, column in con.execute("select table_name, column_name from information_schema.columns "
                                     "where table_schema = ? order by table_name, ordinal_position",
                                     [dataset]).fetchall():
        columns.setdefault(table, []).append(column)
    for table, latest in CURRENT[system].items():
        history = columns.get(f"{table}_history")
        if kinds.get(f"{table}_history") != "BASE TABLE" or history is None:
            continue  # not loaded yet: the first load creates the history, then the view
        if kinds.get(table) == "VIEW" and columns.get(table) == history:
            continue
        con.execute("begin transaction")
        try:
            if kinds.get(table) == "BASE TABLE":
                _keep_every_version(con, dataset, table, columns[table], history)
                con.execute(f"drop table {dataset}.{table}")
            con.execute(view_sql(dataset, table, latest, history))
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise


@contextmanager
def _connection(pipeline: dlt.Pipeline) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the pipeline's DuckDB file: a cursor of the connection dlt was given (the run's), or
    the file opened as every open of it is. Not dlt's sql_client: resolving the destination's configuration
    and opening it that way cost 48 ms per call."""
    into = pipeline.destination.config_params.get("credentials")
    if hasattr(into, "external_conn"):  # DuckDbCredentials (pipelines.extract.destination)
        into = into.external_conn() or into.database
    if isinstance(into, duckdb.DuckDBPyConnection):
        with into.cursor() as con:
            yield con
        return
    with open_state(Path(into)) as con:  # waits for a short hold by another process, like every open
        yield con


def _keep_every_version(con: Any, dataset: str, table: str, current: list[str], history: list[str]) -> None:
    """Rows of the old physical current table that history lacks go into history before it is dropped."""
    shared = [name for name in current if name in history]
    listed = ", ".join(f'"{name}"' for name in shared)
    con.execute(f"insert into {dataset}.{table}_history ({listed}) select {listed} from {dataset}.{table} "
                f"except all select {listed} from {dataset}.{table}_history")


def forget_current_tables(pipeline: dlt.Pipeline, system: str) -> bool:
    """Take the current tables out of dlt's schema (a state file from before has them there): dlt must not
    create, merge or alter what is now a view. Whether the schema had any."""
    names = list(CURRENT[system])
    forgot = False
    for schema_name in pipeline.schema_names:
        schema = pipeline.schemas[schema_name]
        known = [name for name in names if name in schema.tables]
        if known:
            schema.drop_tables(known)
            pipeline.schemas.save_schema(schema)
            forgot = True
    return forgot
