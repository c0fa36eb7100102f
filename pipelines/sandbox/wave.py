"""Wave emulator: `POST /graphql/public`, executed by graphql-core against Wave's real public schema.

The schema is the introspection dump the product ships (`pipelines/wave/public-schema.graphql`), so a
document the emulator accepts is one Wave's schema accepts, and vice versa. Only the resolvers below
return data; every other field of the schema resolves to null (or fails non-null, as it would when a
real resolver broke). The HTTP envelope follows Apollo Server 4, which Wave runs:

- a body that is not a GraphQL request: HTTP 400, code BAD_REQUEST;
- a document that does not parse: 400, GRAPHQL_PARSE_FAILED; that does not validate: 400,
  GRAPHQL_VALIDATION_FAILED (graphql-core's messages and locations, unchanged);
- variables that do not coerce (an unknown enum value, a malformed DateTime, a missing `name`):
  400, BAD_USER_INPUT; an unknown operationName: 400, OPERATION_RESOLUTION_FAILURE;
- everything that executed: 200 with `data` (and `errors` with a path, each with an extensions.code).

Data lives in `WaveStore`, in memory and JSON-serialisable for the runner. A customer is kept twice:
its *fields* (flat storage form, what `to_state` writes) and its *record*, the Customer in output form
(nested dicts that graphql-core's default resolver reads with a dict lookup, DateTimes already
formatted), so executing a page of 100 customers costs no Python per field. Records are never mutated
in place: a change builds a new dict, so a page being serialised never sees half an edit. Internal
keys of a record start with "_" (`_n` internal id, `_b` business id, `_m`/`_c` modified/created ms).

Each business keeps sorted lists of `(modifiedAt ms, internal id)` and `(createdAt ms, internal id)`
maintained with bisect on every change, and an index of lower-cased email -> internal ids, so a page
of MODIFIED_AT_ASC/DESC with a modifiedAt window out of 100,000 customers is two bisects and a slice.

Choices where Wave's behaviour is not documented (also pinned by tests/sandbox/test_wave_emulator.py):
- auth: `Authorization: Bearer <settings.SANDBOX_WAVE_TOKEN>` (the full access token) or an unexpired
  access token from the OAuth pages (oauth_pages.py); a missing or wrong token is HTTP 401
  with `{"errors": [{"message", "extensions": {"code": "UNAUTHENTICATED"}}]}`, checked before the
  document is even parsed (Wave's gateway refuses the token first);
- `modifiedAtAfter` is strict (modifiedAt > value) and `modifiedAtBefore` is strict (modifiedAt <
  value); values are compared at microsecond precision, stored times have milliseconds;
- `email` matches the whole address, case-insensitively, after trimming;
- `customers()` lists archived customers too (the query has no archive filter), with isArchived true;
- ties in a sort are ordered by the internal id, ascending (reversed for *_DESC), consistently
  between calls; NAME_* compares case-folded names. Only a single MODIFIED_AT_* or CREATED_AT_* sort
  is indexed; other sorts (NAME_*, several keys, or a window with CREATED_AT_*) sort the matches;
- `page` and `pageSize` must be >= 1 (else a BAD_USER_INPUT error, field null); pageSize has no
  upper bound; a page past the end has no edges; totalPages = ceil(totalCount / pageSize) (0 when
  nothing matches); currentPage echoes the page asked for;
- ids: Business `base64("Business:<uuid>")`, Customer `base64("Business:<uuid>;Customer:<int>")`
  (standard base64 with padding); the uuid is derived from the seed (uuid5), so a seed gives the same
  ids every time; customer ints start at 10000001 and are never reused;
- unknown ids: `business(id)` unknown -> null plus an error with code NOT_FOUND; `business(id:
  <absent>)` -> the first business (the "default business"); `business.customer(id)` unknown (or of
  another business) -> null, no error; customerCreate with an unknown businessId and
  customerPatch/customerDelete with an unknown or malformed id -> field null plus a NOT_FOUND error;
- inputErrors (didSucceed false, nothing changed, path starts with "input"):
  blank name -> code BLANK; an email that is not `local@domain.tld` -> INVALID (an empty email is
  allowed: it clears); a provinceCode not ISO 3166-2 of a known province -> INVALID, a province of
  another country -> INVALID, a provinceCode without countryCode -> REQUIRED; a text longer than 255
  characters (internalNotes excepted) -> MAX_LENGTH. Province codes are matched case-insensitively
  and stored upper case. Provinces are known for CA, US and NL; for other countries any
  `<CC>-<1..3 letters/digits>` code is accepted (named by its code);
- customerPatch: an absent field stays, an explicit null clears it (a null name is BLANK); a given
  `address` REPLACES the whole address (AddressInput fields not given become null), `address: null`
  clears it. Every successful patch moves modifiedAt, even when nothing changed (Wave saves the row);
- a customer without an address still has an `address` object whose fields are all null (Wave keeps
  the address as columns of the customer); `currency` defaults to the business's currency;
  `shippingDetails` input is accepted and ignored, the field is always null; `tollFree` is kept;
- modifiedAt/createdAt come from the Clock at millisecond precision; two changes in the same
  millisecond get the same modifiedAt (as in real life); seeded customers are stamped one millisecond
  apart, the last one at "now", in seed order;
- customerDelete removes the customer for good (it no longer appears anywhere);
- the injected 429 (FaultInjector) is `{"errors": [{"message": "Too many requests", "extensions":
  {"code": "TOO_MANY_REQUESTS"}}]}` with `Retry-After: 1`; injected 500/503 carry the same shape with
  INTERNAL_SERVER_ERROR / SERVICE_UNAVAILABLE;
- an unexpected resolver exception is masked as "Internal server error" (INTERNAL_SERVER_ERROR) and
  logged; the admin routes (`/_sandbox/...`) need no token.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import functools
import importlib.resources
import logging
import math
import re
import threading
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLResolveInfo,
    GraphQLSchema,
    build_schema,
    execute_sync,
    parse,
    validate,
)
from graphql.language import StringValueNode
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from pipelines.sandbox.common import (
    ADMIN_PREFIX,
    Clock,
    FaultConfig,
    FaultInjector,
    admin_routes,
    allowed_methods,
    json_dumps,
)
from pipelines.sandbox.oauth_pages import WaveOAuth, wave_oauth_routes

log = logging.getLogger("pipelines.sandbox.wave")

GRAPHQL_PATH = "/graphql/public"
WAVE_ADMIN = f"{ADMIN_PREFIX}/wave"
# The product ships the schema inside the pipelines.wave package (pyproject package-data).
SCHEMA_RESOURCE = ("pipelines.wave", "public-schema.graphql")
_UUID_NAMESPACE = uuid.UUID("5f0c7a52-8f43-4a4e-9d55-7a2f3f1c9e01")  # fixed: seed -> same ids
_FIRST_CUSTOMER = 10_000_001
_MAX_TEXT = 255
_DOCUMENT_CACHE_SIZE = 512
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
_TEXT_FIELDS = (
    "name", "firstName", "lastName", "displayId", "email", "mobile", "phone", "fax", "tollFree", "website",
    "internalNotes",
)
_ADDRESS_FIELDS = ("addressLine1", "addressLine2", "city", "provinceCode", "countryCode", "postalCode")
_SORTS = {"CREATED_AT": "_c", "MODIFIED_AT": "_m", "NAME": "name"}


# ---------------------------------------------------------------------- time


def format_ms(ms: int) -> str:
    """Epoch milliseconds as Wave's DateTime: RFC 3339, UTC, milliseconds, "Z"."""
    seconds, millis = divmod(ms, 1000)
    return f"{_second_text(seconds)}.{millis:03d}Z"


@functools.lru_cache(maxsize=4096)
def _second_text(seconds: int) -> str:
    # strftime is most of the cost of rendering a customer; seeded stamps share their seconds
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def parse_datetime(value: str) -> datetime:
    """An RFC 3339 / ISO 8601 date-time as an aware UTC datetime; a time without zone is taken as UTC
    (Wave's filters accept it); anything else raises ValueError."""
    if not isinstance(value, str) or "T" not in value.upper():
        raise ValueError(f"DateTime cannot represent value: {value!r}")
    moment = datetime.fromisoformat(value.strip().upper().replace("Z", "+00:00"))
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def _epoch_us(moment: datetime) -> int:
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def parse_ms(value: str) -> int:
    """An RFC 3339 date-time as epoch milliseconds (truncated)."""
    return _epoch_us(parse_datetime(value)) // 1000


# ---------------------------------------------------------------------- reference data


def _enum_descriptions(text: str, name: str) -> dict[str, str]:
    """`enum <name>`'s values with their one-line descriptions, read from the schema's SDL."""
    block = re.search(rf"^enum {name} \{{(.*?)^\}}", text, re.S | re.M)
    pairs = re.findall(r'"""(.*?)"""\s*([A-Z][A-Z0-9_]*)', block.group(1) if block else "", re.S)
    return {code: desc.strip() for desc, code in pairs}


_CA = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories", "NU": "Nunavut",
    "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
}
_US = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "AS": "American Samoa", "GU": "Guam",
    "MP": "Northern Mariana Islands", "PR": "Puerto Rico", "UM": "United States Minor Outlying Islands",
    "VI": "Virgin Islands, U.S.",
}
_NL = {
    "DR": "Drenthe", "FL": "Flevoland", "FR": "Fryslân", "GE": "Gelderland", "GR": "Groningen",
    "LI": "Limburg", "NB": "Noord-Brabant", "NH": "Noord-Holland", "OV": "Overijssel", "UT": "Utrecht",
    "ZE": "Zeeland", "ZH": "Zuid-Holland",
}
_PROVINCE_TABLES = {"CA": _CA, "US": _US, "NL": _NL}
_EURO = "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK".split()
_COUNTRY_CURRENCY = {
    **dict.fromkeys(_EURO, "EUR"), "CA": "CAD", "US": "USD", "GB": "GBP", "AU": "AUD", "NZ": "NZD",
    "CH": "CHF", "JP": "JPY", "MX": "MXN", "IN": "INR", "SE": "SEK", "NO": "NOK", "DK": "DKK",
}
_SYMBOLS = {"CAD": "$", "USD": "$", "AUD": "$", "NZD": "$", "MXN": "$", "EUR": "€", "GBP": "£", "JPY": "¥",
            "INR": "₹", "CHF": "CHF"}
_ZERO_EXPONENT = {"JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "PYG", "UGX"}
_THE = {"US", "GB", "NL", "AE", "PH", "BS", "CZ", "DO", "CF", "GM", "KY", "MH", "SB", "VA"}


class _Reference:
    """Countries, provinces and currencies as shared output dicts (built once per schema)."""

    def __init__(self, sdl: str) -> None:
        self.currencies: dict[str, dict] = {}
        for code, name in _enum_descriptions(sdl, "CurrencyCode").items():
            self.currencies[code] = {
                "code": code, "name": name, "symbol": _SYMBOLS.get(code, code),
                "plural": name if name.endswith("s") else f"{name}s",
                "exponent": 0 if code in _ZERO_EXPONENT else 2,
            }
        self.countries: dict[str, dict] = {}
        self.provinces: dict[str, dict] = {}
        for code, name in _enum_descriptions(sdl, "CountryCode").items():
            provinces = [
                {"code": f"{code}-{sub}", "name": sub_name, "slug": None}
                for sub, sub_name in sorted(_PROVINCE_TABLES.get(code, {}).items())
            ]
            self.provinces.update({p["code"]: p for p in provinces})
            currency = self.currencies.get(_COUNTRY_CURRENCY.get(code, "USD")) or self.currencies["USD"]
            self.countries[code] = {
                "code": code, "name": name, "currency": currency, "provinces": provinces,
                "nameWithArticle": f"the {name}" if code in _THE else name,
            }

    def province(self, code: str | None) -> dict | None:
        """The output Province for a stored code; codes of table-less countries are named by code."""
        if not code:
            return None
        found = self.provinces.get(code)
        return found or {"code": code, "name": code, "slug": None}


# ---------------------------------------------------------------------- schema


def _serialize_datetime(value: Any) -> str:
    if isinstance(value, str):
        return value  # records hold the formatted text already
    if isinstance(value, int):
        return format_ms(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return format_ms(_epoch_us(moment.astimezone(UTC)) // 1000)
    raise GraphQLError(f"DateTime cannot represent value: {value!r}")


def _parse_string_literal(parse_value):
    def parse_literal(node, _variables=None):
        if not isinstance(node, StringValueNode):
            raise GraphQLError("Expected a string literal.", node)
        return parse_value(node.value)

    return parse_literal


def _parse_date(value: Any) -> date:
    if not isinstance(value, str):
        raise ValueError(f"Date cannot represent value: {value!r}")
    return date.fromisoformat(value)


def _parse_decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"Decimal cannot represent value: {value!r}") from exc


def _parse_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"Expected a string, got {value!r}")
    return value


def _configure_scalars(schema: GraphQLSchema) -> None:
    """build_schema leaves custom scalars as pass-through; give them Wave's wire formats."""
    scalars: dict[str, tuple[Any, Any]] = {
        "DateTime": (_serialize_datetime, parse_datetime),
        "Date": (lambda v: v.isoformat() if isinstance(v, date) else str(v), _parse_date),
        "Decimal": (lambda v: str(v), _parse_decimal),
        "URL": (str, _parse_text),
        "HexColorCode": (str, _parse_text),
    }
    for name, (serialize, parse_value) in scalars.items():
        scalar = schema.get_type(name)
        parse_literal = _parse_string_literal(parse_value)
        # graphql-core 3.2 names, and 3.3's (which reads coerce_* and keeps the old ones as aliases)
        scalar.serialize, scalar.parse_value, scalar.parse_literal = serialize, parse_value, parse_literal
        if hasattr(scalar, "coerce_input_value"):
            scalar.coerce_output_value, scalar.coerce_input_value = serialize, parse_value
            scalar.coerce_input_literal = parse_literal
    # JSON keeps graphql-core's defaults (value as is; literals through value_from_ast_untyped)


_SCHEMA: tuple[GraphQLSchema, _Reference] | None = None
_SCHEMA_LOCK = threading.Lock()


def wave_schema() -> tuple[GraphQLSchema, _Reference]:
    """The shipped schema with the emulator's scalars and resolvers, and the reference data (once)."""
    global _SCHEMA
    with _SCHEMA_LOCK:
        if _SCHEMA is None:
            package, name = SCHEMA_RESOURCE
            sdl = importlib.resources.files(package).joinpath(name).read_text(encoding="utf-8")
            schema = build_schema(sdl)
            _configure_scalars(schema)
            _install_resolvers(schema)
            _SCHEMA = schema, _Reference(sdl)
        return _SCHEMA


# ---------------------------------------------------------------------- ids


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def business_id(business_uuid: str) -> str:
    return _b64(f"Business:{business_uuid}")


def customer_id(business_uuid: str, number: int) -> str:
    return _b64(f"Business:{business_uuid};Customer:{number}")


def decode_customer_id(value: str) -> tuple[str, int] | None:
    """(business uuid, customer int) of a Customer id, or None when it is not one."""
    try:
        text = base64.b64decode(value.encode(), validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    found = re.fullmatch(r"Business:([0-9a-f-]{36});Customer:(\d+)", text)
    return (found.group(1), int(found.group(2))) if found else None


# ---------------------------------------------------------------------- store


class _NotFound(Exception):
    pass


class InputErrors(Exception):
    """A change Wave refuses with inputErrors (didSucceed false)."""

    def __init__(self, errors: list[dict]) -> None:
        super().__init__("; ".join(e["message"] for e in errors))
        self.errors = errors


class _Business:
    """One business: its output dict and the indexes of its customers."""

    def __init__(self, business_uuid: str, name: str, currency: str, created: int, modified: int,
                 ref: _Reference) -> None:
        self.uuid, self.name, self.currency_code = business_uuid, name, currency
        self.created, self.modified = created, modified
        self.id = business_id(business_uuid)
        self.record = {
            "id": self.id, "name": name, "isPersonal": False, "organizationalType": None, "type": None,
            "subtype": None, "currency": ref.currencies[currency], "timezone": "America/Toronto",
            "address": None, "phone": None, "fax": None, "mobile": None, "tollFree": None, "website": None,
            "isClassicAccounting": False, "isClassicInvoicing": False, "isArchived": False,
            "createdAt": format_ms(created), "modifiedAt": format_ms(modified),
        }
        self.by_modified: list[tuple[int, int]] = []
        self.by_created: list[tuple[int, int]] = []
        self.by_email: dict[str, set[int]] = {}


class WaveStore:
    """All data of the emulated Wave account (one user, its businesses and their customers)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.dirty = False
        self._lock = threading.RLock()
        _schema, self.ref = wave_schema()
        self._businesses: dict[str, _Business] = {}  # by business id (base64)
        self._by_uuid: dict[str, _Business] = {}
        self._fields: dict[int, dict] = {}  # storage form, by internal customer id
        self._records: dict[int, dict] = {}  # output form
        self._next = _FIRST_CUSTOMER
        self.oauth = WaveOAuth(clock, self)  # OAuth-issued tokens besides the full access token
        created = format_ms(int(clock.now() * 1000))
        self.user = {
            "id": _b64(f"User:{uuid.uuid5(_UUID_NAMESPACE, 'user')}"),
            "defaultEmail": "owner@sandbox.invalid",
            "firstName": "Sandbox", "lastName": "Owner", "createdAt": created, "modifiedAt": created,
        }

    # ------------------------------------------------------------------ seed and state

    def now_ms(self) -> int:
        return int(self.clock.now() * 1000)

    def load_seed(self, seed: dict, at_ms: int | None = None) -> None:
        """Add the seed's businesses and customers (the seed generator's "wave" part), the last one
        modified at `at_ms` (default now), each one before it a millisecond earlier. Seeds are trusted
        but normalised: country codes upper case, a bare province code ("ON") prefixed with its country
        ("CA-ON")."""
        with self._lock:
            businesses = seed.get("businesses") or []
            total = sum(len(b.get("customers") or []) for b in businesses)
            now = self.now_ms() if at_ms is None else at_ms
            stamp = now - total
            for business_seed in businesses:
                index = len(self._businesses)
                name = business_seed["name"]
                key = str(uuid.uuid5(_UUID_NAMESPACE, f"business:{index}:{name}"))
                business = self._add_business(key, name, business_seed.get("currency") or "CAD", now, now)
                for customer_seed in business_seed.get("customers") or []:
                    stamp += 1
                    fields = self._seed_fields(customer_seed, business)
                    fields.update(n=self._take_number(), createdAt=stamp, modifiedAt=stamp)
                    self._put(business, fields, index=False)
                business.by_modified.sort()  # one sort per bulk load instead of an insort per row
                business.by_created.sort()
            self.dirty = True

    def _seed_fields(self, raw: dict, business: _Business) -> dict:
        fields: dict[str, Any] = {name: raw.get(name) for name in _TEXT_FIELDS}
        fields["currency"] = raw.get("currency") or business.currency_code
        address = raw.get("address") or {}
        fields.update({name: address.get(name) for name in _ADDRESS_FIELDS})
        country = (fields["countryCode"] or "").upper() or None
        if country is not None and country not in self.ref.countries:
            raise ValueError(f"seed: unknown country code {country!r}")
        province = (fields["provinceCode"] or "").upper() or None
        if province and country and "-" not in province:
            province = f"{country}-{province}"
        fields.update(countryCode=country, provinceCode=province, isArchived=bool(raw.get("isArchived")))
        return fields

    def to_state(self) -> dict:
        with self._lock:
            businesses = []
            for business in self._businesses.values():
                numbers = sorted(n for _c, n in business.by_created)
                businesses.append({
                    "uuid": business.uuid, "name": business.name, "currency": business.currency_code,
                    "createdAt": business.created, "modifiedAt": business.modified,
                    "customers": [dict(self._fields[n]) for n in numbers],
                })
            return {"format": 1, "next": self._next, "businesses": businesses, "oauth": self.oauth.to_state()}

    @classmethod
    def from_state(cls, state: dict, clock: Clock) -> WaveStore:
        store = cls(clock)
        with store._lock:
            for item in state.get("businesses") or []:
                business = store._add_business(
                    item["uuid"], item["name"], item["currency"], item["createdAt"], item["modifiedAt"]
                )
                for fields in item.get("customers") or []:
                    store._put(business, dict(fields), index=False)
                business.by_modified.sort()
                business.by_created.sort()
            store._next = max([state.get("next") or _FIRST_CUSTOMER, *(n + 1 for n in store._fields)])
            store.oauth.load_state(state.get("oauth"))
            store.dirty = False
        return store

    def _add_business(self, key: str, name: str, currency: str, created: int, modified: int) -> _Business:
        if currency not in self.ref.currencies:
            raise ValueError(f"unknown currency {currency!r}")
        business = _Business(key, name, currency, created, modified, self.ref)
        self._businesses[business.id] = business
        self._by_uuid[key] = business
        return business

    def _take_number(self) -> int:
        number, self._next = self._next, self._next + 1
        return number

    # ------------------------------------------------------------------ indexes

    def _render(self, business: _Business, fields: dict) -> dict:
        """The Customer in output form (what the default resolvers read)."""
        ref, number = self.ref, fields["n"]
        country = fields.get("countryCode")
        return {
            "_n": number, "_b": business.id, "_m": fields["modifiedAt"], "_c": fields["createdAt"],
            "id": customer_id(business.uuid, number), "internalId": str(number), "business": business.record,
            **{name: fields.get(name) for name in _TEXT_FIELDS},
            "address": {
                "addressLine1": fields.get("addressLine1"), "addressLine2": fields.get("addressLine2"),
                "city": fields.get("city"), "province": ref.province(fields.get("provinceCode")),
                "country": ref.countries.get(country) if country else None,
                "postalCode": fields.get("postalCode"),
            },
            "currency": ref.currencies.get(fields.get("currency") or ""),
            "shippingDetails": None,
            "createdAt": format_ms(fields["createdAt"]), "modifiedAt": format_ms(fields["modifiedAt"]),
            "isArchived": bool(fields.get("isArchived")),
        }

    def _put(self, business: _Business, fields: dict, index: bool = True) -> dict:
        """Store a new version of a customer and keep the indexes in step (`index=False`: append
        and let the caller sort once, for bulk loads)."""
        number = fields["n"]
        old = self._fields.get(number)
        if old is not None:
            self._unindex(business, old)
        record = self._render(business, fields)
        self._fields[number], self._records[number] = fields, record
        if index:
            bisect.insort(business.by_modified, (fields["modifiedAt"], number))
            bisect.insort(business.by_created, (fields["createdAt"], number))
        else:
            business.by_modified.append((fields["modifiedAt"], number))
            business.by_created.append((fields["createdAt"], number))
        email = _email_key(fields.get("email"))
        if email:
            numbers = business.by_email.get(email)
            if numbers is None:
                business.by_email[email] = {number}
            else:
                numbers.add(number)
        return record

    def _unindex(self, business: _Business, fields: dict) -> None:
        number = fields["n"]
        pairs = ((business.by_modified, fields["modifiedAt"]), (business.by_created, fields["createdAt"]))
        for items, key in pairs:
            at = bisect.bisect_left(items, (key, number))
            if at < len(items) and items[at] == (key, number):
                del items[at]
        email = _email_key(fields.get("email"))
        if email and email in business.by_email:
            business.by_email[email].discard(number)
            if not business.by_email[email]:
                del business.by_email[email]

    # ------------------------------------------------------------------ reads

    def businesses(self) -> list[dict]:
        with self._lock:
            return [b.record for b in self._businesses.values()]

    def business(self, key: str | None) -> dict | None:
        with self._lock:
            if key is None:
                return next(iter(self._businesses.values())).record if self._businesses else None
            found = self._businesses.get(key)
            return found.record if found else None

    def customer(self, key: str, business_key: str | None = None) -> dict | None:
        """The record of a Customer id (optionally only within one business)."""
        decoded = decode_customer_id(key) if isinstance(key, str) else None
        with self._lock:
            record = self._records.get(decoded[1]) if decoded else None
            if record is None or self._by_uuid.get(decoded[0]) is None:
                return None
            if record["_b"] != business_id(decoded[0]):
                return None
            if business_key is not None and record["_b"] != business_key:
                return None
            return record

    def customers_page(
        self,
        business_key: str,
        page: int,
        size: int,
        sort: Iterable[str] = ("CREATED_AT_DESC",),
        email: str | None = None,
        after: datetime | None = None,
        before: datetime | None = None,
    ) -> tuple[list[dict], int]:
        """One page of a business's customers and the number of matches."""
        sort = list(sort) or ["CREATED_AT_DESC"]
        with self._lock:
            business = self._businesses[business_key]
            index = business.by_modified
            # stored ms vs bounds in µs: ms > after <=> ms > floor(after / 1000);
            # ms < before <=> ms < ceil(before / 1000)
            low = _epoch_us(after) // 1000 if after is not None else -math.inf
            high = -(-_epoch_us(before) // 1000) if before is not None else math.inf
            lo = bisect.bisect_right(index, (low, math.inf)) if after is not None else 0
            hi = bisect.bisect_left(index, (high, -math.inf)) if before is not None else len(index)
            hi = max(lo, hi)
            windowed = after is not None or before is not None
            offset = (page - 1) * size
            if email is None and len(sort) == 1 and sort[0].startswith("MODIFIED_AT_"):
                keys = _slice(index, lo, hi, offset, size, sort[0].endswith("_DESC"))
                return [self._records[n] for _m, n in keys], hi - lo
            if email is None and not windowed and len(sort) == 1 and sort[0].startswith("CREATED_AT_"):
                created = business.by_created
                keys = _slice(created, 0, len(created), offset, size, sort[0].endswith("_DESC"))
                return [self._records[n] for _c, n in keys], len(created)
            if email is not None:
                numbers = business.by_email.get(_email_key(email) or "", ())
                rows = [r for r in map(self._records.__getitem__, numbers) if low < r["_m"] < high]
            else:
                rows = [self._records[n] for _m, n in index[lo:hi]]
        rows.sort(key=lambda r: r["_n"])
        for option in reversed(sort):
            field, _sep, direction = option.rpartition("_")
            attr = _SORTS[field]
            key = (lambda r: (r[attr] or "").casefold()) if attr == "name" else (lambda r, a=attr: r[a])
            rows.sort(key=key, reverse=direction == "DESC")
        return rows[offset:offset + size], len(rows)

    # ------------------------------------------------------------------ writes

    def create_customer(self, business_key: str, changes: dict) -> dict:
        """customerCreate: `changes` in CustomerCreateInput form (without businessId)."""
        with self._lock:
            business = self._businesses.get(business_key)
            if business is None:
                raise _NotFound(f"Business {business_key!r} not found.")
            fields = dict.fromkeys((*_TEXT_FIELDS, *_ADDRESS_FIELDS))
            fields.update(currency=business.currency_code, isArchived=False)
            fields = _apply(fields, changes, self.ref, creating=True)
            now = self.now_ms()
            fields.update(n=self._take_number(), createdAt=now, modifiedAt=now)
            self.dirty = True
            return self._put(business, fields)

    def patch_customer(self, key: str, changes: dict, *, replace_address: bool = True) -> dict:
        """customerPatch (`replace_address`) or a user's edit in the UI (address merged field by field)."""
        with self._lock:
            record = self._require(key)
            business = self._businesses[record["_b"]]
            fields = _apply(dict(self._fields[record["_n"]]), changes, self.ref, creating=False,
                            replace_address=replace_address)
            fields["modifiedAt"] = self.now_ms()
            self.dirty = True
            return self._put(business, fields)

    def set_archived(self, key: str, archived: bool) -> dict:
        with self._lock:
            record = self._require(key)
            fields = dict(self._fields[record["_n"]], isArchived=archived, modifiedAt=self.now_ms())
            self.dirty = True
            return self._put(self._businesses[record["_b"]], fields)

    def set_modified_at(self, key: str, ms: int) -> dict:
        with self._lock:
            record = self._require(key)
            fields = dict(self._fields[record["_n"]], modifiedAt=ms)
            self.dirty = True
            return self._put(self._businesses[record["_b"]], fields)

    def delete_customer(self, key: str) -> None:
        with self._lock:
            record = self._require(key)
            number = record["_n"]
            self._unindex(self._businesses[record["_b"]], self._fields[number])
            del self._fields[number], self._records[number]
            self.dirty = True

    def _require(self, key: str) -> dict:
        record = self.customer(key)
        if record is None:
            raise _NotFound(f"Customer {key!r} not found.")
        return record

    # ------------------------------------------------------------------ admin views

    def public(self, record: dict) -> dict:
        """A record as JSON for the admin routes: the Customer's fields, business as {"id"}."""
        out = {k: v for k, v in record.items() if not k.startswith("_")}
        out["business"] = {"id": record["_b"]}
        address = dict(out["address"])
        address["province"] = _pick(address["province"], "code", "name")
        address["country"] = _pick(address["country"], "code", "name")
        out["address"] = address
        out["currency"] = _pick(out["currency"], "code", "symbol", "name")
        return out

    def stats(self) -> list[dict]:
        with self._lock:
            return [{"id": b.id, "name": b.name, "currency": b.currency_code, "customers": len(b.by_created)}
                    for b in self._businesses.values()]


def _pick(value: dict | None, *keys: str) -> dict | None:
    return None if value is None else {k: value[k] for k in keys}


def _email_key(value: str | None) -> str | None:
    return (value.strip().casefold() or None) if isinstance(value, str) else None


def _slice(index: list, lo: int, hi: int, offset: int, size: int, descending: bool) -> list:
    if descending:
        end = hi - offset
        return index[max(lo, end - size):max(lo, end)][::-1]
    start = lo + offset
    return index[min(start, hi):min(start + size, hi)]


def _apply(
    fields: dict, changes: dict, ref: _Reference, *, creating: bool, replace_address: bool = True
) -> dict:
    """`fields` with the input `changes` applied, or InputErrors (nothing applied). An absent key
    stays, an explicit None clears."""
    errors: list[dict] = []

    def error(path: list[str], message: str, code: str) -> None:
        errors.append({"path": ["input", *path], "message": message, "code": code})

    result = dict(fields)
    if creating and "name" not in changes:
        error(["name"], "This field is required.", "REQUIRED")
    for name in _TEXT_FIELDS:
        if name not in changes:
            continue
        value = changes[name]
        if value is not None and not isinstance(value, str):
            error([name], "Expected a string.", "INVALID")
            continue
        if name == "name" and (value is None or not value.strip()):
            error([name], "This field may not be blank.", "BLANK")
            continue
        if value is not None and name != "internalNotes" and len(value) > _MAX_TEXT:
            error([name], f"Ensure this field has no more than {_MAX_TEXT} characters.", "MAX_LENGTH")
            continue
        if name == "email" and value and not _EMAIL.fullmatch(value.strip()):
            error([name], "Enter a valid email address.", "INVALID")
            continue
        result[name] = value
    if "currency" in changes:
        result["currency"] = changes["currency"]
    if "isArchived" in changes:
        result["isArchived"] = bool(changes["isArchived"])
    if "address" in changes:
        given = changes["address"] or {}
        if not isinstance(given, dict):
            error(["address"], "Expected an object.", "INVALID")
            given = {}
        unknown = set(given) - set(_ADDRESS_FIELDS)
        if unknown:
            error(["address"], f"Unknown address fields: {', '.join(sorted(unknown))}.", "INVALID")
        for name in _ADDRESS_FIELDS:
            if name in given or replace_address:
                value = given.get(name)
                if value is not None and name != "countryCode" and len(str(value)) > _MAX_TEXT:
                    error(["address", name], f"Ensure this field has no more than {_MAX_TEXT} characters.",
                          "MAX_LENGTH")
                result[name] = value
        country = result.get("countryCode")
        if country is not None and country not in ref.countries:
            error(["address", "countryCode"], f"Select a valid country; {country!r} is not one.", "INVALID")
        province = result.get("provinceCode")
        if province is not None and not isinstance(province, str):
            error(["address", "provinceCode"], "Expected a string.", "INVALID")
        elif province is not None and province.strip() == "":
            result["provinceCode"] = None
        elif province is not None:
            province = province.strip().upper()
            result["provinceCode"] = province
            message = _province_problem(province, country, ref)
            if message:
                code = "REQUIRED" if country is None else "INVALID"
                error(["address", "provinceCode"], message, code)
    if errors:
        raise InputErrors(errors)
    return result


def _province_problem(code: str, country: str | None, ref: _Reference) -> str | None:
    if country is None:
        return "A province needs a countryCode."
    if country in _PROVINCE_TABLES:
        if code in ref.provinces:
            return None if code.startswith(f"{country}-") else f"Province {code} is not in country {country}."
        return f"Select a valid province; {code} is not one of {country}."
    if re.fullmatch(rf"{country}-[A-Z0-9]{{1,3}}", code):
        return None
    if code in ref.provinces:
        return f"Province {code} is not in country {country}."
    return f"Select a valid province; {code} is not an ISO 3166-2 code of {country}."


# ---------------------------------------------------------------------- resolvers


def _store(info: GraphQLResolveInfo) -> WaveStore:
    return info.context["store"]


def _error(message: str, code: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


def _connection(rows: list[dict], total: int, page: int, size: int) -> dict:
    return {
        "edges": [{"node": row} for row in rows],
        "pageInfo": {"currentPage": page, "totalPages": math.ceil(total / size), "totalCount": total},
    }


def _check_paging(page: int, size: int) -> None:
    if page < 1:
        raise _error("page must be 1 or more.", "BAD_USER_INPUT")
    if size < 1:
        raise _error("pageSize must be 1 or more.", "BAD_USER_INPUT")


def _resolve_businesses(_root, info, page: int = 1, pageSize: int = 10) -> dict:  # noqa: N803
    _check_paging(page, pageSize)
    rows = _store(info).businesses()
    return _connection(rows[(page - 1) * pageSize:page * pageSize], len(rows), page, pageSize)


def _resolve_business(_root, info, id: str | None = None) -> dict | None:  # noqa: A002
    found = _store(info).business(id)
    if found is None and id is not None:
        raise _error(f"Business {id!r} not found.", "NOT_FOUND")
    return found


def _resolve_customers(business, info, page=1, pageSize=45, sort=("CREATED_AT_DESC",), email=None,  # noqa: N803
                       modifiedAtAfter=None, modifiedAtBefore=None) -> dict:  # noqa: N803
    _check_paging(page, pageSize)
    rows, total = _store(info).customers_page(
        business["id"], page, pageSize, sort, email, modifiedAtAfter, modifiedAtBefore
    )
    return _connection(rows, total, page, pageSize)


def _resolve_customer(business, info, id: str) -> dict | None:  # noqa: A002
    return _store(info).customer(id, business["id"])


def _mutation(action):
    """Wrap a store write: InputErrors -> didSucceed false with inputErrors; unknown id -> NOT_FOUND."""

    def resolve(_root, info, input: dict) -> dict:  # noqa: A002
        try:
            customer = action(_store(info), dict(input))
        except InputErrors as exc:
            return {"didSucceed": False, "inputErrors": exc.errors, "customer": None}
        except _NotFound as exc:
            raise _error(str(exc), "NOT_FOUND") from None
        return {"didSucceed": True, "inputErrors": [], "customer": customer}

    return resolve


def _create(store: WaveStore, data: dict) -> dict:
    data.pop("shippingDetails", None)
    return store.create_customer(data.pop("businessId"), data)


def _patch(store: WaveStore, data: dict) -> dict:
    data.pop("shippingDetails", None)
    return store.patch_customer(data.pop("id"), data)


def _delete(store: WaveStore, data: dict) -> None:
    store.delete_customer(data["id"])


def _install_resolvers(schema: GraphQLSchema) -> None:
    def ref(info) -> _Reference:
        return _store(info).ref

    query = schema.query_type.fields
    query["user"].resolve = lambda _r, info: _store(info).user
    query["businesses"].resolve = _resolve_businesses
    query["business"].resolve = _resolve_business
    query["countries"].resolve = lambda _r, info: list(ref(info).countries.values())
    query["country"].resolve = lambda _r, info, code: ref(info).countries.get(code)
    query["province"].resolve = lambda _r, info, code: ref(info).provinces.get(code.upper())
    query["currencies"].resolve = lambda _r, info: list(ref(info).currencies.values())
    query["currency"].resolve = lambda _r, info, code: ref(info).currencies.get(code)
    business = schema.get_type("Business").fields
    business["customers"].resolve = _resolve_customers
    business["customer"].resolve = _resolve_customer
    mutation = schema.mutation_type.fields
    mutation["customerCreate"].resolve = _mutation(_create)
    mutation["customerPatch"].resolve = _mutation(_patch)
    mutation["customerDelete"].resolve = _mutation(_delete)


# ---------------------------------------------------------------------- HTTP


def _json(body: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json_dumps(body), status_code=status, media_type="application/json", headers=headers)


def graphql_errors(status: int, message: str, code: str, headers: dict[str, str] | None = None) -> Response:
    return _json({"errors": [{"message": message, "extensions": {"code": code}}]}, status, headers)


def _formatted(errors: Iterable[GraphQLError], code: str) -> list[dict]:
    out = []
    for error in errors:
        original = error.original_error
        if original is not None and not isinstance(original, GraphQLError) and error.path is not None:
            # a bug in a resolver (a scalar refusing an input has no path): masked like Apollo's
            # production mode, logged here
            log.error("wave emulator: resolver failed at %s", error.path, exc_info=original)
            error = GraphQLError("Internal server error", error.nodes, path=error.path,
                                 extensions={"code": "INTERNAL_SERVER_ERROR"})
        item = error.formatted
        item["extensions"] = {"code": code, **(item.get("extensions") or {})}
        out.append(item)
    return out


class _Graphql:
    """The `/graphql/public` endpoint: auth, Apollo's HTTP envelope, a cache of validated documents."""

    def __init__(self, store: WaveStore) -> None:
        self.store = store
        self.schema, _ref = wave_schema()
        self._documents: dict[str, tuple[DocumentNode | None, Response | None]] = {}
        self._lock = threading.Lock()

    def _document(self, query: str) -> tuple[DocumentNode | None, Response | None]:
        """(document, None) when the query parses and validates, else (None, the 400 answer)."""
        with self._lock:
            cached = self._documents.get(query)
        if cached is not None:
            return cached
        try:
            document = parse(query)
        except GraphQLError as exc:
            result: tuple = (None, _json({"errors": _formatted([exc], "GRAPHQL_PARSE_FAILED")}, 400))
        else:
            problems = validate(self.schema, document)
            result = (None, _json({"errors": _formatted(problems, "GRAPHQL_VALIDATION_FAILED")}, 400)) \
                if problems else (document, None)
        with self._lock:
            if len(self._documents) >= _DOCUMENT_CACHE_SIZE:
                self._documents.clear()
            self._documents[query] = result
        return result

    async def endpoint(self, request: Request) -> Response:
        auth = request.headers.get("authorization", "")
        scheme, _sep, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not self.store.oauth.accepts(token.strip()):
            message = "Missing access token." if not auth else "The access token is invalid or has expired."
            return graphql_errors(401, message, "UNAUTHENTICATED")
        try:
            body = await request.json()
        except ValueError:
            return graphql_errors(400, "The request body is not valid JSON.", "BAD_REQUEST")
        if not isinstance(body, dict) or not isinstance(body.get("query"), str) or not body["query"].strip():
            return graphql_errors(400, "POST body must contain a non-empty `query` string.", "BAD_REQUEST")
        variables, operation = body.get("variables"), body.get("operationName")
        if variables is not None and not isinstance(variables, dict):
            return graphql_errors(400, "`variables` must be an object.", "BAD_REQUEST")
        if operation is not None and not isinstance(operation, str):
            return graphql_errors(400, "`operationName` must be a string.", "BAD_REQUEST")
        document, refusal = self._document(body["query"])
        if refusal is not None:
            return refusal
        result = execute_sync(self.schema, document, context_value={"store": self.store},
                              variable_values=variables, operation_name=operation)
        errors = list(result.errors or [])
        if result.data is None and errors and all(e.path is None for e in errors):
            # the request failed before execution: variables or operation (Apollo answers 400)
            code = "OPERATION_RESOLUTION_FAILURE" if any("operation" in e.message.lower() for e in errors) \
                else "BAD_USER_INPUT"
            return _json({"errors": _formatted(errors, code)}, 400)
        answer: dict[str, Any] = {}
        if errors:
            answer["errors"] = _formatted(errors, "INTERNAL_SERVER_ERROR")
        answer["data"] = result.data
        return _json(answer)


# ---------------------------------------------------------------------- admin routes


def _admin_routes(store: WaveStore) -> list[Route]:
    """`/_sandbox/wave/...`: what a user does in Wave's UI, and test hooks. Customer ids in paths are
    the GraphQL ids (URL-encode them; a "/" inside the base64 works too)."""

    def handle(action):
        async def endpoint(request: Request) -> Response:
            try:
                body = await request.json() if request.method in ("POST", "PATCH", "PUT") else {}
            except ValueError:
                body = None
            if request.method in ("PATCH", "PUT") and not isinstance(body, dict):
                return _json({"error": "the body must be a JSON object"}, 400)
            try:
                return await action(request, body if isinstance(body, dict) else {})
            except _NotFound as exc:
                return _json({"error": str(exc)}, 404)
            except InputErrors as exc:
                return _json({"inputErrors": exc.errors}, 422)

        return endpoint

    async def businesses(request: Request, _body: dict) -> Response:
        return _json({"businesses": store.stats()})

    async def create(request: Request, body: dict) -> Response:
        record = store.create_customer(request.path_params["bid"], body)
        return _json({"customer": store.public(record)}, 201)

    async def get(request: Request, _body: dict) -> Response:
        return _json({"customer": store.public(store._require(request.path_params["cid"]))})

    async def edit(request: Request, body: dict) -> Response:
        record = store.patch_customer(request.path_params["cid"], body, replace_address=False)
        return _json({"customer": store.public(record)})

    async def delete(request: Request, _body: dict) -> Response:
        store.delete_customer(request.path_params["cid"])
        return Response(status_code=204)

    def archive(flag: bool):
        async def action(request: Request, _body: dict) -> Response:
            return _json({"customer": store.public(store.set_archived(request.path_params["cid"], flag))})

        return action

    async def modified_at(request: Request, body: dict) -> Response:
        try:
            ms = parse_ms(body["modifiedAt"])
        except (KeyError, TypeError, ValueError):
            return _json({"error": 'body must be {"modifiedAt": "<RFC 3339 date-time>"}'}, 400)
        return _json({"customer": store.public(store.set_modified_at(request.path_params["cid"], ms))})

    customer = f"{WAVE_ADMIN}/customers/{{cid:path}}"
    return [
        Route(f"{WAVE_ADMIN}/businesses", handle(businesses), methods=["GET"]),
        Route(f"{WAVE_ADMIN}/businesses/{{bid:path}}/customers", handle(create), methods=["POST"]),
        Route(f"{customer}/archive", handle(archive(True)), methods=["POST"]),
        Route(f"{customer}/unarchive", handle(archive(False)), methods=["POST"]),
        Route(f"{customer}/modified-at", handle(modified_at), methods=["PUT"]),
        Route(customer, handle(get), methods=["GET"]),
        Route(customer, handle(edit), methods=["PATCH"]),
        Route(customer, handle(delete), methods=["DELETE"]),
    ]


# ---------------------------------------------------------------------- app


def create_app(store: WaveStore, *, faults: FaultConfig | None = None, clock: Clock | None = None) -> ASGIApp:
    """The emulator as an ASGI app, wrapped in the FaultInjector with Wave's own 429 and 5xx."""
    clock = clock or store.clock
    config = faults or FaultConfig()
    counts = {"requests": 0, "faults": 0}
    routes = [
        Route(GRAPHQL_PATH, _Graphql(store).endpoint, methods=["POST"]),
        *wave_oauth_routes(store),  # /oauth2/authorize/ and /oauth2/token/ (oauth_pages.py)
        *_admin_routes(store),
        *admin_routes(config, clock, counts),
    ]

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        code = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}.get(status, "BAD_REQUEST")
        headers = {"Allow": allowed_methods(routes, request.scope)} if status == 405 else None
        return graphql_errors(status, exc.detail if isinstance(exc, HTTPException) else "error", code, headers)

    async def crash(request: Request, exc: Exception) -> Response:
        log.error("wave emulator: unexpected error", exc_info=exc)
        return graphql_errors(500, "Internal server error", "INTERNAL_SERVER_ERROR")

    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error, Exception: crash})

    def too_many(request: Request) -> Response:
        return graphql_errors(429, "Too many requests", "TOO_MANY_REQUESTS", headers={"Retry-After": "1"})

    def server_error(status: int) -> Response:
        if status == 503:
            return graphql_errors(503, "Service unavailable", "SERVICE_UNAVAILABLE")
        return graphql_errors(status, "Internal server error", "INTERNAL_SERVER_ERROR")

    return FaultInjector(app, config, too_many, server_error, clock=clock, counts=counts)
