"""Helpers the dlt sources share: a prefetching pager, batches of Arrow tables for dlt, and how a
resource's first load is written."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from queue import Full, Queue
from typing import Any

import dlt
import pyarrow as pa
import pyarrow.compute as pc


def prefetched(items: Iterator[Any], depth: int = 2, name: str = "prefetch") -> Iterator[Any]:
    """The items (API pages), with the next ones fetched in a thread while this one is parsed and
    written, so network time and processing overlap. An error in the fetching thread is raised
    here; stopping early lets the thread end."""
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


# ---------------------------------------------------------------------- handing tables to dlt

BATCH_ROWS = 10_000  # rows per table handed to dlt: it spends milliseconds on every item it is given


def variant(table: pa.Table, name: str, columns: dict[str, Any] | None = None) -> Any:
    """The same rows into another, append-only table (history, quarantine) of the same resource.
    `columns` overrides column hints the variant would inherit (e.g. takes a merge-only dedup_sort off)."""
    return dlt.mark.with_hints(
        table,
        dlt.mark.make_hints(table_name=name, write_disposition="append", primary_key=[], columns=columns),
        create_table_variant=True,
    )


@dataclass
class Batch:
    """Pages gathered into tables of about BATCH_ROWS rows; each flush yields the rows, their copy in
    the `history` table (when given) and the quarantine rows, as three items."""

    history: str | None
    history_columns: dict[str, Any] | None = None
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
            table = pa.concat_tables(self.tables)
            yield table
            if self.history:
                yield variant(table, self.history, self.history_columns)
        if self.bad:
            yield variant(pa.concat_tables(self.bad), "quarantine")
        self.tables, self.bad, self.rows = [], [], 0


class FirstLoad:
    """How a resource's current-state table is written this run. A resource's first load appends: its
    table is empty, so dlt's merge (a staging copy, then delete-insert) would only cost time. Unless that
    load saw a key twice (a record changed while it was being paged): then it merges like every later
    load does, its dedup_sort keeping the newest version.

    `begin()` and `end()` yield an empty table carrying the write disposition; dlt applies the hints an
    item carries to the whole table of the load package, so the last one yielded decides."""

    def __init__(self, state: dict[str, Any], key: Sequence[str], empty: pa.Table) -> None:
        self.first = not state.get("tables_created")  # read before the resource's ensure_tables sets it
        self.key, self.empty = list(key), empty
        self._keys: list[pa.Array] = []
        self._rows = 0

    def begin(self) -> Iterator[Any]:
        if self.first:
            yield self._disposition("append")

    def observe(self, table: pa.Table | None) -> None:
        if self.first and table is not None and table.num_rows:
            columns = [pc.cast(table[name], pa.string()) for name in self.key]
            key = columns[0] if len(columns) == 1 else pc.binary_join_element_wise(*columns, "\x1f")
            self._keys.append(key.combine_chunks() if isinstance(key, pa.ChunkedArray) else key)
            self._rows += table.num_rows

    def end(self) -> Iterator[Any]:
        if self.first and self._keys and pc.count_distinct(pa.concat_arrays(self._keys)).as_py() < self._rows:
            yield self._disposition("merge")

    def _disposition(self, disposition: str) -> Any:
        return dlt.mark.with_hints(self.empty, dlt.mark.make_hints(write_disposition=disposition))
