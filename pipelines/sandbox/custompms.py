"""CustomPMS emulator: the REST contract of pipelines/custompms/openapi.yaml, and nothing friendlier.

The product's client and this emulator both follow the OpenAPI file; where the file is silent the
emulator picks one reading and says so (see "Choices" below), so the client is tested against a
definite behaviour instead of a guess.

Data lives in `CustomPMSStore`, in memory and JSON-serialisable for the runner's persistence. A
customer is kept in its *output* form (the Customer schema, every property present), so answering is
a dict lookup and one `json.dumps`. Records are never mutated in place: a change builds a new dict, so
a page being serialised (or a `to_state()` snapshot being written) never sees half an edit.

Two indexes keep a 100,000-customer store fast:
- `_order`, a sorted list of `(updated_at, key)`: a list page is one bisect plus `limit` steps, and a
  change is one `del` and one `insort` (the changed record almost always lands at the end);
- `_by_ref`, `"SYSTEM:ID" -> keys`: `external_ref=` never scans.
`updated_at` strings are all in one fixed-width format (UTC, milliseconds, "Z"), so comparing the
strings compares the times, and the index can hold the strings themselves.

Choices where the contract is silent (also in the module's tests):
- a PATCH (or DELETE) that changes nothing (values equal to the current ones, or deleting a deleted
  customer) does not increment `version` nor move `updated_at`: a sync that writes back what it read
  must come to rest instead of seeing its own echo forever. It answers 200 (204) as usual;
- PATCH checks in this order: 404 (unknown or deleted), 400 (malformed JSON), 412 (If-Match), 422;
  an If-Match that is neither `W/"<n>"`, `"<n>"`, `<n>` nor `*` cannot match: 412;
- "null clears one" applies to nullable properties only (and to every Address/Contact property);
  `name`, `kind`, `active`, `address`, `contact` and `external_refs` are not nullable (422), as in
  the schema; `external_refs` is replaced as a whole (clear it with `[]`);
- validation field paths are dotted, list items indexed: `address.country`, `external_refs[3].id`;
  a body that is not an object, or an empty PATCH, is reported under the path `body`;
- unknown properties (also inside address, contact, external refs) are 422 "unknown property";
  `country` must also be a real ISO 3166-1 alpha-2 code; `currency` is checked by pattern only;
- a cursor is a position, "after (updated_at, id)": the filters (updated_since, include_deleted,
  external_ref) are taken from each request, not from the cursor; a cursor combined with
  updated_since starts after the later of the two positions. Cursors are signed (tamper -> 400) and
  survive a restart of the emulator;
- `next_cursor` is null exactly when no further matching customer exists at the time of the request;
- idempotency: "same body" means the same JSON value (key order and whitespace do not matter); the
  201 and 422 answers are remembered (a 400 for malformed JSON is not: nothing was understood);
  records expire 24 hours after the first request, in Clock time, and persist in `to_state`;
- seeded customers are stamped one millisecond apart, the last one at "now", and get time-ordered
  ids in seed order, so a seed looks like data entered over time (distinct, ordered updated_at);
- ids are "cus_" + a monotonic ULID (26 Crockford base32 characters): ordered by creation even
  within one millisecond, and never going backwards when the clock does;
- the optional real rate limit is a fixed window (`rate_limit` requests per `rate_window` seconds,
  Clock time, off when 0) counted over authenticated API requests; while it is on, every API answer
  carries the RateLimit-* headers. The injected 429 (FaultInjector) carries them too, with
  `Retry-After: 1`;
- the admin routes (`/_sandbox/...`) need no API key.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import functools
import hashlib
import hmac
import json
import logging
import math
import re
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from pipelines import settings
from pipelines.sandbox.common import (
    ADMIN_PREFIX,
    Clock,
    FaultConfig,
    FaultInjector,
    admin_routes,
    allowed_methods,
    json_dumps,
)

log = logging.getLogger("pipelines.sandbox.custompms")

API = "/api/v1/customers"
ADMIN = f"{ADMIN_PREFIX}/custompms"
DEFAULT_LIMIT, MAX_LIMIT = 100, 500
IDEMPOTENCY_TTL = 24 * 3600
IDEMPOTENCY_KEY_MAX = 255
MAX_BODY = 1024 * 1024  # far above any valid CustomerInput; stops a runaway body early
NOMINAL_RATE_LIMIT = 100  # RateLimit-Limit of an injected 429 while no real limit is configured
# Cursors are signed so a client cannot craft positions; a fixed key keeps them valid across restarts.
_CURSOR_KEY = b"custompms-sandbox-cursor-v1"
_CURSOR_SIG = 8
_LAST_KEY = "\U0010ffff"  # sorts after every id: (t, _LAST_KEY) is "after everything stamped t"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_PAIRS = [a + b for a in _CROCKFORD for b in _CROCKFORD]  # ULIDs are encoded two characters at a time
_SHIFTS = tuple(range(120, -1, -10))
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_CURRENCY = re.compile(r"[A-Z]{3}")
_COUNTRY_PATTERN = re.compile(r"[A-Z]{2}")
_INTEGER = re.compile(r"-?\d{1,9}")
_IF_MATCH = re.compile(r'\s*(?:W/)?"?(\d{1,18})"?\s*')

# ISO 3166-1 alpha-2, officially assigned codes (249); the pattern alone would let "UK" or "EL" through.
COUNTRIES = frozenset(
    """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
VG VI VN VU WF WS YE YT ZA ZM ZW
""".split()
)

# Nullable string properties and their maxLength (None: a pattern decides instead).
TOP_STRINGS: dict[str, int | None] = {
    "code": 50, "email": 254, "phone": 50, "mobile": 50, "fax": 50, "website": 200, "notes": 4000,
    "vat_number": 50, "registration_number": 50, "currency": None,
}  # fmt: skip
ADDRESS: dict[str, int | None] = {
    "line1": 200, "line2": 200, "line3": 200, "postal_code": 20, "city": 100, "region": 100, "country": None,
}  # fmt: skip
CONTACT: dict[str, int | None] = {"first_name": 100, "last_name": 100}
KINDS = ("organisation", "person")
INPUT_PROPS = ("name", "kind", *TOP_STRINGS, "address", "contact", "active", "external_refs")
ADMIN_EXTRA = ("deleted",)
_EMPTY_ADDRESS = dict.fromkeys(ADDRESS)
_EMPTY_CONTACT = dict.fromkeys(CONTACT)
_DEFAULTS: dict[str, Any] = {
    "name": None, "kind": "organisation", **dict.fromkeys(TOP_STRINGS), "address": None, "contact": None,
    "active": True, "external_refs": [], "created_at": None, "updated_at": None, "deleted": False,
}  # fmt: skip  # an admin edit may also undelete (or delete) a customer


# ---------------------------------------------------------------------- errors and small helpers


class ApiError(Exception):
    """An answer in the contract's Error shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.fields, self.headers = fields, headers or {}

    def response(self) -> Response:
        return error_response(self.status, self.code, self.message, self.fields, self.headers)


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict:
    error: dict[str, Any] = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def error_response(
    status: int,
    code: str,
    message: str,
    fields: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return json_response(error_body(code, message, fields), status, headers)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json_dumps(body), status, headers, media_type="application/json")


def iso_ms(ms: int) -> str:
    """The contract's time format: RFC 3339, UTC, milliseconds, fixed width ("2026-11-22T10:00:00.123Z")."""
    return f"{_second(ms // 1000)}.{ms % 1000:03d}Z"


@functools.lru_cache(maxsize=4096)
def _second(seconds: int) -> str:
    # cached: seeds and bursts of writes stamp thousands of records within the same second
    moment = _EPOCH + timedelta(seconds=seconds)
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T"
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    )


def parse_time_ms(text: str, what: str) -> int:
    """RFC 3339 with an offset -> epoch milliseconds, rounded down (see `list_customers` for why
    rounding down keeps "strictly greater" exact)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except (ValueError, TypeError):
        raise ApiError(400, "bad_request", f"{what} is not an RFC 3339 date-time: {text!r}") from None
    if moment.tzinfo is None:
        raise ApiError(400, "bad_request", f"{what} needs a time zone offset (e.g. 'Z'): {text!r}")
    return (moment - _EPOCH) // _MS


def etag(version: Any) -> str:
    return f'W/"{version}"'


def _sort_time(rec: dict) -> str:
    # records stored through the raw admin route may carry anything in updated_at
    value = rec.get("updated_at")
    return value if isinstance(value, str) else ""


def _refs_of(rec: dict) -> Iterable[str]:
    refs = rec.get("external_refs")
    for ref in refs if isinstance(refs, list) else ():
        if isinstance(ref, dict) and isinstance(ref.get("system"), str) and isinstance(ref.get("id"), str):
            yield f"{ref['system']}:{ref['id']}"


def _fingerprint(body: Any) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


# ---------------------------------------------------------------------- validation


def _check_string(value: Any, path: str, max_len: int | None, errors: dict[str, str]) -> None:
    """A nullable string property."""
    if value is None:
        return
    if not isinstance(value, str):
        errors[path] = "must be a string or null"
    elif max_len is not None and len(value) > max_len:
        errors[path] = f"must be at most {max_len} characters"


def _check_nested(value: Any, path: str, spec: dict[str, int | None], errors: dict[str, str]) -> None:
    if not isinstance(value, dict):
        errors[path] = "must be an object"
        return
    for key, item in value.items():
        sub = f"{path}.{key}"
        if key not in spec:
            errors[sub] = "unknown property"
        elif key == "country":
            if item is not None and not isinstance(item, str):
                errors[sub] = "must be a string or null"
            elif item is not None and not _COUNTRY_PATTERN.fullmatch(item):
                errors[sub] = "must match ^[A-Z]{2}$ (ISO 3166-1 alpha-2)"
            elif item is not None and item not in COUNTRIES:
                errors[sub] = f"{item!r} is not an ISO 3166-1 alpha-2 country code"
        else:
            _check_string(item, sub, spec[key], errors)


def _check_refs(value: Any, errors: dict[str, str]) -> None:
    if not isinstance(value, list):
        errors["external_refs"] = "must be an array"
        return
    if len(value) > 20:
        errors["external_refs"] = "must have at most 20 items"
    for i, ref in enumerate(value):
        path = f"external_refs[{i}]"
        if not isinstance(ref, dict):
            errors[path] = "must be an object"
            continue
        for key in ref:
            if key not in ("system", "id"):
                errors[f"{path}.{key}"] = "unknown property"
        for key, max_len in (("system", 50), ("id", 100)):
            item = ref.get(key)
            if key not in ref:
                errors[f"{path}.{key}"] = "required"
            elif not isinstance(item, str):
                errors[f"{path}.{key}"] = "must be a string"
            elif len(item) > max_len:
                errors[f"{path}.{key}"] = f"must be at most {max_len} characters"


def validate(body: Any, *, patch: bool, admin: bool = False) -> dict:
    """A CustomerInput (or CustomerPatch) body -> the same dict, or ApiError 422 with every problem."""
    errors: dict[str, str] = {}
    if not isinstance(body, dict):
        raise ApiError(
            422, "validation_failed", "the body must be a JSON object", {"body": "must be an object"}
        )
    if patch and not body:
        raise ApiError(
            422, "validation_failed", "a PATCH needs at least one property", {"body": "at least one property"}
        )
    allowed = (*INPUT_PROPS, *ADMIN_EXTRA) if admin else INPUT_PROPS
    for key, value in body.items():
        if key not in allowed:
            errors[key] = "unknown property"
        elif key == "name":
            if not isinstance(value, str):
                errors[key] = "must be a string"
            elif not 1 <= len(value) <= 200:
                errors[key] = "must be 1 to 200 characters"
        elif key == "kind":
            if value not in KINDS:
                errors[key] = f"must be one of {', '.join(KINDS)}"
        elif key in ("active", "deleted"):
            if not isinstance(value, bool):
                errors[key] = "must be a boolean"
        elif key == "address":
            _check_nested(value, key, ADDRESS, errors)
        elif key == "contact":
            _check_nested(value, key, CONTACT, errors)
        elif key == "external_refs":
            _check_refs(value, errors)
        else:
            _check_string(value, key, TOP_STRINGS[key], errors)
            if (
                key == "email"
                and isinstance(value, str)
                and key not in errors
                and not _EMAIL.fullmatch(value)
            ):
                errors[key] = "must be an email address"
            if key == "currency" and isinstance(value, str) and not _CURRENCY.fullmatch(value):
                errors[key] = "must match ^[A-Z]{3}$ (ISO 4217)"
    if not patch and "name" not in body:
        errors["name"] = "required"
    if errors:
        listed = ", ".join(f"{path}: {why}" for path, why in errors.items())
        raise ApiError(422, "validation_failed", f"validation failed ({listed})", errors)
    return body


def _apply(rec: dict, changes: dict) -> dict:
    """A new record with `changes` merged in (nested objects key by key); `rec` is left untouched."""
    new = dict(rec)
    for key, value in changes.items():
        if key in ("address", "contact"):
            new[key] = {**(rec.get(key) if isinstance(rec.get(key), dict) else {}), **value}
        elif key == "external_refs":
            new[key] = [{"system": ref["system"], "id": ref["id"]} for ref in value]
        else:
            new[key] = value
    return new


# ---------------------------------------------------------------------- ids


class _UlidSource:
    """Monotonic ULIDs: 48 bits of milliseconds + 80 random bits, incremented within one millisecond
    (and when the clock steps back), so ids sort in creation order."""

    def __init__(self, last_ms: int = 0, last_rand: int = 0) -> None:
        self.last_ms, self.last_rand = last_ms, last_rand

    def next(self, ms: int) -> str:
        if ms <= self.last_ms:
            ms, rand = self.last_ms, self.last_rand + 1
            if rand >= 1 << 80:  # 2^80 ids in one millisecond: borrow the next millisecond
                ms, rand = ms + 1, secrets.randbits(79)
        else:
            rand = secrets.randbits(79)  # 79 bits leave room to increment within the millisecond
        self.last_ms, self.last_rand = ms, rand
        value = (ms << 80) | rand  # 130 bits as 13 ten-bit chunks, two characters each
        return "".join([_PAIRS[(value >> shift) & 1023] for shift in _SHIFTS])


# ---------------------------------------------------------------------- the store


class CustomPMSStore:
    """All data of the emulated CustomPMS (one tenant, one API key), in memory."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.lock = threading.RLock()  # uvicorn's loop thread and the runner/test thread share the store
        self.dirty = False
        self.api_key = settings.SANDBOX_CUSTOMPMS_KEY
        self.rate_limit = 0  # requests per window; 0 = no real rate limit (the FaultInjector can still 429)
        self.rate_window = 1.0  # seconds of Clock time
        self._window = (-1, 0)  # (window number, requests counted in it)
        self.customers: dict[str, dict] = {}  # key (the id; raw records without one get "~raw<n>") -> record
        self._order: list[tuple[str, str]] = []  # sorted (updated_at, key)
        self._pos: dict[str, tuple[str, str]] = {}  # key -> its entry in _order
        self._by_ref: dict[str, set[str]] = {}  # "SYSTEM:ID" -> keys
        self.idempotency: dict[str, dict] = {}  # key -> {fingerprint, status, body, headers, at}
        self._ids = _UlidSource()
        self._raw_count = 0
        self.requests = 0  # API requests answered (for benchmarks)

    # ------------------------------------------------------------------ time

    def now_ms(self) -> int:
        return math.floor(self.clock.now() * 1000)

    def _changed(self) -> None:
        self.dirty = True

    # ------------------------------------------------------------------ indexes

    def _index(self, key: str, rec: dict) -> None:
        self.customers[key] = rec
        pos = self._pos[key] = (_sort_time(rec), key)
        bisect.insort(self._order, pos)
        for ref in _refs_of(rec):
            self._by_ref.setdefault(ref, set()).add(key)

    def _unindex(self, key: str) -> dict:
        rec = self.customers.pop(key)
        pos = self._pos.pop(key)
        del self._order[bisect.bisect_left(self._order, pos)]
        for ref in _refs_of(rec):
            keys = self._by_ref.get(ref)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._by_ref[ref]
        return rec

    def _replace(self, key: str, rec: dict) -> dict:
        self._unindex(key)
        self._index(key, rec)
        self._changed()
        return rec

    def _rebuild(self) -> None:
        """All indexes from `customers`, in one sort (seed and restore: bisecting 100k times is slower)."""
        self._pos = {key: (_sort_time(rec), key) for key, rec in self.customers.items()}
        self._order = sorted(self._pos.values())
        self._by_ref = {}
        for key, rec in self.customers.items():
            for ref in _refs_of(rec):
                self._by_ref.setdefault(ref, set()).add(key)

    # ------------------------------------------------------------------ seed and persistence

    def _new_record(self, body: dict, ms: int) -> dict:
        """A Customer from a validated CustomerInput: every property present, in the schema's order."""
        stamp = iso_ms(ms)
        rec: dict[str, Any] = {"id": "cus_" + self._ids.next(ms), "version": 1, **_DEFAULTS}
        rec.update(body)  # validated, so only known properties; nested ones are copied below
        rec["address"] = {**_EMPTY_ADDRESS, **body["address"]} if "address" in body else dict(_EMPTY_ADDRESS)
        rec["contact"] = {**_EMPTY_CONTACT, **body["contact"]} if "contact" in body else dict(_EMPTY_CONTACT)
        rec["external_refs"] = [{"system": ref["system"], "id": ref["id"]} for ref in rec["external_refs"]]
        rec["created_at"] = rec["updated_at"] = stamp
        return rec

    def load_seed(self, seed_part: dict, at_ms: int | None = None) -> None:
        """The seed generator's "custompms" part: {"customers": [CustomerInput, ...]} (validated, so a
        generator bug shows up here and not as a puzzling sync result), the last one updated at `at_ms`
        (default now), each one before it a millisecond earlier."""
        inputs = list(seed_part.get("customers") or [])
        with self.lock:
            now = self.now_ms() if at_ms is None else at_ms
            for i, body in enumerate(inputs):
                try:
                    validate(body, patch=False)
                except ApiError as exc:
                    raise ValueError(
                        f"seed customer {i} is not a valid CustomerInput: {exc.message}"
                    ) from None
                rec = self._new_record(body, now - (len(inputs) - 1 - i))
                self.customers[rec["id"]] = rec
            self._rebuild()
            self._changed()

    def to_state(self) -> dict:
        with self.lock:
            self._prune_idempotency()
            customers, raw = [], {}
            for _, key in self._order:  # in index order, so from_state's sort has little to do
                rec = self.customers[key]
                if rec.get("id") == key:
                    customers.append(rec)
                else:
                    raw[key] = rec  # stored through the raw admin route without a usable id
            return {
                "version": 1,
                "customers": customers,
                "raw": raw,
                "idempotency": {key: dict(entry) for key, entry in self.idempotency.items()},
                "ids": {"last_ms": self._ids.last_ms, "last_rand": self._ids.last_rand},
                "raw_count": self._raw_count,
                "settings": {"rate_limit": self.rate_limit, "rate_window": self.rate_window},
            }

    @classmethod
    def from_state(cls, state: dict, clock: Clock) -> CustomPMSStore:
        store = cls(clock)
        for rec in state.get("customers", []):
            store.customers[rec["id"]] = rec
        store.customers.update(state.get("raw", {}))
        store._rebuild()
        store.idempotency = {key: dict(entry) for key, entry in state.get("idempotency", {}).items()}
        ids = state.get("ids", {})
        store._ids = _UlidSource(int(ids.get("last_ms", 0)), int(ids.get("last_rand", 0)))
        store._raw_count = int(state.get("raw_count", 0))
        saved = state.get("settings", {})
        store.rate_limit = int(saved.get("rate_limit", 0))
        store.rate_window = float(saved.get("rate_window", 1.0))
        return store

    # ------------------------------------------------------------------ reading

    def get(self, customer_id: str, *, live: bool = False) -> dict:
        """One customer, also a deleted one unless `live` (what PATCH may change)."""
        with self.lock:
            rec = self.customers.get(customer_id)
        if rec is None or (live and rec.get("deleted") is True):
            raise ApiError(404, "not_found", f"no customer {customer_id!r}")
        return rec

    def list_customers(
        self,
        *,
        updated_since: int | None = None,
        after: tuple[str, str] | None = None,
        limit: int = DEFAULT_LIMIT,
        include_deleted: bool = False,
        external_ref: str | None = None,
    ) -> tuple[list[dict], tuple[str, str] | None]:
        """One page in (updated_at, id) order, starting after the later of `after` (a cursor's
        position) and `updated_since` (epoch ms); returns the rows and the position of the last row
        when more rows match beyond it, else None.

        `updated_since` is rounded down to the millisecond before it gets here: stamps are whole
        milliseconds, and for a whole r and any s, r > s exactly when r > floor(s)."""
        start: tuple[str, str] = ("", "")
        if updated_since is not None:
            start = (iso_ms(updated_since), _LAST_KEY)
        if after is not None and after > start:
            start = after
        with self.lock:
            if external_ref is not None:
                positions: list[tuple[str, str]] = sorted(
                    self._pos[key] for key in self._by_ref.get(external_ref, ())
                )
                first = bisect.bisect_right(positions, start)
            else:
                positions = self._order
                first = bisect.bisect_right(positions, start) if start != ("", "") else 0
            rows: list[dict] = []
            last_key = ""
            for i in range(first, len(positions)):
                key = positions[i][1]
                rec = self.customers[key]
                if not include_deleted and rec.get("deleted") is True:
                    continue
                if len(rows) == limit:  # one more match exists: the page gets a cursor
                    return rows, self._pos[last_key]
                rows.append(rec)
                last_key = key
            return rows, None

    # ------------------------------------------------------------------ writing

    def create(self, body: Any) -> dict:
        validate(body, patch=False)
        with self.lock:
            rec = self._new_record(body, self.now_ms())
            self._index(rec["id"], rec)
            self._changed()
            return rec

    def patch(self, customer_id: str, body: Any, if_match: str | None = None) -> dict:
        """A user's change through the API; see the module's choices for the order of the checks."""
        with self.lock:
            rec = self.customers.get(customer_id)
            if rec is None or rec.get("deleted") is True:
                raise ApiError(404, "not_found", f"no customer {customer_id!r}")
            if if_match is not None and not _matches(if_match, rec.get("version")):
                raise ApiError(
                    412,
                    "version_mismatch",
                    f"If-Match {if_match!r} does not match the current version {rec.get('version')}",
                    headers={"ETag": etag(rec.get("version"))},
                )
            new = _apply(rec, validate(body, patch=True))
            if new == rec:  # nothing changed: no new version (sync quiescence)
                return rec
            return self._bump(customer_id, new)

    def _bump(self, key: str, new: dict, updated_at: str | None = None) -> dict:
        new["version"] = new["version"] + 1
        new["updated_at"] = updated_at or iso_ms(self.now_ms())
        return self._replace(key, new)

    def delete(self, customer_id: str) -> None:
        with self.lock:
            rec = self.customers.get(customer_id)
            if rec is None:
                raise ApiError(404, "not_found", f"no customer {customer_id!r}")
            if rec.get("deleted") is not True:  # deleting a deleted customer changes nothing
                self._bump(customer_id, {**rec, "deleted": True})

    # ------------------------------------------------------------------ idempotency

    def remembered(self, key: str, body: Any) -> dict | None:
        """The first answer for this Idempotency-Key, or None; 409 when it came with another body."""
        with self.lock:
            entry = self.idempotency.get(key)
            if entry is None or self.clock.now() - entry["at"] >= IDEMPOTENCY_TTL:
                return None
            if entry["fingerprint"] != _fingerprint(body):
                raise ApiError(
                    409, "idempotency_conflict", "this Idempotency-Key was already used with a different body"
                )
            return entry

    def remember(self, key: str, body: Any, status: int, text: str, headers: dict[str, str]) -> None:
        with self.lock:
            self.idempotency[key] = {
                "fingerprint": _fingerprint(body), "status": status, "body": text, "headers": headers,
                "at": self.clock.now(),
            }  # fmt: skip
            if len(self.idempotency) % 1000 == 0:
                self._prune_idempotency()
            self._changed()

    def _prune_idempotency(self) -> None:
        cutoff = self.clock.now() - IDEMPOTENCY_TTL
        for key in [key for key, entry in self.idempotency.items() if entry["at"] <= cutoff]:
            del self.idempotency[key]

    # ------------------------------------------------------------------ rate limit

    def take_request(self) -> dict[str, str]:
        """Count one API request against the real rate limit: RateLimit-* headers while it is on, or
        ApiError 429 once the window is used up."""
        with self.lock:
            self.requests += 1
            if self.rate_limit <= 0:
                return {}
            now = self.clock.now()
            window = math.floor(now / self.rate_window)
            number, used = self._window
            used = used if number == window else 0
            reset = max(1, math.ceil((window + 1) * self.rate_window - now))
            headers = {"RateLimit-Limit": str(self.rate_limit), "RateLimit-Reset": str(reset)}
            if used >= self.rate_limit:
                self._window = (window, used)
                headers.update({"RateLimit-Remaining": "0", "Retry-After": str(reset)})
                message = f"more than {self.rate_limit} requests in {self.rate_window} s"
                raise ApiError(429, "rate_limited", message, headers=headers)
            self._window = (window, used + 1)
            headers["RateLimit-Remaining"] = str(self.rate_limit - used - 1)
            return headers

    # ------------------------------------------------------------------ admin: changes "as a user"

    def admin_edit(self, customer_id: str, changes: Any, updated_at: str | None = None) -> dict:
        """A user's edit in CustomPMS itself: always a new version (even when the values are the same:
        the user pressed save), `updated_at` now or exactly as given (normalised to the contract format)."""
        stamp = None if updated_at is None else iso_ms(parse_time_ms(updated_at, "updated_at"))
        with self.lock:
            rec = self.customers.get(customer_id)
            if rec is None:
                raise ApiError(404, "not_found", f"no customer {customer_id!r}")
            new = _apply(rec, validate(changes, patch=True, admin=True) if changes else {})
            return self._bump(customer_id, new, stamp)

    def admin_set_updated_at(self, customer_id: str, updated_at: str) -> dict:
        """Move `updated_at` exactly, without a new version (cursor-boundary tests)."""
        stamp = iso_ms(parse_time_ms(updated_at, "updated_at"))
        with self.lock:
            rec = self.customers.get(customer_id)
            if rec is None:
                raise ApiError(404, "not_found", f"no customer {customer_id!r}")
            return self._replace(customer_id, {**rec, "updated_at": stamp})

    def admin_create(self, body: Any) -> dict:
        return self.create(body)

    def admin_raw(self, record: Any) -> str:
        """Store a record exactly as given, unvalidated (to test the client's and source's defences).
        A string id replaces that customer; anything else gets an internal key."""
        if not isinstance(record, dict):
            raise ApiError(400, "bad_request", "a raw record must be a JSON object")
        with self.lock:
            key = record.get("id")
            if not isinstance(key, str):
                self._raw_count += 1
                key = f"~raw{self._raw_count}"
            if key in self.customers:
                self._unindex(key)
            self._index(key, dict(record))
            self._changed()
            return key

    def admin_purge(self, customer_id: str) -> None:
        """A hard delete: the customer vanishes without a trace (not even a deleted=true row)."""
        with self.lock:
            if customer_id not in self.customers:
                raise ApiError(404, "not_found", f"no customer {customer_id!r}")
            self._unindex(customer_id)
            self._changed()

    def settings_view(self) -> dict:
        return {"rate_limit": self.rate_limit, "rate_window": self.rate_window}

    def admin_settings(self, body: Any) -> dict:
        if not isinstance(body, dict) or set(body) - {"rate_limit", "rate_window", "api_key"}:
            raise ApiError(400, "bad_request", "settings are rate_limit, rate_window and api_key")
        with self.lock:
            try:
                if "rate_limit" in body:
                    self.rate_limit = max(0, int(body["rate_limit"]))
                if "rate_window" in body:
                    window = float(body["rate_window"])
                    if not window > 0:
                        raise ValueError("rate_window must be positive")
                    self.rate_window = window
                if "api_key" in body:
                    self.api_key = str(body["api_key"])
            except (TypeError, ValueError) as exc:
                raise ApiError(400, "bad_request", str(exc)) from None
            self._window = (-1, 0)
            self._changed()
            return self.settings_view()

    def stats(self) -> dict:
        with self.lock:
            deleted = sum(1 for rec in self.customers.values() if rec.get("deleted") is True)
            return {
                "customers": len(self.customers),
                "deleted": deleted,
                "external_refs": len(self._by_ref),
                "idempotency_keys": len(self.idempotency),
                "requests": self.requests,
            }


def _matches(if_match: str, version: Any) -> bool:
    if if_match.strip() == "*":
        return True
    found = _IF_MATCH.fullmatch(if_match)
    return found is not None and str(int(found.group(1))) == str(version)


# ---------------------------------------------------------------------- cursors


def encode_cursor(position: tuple[str, str]) -> str:
    payload = json.dumps(list(position), separators=(",", ":")).encode()
    sig = hmac.new(_CURSOR_KEY, payload, hashlib.sha256).digest()[:_CURSOR_SIG]
    return base64.urlsafe_b64encode(sig + payload).decode().rstrip("=")


def decode_cursor(text: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        sig, payload = raw[:_CURSOR_SIG], raw[_CURSOR_SIG:]
        if not hmac.compare_digest(
            sig, hmac.new(_CURSOR_KEY, payload, hashlib.sha256).digest()[:_CURSOR_SIG]
        ):
            raise ValueError("signature")
        time_part, key = json.loads(payload)
        if not isinstance(time_part, str) or not isinstance(key, str):
            raise ValueError("shape")
        return time_part, key
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise ApiError(400, "bad_request", "cursor is not valid (use next_cursor as given)") from None


# ---------------------------------------------------------------------- HTTP


def _query_bool(value: str | None, name: str) -> bool:
    if value is None:
        return False
    lowered = value.strip().lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise ApiError(400, "bad_request", f"{name} must be true or false")


def _query_limit(value: str | None) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if not _INTEGER.fullmatch(value.strip()) or not 1 <= int(value) <= MAX_LIMIT:
        raise ApiError(400, "bad_request", f"limit must be an integer from 1 to {MAX_LIMIT}")
    return int(value)


async def _json_body(request: Request) -> Any:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise ApiError(413, "payload_too_large", f"the body is larger than {MAX_BODY} bytes")
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "bad_request", "the request body is not valid JSON") from None


def _customer_response(rec: dict, status: int = 200) -> Response:
    return json_response(rec, status, {"ETag": etag(rec.get("version"))})


class _Api:
    def __init__(self, store: CustomPMSStore) -> None:
        self.store = store

    def endpoint(
        self, handler: Callable[[Request], Awaitable[Response]]
    ) -> Callable[[Request], Awaitable[Response]]:
        """Auth, the real rate limit and the error shape around one API handler: whatever goes wrong
        answers JSON, never a traceback."""

        async def run(request: Request) -> Response:
            limit_headers: dict[str, str] = {}
            try:
                self.authenticate(request)
                limit_headers = self.store.take_request()
                response = await handler(request)
            except ApiError as exc:
                response = exc.response()
            except Exception:
                log.exception(
                    "CustomPMS emulator: unexpected error on %s %s", request.method, request.url.path
                )
                response = error_response(500, "internal_error", "unexpected server error")
            for name, value in limit_headers.items():
                response.headers.setdefault(name, value)
            return response

        return run

    def authenticate(self, request: Request) -> None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            token.strip().encode(), self.store.api_key.encode()
        ):
            message = "a valid API key is required (Authorization: Bearer <key>)"
            raise ApiError(
                401, "unauthorized", message, headers={"WWW-Authenticate": 'Bearer realm="CustomPMS"'}
            )

    async def list_customers(self, request: Request) -> Response:
        params = request.query_params
        since_text, cursor = params.get("updated_since"), params.get("cursor")
        rows, last = self.store.list_customers(
            updated_since=None if since_text is None else parse_time_ms(since_text, "updated_since"),
            after=None if cursor is None else decode_cursor(cursor),
            limit=_query_limit(params.get("limit")),
            include_deleted=_query_bool(params.get("include_deleted"), "include_deleted"),
            external_ref=params.get("external_ref"),
        )
        return json_response({"data": rows, "next_cursor": None if last is None else encode_cursor(last)})

    async def create(self, request: Request) -> Response:
        key = request.headers.get("idempotency-key")
        if key is not None and not 1 <= len(key) <= IDEMPOTENCY_KEY_MAX:
            raise ApiError(
                400, "bad_request", f"Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} characters"
            )
        body = await _json_body(request)
        if key is None:
            return self._created(self.store.create(body))[0]
        with self.store.lock:  # the check and the create are one step: two racing replays create one
            entry = self.store.remembered(key, body)
            if entry is None:
                try:
                    response, headers = self._created(self.store.create(body))
                    status, text = 201, response.body.decode()
                except ApiError as exc:
                    if exc.status != 422:
                        raise
                    response, headers = exc.response(), {}
                    status, text = 422, response.body.decode()
                self.store.remember(key, body, status, text, headers)
                return response
        return Response(entry["body"], entry["status"], dict(entry["headers"]), media_type="application/json")

    @staticmethod
    def _created(rec: dict) -> tuple[Response, dict[str, str]]:
        headers = {"ETag": etag(rec["version"]), "Location": f"{API}/{rec['id']}"}
        return json_response(rec, 201, headers), headers

    async def get(self, request: Request) -> Response:
        return _customer_response(self.store.get(request.path_params["id"]))

    async def patch(self, request: Request) -> Response:
        customer_id = request.path_params["id"]
        self.store.get(customer_id, live=True)  # 404 before looking at the body
        body = await _json_body(request)
        return _customer_response(self.store.patch(customer_id, body, request.headers.get("if-match")))

    async def delete(self, request: Request) -> Response:
        self.store.delete(request.path_params["id"])
        return Response(status_code=204)


def _admin_routes(store: CustomPMSStore) -> list[Route]:
    """/_sandbox/custompms/...: changes as a user would make them in CustomPMS, and raw injections."""

    def handle(action: Callable[[dict, Any], Any], status: int = 200):
        async def endpoint(request: Request) -> Response:
            try:
                body = await _json_body(request) if request.method in ("POST", "PUT") else None
                return json_response(action(request.path_params, body), status)
            except ApiError as exc:
                return exc.response()
            except Exception:
                log.exception("CustomPMS emulator: unexpected error on %s", request.url.path)
                return error_response(500, "internal_error", "unexpected server error")

        return endpoint

    def edit(params: dict, body: Any) -> dict:
        if not isinstance(body, dict) or set(body) - {"changes", "updated_at"}:
            raise ApiError(
                400, "bad_request", 'the body is {"changes": {...}, "updated_at": "..." (optional)}'
            )
        return store.admin_edit(params["id"], body.get("changes") or {}, body.get("updated_at"))

    def set_updated_at(params: dict, body: Any) -> dict:
        if not isinstance(body, dict) or not isinstance(body.get("updated_at"), str):
            raise ApiError(400, "bad_request", 'the body is {"updated_at": "<RFC 3339>"}')
        return store.admin_set_updated_at(params["id"], body["updated_at"])

    def purge(params: dict, body: Any) -> dict:
        store.admin_purge(params["id"])
        return {"purged": params["id"]}

    one = f"{ADMIN}/customers/{{id}}"
    return [
        Route(f"{ADMIN}/customers", handle(lambda p, b: store.admin_create(b), 201), methods=["POST"]),
        Route(f"{one}/edit", handle(edit), methods=["POST"]),
        Route(f"{one}/updated_at", handle(set_updated_at), methods=["PUT"]),
        Route(one, handle(purge), methods=["DELETE"]),
        Route(f"{ADMIN}/raw", handle(lambda p, b: {"key": store.admin_raw(b)}), methods=["POST"]),
        Route(f"{ADMIN}/settings", handle(lambda p, b: store.settings_view()), methods=["GET"]),
        Route(f"{ADMIN}/settings", handle(lambda p, b: store.admin_settings(b)), methods=["PUT"]),
        Route(f"{ADMIN}/stats", handle(lambda p, b: store.stats()), methods=["GET"]),
    ]


def create_app(
    store: CustomPMSStore, *, faults: FaultConfig | None = None, clock: Clock | None = None
) -> ASGIApp:
    """The emulator as an ASGI app, wrapped in the FaultInjector with CustomPMS's own 429 and 5xx."""
    clock = clock or store.clock
    config = faults or FaultConfig()
    counts = {"requests": 0, "faults": 0}
    api = _Api(store)
    routes = [
        Route(API, api.endpoint(api.list_customers), methods=["GET"]),
        Route(API, api.endpoint(api.create), methods=["POST"]),
        Route(f"{API}/{{id}}", api.endpoint(api.get), methods=["GET"]),
        Route(f"{API}/{{id}}", api.endpoint(api.patch), methods=["PATCH"]),
        Route(f"{API}/{{id}}", api.endpoint(api.delete), methods=["DELETE"]),
        *_admin_routes(store),
        *admin_routes(config, clock, counts),
    ]

    async def http_error(request: Request, exc: Exception) -> Response:
        # unknown paths and methods: the contract's error shape instead of Starlette's plain text
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        code = {404: "not_found", 405: "method_not_allowed"}.get(status, "bad_request")
        headers = {"Allow": allowed_methods(routes, request.scope)} if status == 405 else None
        return error_response(status, code, exc.detail if isinstance(exc, HTTPException) else "error",
                              headers=headers)

    async def crash(request: Request, exc: Exception) -> Response:
        return error_response(500, "internal_error", "unexpected server error")

    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error, Exception: crash})

    def too_many(request: Request) -> Response:
        limit = store.rate_limit or NOMINAL_RATE_LIMIT
        headers = {
            "Retry-After": "1",
            "RateLimit-Limit": str(limit),
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": "1",
        }
        return error_response(429, "rate_limited", "too many requests, retry after 1 second", headers=headers)

    def server_error(status: int) -> Response:
        message = "internal server error" if status == 500 else "service temporarily unavailable"
        return error_response(status, "internal_error", message)

    return FaultInjector(app, config, too_many, server_error, clock=clock, counts=counts)
