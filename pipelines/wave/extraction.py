"""What one extraction of Wave reads and produces, without dlt: businesses and customers as Arrow tables
for raw_wave (docs/architecture.md, RAW LAYER; pipelines/wave/source.py hands them to dlt).

Tables: `businesses` (merge on id), the append-only `customers_history` (one row per observed version;
address and currency flattened into the contract's columns, dates kept as the API's RFC 3339 text),
whose latest version per id is the view `customers` (pipelines/rawcurrent.py), and the append-only
`quarantine` for records that cannot be parsed. Every row carries `_extracted_at`. Archived customers
are included (`is_archived`).

Incremental rule, per business (cursor in the resource state, committed by dlt with the data):
each run asks for `modifiedAtAfter = cursor - overlap`, where the cursor is the newest modifiedAt
seen. The overlap (settings.WAVE_OVERLAP_SECONDS) catches an edit stamped at or just before the
cursor but committed after the previous run read it, and ties on the cursor's millisecond. The
versions inside that window are remembered as id -> digest of the record as read ("tail"); a
re-read record whose digest is unchanged is the same version and is not loaded again, so history
gets no duplicates. A digest, not modifiedAt, decides: an edit that lands with exactly the cursor's
modifiedAt has a new digest and is loaded. With no changes a run costs one call per business (the
window's own records fit one page) plus one for the business list.

The business list is read in full each run (one call; it is also the list of businesses whose customers
are read); only new or changed businesses are written. Pages go out as Arrow tables (gathered to about
10,000 rows), not row by row, and the next pages are fetched in a thread while one is parsed, so network
time and dlt's work overlap. With nothing new, a run yields no rows and leaves every state as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipelines import settings
from pipelines.pages import Batch, Extraction, FirstLoad, Reader, Variant, history_hints, prefetched
from pipelines.wave.client import RECORD_ERRORS, WaveClient, format_ms, parse_ms

log = logging.getLogger("pipelines.wave")

QUARANTINE_MEMORY = 1000  # digests of quarantined payloads remembered, so a re-read is not quarantined twice


# ---------------------------------------------------------------------- the extraction


def extraction(args: Mapping[str, Any], client: WaveClient | None = None) -> Extraction:
    """The readers of one run: businesses, then customers (with customers_history and quarantine) of every
    business the token sees, or of `business_ids`. `args` are the source's configuration (graphql_url,
    credentials {access_token}, business_ids, page_size, overlap_seconds)."""
    if client is None and args.get("auth", "token") != "token":
        raise ValueError("an OAuth chain's bearer comes from wave/auth.py, through dlt's configuration")
    client = client or WaveClient(args["graphql_url"], args["credentials"]["access_token"])
    skipped: list[str] = []
    catalogue = BusinessCatalogue(client, args.get("business_ids"), skipped)
    quarantined: Counter[str] = Counter()
    overlap_ms = int(float(args.get("overlap_seconds", settings.WAVE_OVERLAP_SECONDS)) * 1000)
    page_size = int(args.get("page_size", settings.WAVE_PAGE_SIZE))
    return Extraction(client, quarantined, [
        Reader("businesses", {"primary_key": "id", "write_disposition": "merge"},
               lambda state: businesses(state, catalogue, quarantined)),
        Reader("customers", history_hints("customers"),
               lambda state: customers(state, client, catalogue, page_size, overlap_ms, quarantined)),
    ], skipped)


def businesses(state: dict[str, Any], catalogue: BusinessCatalogue, quarantined: Counter[str]) -> Iterator[Any]:
    """The business list, merged on id: only businesses new or changed since the last run are written."""
    first = FirstLoad(state, ["id"], BUSINESS_API.raw.empty_table())
    yield from first.begin()
    observed_at = datetime.now(UTC)
    good, bad, _ = split(catalogue.nodes(), "businesses", observed_at)
    versions: dict[str, str] = state.setdefault("versions", {})
    changed = [node for node in good if versions.get(node["id"]) != digest(node)]
    versions.update({node["id"]: digest(node) for node in changed})
    bad = Remembered(state.setdefault("quarantined", [])).fresh(bad)
    if changed or not state.get("tables_created"):
        table = BUSINESS_API.to_raw(changed, observed_at, {}) if changed else BUSINESS_API.raw.empty_table()
        first.observe(table)
        yield table
    if bad:
        yield Variant(quarantine_table(bad, quarantined, "businesses"), "quarantine")
    elif not state.get("tables_created"):
        yield Variant(QUARANTINE_SCHEMA.empty_table(), "quarantine")
    state["tables_created"] = True
    yield from first.end()


def customers(
    state: dict[str, Any],
    client: WaveClient,
    catalogue: BusinessCatalogue,
    page_size: int,
    overlap_ms: int,
    quarantined: Counter[str],
) -> Iterator[Any]:
    yield from ensure_tables(state)
    windows = {
        bid: Window.load(state.setdefault("businesses", {}), bid, overlap_ms) for bid in catalogue.ids()
    }
    batch = Batch()

    def pages() -> Iterator[tuple[str, list[Any]]]:
        for business_id, window in windows.items():
            for page in client.customers(business_id, window.since(), page_size):
                yield business_id, page

    for business_id, page in prefetched(pages(), name="wave-prefetch"):
        observed_at = datetime.now(UTC)
        window = windows[business_id]
        good, bad, converted = split(page, "customers", observed_at)
        table = CUSTOMER_API.to_raw(good, observed_at, {"business_id": business_id}, converted) if good else None
        table = window.new_versions(good, table)
        fresh = window.new_quarantine(bad)
        batch.add(table, quarantine_table(fresh, quarantined, "customers") if fresh else None)
        if batch.full():
            yield from batch.flush()
    yield from batch.flush()
    for window in windows.values():
        window.save()


# ---------------------------------------------------------------------- which businesses


class BusinessCatalogue:
    """The business list, fetched once per run and shared by both resources."""

    def __init__(self, client: WaveClient, business_ids: Sequence[str] | None,
                 skipped: list[str] | None = None) -> None:
        self.client, self.wanted = client, list(business_ids) if business_ids else None
        self.skipped = skipped if skipped is not None else []
        self._nodes: list[Any] | None = None
        self._lock = threading.Lock()

    def nodes(self) -> list[Any]:
        with self._lock:
            if self._nodes is None:
                nodes = self.client.businesses()
                if self.wanted is not None:
                    visible = {node.get("id") for node in nodes if isinstance(node, dict)}
                    missing = [bid for bid in self.wanted if bid not in visible]
                    if missing:  # the visible ones are read; the run is partial and says which are not
                        self.skipped.append(
                            f"Wave business(es) {missing} in sources.wave.business_ids are not visible to this "
                            "token: not read this run (the token's access in Wave, or the setting)")
                    nodes = [
                        node for node in nodes if isinstance(node, dict) and node.get("id") in self.wanted
                    ]
                self._nodes = nodes
            return self._nodes

    def ids(self) -> list[str]:
        return [
            node["id"] for node in self.nodes() if isinstance(node, dict) and isinstance(node.get("id"), str)
        ]


# ---------------------------------------------------------------------- record shapes

_S = pa.string()
_TS = pa.timestamp("us", tz="UTC")
EXTRACTED_AT = pa.field("_extracted_at", _TS)
_CODE = pa.struct([("code", _S)])


@dataclass(frozen=True)
class Shape:
    """A GraphQL node type as Arrow (`api`, nested like the answer) and its raw table (`raw`, flat:
    each leaf under its contract name). `columns` maps each raw column to its path in the node."""

    api: pa.Schema
    columns: dict[str, tuple[str, ...]]  # raw name -> path in the node; () for a column given per page
    raw: pa.Schema

    def to_raw(self, nodes: Sequence[Any], observed_at: datetime, constants: dict[str, Any],
               table: pa.Table | None = None) -> pa.Table:
        """Arrow converts the dicts itself (key lookups in C, a wrong type raises ArrowException), unless
        `table` is the nodes already converted (split's fast path)."""
        table = pa.Table.from_pylist(list(nodes), schema=self.api) if table is None else table
        rows = table.num_rows
        arrays = []
        for name, path in self.columns.items():
            if not path:
                arrays.append(pa.repeat(pa.scalar(constants[name], _S), rows))
                continue
            column = table[path[0]]
            if len(path) > 1:
                column = pc.struct_field(column, _index_path(self.api.field(path[0]).type, path[1:]))
            arrays.append(column)
        arrays.append(pa.repeat(pa.scalar(observed_at, _TS), rows))
        return pa.Table.from_arrays(arrays, schema=self.raw)


def _index_path(struct: pa.DataType, names: tuple[str, ...]) -> list[int]:
    indices = []
    for name in names:
        index = struct.get_field_index(name)
        indices.append(index)
        struct = struct.field(index).type
    return indices


def _shape(api: pa.Schema, columns: dict[str, tuple[str, ...]], types: dict[str, pa.DataType]) -> Shape:
    raw = pa.schema(
        [pa.field(name, types.get(name, _S), nullable=name != "id") for name in columns] + [EXTRACTED_AT]
    )
    return Shape(api, columns, raw)


_CUSTOMER_NODE = pa.schema(
    [(name, _S) for name in ("id", "name", "firstName", "lastName", "displayId", "email", "mobile", "phone")]
    + [(name, _S) for name in ("fax", "website", "internalNotes")]
    + [
        ("currency", _CODE),
        (
            "address",
            pa.struct(
                [("addressLine1", _S), ("addressLine2", _S), ("city", _S), ("province", _CODE)]
                + [("country", _CODE), ("postalCode", _S)]
            ),
        ),
        ("createdAt", _S),
        ("modifiedAt", _S),
        ("isArchived", pa.bool_()),
    ]
)
# raw_wave.customers, in the contract's column order
CUSTOMER_API = _shape(
    _CUSTOMER_NODE,
    {
        "id": ("id",),
        "business_id": (),
        "name": ("name",),
        "first_name": ("firstName",),
        "last_name": ("lastName",),
        "display_id": ("displayId",),
        "email": ("email",),
        "mobile": ("mobile",),
        "phone": ("phone",),
        "fax": ("fax",),
        "website": ("website",),
        "internal_notes": ("internalNotes",),
        "currency_code": ("currency", "code"),
        "address_line1": ("address", "addressLine1"),
        "address_line2": ("address", "addressLine2"),
        "city": ("address", "city"),
        "province_code": ("address", "province", "code"),
        "country_code": ("address", "country", "code"),
        "postal_code": ("address", "postalCode"),
        "created_at": ("createdAt",),
        "modified_at": ("modifiedAt",),
        "is_archived": ("isArchived",),
    },
    {"is_archived": pa.bool_()},
)
BUSINESS_API = _shape(
    pa.schema([("id", _S), ("name", _S), ("currency", _CODE), ("modifiedAt", _S)]),
    {"id": ("id",), "name": ("name",), "currency_code": ("currency", "code"), "modified_at": ("modifiedAt",)},
    {},
)
QUARANTINE_SCHEMA = pa.schema(
    [("system", _S), ("entity", _S), ("record_id", _S), ("reason", _S), ("payload", _S), ("observed_at", _TS)]
)
_SHAPES = {"customers": CUSTOMER_API, "businesses": BUSINESS_API}


# ---------------------------------------------------------------------- checking records


def split(nodes: Sequence[Any], entity: str,
          observed_at: datetime) -> tuple[list[Any], list[dict[str, Any]], pa.Table | None]:
    """(loadable nodes, quarantine rows, the nodes as a table of the shape's `api` schema or None). Fast
    path: the whole page converts and every id and date checks out in Arrow (the table it converted is
    returned, so to_raw does not convert the page again); only a page that fails is checked record by
    record, naming each bad one."""
    shape = _SHAPES[entity]
    try:
        if any(RECORD_ERRORS in node for node in nodes):
            raise ValueError("a record Wave answered with errors")
        table = pa.Table.from_pylist(list(nodes), schema=shape.api)
        if _ids_ok(table["id"]) and _dates_ok(table["modifiedAt"], required=True):
            if "createdAt" not in table.column_names or _dates_ok(table["createdAt"], required=False):
                return list(nodes), [], table
    except (pa.ArrowException, AttributeError, KeyError, TypeError, ValueError):
        pass  # a bad record somewhere in the page: the slow path names it
    good, bad = [], []
    for node in nodes:
        reason = problem(node, shape)
        if reason is None:
            good.append(node)
        else:
            bad.append(quarantine_row(node, entity, reason, observed_at))
    return good, bad, None


def _ids_ok(ids: pa.ChunkedArray) -> bool:
    return not ids.null_count and not pc.any(pc.equal(pc.utf8_length(ids), 0)).as_py()


def _dates_ok(column: pa.ChunkedArray, required: bool) -> bool:
    if required and column.null_count:
        return False
    try:
        parsed = pc.cast(column, _TS)
    except pa.ArrowInvalid:
        return False
    return parsed.null_count == column.null_count


def problem(node: Any, shape: Shape) -> str | None:
    """Why a record cannot be loaded, or None."""
    if not isinstance(node, dict):
        return f"record is a {type(node).__name__}, not an object"
    if node.get(RECORD_ERRORS):
        return "Wave answered this record with errors: " + "; ".join(map(str, node[RECORD_ERRORS]))[:300]
    key = node.get("id")
    if key is None or key == "":
        return "missing id"
    if not isinstance(key, str):
        return f"id is not a string: {key!r:.60}"
    if parse_ms(node.get("modifiedAt")) is None:
        return f"modifiedAt is not an RFC 3339 date-time: {node.get('modifiedAt')!r:.60}"
    created = node.get("createdAt")
    if created is not None and parse_ms(created) is None:
        return f"createdAt is not an RFC 3339 date-time: {created!r:.60}"
    try:
        pa.Table.from_pylist([node], schema=shape.api)
    except (pa.ArrowException, TypeError, ValueError) as exc:
        return f"a property has the wrong type: {str(exc)[:160]}"
    return None


def quarantine_row(node: Any, entity: str, reason: str, observed_at: datetime) -> dict[str, Any]:
    key = node.get("id") if isinstance(node, dict) else None
    return {
        "system": "wave",
        "entity": entity,
        "record_id": None if key in (None, "") else str(key),
        "reason": reason,
        "payload": json.dumps(node, default=str, ensure_ascii=False, sort_keys=True),
        "observed_at": observed_at,
    }


def digest(node: Any) -> str:
    """Identifies one version of a record as read (content and modifiedAt)."""
    text = json.dumps(node, default=str, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


# ---------------------------------------------------------------------- the incremental window


@dataclass
class Remembered:
    """Digests of quarantined payloads (newest last, bounded): a re-read is not quarantined again."""

    digests: list[str]

    def fresh(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        new = []
        for row in rows:
            key = hashlib.blake2b(row["payload"].encode(), digest_size=12).hexdigest()
            if key not in self.digests:
                self.digests.append(key)
                new.append(row)
        del self.digests[:-QUARANTINE_MEMORY]
        return new


@dataclass
class Window:
    """One business's cursor (newest modifiedAt seen, epoch ms) and the versions the next run re-reads."""

    state: dict[str, Any]  # this business's entry in the resource state
    overlap_ms: int
    cursor_ms: int | None = None
    tail: dict[str, str] = field(default_factory=dict)  # id -> digest, for modifiedAt > cursor - overlap
    _recent: list[tuple[int, str, str]] = field(default_factory=list)  # (modifiedAt, id, digest) near the top
    _read_any: bool = False

    @classmethod
    def load(cls, states: dict[str, Any], business_id: str, overlap_ms: int) -> Window:
        state = states.setdefault(business_id, {})
        return cls(state, max(0, overlap_ms), state.get("cursor_ms"), dict(state.get("tail") or {}))

    def since(self) -> str | None:
        return None if self.cursor_ms is None else format_ms(self.cursor_ms - self.overlap_ms)

    def new_versions(self, nodes: list[Any], table: pa.Table | None) -> pa.Table | None:
        """The rows of `table` (built from `nodes`, same order) that are versions not loaded yet.

        Only records inside the overlap window need a digest: ones the last run remembered (to drop
        an unchanged re-read) and ones near the new top (for the next run's tail). Pages come newest
        first, so the top is known from the first page on."""
        if table is None or not table.num_rows:
            return table
        self._read_any = True
        stamps = [parse_ms(node["modifiedAt"]) for node in nodes]
        top = max(stamps)
        self.cursor_ms = top if self.cursor_ms is None else max(self.cursor_ms, top)
        floor = self.cursor_ms - self.overlap_ms
        keep, tail = [], self.tail
        for node, stamp in zip(nodes, stamps, strict=True):
            key = node["id"]
            known = tail.get(key)
            version = digest(node) if known is not None or stamp > floor else None
            keep.append(known is None or known != version)
            if stamp > floor:
                self._recent.append((stamp, key, version))
        return table if all(keep) else table.filter(pa.array(keep))

    def new_quarantine(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        memory = Remembered(self.state.setdefault("quarantined", []))
        for row in rows:  # a readable date still moves the cursor: re-reading will not mend the record
            stamp = parse_ms(_payload_field(row["payload"], "modifiedAt"))
            if stamp is not None:
                self.cursor_ms = stamp if self.cursor_ms is None else max(self.cursor_ms, stamp)
        return memory.fresh(rows)

    def save(self) -> None:
        if self.cursor_ms is None:
            return
        floor = self.cursor_ms - self.overlap_ms
        # every run re-reads the whole window, so this run's rows above the floor are the next tail
        self.tail = {key: version for stamp, key, version in self._recent if stamp > floor}
        self.state.update(cursor_ms=self.cursor_ms, cursor=format_ms(self.cursor_ms), tail=self.tail)


def _payload_field(payload: str, name: str) -> Any:
    try:
        value = json.loads(payload)
    except ValueError:
        return None
    return value.get(name) if isinstance(value, dict) else None


# ---------------------------------------------------------------------- dlt helpers


def quarantine_table(rows: list[dict[str, Any]], quarantined: Counter[str], entity: str) -> pa.Table:
    quarantined[entity] += len(rows)
    log.warning("wave %s: %d record(s) quarantined, e.g. %s", entity, len(rows), rows[0]["reason"])
    return pa.Table.from_pylist(rows, schema=QUARANTINE_SCHEMA)


def ensure_tables(state: dict[str, Any]) -> Iterator[Any]:
    """On the first run, emit empty tables so every contract table exists even without data."""
    if state.get("tables_created"):
        return
    yield CUSTOMER_API.raw.empty_table()
    yield Variant(QUARANTINE_SCHEMA.empty_table(), "quarantine")
    state["tables_created"] = True
