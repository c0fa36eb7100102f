"""What one extraction of Exact Online reads and produces, without dlt: divisions, accounts, deleted
accounts and departments as Arrow tables for raw_exact (pipelines/exact/source.py hands them to dlt).

Tables (docs/architecture.md, RAW LAYER): the append-only `accounts_history`, `divisions_history`,
`departments_history` (one row per observed version), whose latest version per key are the views
`accounts` (division, id), `divisions` (code) and `departments` (division, id) (pipelines/rawcurrent.py),
`deleted` (merge on division, entity_key), and the append-only `quarantine` for records that cannot be
parsed.

Incremental rules (cursors live in each resource's state, per division, committed by dlt with the data):
- accounts / deleted: Exact's sync API, `Timestamp gt <highest seen>L`; a division move
  (DivisionMoveDate newer than the remembered one) resets the cursor to 0, i.e. a full resync. Every
  account row carries the DivisionMoveDate it was read under (`division_move_date`, its Timestamp epoch), so
  rows read before a move (a deleted account's last row keeps its old, higher Timestamp) can be told
  from the current epoch's.
- departments: `Modified ge <highest seen - overlap>`; rows identical to the remembered version are
  dropped, so the overlap never duplicates history. hrm/Departments has no delete feed, so a full
  pass runs when the last one is older than `departments_full_pass_hours` (or on request, on the
  first run and after a move); departments missing from a full pass get `is_deleted = true`.
  Counting first would cost a second call on every run; the timed full pass costs
  ceil(departments / 60) calls once a day.
- divisions: system/Divisions is read in full each run (one call; it is also the division list and
  the move detector); only new or changed versions are written.
- a division Exact refuses (blocked, its hourly error budget or its day's calls spent: errors.LIMITS) is
  skipped for that entity and named in `Extraction.skipped`: the other divisions are read and loaded, its
  cursor stays where its last loaded page left it, and the next run goes on from there. A division in
  `divisions` that system/Divisions does not show is named there too, and the visible ones are read.
Pages become Arrow tables (checked column-wise; only a page that fails is checked row by row), gathered
into batches of about 10,000 rows for dlt; dates stay '/Date(ms)/'. With nothing new, a run yields no rows
and leaves every state as it was, which is how a sync with nothing to do skips dlt altogether.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipelines.exact.client import (
    ACCOUNT_FIELDS,
    DEPARTMENT_FIELDS,
    DIVISION_FIELDS,
    ExactApiError,
    ExactClient,
)
from pipelines.exact.errors import LIMITS
from pipelines.exact.site import exact_base_url
from pipelines.pages import Batch, Extraction, FirstLoad, Reader, Variant, history_hints

log = logging.getLogger("pipelines.exact")

DEPARTMENTS_OVERLAP_MS = 10 * 60 * 1000  # re-read this much before the Modified cursor (late commits)
_DATE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def snake(name: str) -> str:
    """dlt's snake_case of an Exact field name (VATNumber -> vat_number), as the raw tables name it."""
    name = re.sub(r"([^_])([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()



# ---------------------------------------------------------------------- the extraction


def extraction(args: Mapping[str, Any], source_state: Callable[[], dict[str, Any]],
               client: ExactClient | None = None) -> Extraction:
    """The readers of one run. `args` are the source's configuration (base_url or country, token_file, credentials
    {client_id, client_secret, refresh_token}, divisions, departments_full_pass_hours, full_departments);
    `source_state` gives the state shared by the resources (the user's current division)."""
    if client is None:
        credentials = args["credentials"]
        client = ExactClient(exact_base_url(args.get("base_url"), args.get("country")), credentials["client_id"],
                             credentials["client_secret"], credentials.get("refresh_token"), args["token_file"],
                             clock=args.get("clock"))
    quarantined: Counter[str] = Counter()
    skipped: list[str] = []
    catalogue = DivisionCatalogue(client, args.get("divisions"), source_state, skipped)
    full_pass_hours = float(args.get("departments_full_pass_hours", 24.0))
    return Extraction(client, quarantined, [
        Reader("divisions", history_hints("divisions"), lambda state: divisions(state, client, catalogue, quarantined)),
        Reader("accounts", history_hints("accounts"), lambda state: accounts(state, client, catalogue, quarantined)),
        # one run can read a deletion twice (the overlap of two pages): the merge keeps the newest
        Reader("deleted", {"primary_key": ["division", "entity_key"], "write_disposition": "merge",
                           "columns": NEWEST_FIRST},
               lambda state: deleted(state, client, catalogue, quarantined)),
        Reader("departments", history_hints("departments"),
               lambda state: departments(state, client, catalogue, quarantined, full_pass_hours,
                                         bool(args.get("full_departments")))),
    ], skipped)


# ---------------------------------------------------------------------- record shapes and checks

# field -> kind; "guid"/"str"/"date" load as text, "int" as bigint, "bool" as bool
ACCOUNT_SPEC = {f: "str" for f in ACCOUNT_FIELDS} | {
    "ID": "guid",
    "Timestamp": "int",
    "Division": "int",
    "Blocked": "bool",
    "Created": "date",
    "Modified": "date",
}
DELETED_SPEC = {
    "EntityKey": "guid",
    "EntityType": "int",
    "DeletedDate": "date",
    "Timestamp": "int",
    "Division": "int",
    "ID": "guid",
}
DIVISION_SPEC = {f: "str" for f in DIVISION_FIELDS} | {
    "Code": "int",
    "Status": "int",
    "Created": "date",
    "Modified": "date",
    "DivisionMoveDate": "date",
}
DEPARTMENT_SPEC = {f: "str" for f in DEPARTMENT_FIELDS} | {
    "ID": "guid",
    "Division": "int",
    "Created": "date",
    "Modified": "date",
}
REQUIRED = {
    "accounts": ("ID", "Timestamp"),
    "deleted": ("EntityKey", "Timestamp"),
    "divisions": ("Code",),
    "departments": ("ID",),
}
_ARROW = {"guid": pa.string(), "str": pa.string(), "date": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
EXTRACTED_AT = pa.field("_extracted_at", pa.timestamp("us", tz="UTC"))
QUARANTINE_SCHEMA = pa.schema(
    [
        ("system", pa.string()),
        ("entity", pa.string()),
        ("division", pa.int64()),
        ("record_id", pa.string()),
        ("reason", pa.string()),
        ("payload", pa.string()),
        ("observed_at", pa.timestamp("us", tz="UTC")),
    ]
)


def arrow_schema(spec: Mapping[str, str], keys: Sequence[str], extra: Sequence[pa.Field] = ()) -> pa.Schema:
    fields = [
        pa.field(snake(name), _ARROW[kind], nullable=snake(name) not in keys) for name, kind in spec.items()
    ]
    return pa.schema([*fields, *extra, EXTRACTED_AT])


# the division's DivisionMoveDate when the row was read: its Timestamp epoch (Timestamps restart after a move)
EPOCH = pa.field("division_move_date", pa.string())
ACCOUNTS_SCHEMA = arrow_schema(ACCOUNT_SPEC, ("division", "id"), [EPOCH])
DELETED_SCHEMA = arrow_schema(DELETED_SPEC, ("division", "entity_key"))
NEWEST_FIRST = {"timestamp": {"name": "timestamp", "data_type": "bigint", "dedup_sort": "desc"}}
DIVISIONS_SCHEMA = arrow_schema(DIVISION_SPEC, ("code",))
DEPARTMENTS_SCHEMA = arrow_schema(DEPARTMENT_SPEC, ("division", "id"), [pa.field("is_deleted", pa.bool_())])


def problem(row: Any, spec: Mapping[str, str], required: Sequence[str]) -> str | None:
    """Why a record cannot be loaded, or None. Unknown extra fields are ignored."""
    if not isinstance(row, dict):
        return f"record is a {type(row).__name__}, not an object"
    for name in required:
        if row.get(name) is None:
            return f"missing {name}"
    for name, kind in spec.items():
        value = row.get(name)
        if value is None:
            continue
        if kind == "int" and (not isinstance(value, int) or isinstance(value, bool)):
            return f"{name} is not an integer: {value!r:.60}"
        if kind == "bool" and not isinstance(value, bool):
            return f"{name} is not a boolean: {value!r:.60}"
        if kind in ("str", "guid", "date") and not isinstance(value, str):
            return f"{name} is not a string: {value!r:.60}"
        if kind == "guid" and not _GUID.match(value):
            return f"{name} is not a guid: {value!r:.60}"
        if kind == "date" and not _DATE.match(value):
            return f"{name} is not an OData date /Date(ms)/: {value!r:.60}"
    return None


def date_ms(value: str | None) -> int | None:
    match = _DATE.match(value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def to_table(
    rows: Sequence[Mapping[str, Any]] | pa.Table,
    spec: Mapping[str, str],
    schema: pa.Schema,
    extracted_at: datetime,
    constants: Mapping[str, Any] | None = None,
) -> pa.Table:
    """Arrow converts the dicts itself (key lookups in C, wrong types raise), unless the client already
    read the page as a table of the source schema; the columns are then renamed to dlt's snake_case of
    Exact's names by taking them into the contract schema. The schema's further columns (the epoch,
    is_deleted) hold one value for every row, from `constants` (else null)."""
    table = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows, schema=_source_schema(spec))
    arrays = table.columns
    for extra in [schema.field(i) for i in range(len(arrays), len(schema) - 1)]:
        arrays.append(pa.repeat(pa.scalar((constants or {}).get(extra.name), extra.type), table.num_rows))
    arrays.append(pa.repeat(pa.scalar(extracted_at, EXTRACTED_AT.type), table.num_rows))
    return pa.Table.from_arrays(arrays, schema=schema)


_SOURCE_SCHEMAS: dict[tuple[tuple[str, str], ...], pa.Schema] = {}


def _source_schema(spec: Mapping[str, str]) -> pa.Schema:
    key = tuple(spec.items())
    if key not in _SOURCE_SCHEMAS:
        _SOURCE_SCHEMAS[key] = pa.schema([pa.field(name, _ARROW[kind]) for name, kind in spec.items()])
    return _SOURCE_SCHEMAS[key]


def split(
    rows: Sequence[Any],
    entity: str,
    spec: Mapping[str, str],
    division: int | None,
    observed_at: datetime,
    quarantined: Counter[str],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Valid records, and quarantine rows for the others."""
    good, bad = [], []
    required = REQUIRED[entity]
    key = required[0]
    for row in rows:
        reason = problem(row, spec, required)
        if reason is None:
            good.append(row)
            continue
        record_id = row.get(key) if isinstance(row, dict) else None
        bad.append(
            {
                "system": "exact",
                "entity": entity,
                "division": division,
                "record_id": None if record_id is None else str(record_id),
                "reason": reason,
                "payload": json.dumps(row, default=str, ensure_ascii=False),
                "observed_at": observed_at,
            }
        )
    if bad:
        quarantined[entity] += len(bad)
        log.warning(
            "exact %s (division %s): %d record(s) quarantined, e.g. %s",
            entity,
            division,
            len(bad),
            bad[0]["reason"],
        )
    return good, bad


def page_table(
    rows: Sequence[Any] | pa.Table,
    entity: str,
    spec: Mapping[str, str],
    schema: pa.Schema,
    division: int | None,
    observed_at: datetime,
    quarantined: Counter[str],
    constants: Mapping[str, Any] | None = None,
) -> tuple[pa.Table | None, list[dict[str, Any]]]:
    """One page as an Arrow table plus quarantine rows. A page the client read with Arrow comes as a
    table of the source schema that passed `source_fits` (Arrow's JSON reader itself refuses 1.5 or true
    for an integer). Otherwise: build the table column-wise and check it with Arrow kernels (Arrow itself
    rejects a wrong-typed string/bool column); only a page that fails goes through the row-by-row
    checks, which name the bad records."""
    if isinstance(rows, pa.Table):
        return to_table(rows, spec, schema, observed_at, constants), []
    try:
        source = pa.Table.from_pylist(rows, schema=_source_schema(spec))
        if _ints_ok(rows, spec) and source_fits(entity, spec)(source):
            return to_table(source, spec, schema, observed_at, constants), []
    except (pa.ArrowException, AttributeError, TypeError, KeyError):
        pass  # a record that is not an object, or a wrong-typed value: the slow path names it
    good, bad = split(rows, entity, spec, division, observed_at, quarantined)
    return (to_table(good, spec, schema, observed_at, constants) if good else None), bad


def _ints_ok(rows: Sequence[Any], spec: Mapping[str, str]) -> bool:
    # Arrow's from_pylist would silently truncate 1.5 to 1 and accept True as 1: check the Python types
    for name, kind in spec.items():
        if kind == "int" and any(type(value) is not int for row in rows if (value := row.get(name)) is not None):
            return False
    return True


def source_fits(entity: str, spec: Mapping[str, str]) -> Callable[[pa.Table], bool]:
    """Column-wise checks of a page as a table of the source schema (Exact's field names): the required
    fields present, guids and dates well formed. A page that fails is checked record by record."""
    patterns = {name: _GUID.pattern if kind == "guid" else _DATE.pattern
                for name, kind in spec.items() if kind in ("guid", "date")}

    def fits(table: pa.Table) -> bool:
        if any(table[name].null_count for name in REQUIRED[entity]):
            return False
        return all(pc.all(pc.match_substring_regex(table[name], pattern)).as_py() is not False
                   for name, pattern in patterns.items())

    return fits


def quarantine_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=QUARANTINE_SCHEMA)


def ensure_tables(state: dict[str, Any], *tables: tuple[pa.Table, str | None]) -> Iterator[Any]:
    """On a resource's first run, emit empty tables so every contract table exists even without data."""
    if state.get("tables_created"):
        return
    for table, name in tables:
        yield table if name is None else Variant(table, name)
    state["tables_created"] = True


# ---------------------------------------------------------------------- divisions


class DivisionCatalogue:
    """system/Divisions, read once per extraction and shared by all resources (it is the division list
    and the source of DivisionMoveDate). The user's current division is remembered in the source
    state, so a run needs no /current/Me call after the first."""

    def __init__(self, client: ExactClient, wanted: Sequence[int] | None,
                 source_state: Callable[[], dict[str, Any]], skipped: list[str] | None = None) -> None:
        self.client, self.wanted = client, [int(code) for code in wanted] if wanted else None
        self.source_state = source_state
        self.skipped = skipped if skipped is not None else []
        self._refusals: dict[int, tuple[list[str], str]] = {}  # division -> (entities refused, the first reason)
        self._rows: list[Any] | None = None

    def rows(self) -> list[Any]:
        if self._rows is None:
            state = self.source_state()
            current = state.get("current_division")
            try:
                rows = self.client.divisions(current) if current is not None else None
            except ExactApiError as exc:
                if exc.status not in (401, 403, 404):
                    raise
                rows = None  # the remembered division is gone: ask Exact again
            if rows is None:
                current = self.client.current_division()
                rows = self.client.divisions(current)
            state["current_division"] = current
            if self.wanted is not None:
                seen = {row.get("Code") for row in rows if isinstance(row, dict)}
                missing = [code for code in self.wanted if code not in seen]
                if missing:  # the visible ones are read; the run is partial and says which are not
                    self.skipped.append(
                        f"exact division(s) {missing} in sources.exact.divisions are not visible to this user: "
                        "not read this run (the user's access in Exact, or the setting)")
                rows = [row for row in rows if isinstance(row, dict) and row.get("Code") in self.wanted]
            self._rows = rows
        return self._rows

    def codes(self) -> list[int]:
        return [
            row["Code"]
            for row in self.rows()
            if isinstance(row, dict)
            and isinstance(row.get("Code"), int)
            and not isinstance(row["Code"], bool)
        ]

    def move_date(self, code: int) -> str | None:
        """The division's DivisionMoveDate as Exact sent it (None: never moved, or unreadable)."""
        for row in self.rows():
            if isinstance(row, dict) and row.get("Code") == code:
                value = row.get("DivisionMoveDate")
                return value if date_ms(value) is not None else None
        return None

    def move_ms(self, code: int) -> int | None:
        return date_ms(self.move_date(code))

    def refused(self, code: int, entity: str, exc: Exception) -> None:
        """Exact refused `code` for `entity` this run (errors.LIMITS): the others go on; a person is told,
        once per division (a block refuses its accounts, deleted and departments alike)."""
        log.warning("exact division %s: %s not read this run: %s", code, entity, exc)
        self._refusals.setdefault(code, ([], str(exc)))[0].append(entity)
        self.skipped[:] = [f"exact division {division}: {', '.join(names)} not read this run ({reason})"
                           for division, (names, reason) in self._refusals.items()]


def divisions(
    state: dict[str, Any], client: ExactClient, catalogue: DivisionCatalogue, quarantined: Counter[str]
) -> Iterator[Any]:
    now = _now(client)
    yield from ensure_tables(
        state, (DIVISIONS_SCHEMA.empty_table(), None), (QUARANTINE_SCHEMA.empty_table(), "quarantine")
    )
    good, bad = split(catalogue.rows(), "divisions", DIVISION_SPEC, None, now, quarantined)
    # system/Divisions has no row version: write only versions that differ from the last one written
    versions: dict[str, str] = state.setdefault("versions", {})
    changed = []
    for row in good:
        digest = _digest(row, DIVISION_SPEC)
        if versions.get(str(row["Code"])) != digest:
            versions[str(row["Code"])] = digest
            changed.append(row)
    batch = Batch()
    batch.add(to_table(changed, DIVISION_SPEC, DIVISIONS_SCHEMA, now) if changed else None,
              quarantine_table(bad) if bad else None)
    yield from batch.flush()  # a division's code is unique in system/Divisions: no second version


# ---------------------------------------------------------------------- accounts and deleted accounts


def cursor_for(state: dict[str, Any], division: int, move_ms: int | None, entity: str) -> dict[str, Any]:
    """The per-division cursor entry; reset when the division moved since it was written
    (Timestamps restart after a move, so the old cursor would hide every record)."""
    cursors = state.setdefault("cursors", {})
    entry = cursors.get(str(division))
    if entry is None:
        entry = cursors[str(division)] = {"timestamp": 0, "move": move_ms}
    elif move_ms is not None and (entry.get("move") is None or move_ms > entry["move"]):
        log.warning(
            "exact division %s was moved (DivisionMoveDate changed): full resync of %s", division, entity
        )
        entry.clear()
        entry.update({"timestamp": 0, "move": move_ms, "full_at": None})
    return entry


def _sync_resource(
    state: dict[str, Any],
    entity: str,
    key: Sequence[str],
    fetch: Callable[[int, int], Iterator[list[Any]]],
    spec: Mapping[str, str],
    schema: pa.Schema,
    merged: bool,
    client: ExactClient,
    catalogue: DivisionCatalogue,
    quarantined: Counter[str],
) -> Iterator[Any]:
    """Exact's sync API per division: every record with a Timestamp above the cursor, oldest first.
    Each row carries the division's DivisionMoveDate, so what was read before a move (and never again:
    a deleted account) can be told from the current Timestamp epoch. `merged`: the table is merged on
    `key` (deleted), not appended to as history (accounts)."""
    empty = schema.empty_table()
    first = FirstLoad(state, key, empty) if merged else None
    yield from ensure_tables(state, (empty, None))
    if first is not None:
        yield from first.begin()
    batch = Batch()
    for division in catalogue.codes():
        move = catalogue.move_date(division)
        entry = cursor_for(state, division, date_ms(move), entity)
        try:
            for page in fetch(division, entry["timestamp"], records=_source_schema(spec),
                              fits=source_fits(entity, spec)):
                now = _now(client)
                table, bad = page_table(page, entity, spec, schema, division, now, quarantined,
                                        {"division_move_date": move})  # accounts only: deleted has no such column
                highest = pc.max(table["timestamp"]).as_py() if table is not None else None
                if bad:
                    # a quarantined record still moves the cursor when its Timestamp is readable:
                    # reading it again every run would not make it parse
                    stamps = [r["Timestamp"] for r in page if type(r) is dict and type(r.get("Timestamp")) is int]
                    highest = max([*stamps, highest or 0])
                if highest is not None:
                    entry["timestamp"] = max(entry["timestamp"], highest)
                if first is not None:
                    first.observe(table)
                batch.add(table, quarantine_table(bad) if bad else None)
                if batch.full():
                    yield from batch.flush()
        except LIMITS as exc:  # the pages read so far are kept, and the cursor is where they leave it
            catalogue.refused(division, entity, exc)
    yield from batch.flush()
    if first is not None:
        yield from first.end()


def accounts(
    state: dict[str, Any], client: ExactClient, catalogue: DivisionCatalogue, quarantined: Counter[str]
) -> Iterator[Any]:
    yield from _sync_resource(
        state,
        "accounts",
        ("division", "id"),
        client.sync_accounts,
        ACCOUNT_SPEC,
        ACCOUNTS_SCHEMA,
        False,
        client,
        catalogue,
        quarantined,
    )


def deleted(
    state: dict[str, Any], client: ExactClient, catalogue: DivisionCatalogue, quarantined: Counter[str]
) -> Iterator[Any]:
    yield from _sync_resource(
        state,
        "deleted",
        ("division", "entity_key"),
        client.sync_deleted,
        DELETED_SPEC,
        DELETED_SCHEMA,
        True,
        client,
        catalogue,
        quarantined,
    )


# ---------------------------------------------------------------------- departments


def departments(
    state: dict[str, Any],
    client: ExactClient,
    catalogue: DivisionCatalogue,
    quarantined: Counter[str],
    full_pass_hours: float,
    force_full: bool,
) -> Iterator[Any]:
    yield from ensure_tables(state, (DEPARTMENTS_SCHEMA.empty_table(), None))
    batch = Batch()
    for division in catalogue.codes():
        entry = cursor_for(state, division, catalogue.move_ms(division), "departments")
        known: dict[str, dict[str, Any]] = entry.setdefault("known", {})
        now_s = client.clock.now()
        full = force_full or not entry.get("full_at") or now_s - entry["full_at"] >= full_pass_hours * 3600
        since = None if full else max(0, entry.get("modified", 0) - DEPARTMENTS_OVERLAP_MS)
        seen: set[str] = set()
        try:
            for page in client.departments(division, since):
                now = _now(client)
                good, bad = split(page, "departments", DEPARTMENT_SPEC, division, now, quarantined)
                changed = []
                for row in good:
                    seen.add(row["ID"])
                    version = {name: row.get(name) for name in DEPARTMENT_SPEC}
                    if known.get(row["ID"]) != version:  # the overlap re-reads rows: keep only new versions
                        known[row["ID"]] = version
                        changed.append(row)
                    entry["modified"] = max(entry.get("modified", 0), date_ms(row.get("Modified")) or 0)
                if bad:
                    seen.update(str(row["ID"]) for row in page if isinstance(row, dict) and row.get("ID"))
                table = (
                    to_table(changed, DEPARTMENT_SPEC, DEPARTMENTS_SCHEMA, now, {"is_deleted": False})
                    if changed else None
                )
                batch.add(table, quarantine_table(bad) if bad else None)
        except LIMITS as exc:
            # a full pass cut short saw only some departments: none is taken for deleted, and it runs again
            catalogue.refused(division, "departments", exc)
            continue
        if full:
            entry["full_at"] = now_s
            gone = [known.pop(key) for key in sorted(set(known) - seen)]
            if gone:
                # the last known version, flagged: the latest version must not blank the other columns
                batch.add(to_table(gone, DEPARTMENT_SPEC, DEPARTMENTS_SCHEMA, _now(client), {"is_deleted": True}))
    yield from batch.flush()


# ---------------------------------------------------------------------- helpers


def _now(client: ExactClient) -> datetime:
    return datetime.fromtimestamp(client.clock.now(), UTC)


def _digest(row: Mapping[str, Any], spec: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps([row.get(name) for name in spec], default=str).encode()).hexdigest()[:20]
