"""What one extraction of CustomPMS reads and produces, without dlt: customers as Arrow tables for
raw_custompms (docs/architecture.md, RAW LAYER; pipelines/custompms/source.py hands them to dlt).

Tables: the append-only `customers_history` (one row per observed (id, version); address and contact
flattened, external_refs a json column, dates kept as the API's RFC 3339 text), whose latest version
per id is the view `customers` (pipelines/rawcurrent.py), and the append-only `quarantine` for records
that cannot be parsed. Every row carries `_extracted_at`.

Incremental rule: the API's `updated_since` is strictly greater, and a record can be written with
the same updated_at as the cursor after the run read the cursor's page. So each run asks from the
highest updated_at seen minus `overlap_ms`, and the (id, version) pairs inside that window, kept in
the resource state, are not loaded again. With no changes that is one call: the window's own rows.
Pages go out as Arrow tables (gathered to about 10,000 rows), not row by row. With nothing new, a run
yields no rows and leaves its state as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipelines import settings
from pipelines.custompms.client import CustomPMSClient, rfc3339
from pipelines.pages import Batch, Extraction, Reader, Variant, history_hints, prefetched

log = logging.getLogger("pipelines.custompms")

OVERLAP_MS = 1  # re-read from 1 ms before the cursor: rows written later at the same updated_at
QUARANTINE_MEMORY = 1000  # digests of quarantined payloads remembered, so a re-read is not quarantined twice


# ---------------------------------------------------------------------- the extraction


def extraction(args: Mapping[str, Any], client: CustomPMSClient | None = None) -> Extraction:
    """The reader of one run. `args` are the source's configuration (base_url, credentials {api_key},
    page_size, overlap_ms)."""
    client = client or CustomPMSClient(args["base_url"], args["credentials"]["api_key"])
    quarantined: Counter[str] = Counter()
    page_size = int(args.get("page_size", settings.CUSTOMPMS_PAGE_SIZE))
    overlap_ms = int(args.get("overlap_ms", OVERLAP_MS))
    return Extraction(client, quarantined, [
        Reader("customers", history_hints("customers"),
               lambda state: customers(state, client, page_size, overlap_ms, quarantined)),
    ])


def customers(
    state: dict[str, Any], client: CustomPMSClient, page_size: int, overlap_ms: int, quarantined: Counter[str]
) -> Iterator[Any]:
    yield from ensure_tables(state)
    window = Window.load(state, overlap_ms)
    batch = Batch()
    pages = client.list_customers(window.since(), include_deleted=True, limit=page_size, records=API_SCHEMA, fits=fits)
    for page in prefetched(pages, name="custompms-prefetch"):
        observed_at = datetime.now(UTC)
        table, bad = parse_page(page, observed_at)
        table = window.new_versions(table)
        fresh = window.new_quarantine(bad)
        batch.add(table, quarantine_table(fresh, quarantined) if fresh else None)
        if batch.full():
            yield from batch.flush()
    yield from batch.flush()
    window.save(state)


def quarantine_table(rows: list[dict[str, Any]], quarantined: Counter[str]) -> pa.Table:
    quarantined["customers"] += len(rows)
    log.warning("custompms customers: %d record(s) quarantined, e.g. %s", len(rows), rows[0]["reason"])
    return pa.Table.from_pylist(rows, schema=QUARANTINE_SCHEMA)


# ---------------------------------------------------------------------- record shape

_S = pa.string()
ADDRESS = pa.struct(
    [(name, _S) for name in ("line1", "line2", "line3", "postal_code", "city", "region", "country")]
)
CONTACT = pa.struct([("first_name", _S), ("last_name", _S)])
EXTERNAL_REFS = pa.list_(pa.struct([("system", _S), ("id", _S)]))  # dlt loads nested Arrow types as json
# the Customer object as the API sends it (CustomerInput + server fields); unknown properties are ignored
API_SCHEMA = pa.schema(
    [("id", _S), ("version", pa.int64()), ("name", _S), ("kind", _S)]
    + [
        (name, _S)
        for name in (
            "code",
            "email",
            "phone",
            "mobile",
            "fax",
            "website",
            "notes",
            "vat_number",
            "registration_number",
            "currency",
        )
    ]
    + [
        ("address", ADDRESS),
        ("contact", CONTACT),
        ("active", pa.bool_()),
        ("external_refs", EXTERNAL_REFS),
        ("created_at", _S),
        ("updated_at", _S),
        ("deleted", pa.bool_()),
    ]
)
FLATTENED = {"address": "address_", "contact": "contact_"}
EXTRACTED_AT = pa.field("_extracted_at", pa.timestamp("us", tz="UTC"))
_TS = pa.timestamp("us", tz="UTC")


def _raw_schema() -> pa.Schema:
    """The raw table: the API's fields in order, address_* and contact_* in place of the structs
    (address.line1 -> address_line1, address.postal_code -> postal_code: the canonical names)."""
    fields: list[pa.Field] = []
    for api_field in API_SCHEMA:
        if api_field.name == "address":
            fields += [pa.field(_address_column(sub.name), _S) for sub in ADDRESS]
        elif api_field.name == "contact":
            fields += [pa.field(f"contact_{sub.name}", _S) for sub in CONTACT]
        else:
            fields.append(pa.field(api_field.name, api_field.type, nullable=api_field.name != "id"))
    return pa.schema([*fields, EXTRACTED_AT])


def _address_column(name: str) -> str:
    return f"address_{name}" if name.startswith("line") else name


RAW_SCHEMA = _raw_schema()
QUARANTINE_SCHEMA = pa.schema(
    [("system", _S), ("entity", _S), ("record_id", _S), ("reason", _S), ("payload", _S), ("observed_at", _TS)]
)


# ---------------------------------------------------------------------- parsing a page


def parse_page(rows: Sequence[Any] | pa.Table, observed_at: datetime) -> tuple[pa.Table | None, list[dict[str, Any]]]:
    """One page as a raw Arrow table, plus quarantine rows. A page the client read with Arrow comes as a
    table of API_SCHEMA that already passed `fits`. Otherwise Arrow converts the whole list (wrong-typed
    values raise) and `fits` checks it; only a page that fails goes through the row-by-row checks, which
    name each bad record."""
    if isinstance(rows, pa.Table):
        return _to_raw(rows, observed_at), []
    try:
        if _versions_are_ints(rows):
            table = pa.Table.from_pylist(rows, schema=API_SCHEMA)
            if fits(table):
                return _to_raw(table, observed_at), []
    except (pa.ArrowException, AttributeError, KeyError, TypeError, ValueError):
        pass  # a bad record somewhere in the page: the slow path names it
    good, bad = [], []
    for row in rows:
        reason = problem(row)
        if reason is None:
            good.append(row)
        else:
            bad.append(quarantine_row(row, reason, observed_at))
    table = _to_raw(pa.Table.from_pylist(good, schema=API_SCHEMA), observed_at) if good else None
    return table, bad


def _versions_are_ints(rows: Sequence[Any]) -> bool:
    # Arrow would take 2.0 as 2: the version must be a JSON integer (Arrow's JSON reader refuses 2.0 itself)
    return all(type(row["version"]) is int for row in rows)


def fits(table: pa.Table) -> bool:
    """Column-wise checks of a page of API_SCHEMA: every id present and non-empty, dates RFC 3339, versions
    from 1. A page that fails is checked record by record."""
    ids, updated = table["id"], table["updated_at"]
    if ids.null_count or pc.any(pc.equal(pc.utf8_length(ids), 0)).as_py():
        return False
    if updated.null_count or not _dates_ok(updated) or not _dates_ok(table["created_at"]):
        return False
    return not pc.any(pc.less(table["version"], 1)).as_py()


def _to_raw(table: pa.Table, observed_at: datetime) -> pa.Table:
    arrays: list[pa.Array | pa.ChunkedArray] = []
    for name in API_SCHEMA.names:
        column = table[name]
        if name in FLATTENED:
            arrays += [pc.struct_field(column, [i]) for i in range(column.type.num_fields)]
        else:
            arrays.append(column)
    arrays.append(pa.repeat(pa.scalar(observed_at, _TS), table.num_rows))
    return pa.Table.from_arrays(arrays, schema=RAW_SCHEMA)


def _dates_ok(column: pa.ChunkedArray) -> bool:
    try:
        parsed = pc.cast(column, _TS)
    except pa.ArrowInvalid:
        return False
    return parsed.null_count == column.null_count


def problem(row: Any) -> str | None:
    """Why a record cannot be loaded, or None."""
    if not isinstance(row, dict):
        return f"record is a {type(row).__name__}, not an object"
    if not isinstance(row.get("id"), str) or not row["id"]:
        return "missing id" if row.get("id") in (None, "") else f"id is not a string: {row['id']!r:.60}"
    version = row.get("version")
    if type(version) is not int or version < 1:
        return f"version is not a positive integer: {version!r:.60}"
    for name in ("updated_at", "created_at"):
        value = row.get(name)
        if (value is not None or name == "updated_at") and parse_time(value) is None:
            return f"{name} is not an RFC 3339 date-time: {value!r:.60}"
    try:
        pa.Table.from_pylist([row], schema=API_SCHEMA)
    except (pa.ArrowException, TypeError, ValueError) as exc:
        return f"a property has the wrong type: {str(exc)[:160]}"
    return None


def quarantine_row(row: Any, reason: str, observed_at: datetime) -> dict[str, Any]:
    record_id = row.get("id") if isinstance(row, dict) else None
    return {
        "system": "custompms",
        "entity": "customers",
        "record_id": None if record_id in (None, "") else str(record_id),
        "reason": reason,
        "payload": json.dumps(row, default=str, ensure_ascii=False, sort_keys=True),
        "observed_at": observed_at,
    }


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return (
        moment.astimezone(UTC) if moment.tzinfo is not None else None
    )  # a time without zone is not RFC 3339


# ---------------------------------------------------------------------- the incremental window


@dataclass
class Window:
    """The cursor (highest updated_at seen, in µs) and the (id, version) pairs the next run re-reads.

    Kept in the resource state, committed by dlt together with the data it describes."""

    overlap_us: int
    cursor_us: int | None = None
    tail: dict[str, int] = field(default_factory=dict)  # id -> version, updated_at > cursor - overlap
    quarantined: list[str] = field(default_factory=list)  # payload digests, newest last
    _seen: dict[str, int] = field(default_factory=dict)  # this run's (and the tail's) id -> version
    _recent: list[tuple[int, str, int]] = field(
        default_factory=list
    )  # (updated_at, id, version) near the top

    @classmethod
    def load(cls, state: dict[str, Any], overlap_ms: int) -> Window:
        saved = state.get("window") or {}
        window = cls(
            max(1, int(overlap_ms)) * 1000,
            saved.get("cursor_us"),
            dict(saved.get("tail") or {}),
            list(saved.get("quarantined") or []),
        )
        window._seen = dict(window.tail)
        return window

    def since(self) -> str | None:
        if self.cursor_us is None:
            return None
        # floor to the contract's milliseconds: asking a little earlier is harmless, later is not
        since_ms = (self.cursor_us - self.overlap_us) // 1000
        return rfc3339(datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=since_ms))

    def new_versions(self, table: pa.Table | None) -> pa.Table | None:
        """The rows whose (id, version) was not loaded yet; moves the cursor."""
        if table is None or not table.num_rows:
            return table
        stamps = pc.cast(table["updated_at"], _TS).cast(pa.int64())
        ids, versions = table["id"].to_pylist(), table["version"].to_pylist()
        seen = self._seen
        keep = [seen.get(key) != version for key, version in zip(ids, versions, strict=True)]
        seen.update(zip(ids, versions, strict=True))
        top = pc.max(stamps).as_py()
        self.cursor_us = top if self.cursor_us is None else max(self.cursor_us, top)
        near = pc.greater(stamps, self.cursor_us - self.overlap_us)
        if pc.any(near).as_py():
            recent = table.filter(near)
            self._recent += zip(
                pc.filter(stamps, near).to_pylist(),
                recent["id"].to_pylist(),
                recent["version"].to_pylist(),
                strict=True,
            )
        return table if all(keep) else table.filter(pa.array(keep))

    def new_quarantine(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Quarantine rows whose payload was not quarantined recently (the overlap re-reads them)."""
        fresh = []
        for row in rows:
            digest = hashlib.sha256(row["payload"].encode()).hexdigest()[:24]
            if digest not in self.quarantined:
                self.quarantined.append(digest)
                fresh.append(row)
            moment = (
                parse_time(json.loads(row["payload"]).get("updated_at"))
                if row["payload"][:1] == "{"
                else None
            )
            if (
                moment is not None
            ):  # a readable date still moves the cursor: re-reading will not fix the record
                stamp = int(moment.timestamp() * 1_000_000)
                self.cursor_us = stamp if self.cursor_us is None else max(self.cursor_us, stamp)
        del self.quarantined[:-QUARANTINE_MEMORY]
        return fresh

    def save(self, state: dict[str, Any]) -> None:
        if self.cursor_us is None:
            return
        if self._recent:  # rows of this run inside the next run's window; else the window is unchanged
            floor = self.cursor_us - self.overlap_us
            self.tail = {key: version for stamp, key, version in self._recent if stamp > floor}
        state["window"] = {
            "cursor_us": self.cursor_us,
            "updated_at": rfc3339(datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=self.cursor_us)),
            "tail": self.tail,
            "quarantined": self.quarantined,
        }


# ---------------------------------------------------------------------- dlt helpers

def ensure_tables(state: dict[str, Any]) -> Iterator[Any]:
    """On the first run, emit empty tables so every contract table exists even without data."""
    if state.get("tables_created"):
        return
    yield RAW_SCHEMA.empty_table()
    yield Variant(QUARANTINE_SCHEMA.empty_table(), "quarantine")
    state["tables_created"] = True
