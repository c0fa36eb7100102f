"""Helpers the readers of the three systems share: a prefetching pager, the items they yield (Arrow
tables and two markers), batches, and how a resource's first load is written. Nothing here imports dlt."""

from __future__ import annotations

import io
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from queue import Full, Queue
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json

from pipelines import settings


def prefetched(items: Iterator[Any], depth: int = settings.PREFETCH_PAGES, name: str = "prefetch") -> Iterator[Any]:
    """The items (API pages), with the next ones fetched in a thread while this one is parsed and
    written, so network time and processing overlap. An error in the fetching thread is raised
    here, after the items fetched before it; stopping early lets the thread end."""
    queue: Queue[tuple[Any, BaseException | None]] = Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def put(item: tuple[Any, BaseException | None]) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def fetch() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((done, None))
        except BaseException as exc:  # handed to the consuming thread, which raises it
            put((done, exc))

    thread = threading.Thread(target=fetch, name=name, daemon=True)
    thread.start()
    try:
        while True:
            item, error = queue.get()
            if error is not None:
                raise error
            if item is done:
                return
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


def arrow_document(content: bytes, schema: pa.Schema) -> pa.Table | None:
    """One JSON document (an API answer) read by Arrow's JSON reader into a one-row table of `schema`,
    unknown properties ignored. The reader runs in C++ without holding the GIL, so decoding a page
    overlaps the fetching and the emulator/other threads, where json-decoding it into dicts and
    converting those would not. None when the document does not fit the schema (a wrong-typed value
    anywhere, a record that is not an object): the caller then decodes it as Python and checks it
    record by record, so the fast path never decides what is quarantined."""
    options = pa_json.ReadOptions(use_threads=False, block_size=len(content) + 1)  # one block: one document
    parse = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore", newlines_in_values=True)
    try:
        table = pa_json.read_json(io.BytesIO(content), read_options=options, parse_options=parse)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return table if table.num_rows == 1 else None


def page_decoder(
    records: pa.Schema, fits: Callable[[pa.Table], bool] | None, rows_at: Sequence[str], next_at: Sequence[str]
) -> Callable[[bytes], tuple[pa.Table, str | None] | None]:
    """A decoder of an API's list answers for a client: (the records as a table of `records`, the next
    page's link or cursor), or None for an answer Arrow cannot read that way or whose records fail `fits`
    (the client then decodes it with orjson, and its own checks and the reader's record-by-record ones
    apply). `rows_at` / `next_at`: the properties leading to the array of records / the next link, e.g.
    ("d", "results") and ("d", "__next")."""
    answer = _answer_schema({tuple(rows_at): pa.list_(pa.struct(list(records))), tuple(next_at): pa.string()})

    def decode(content: bytes) -> tuple[pa.Table, str | None] | None:
        table = arrow_document(content, answer)
        if table is None:
            return None
        rows, following = _at(table, rows_at), _at(table, next_at)
        if rows.null_count:
            return None  # no array of records: the client's orjson path names the answer's shape
        flat = pc.list_flatten(rows)
        chunks = [pa.Table.from_struct_array(chunk) for chunk in flat.chunks]
        data = pa.concat_tables(chunks) if chunks else records.empty_table()
        if fits is not None and not fits(data):
            return None
        return data, following[0].as_py() or None

    return decode


def _answer_schema(leaves: dict[tuple[str, ...], pa.DataType]) -> pa.Schema:
    def struct_of(prefix: tuple[str, ...]) -> list[pa.Field]:
        names = list(dict.fromkeys(path[len(prefix)] for path in leaves if path[: len(prefix)] == prefix))
        return [pa.field(name, leaves[prefix + (name,)] if prefix + (name,) in leaves
                         else pa.struct(struct_of(prefix + (name,)))) for name in names]

    return pa.schema(struct_of(()))


def _at(table: pa.Table, path: Sequence[str]) -> pa.ChunkedArray:
    column = table[path[0]]
    for name in path[1:]:
        column = pc.struct_field(column, name)
    return column


# ---------------------------------------------------------------------- what readers yield
# The readers (pipelines/<system>/extraction.py) run without dlt, so that a sync with nothing to do never
# imports it; they yield Arrow tables for the resource's own table and these two markers, which
# `for_dlt` turns into dlt's hints when the items do go to dlt.

BATCH_ROWS = 10_000  # rows per table handed to dlt: it spends milliseconds on every item it is given


@dataclass(frozen=True)
class Variant:
    """The rows for another, append-only table of the same resource (quarantine)."""

    table: pa.Table
    name: str


@dataclass(frozen=True)
class Disposition:
    """How the resource's own table is written in this load (see FirstLoad); carries no rows."""

    table: pa.Table
    write_disposition: str


def rows_of(item: Any) -> int:
    """The data rows an item carries."""
    table = item.table if isinstance(item, Variant | Disposition) else item
    return table.num_rows if isinstance(table, pa.Table) else 0


def for_dlt(items: Iterable[Any]) -> Iterator[Any]:
    """The readers' items as dlt takes them (dlt is imported here, not by this module)."""
    import dlt

    for item in items:
        if isinstance(item, Variant):
            hints = dlt.mark.make_hints(table_name=item.name, write_disposition="append", primary_key=[])
            yield dlt.mark.with_hints(item.table, hints, create_table_variant=True)
        elif isinstance(item, Disposition):
            yield dlt.mark.with_hints(item.table, dlt.mark.make_hints(write_disposition=item.write_disposition))
        else:
            yield item


@dataclass
class Batch:
    """Pages gathered into tables of about BATCH_ROWS rows; each flush yields the rows and the quarantine
    rows, as two items."""

    tables: list[pa.Table] = field(default_factory=list)
    bad: list[pa.Table] = field(default_factory=list)
    rows: int = 0

    def add(self, table: pa.Table | None, quarantine: pa.Table | None = None) -> None:
        if table is not None and table.num_rows:
            self.tables.append(table)
            self.rows += table.num_rows
        if quarantine is not None and quarantine.num_rows:
            self.bad.append(quarantine)

    def full(self) -> bool:
        return self.rows >= BATCH_ROWS

    def flush(self) -> Iterator[Any]:
        if self.tables:
            yield pa.concat_tables(self.tables)
        if self.bad:
            yield Variant(pa.concat_tables(self.bad), "quarantine")
        self.tables, self.bad, self.rows = [], [], 0


class FirstLoad:
    """How a merged resource's table (one without history: Exact's deleted, Wave's businesses) is written
    this run. A resource's first load appends: its
    table is empty, so dlt's merge (a staging copy, then delete-insert) would only cost time. Unless that
    load saw a key twice (a record changed while it was being paged): then it merges like every later
    load does, its dedup_sort keeping the newest version.

    `begin()` and `end()` yield a Disposition; dlt applies the hints an item carries to the whole table of
    the load package, so the last one yielded decides."""

    def __init__(self, state: dict[str, Any], key: Sequence[str], empty: pa.Table) -> None:
        self.first = not state.get("tables_created")  # read before the resource's ensure_tables sets it
        self.key, self.empty = list(key), empty
        self._keys: list[pa.Array] = []
        self._rows = 0

    def begin(self) -> Iterator[Any]:
        if self.first:
            yield Disposition(self.empty, "append")

    def observe(self, table: pa.Table | None) -> None:
        if self.first and table is not None and table.num_rows:
            columns = [pc.cast(table[name], pa.string()) for name in self.key]
            key = columns[0] if len(columns) == 1 else pc.binary_join_element_wise(*columns, "\x1f")
            self._keys.append(key.combine_chunks() if isinstance(key, pa.ChunkedArray) else key)
            self._rows += table.num_rows

    def end(self) -> Iterator[Any]:
        if self.first and self._keys and pc.count_distinct(pa.concat_arrays(self._keys)).as_py() < self._rows:
            yield Disposition(self.empty, "merge")


# ---------------------------------------------------------------------- what a source is made of


def history_hints(name: str) -> dict[str, Any]:
    """dlt's hints for a versioned resource: its rows go to the append-only `<name>_history` (one row per
    observed version), the only table dlt writes for it; `<name>` itself is a view of each key's latest
    version, made by the product (pipelines/rawcurrent.py), not known to dlt."""
    return {"table_name": f"{name}_history", "write_disposition": "append"}


@dataclass
class Reader:
    """One resource of a source: its table's name, dlt's hints for it, and the reading itself, a
    generator of items given the resource's state (a dict it updates, committed with the data)."""

    name: str
    hints: dict[str, Any]
    read: Callable[[dict[str, Any]], Iterator[Any]]


@dataclass
class Extraction:
    """One run's readers of a system, with the client they share (its `calls` count the API calls), the
    count of records they quarantined per entity, and what they could not read this run, for a person
    (e.g. one Exact division blocked while the others were read; the run is then partial)."""

    client: Any
    quarantined: Counter[str]
    readers: list[Reader]
    skipped: list[str] = field(default_factory=list)


@dataclass
class Began:
    """A reader the pre-read started (pipelines/extract.py): the items it yielded so far, the rest of it,
    and the state it works on (a copy of the saved one)."""

    items: list[Any]
    rest: Iterator[Any]
    state: dict[str, Any]


@dataclass
class Started:
    """What the pre-read did before dlt came in: the extraction it built, the readers it began, and its
    copy of the source's shared state."""

    extraction: Extraction
    began: dict[str, Began]
    source_state: dict[str, Any]


def to_source(name: str, extraction: Extraction, arguments: dict[str, Any], started: Started | None = None) -> Any:
    """The extraction as a dlt source (call inside a @dlt.source function). It carries `.client`,
    `.quarantined`, `.skipped` and `.arguments` (its configuration, for pipelines/sourceconfig.py)."""
    import dlt
    from dlt.extract.source import DltSource

    resources = [_resource(reader, started) for reader in extraction.readers]
    source = DltSource(dlt.current.source_schema(), name, resources)
    source.client, source.quarantined, source.arguments = extraction.client, extraction.quarantined, arguments
    source.skipped = extraction.skipped
    return source


def _resource(reader: Reader, started: Started | None) -> Any:
    """The reader as a dlt resource. One the pre-read began continues where it stopped, and its state then
    replaces dlt's (both started from the same saved state; the reader updated its copy)."""
    import dlt

    began = started.began.get(reader.name) if started is not None else None

    def read() -> Iterator[Any]:
        state = dlt.current.resource_state(reader.name)
        if began is None:
            yield from for_dlt(reader.read(state))
            return
        yield from for_dlt(began.items)
        yield from for_dlt(began.rest)
        state.clear()
        state.update(began.state)
        dlt.current.source_state().update(started.source_state)

    return dlt.resource(read, name=reader.name, **reader.hints)()
