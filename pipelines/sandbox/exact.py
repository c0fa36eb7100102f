"""Exact Online emulator: OAuth with rotating refresh tokens, per-division rate limits, OData v2 JSON.

Everything here follows docs/reference/exact-online-api.md, because the point of the sandbox is that
a client which works against it works against Exact: nothing is friendlier than the real service.
Where that page is silent the emulator picks one reading and says so (see "Choices" below).

Data lives in `ExactStore` (in memory, JSON-serialisable for the runner's persistence). Records are
kept in their *output* form (dates as "/Date(ms)/", `Code` already space-padded), so serving a page
is a dict projection per row and one `json.dumps`; hidden fields start with "_" (`_key`: the sort key
of the ID-ordered index, `_ts`: the row version). Accounts are indexed twice per division: by ID
(sorted list, for crm/Accounts paging with `$skiptoken=guid'..'`) and by Timestamp (append-only
list + dict, for sync/CRM/Accounts), so a 1,000-row sync page of a 100,000-account division costs a
bisect and 1,000 dict lookups.

Choices where the reference is silent (also in the report of the module's tests):
- a division the user has no access to answers 403 (Exact error shape); it counts as an error;
- a request without `Accept: application/json` (or `$format=json`) answers 406 with an OData XML
  error, instead of Atom XML (nothing is half-processed that way);
- the sync endpoints' key is `Timestamp`, so their `$skiptoken` is `<last Timestamp>L`; other
  collections continue after the last key (`guid'<ID>'`, or the division `Code`);
- `$top` answers a bare array of at most one page and never a `__next`; `__count` is a string
  (OData v2 verbose JSON); string comparisons ignore case (SQL Server collation);
- POST without `Prefer: return=representation` answers 201 with every property null (plus
  `__metadata` and a `Location` header, which carry the new ID);
- Timestamps are per division, shared by accounts and their deletes, starting at 1;
- more than 10 errors per app, division and endpoint in an hour block that triple for an hour with
  403 "Too many errors" (`block_status` 429 answers it as a 429 without rate-limit headers instead,
  the other reading users report); refused token calls count too, under the token endpoint;
- token calls over the day's cap (200 per app and user, reset at 00:00 UTC) answer 429
  `{"error": "access_denied", "error_description": "Maximum number of token requests per day
  reached ..."}` (the reference does not give the shape);
- a refresh within 570 s of the chain's last token answers 400 access_denied "Rate limit exceeded:
  access_token not expired" (`early_refresh_status` 401: the older 401 shape with WWW-Authenticate);
  a rotated-away refresh token answers 401 unauthorized_client "Old refresh token used."; one unused
  for 30 days answers 400 invalid_request "The refresh token expired at ... and it is now ...";
- a 405 names the allowed methods in `Allow`;
- unknown seed fields are ignored; `Status` defaults to "C", a missing `Code` on POST gets the next
  free number; codes are unique per division (400 on a duplicate);
- a call is counted (and answered with the X-RateLimit-* headers) once its token, division and
  error block have been checked: 401s, unknown divisions and blocked calls cost nothing and carry
  no rate headers; a 429 is not counted either;
- rate-limit counters are persisted in `to_state` but do not set `dirty` by themselves.
"""

from __future__ import annotations

import bisect
import json
import os
import secrets
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from pipelines import settings
from pipelines.sandbox import exact_odata as od
from pipelines.sandbox.common import ADMIN_PREFIX, Clock, FaultConfig, FaultInjector, admin_routes, json_dumps
from pipelines.sandbox.oauth_pages import exact_oauth_routes

ADMIN = f"{ADMIN_PREFIX}/exact"
USER_ID = "4b0d9c2e-6f1a-4c1e-9a57-3e5f0d6b8a11"  # the sandbox's one user (Creator/Modifier, Me)
CODE_WIDTH = 18
ACCOUNT_STATUSES = {"A", "S", "P", "C"}
CODE_LEN_MAX = 2000
AUTH_CODE_TTL = 180
REFRESH_TOO_EARLY = settings.EXACT_TOKEN_MIN_INTERVAL  # 570 s
REFRESH_TOKEN_TTL = settings.EXACT_REFRESH_TOKEN_DAYS * 86400
DELETED_KEPT = 61 * 86400  # "kept two months"
ERROR_LIMIT, ERROR_WINDOW = settings.EXACT_ERROR_LIMIT, settings.EXACT_ERROR_WINDOW
COUNTED_ERRORS = {400, 401, 403, 404}
TOKEN_ENDPOINT = "oauth2/token"
SPENT_KEPT = 1000  # rotated-away refresh tokens remembered (to answer "Old refresh token used.")
SETTINGS = {"minute_limit": int, "day_limit": int, "token_limit": int, "early_refresh_status": int,
            "block_status": int}
MAX_BODY = 10 * 1024 * 1024
MAX_URL = 6000

S, G, I32, I64, B, DT, RV = od.STRING, od.GUID, od.INT32, od.INT64, od.BOOL, od.DATETIME, od.ROWVERSION
ACCOUNT_PROPS = {
    "ID": G, "Division": I32, "Name": S, "Code": S, "SearchCode": S, "Email": S, "Phone": S,
    "PhoneExtension": S, "Fax": S, "Website": S, "VATNumber": S, "ChamberOfCommerce": S,
    "AddressLine1": S, "AddressLine2": S, "AddressLine3": S, "Postcode": S, "City": S, "State": S,
    "StateName": S, "Country": S, "CountryName": S, "Status": S, "IsSupplier": B, "Blocked": B,
    "Remarks": S, "Created": DT, "Creator": G, "Modified": DT, "Modifier": G,
}  # fmt: skip
ACCOUNT_WRITABLE = {
    "Name", "Code", "Email", "Phone", "PhoneExtension", "Fax", "Website", "VATNumber", "ChamberOfCommerce",
    "AddressLine1", "AddressLine2", "AddressLine3", "City", "Postcode", "Country", "State", "Status",
    "IsSupplier", "Blocked", "Remarks", "SearchCode",
}  # fmt: skip
_EMPTY_ACCOUNT = dict.fromkeys(ACCOUNT_PROPS)
SYNC_ACCOUNT_PROPS = {"Timestamp": RV, **ACCOUNT_PROPS}
DELETED_PROPS = {
    "Timestamp": RV, "DeletedBy": G, "DeletedDate": DT, "Division": I32, "EntityKey": G,
    "EntityType": I32, "ID": G,
}  # fmt: skip
DIVISION_PROPS = {
    "Code": I32, "Description": S, "Hid": I64, "Status": I32, "AddressLine1": S, "AddressLine2": S,
    "AddressLine3": S, "City": S, "Postcode": S, "State": S, "Country": S, "Email": S, "Phone": S,
    "Fax": S, "Website": S, "VATNumber": S, "ChamberOfCommerceNumber": S, "Currency": S, "Customer": G,
    "CustomerCode": S, "CustomerName": S, "Created": DT, "Modified": DT, "DivisionMoveDate": DT,
}  # fmt: skip
DEPARTMENT_PROPS = {
    "ID": G, "Code": S, "Description": S, "Costcenter": S, "CostcenterDescription": S, "Notes": S,
    "Division": I32, "Created": DT, "Creator": G, "Modified": DT, "Modifier": G,
}  # fmt: skip
DEPARTMENT_WRITABLE = {"Code", "Description", "Costcenter", "CostcenterDescription", "Notes"}
ME_PROPS = {
    "UserID": G, "UserName": S, "FullName": S, "Email": S, "CurrentDivision": I32, "LanguageCode": S,
    "Legislation": I64,
}  # fmt: skip
COUNTRY_NAMES = {
    "NL": "Netherlands", "BE": "Belgium", "DE": "Germany", "FR": "France", "GB": "United Kingdom",
    "US": "United States", "CA": "Canada", "ES": "Spain", "LU": "Luxembourg", "IE": "Ireland",
}  # fmt: skip


@dataclass(frozen=True)
class EntitySet:
    path: str  # as Exact spells it after /api/v1/{division}/
    type_name: str
    props: dict[str, str]
    key: str  # "ID", "Code" or "Timestamp" (sync)
    source: str  # which index serves it: accounts, accounts_ts, deleted, divisions, departments
    page_size: int = settings.EXACT_PAGE_SIZE
    select_required: bool = False
    nav: tuple[str, ...] = ()


ENTITY_SETS = {
    es.path.lower(): es
    for es in (
        EntitySet("crm/Accounts", "Exact.Web.Api.Models.Account", ACCOUNT_PROPS, "ID", "accounts",
                  nav=("BankAccounts",)),
        EntitySet("bulk/CRM/Accounts", "Exact.Web.Api.Models.Bulk.CRM.Account", ACCOUNT_PROPS, "ID",
                  "accounts", settings.EXACT_SYNC_PAGE_SIZE, True),
        EntitySet("sync/CRM/Accounts", "Exact.Web.Api.Models.Sync.CRM.Account", SYNC_ACCOUNT_PROPS,
                  "Timestamp", "accounts_ts", settings.EXACT_SYNC_PAGE_SIZE, True),
        EntitySet("sync/Deleted", "Exact.Web.Api.Models.Sync.Deleted", DELETED_PROPS, "Timestamp",
                  "deleted", settings.EXACT_SYNC_PAGE_SIZE, True),
        EntitySet("system/Divisions", "Exact.Web.Api.Models.System.Division", DIVISION_PROPS, "Code",
                  "divisions"),
        EntitySet("hrm/Departments", "Exact.Web.Api.Models.HRM.Department", DEPARTMENT_PROPS, "ID",
                  "departments"),
    )
}  # fmt: skip
ACCOUNTS = ENTITY_SETS["crm/accounts"]


class ApiError(Exception):
    """An answer in Exact's error shape; `key` is the app key when it is known (an expired token)."""

    def __init__(
        self, status: int, message: str, headers: dict[str, str] | None = None, key: str | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.headers, self.key = status, message, headers or {}, key


def error_body(message: str) -> dict:
    return {"error": {"code": "", "message": {"lang": "", "value": message}}}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(json_dumps(error_body(message)), status, headers, media_type="application/json")


def odate(ms: int | None) -> str | None:
    return None if ms is None else f"/Date({ms})/"


def pad_code(code: Any) -> str | None:
    if code is None:
        return None
    text = str(code).strip()
    if len(text) > CODE_WIDTH:
        raise ApiError(400, f"Code '{text}' is longer than {CODE_WIDTH} characters.")
    return text.rjust(CODE_WIDTH)


def _guid() -> str:
    """A random version-4 GUID string (formatted by hand: 3x faster than str(uuid.uuid4()) for seeds)."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


class _TsIndex:
    """Records by row version: append-only list of versions (always increasing) + version -> record.
    A replaced version is dropped from the dict and skipped while iterating; the list is compacted
    when more than half of it is such garbage."""

    def __init__(self) -> None:
        self.versions: list[int] = []
        self.by_ts: dict[int, dict] = {}

    def add(self, rec: dict) -> None:
        self.versions.append(rec["_ts"])
        self.by_ts[rec["_ts"]] = rec

    def discard(self, ts: int) -> None:
        if self.by_ts.pop(ts, None) is not None and len(self.versions) > 2 * len(self.by_ts) + 1000:
            self.versions = [v for v in self.versions if v in self.by_ts]

    def after(self, ts: int | None, inclusive: bool = False) -> Iterator[dict]:
        versions, by_ts = self.versions, self.by_ts
        start = 0 if ts is None else (bisect.bisect_left if inclusive else bisect.bisect_right)(versions, ts)
        for i in range(start, len(versions)):
            rec = by_ts.get(versions[i])
            if rec is not None:
                yield rec

    def __len__(self) -> int:
        return len(self.by_ts)


class _KeyIndex:
    """Records by their sort key (`_key`, the lower-case ID): a sorted key list for bisecting."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.rows: dict[str, dict] = {}

    def load(self, recs: Iterable[dict]) -> None:
        for rec in recs:
            self.rows[rec["_key"]] = rec
        self.keys = sorted(self.rows)

    def add(self, rec: dict) -> None:
        bisect.insort(self.keys, rec["_key"])
        self.rows[rec["_key"]] = rec

    def remove(self, key: str) -> dict:
        rec = self.rows.pop(key)
        del self.keys[bisect.bisect_left(self.keys, key)]
        return rec

    def after(self, key: str | None) -> Iterator[dict]:
        keys, rows = self.keys, self.rows
        start = 0 if key is None else bisect.bisect_right(keys, key)
        for i in range(start, len(keys)):
            yield rows[keys[i]]

    def __len__(self) -> int:
        return len(self.rows)


class _Division:
    def __init__(self, info: dict) -> None:
        self.info = info
        self.code: int = info["Code"]
        self.accounts = _KeyIndex()
        self.accounts_ts = _TsIndex()
        self.codes: dict[str, str] = {}  # padded code (lower) -> account key
        self.deleted: list[dict] = []  # ordered by _ts
        self.departments = _KeyIndex()
        self.last_ts = 0

    def next_ts(self) -> int:
        self.last_ts += 1
        return self.last_ts


class _Limits:
    """Fixed minute and UTC-day windows of one division."""

    def __init__(self) -> None:
        self.minute = self.minute_count = self.day = self.day_count = 0


class ExactStore:
    """All data of the emulated Exact Online environment (one app, one user, several divisions)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.dirty = False
        self.divisions: dict[int, _Division] = {}
        self.minute_limit = settings.EXACT_MINUTE_LIMIT  # attributes so tests can lower them
        self.day_limit = settings.EXACT_DAY_LIMIT
        self.token_limit = settings.EXACT_TOKEN_CALLS_PER_DAY
        self.early_refresh_status = 400  # 400 access_denied (what users report now) or 401 (the older shape)
        self.block_status = 403  # how a blocked call is answered: 403 "Too many errors", or a bare 429
        # OAuth: refresh token -> {chain, issued}; chain -> {last_issued}; access token -> {chain, expires}
        self.refresh_tokens: dict[str, dict] = {
            settings.SANDBOX_EXACT_REFRESH_TOKEN: {"chain": "bootstrap", "issued": None}
        }
        self.chains: dict[str, dict] = {"bootstrap": {"last_issued": None}}
        self.access_tokens: dict[str, dict] = {}
        self.spent_refresh_tokens: dict[str, float] = {}  # rotated away -> when
        self.auth_codes: dict[str, dict] = {}
        self.token_calls = {"day": 0, "count": 0}
        self.limits: dict[int, _Limits] = {}
        self.errors: dict[tuple, deque] = {}
        self.blocked: dict[tuple, float] = {}
        self.calls = 0  # API calls answered on division URLs (for benchmarks)
        self.refused_429 = 0  # calls the rate limits refused (not the FaultInjector's)
        self.refused_blocked = 0  # calls refused by an hourly error block

    # ------------------------------------------------------------------ time

    def now(self) -> float:
        return self.clock.now()

    def now_ms(self) -> int:
        return int(self.clock.now() * 1000)

    def _changed(self) -> None:
        self.dirty = True

    # ------------------------------------------------------------------ seed and persistence

    def load_seed(self, seed_part: dict, at_ms: int | None = None) -> None:
        """The seed generator's "exact" part; keys of `accounts`/`departments` may be int or str. Its
        accounts were last modified at `at_ms` (default now)."""
        at_ms = self.now_ms() if at_ms is None else at_ms
        with self.lock:
            for raw in seed_part.get("divisions", []):
                self._add_division(raw)
            for code, accounts in (seed_part.get("accounts") or {}).items():
                div = self.division(int(code))
                now = odate(at_ms)
                recs = [self._new_account(div, fields, validate=False, now=now) for fields in accounts]
                div.accounts.load(recs)
                for rec in recs:
                    div.accounts_ts.add(rec)
                    if rec["Code"] is not None:
                        div.codes[rec["Code"].lower()] = rec["_key"]
            for code, departments in (seed_part.get("departments") or {}).items():
                div = self.division(int(code))
                div.departments.load(self._new_department(div, fields) for fields in departments)
            self._changed()

    def _add_division(self, raw: dict) -> _Division:
        now = self.now_ms()
        info = {name: None for name in DIVISION_PROPS}
        info.update({k: v for k, v in raw.items() if k in DIVISION_PROPS})
        info["Code"] = int(raw["Code"])
        info["Hid"] = info["Hid"] if info["Hid"] is not None else info["Code"]
        info["Status"] = 1 if info["Status"] is None else info["Status"]
        for name in ("Created", "Modified", "DivisionMoveDate"):
            value = raw.get(name)
            info[name] = odate(value) if isinstance(value, int) else value
        info["Created"] = info["Created"] or odate(now)
        info["Modified"] = info["Modified"] or info["Created"]
        div = self.divisions[info["Code"]] = _Division(info)
        return div

    def to_state(self) -> dict:
        with self.lock:
            return {
                "version": 1,
                "divisions": [
                    {
                        "info": div.info,
                        "last_ts": div.last_ts,
                        "accounts": list(div.accounts_ts.after(None)),
                        "deleted": div.deleted,
                        "departments": list(div.departments.after(None)),
                    }
                    for div in self.divisions.values()
                ],
                "auth": {
                    "refresh_tokens": self.refresh_tokens,
                    "chains": self.chains,
                    "access_tokens": self.access_tokens,
                    "spent_refresh_tokens": self.spent_refresh_tokens,
                    "token_calls": self.token_calls,
                },
                "limits": {str(code): vars(lim) for code, lim in self.limits.items()},
            }

    @classmethod
    def from_state(cls, state: dict, clock: Clock) -> ExactStore:
        store = cls(clock)
        for saved in state.get("divisions", []):
            div = store.divisions[int(saved["info"]["Code"])] = _Division(saved["info"])
            div.last_ts = saved["last_ts"]
            accounts = sorted(saved["accounts"], key=lambda rec: rec["_ts"])
            div.accounts.load(accounts)
            for rec in accounts:
                div.accounts_ts.add(rec)
                if isinstance(rec.get("Code"), str):
                    div.codes[rec["Code"].lower()] = rec["_key"]
            div.deleted = sorted(saved["deleted"], key=lambda rec: rec["_ts"])
            div.departments.load(saved["departments"])
        auth = state.get("auth", {})
        store.refresh_tokens = auth.get("refresh_tokens", store.refresh_tokens)
        store.chains = auth.get("chains", store.chains)
        store.access_tokens = auth.get("access_tokens", {})
        store.spent_refresh_tokens = auth.get("spent_refresh_tokens", {})
        store.token_calls = auth.get("token_calls", store.token_calls)
        for code, saved_limits in state.get("limits", {}).items():
            lim = store.limits[int(code)] = _Limits()
            vars(lim).update(saved_limits)
        return store

    # ------------------------------------------------------------------ accounts

    def division(self, code: int) -> _Division:
        div = self.divisions.get(int(code))
        if div is None:
            raise ApiError(403, "Forbidden: you have no access to this division.")
        return div

    def _new_account(
        self, div: _Division, fields: dict, *, validate: bool = True, now: str | None = None
    ) -> dict:
        """A stored account from writable fields (seed: unknown fields ignored, dates accepted)."""
        if validate:
            fields = self._account_changes(div, fields, creating=True)
        now = now or odate(self.now_ms())
        key = _guid()
        rec: dict[str, Any] = dict(_EMPTY_ACCOUNT)
        for name, value in fields.items():
            if name in ACCOUNT_WRITABLE:
                rec[name] = value
        rec.update(ID=key, Division=div.code, Created=now, Creator=USER_ID, Modified=now, Modifier=USER_ID)
        if not validate:  # seeds may carry their own dates (epoch ms or "/Date(ms)/")
            for name in ("Created", "Modified"):
                value = fields.get(name)
                if value is not None:
                    rec[name] = odate(value) if isinstance(value, int) else value
        rec["Code"] = pad_code(rec["Code"])
        rec["Status"] = rec["Status"] or "C"
        rec["Blocked"] = bool(rec["Blocked"])
        rec["IsSupplier"] = bool(rec["IsSupplier"])
        rec["CountryName"] = COUNTRY_NAMES.get(str(rec["Country"]).upper()) if rec["Country"] else None
        rec["StateName"] = rec["State"]
        rec["_key"], rec["_ts"] = key, div.next_ts()
        return rec

    def _account_changes(
        self, div: _Division, fields: Any, *, creating: bool, key: str | None = None
    ) -> dict:
        """Validated writable fields: read-only ones are dropped, unknown ones are a 400."""
        if not isinstance(fields, dict):
            raise ApiError(400, "The request body must be a JSON object.")
        changes = {}
        for name, value in fields.items():
            if name in ACCOUNT_WRITABLE:
                changes[name] = value
            elif name not in ACCOUNT_PROPS:
                raise ApiError(400, f"The property '{name}' does not exist on type '{ACCOUNTS.type_name}'.")
        for name, value in changes.items():
            if name in ("Blocked", "IsSupplier"):
                if not isinstance(value, bool):
                    raise ApiError(400, f"Error converting value for property '{name}' to Edm.Boolean.")
            elif value is not None and not isinstance(value, str):
                raise ApiError(400, f"Error converting value for property '{name}' to Edm.String.")
        if "Status" in changes and changes["Status"] not in ACCOUNT_STATUSES:
            raise ApiError(400, f"Status '{changes['Status']}' is not valid (A, S, P or C).")
        if (creating or "Name" in changes) and not (changes.get("Name") or "").strip():
            raise ApiError(400, "Mandatory: Name")
        if creating and not changes.get("Code"):
            changes["Code"] = str(self._next_code(div))
        if changes.get("Code") is not None:
            padded = pad_code(changes["Code"])
            owner = div.codes.get(padded.lower())  # type: ignore[union-attr]
            if owner is not None and owner != key:
                raise ApiError(400, f"Code '{changes['Code'].strip()}' already exists.")
        return changes

    @staticmethod
    def _next_code(div: _Division) -> int:
        numbers = [int(code) for code in map(str.strip, div.codes) if code.isdigit()]
        return max(numbers, default=0) + 1

    def _find_account(self, div: _Division, account_id: str) -> dict:
        rec = div.accounts.rows.get(str(account_id).lower())
        if rec is None:
            raise ApiError(404, "Not found")
        return rec

    def _insert_account(self, div: _Division, rec: dict) -> dict:
        div.accounts.add(rec)
        div.accounts_ts.add(rec)
        if isinstance(rec.get("Code"), str):
            div.codes[rec["Code"].lower()] = rec["_key"]
        self._changed()
        return rec

    def add_account(self, division: int, fields: dict) -> dict:
        """Create an account (the API's POST and the admin route); returns the stored record."""
        with self.lock:
            div = self.division(division)
            return self._insert_account(div, self._new_account(div, fields))

    def inject_raw_account(self, division: int, raw: dict) -> dict:
        """A record served exactly as given over a valid account (e.g. `"Modified": "/Date(x)/"` or
        `"ID": None`), with its own Timestamp: how the client's quarantine is tested."""
        with self.lock:
            div = self.division(division)
            rec = self._new_account(div, {"Name": raw.get("Name") or "Raw"}, validate=False)
            rec.update(raw)
            return self._insert_account(div, rec)

    def edit_account(self, division: int, account_id: str, fields: dict) -> dict:
        """Change an account as a user (or PUT) would: new Timestamp and Modified."""
        with self.lock:
            div = self.division(division)
            rec = self._find_account(div, account_id)
            changes = self._account_changes(div, fields, creating=False, key=rec["_key"])
            if "Code" in changes:
                if isinstance(rec.get("Code"), str):
                    div.codes.pop(rec["Code"].lower(), None)
                changes["Code"] = pad_code(changes["Code"])
                if changes["Code"] is not None:
                    div.codes[changes["Code"].lower()] = rec["_key"]
            rec.update(changes)
            if "Country" in changes:
                rec["CountryName"] = (
                    COUNTRY_NAMES.get(str(rec["Country"]).upper()) if rec["Country"] else None
                )
            if "State" in changes:
                rec["StateName"] = rec["State"]
            rec["Modified"], rec["Modifier"] = odate(self.now_ms()), USER_ID
            div.accounts_ts.discard(rec["_ts"])
            rec["_ts"] = div.next_ts()
            if "Timestamp" in rec:  # an injected raw record carried its own
                rec["Timestamp"] = rec["_ts"]
            div.accounts_ts.add(rec)
            self._changed()
            return rec

    update_account = edit_account

    def delete_account(self, division: int, account_id: str) -> dict:
        """Delete an account; sync/Deleted gets an entry (EntityType 2) with a new Timestamp."""
        with self.lock:
            div = self.division(division)
            rec = self._find_account(div, account_id)
            div.accounts.remove(rec["_key"])
            div.accounts_ts.discard(rec["_ts"])
            if isinstance(rec.get("Code"), str):
                div.codes.pop(rec["Code"].lower(), None)
            entry = {
                "EntityKey": rec["ID"],
                "EntityType": settings.EXACT_ACCOUNT_ENTITY_TYPE,
                "DeletedBy": USER_ID,
                "DeletedDate": odate(self.now_ms()),
                "Division": div.code,
                "ID": _guid(),
            }
            entry["_ts"] = entry["Timestamp"] = div.next_ts()
            div.deleted.append(entry)
            self._changed()
            return entry

    # ------------------------------------------------------------------ departments and divisions

    def _new_department(self, div: _Division, fields: dict) -> dict:
        now = odate(self.now_ms())
        key = _guid()
        rec: dict[str, Any] = {name: None for name in DEPARTMENT_PROPS}
        rec.update({k: v for k, v in fields.items() if k in DEPARTMENT_WRITABLE})
        rec.update(ID=key, Division=div.code, Created=now, Creator=USER_ID, Modified=now, Modifier=USER_ID)
        rec["_key"] = key
        return rec

    def _department_fields(self, fields: Any) -> dict:
        if not isinstance(fields, dict):
            raise ApiError(400, "The request body must be a JSON object.")
        unknown = [name for name in fields if name not in DEPARTMENT_WRITABLE]
        if unknown:
            raise ApiError(400, f"Departments have no writable property {unknown[0]!r}.")
        return fields

    def add_department(self, division: int, fields: dict) -> dict:
        with self.lock:
            div = self.division(division)
            rec = self._new_department(div, self._department_fields(fields))
            div.departments.add(rec)
            self._changed()
            return rec

    def edit_department(self, division: int, department_id: str, fields: dict) -> dict:
        with self.lock:
            div = self.division(division)
            rec = div.departments.rows.get(str(department_id).lower())
            if rec is None:
                raise ApiError(404, "Not found")
            rec.update(self._department_fields(fields))
            rec["Modified"], rec["Modifier"] = odate(self.now_ms()), USER_ID
            self._changed()
            return rec

    def delete_department(self, division: int, department_id: str) -> None:
        """hrm/Departments has no delete feed: the department simply disappears."""
        with self.lock:
            div = self.division(division)
            if str(department_id).lower() not in div.departments.rows:
                raise ApiError(404, "Not found")
            div.departments.remove(str(department_id).lower())
            self._changed()

    remove_department = delete_department

    def edit_division(self, division: int, fields: Any) -> dict:
        """Change a division's properties as a user would in Exact (Modified moves)."""
        with self.lock:
            div = self.division(division)
            if not isinstance(fields, dict):
                raise ApiError(400, "The request body must be a JSON object.")
            fixed = {"Code", "Hid", "Created", "Modified", "DivisionMoveDate"}
            unknown = [name for name in fields if name not in DIVISION_PROPS or name in fixed]
            if unknown:
                raise ApiError(400, f"Divisions have no editable property {unknown[0]!r}.")
            div.info.update(fields)
            div.info["Modified"] = odate(self.now_ms())
            self._changed()
            return div.info

    def move_division(self, division: int) -> dict:
        """A division move: DivisionMoveDate (and Modified) become now and the division's Timestamps
        restart from 1 (accounts in their old order, then deletes), so old cursors hide everything."""
        with self.lock:
            div = self.division(division)
            now = odate(self.now_ms())
            div.info["DivisionMoveDate"] = div.info["Modified"] = now
            accounts = list(div.accounts_ts.after(None))
            div.accounts_ts = _TsIndex()
            div.last_ts = 0
            for rec in accounts:
                rec["_ts"] = div.next_ts()
                if "Timestamp" in rec:
                    rec["Timestamp"] = rec["_ts"]
                div.accounts_ts.add(rec)
            for entry in div.deleted:
                entry["_ts"] = entry["Timestamp"] = div.next_ts()
            self._changed()
            return div.info

    # ------------------------------------------------------------------ OAuth

    def authorize(self, client_id: str | None, redirect_uri: str | None) -> str:
        if client_id != settings.SANDBOX_EXACT_CLIENT_ID:
            raise ApiError(400, "Unknown client_id.")
        if not redirect_uri:
            raise ApiError(400, "redirect_uri is required.")
        with self.lock:
            code = f"stampSB001.{secrets.token_urlsafe(12)}!{secrets.token_urlsafe(24)}"
            self.auth_codes[code] = {"redirect_uri": redirect_uri, "expires": self.now() + AUTH_CODE_TTL}
            return code

    def token(self, form: dict[str, str]) -> tuple[int, dict, dict[str, str]]:
        """The token endpoint: (status, JSON body, headers). Refusals count towards the hourly error limit
        of the token endpoint, like Exact's early token requests do."""
        with self.lock:
            triple = (form.get("client_id"), None, TOKEN_ENDPOINT)
            if self.is_blocked(triple):
                self.refused_blocked += 1
                return 403, _grant_error("access_denied", "Too many errors: the token endpoint is blocked."), {}
            status, body, headers = self._token(form)
            if status in COUNTED_ERRORS and form.get("client_id") == settings.SANDBOX_EXACT_CLIENT_ID:
                self.count_error(triple)
            return status, body, headers

    def _token(self, form: dict[str, str]) -> tuple[int, dict, dict[str, str]]:
        now = self.now()
        day = int(now // 86400)
        if self.token_calls["day"] != day:
            self.token_calls = {"day": day, "count": 0}
        self.token_calls["count"] += 1
        if self.token_calls["count"] > self.token_limit:
            description = f"Maximum number of token requests per day reached ({self.token_limit})."
            return 429, _grant_error("access_denied", description), {}
        if (form.get("client_id"), form.get("client_secret")) != (
            settings.SANDBOX_EXACT_CLIENT_ID,
            settings.SANDBOX_EXACT_CLIENT_SECRET,
        ):
            return 400, _grant_error("invalid_client", "Client authentication failed."), {}
        grant = form.get("grant_type")
        if grant == "authorization_code":
            code = self.auth_codes.pop(form.get("code") or "", None)  # single use, even when refused
            if code is None or code["expires"] < now:
                return 400, _grant_error("invalid_grant", "The authorization code is invalid or expired."), {}
            if form.get("redirect_uri") != code["redirect_uri"]:
                return 400, _grant_error("invalid_grant", "redirect_uri does not match."), {}
            chain = secrets.token_hex(8)
            self.chains[chain] = {"last_issued": None}
        elif grant == "refresh_token":
            given = form.get("refresh_token") or ""
            entry = self.refresh_tokens.get(given)
            if entry is None:
                if given in self.spent_refresh_tokens:
                    return 401, _grant_error("unauthorized_client", "Old refresh token used."), {}
                return 400, _grant_error("invalid_grant", "The refresh token is invalid."), {}
            if entry["issued"] is not None and now - entry["issued"] > REFRESH_TOKEN_TTL:
                expired = _iso(entry["issued"] + REFRESH_TOKEN_TTL)
                description = f"The refresh token expired at {expired} and it is now {_iso(now)}."
                return 400, _grant_error("invalid_request", description), {}
            chain = entry["chain"]
            last = self.chains.get(chain, {}).get("last_issued")
            if last is not None and now - last < REFRESH_TOO_EARLY:
                if self.early_refresh_status == 401:  # the older shape
                    description = "Access Token not expired"
                    reason = f'error="invalid_request", error_description="{quote(description)}"'
                    return 401, _grant_error("invalid_request", description), {"WWW-Authenticate": f"Bearer {reason}"}
                return 400, _grant_error("access_denied", "Rate limit exceeded: access_token not expired"), {}
            del self.refresh_tokens[given]
            self.spent_refresh_tokens[given] = now
            if len(self.spent_refresh_tokens) > SPENT_KEPT:
                oldest = min(self.spent_refresh_tokens, key=self.spent_refresh_tokens.__getitem__)
                del self.spent_refresh_tokens[oldest]
        else:
            description = "grant_type must be authorization_code or refresh_token."
            return 400, _grant_error("unsupported_grant_type", description), {}
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        self.chains[chain]["last_issued"] = now
        self.refresh_tokens[refresh] = {"chain": chain, "issued": now}
        self.access_tokens = {t: e for t, e in self.access_tokens.items() if e["expires"] > now - 86400}
        self.access_tokens[access] = {"chain": chain, "expires": now + settings.EXACT_TOKEN_TTL}
        self._changed()
        body = {
            "access_token": access,
            "token_type": "bearer",
            "expires_in": str(settings.EXACT_TOKEN_TTL),
            "refresh_token": refresh,
        }
        return 200, body, {}

    def age_refresh_tokens(self, seconds: float) -> int:
        """Make every refresh token `seconds` older (the 30-day expiry without moving the clock)."""
        with self.lock:
            for entry in self.refresh_tokens.values():
                if entry["issued"] is not None:
                    entry["issued"] -= seconds
            self._changed()
            return len(self.refresh_tokens)

    def update_settings(self, changes: Any) -> dict:
        """Limits and answer shapes tests and benchmarks may change (see SETTINGS)."""
        with self.lock:
            if not isinstance(changes, dict) or set(changes) - set(SETTINGS):
                raise ApiError(400, f"settings are {', '.join(sorted(SETTINGS))}")
            for name, value in changes.items():
                setattr(self, name, SETTINGS[name](value))
            return {name: getattr(self, name) for name in SETTINGS}

    def check_access(self, authorization: str | None) -> str:
        """The app key of a valid bearer token, else ApiError 401 with Exact's WWW-Authenticate."""
        scheme, _, token = (authorization or "").partition(" ")
        entry = self.access_tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if entry is None:
            reason = "no access token" if not authorization else "invalid access token"
        elif entry["expires"] <= self.now():
            reason = "access token expired"
        else:
            return settings.SANDBOX_EXACT_CLIENT_ID
        header = f'Bearer error="invalid_token", error_description="{quote(reason)}"'
        key = settings.SANDBOX_EXACT_CLIENT_ID if entry is not None else None
        raise ApiError(401, f"Unauthorized: {reason}", {"WWW-Authenticate": header}, key)

    def expire_access_tokens(self) -> int:
        """Expire every access token now; renewing them is then not "too early" (Exact's refusal is
        literally "access_token not expired")."""
        with self.lock:
            expired = self.now() - 1
            for entry in self.access_tokens.values():
                entry["expires"] = min(entry["expires"], expired)
            for chain in self.chains.values():
                chain["last_issued"] = None
            self._changed()
            return len(self.access_tokens)

    # ------------------------------------------------------------------ rate limits and error blocks

    def rate_headers(self, division: int, *, minutely: bool = True, daily: bool = True) -> dict[str, str]:
        lim = self.limits.get(division) or _Limits()
        now = self.now()
        headers = {}
        if daily:
            used = lim.day_count if lim.day == int(now // 86400) else 0
            headers.update({
                "X-RateLimit-Limit": str(self.day_limit),
                "X-RateLimit-Remaining": str(max(0, self.day_limit - used)),
                "X-RateLimit-Reset": str((int(now // 86400) + 1) * 86_400_000),
            })  # fmt: skip
        if minutely:
            used = lim.minute_count if lim.minute == int(now // 60) else 0
            headers.update({
                "X-RateLimit-Minutely-Limit": str(self.minute_limit),
                "X-RateLimit-Minutely-Remaining": str(max(0, self.minute_limit - used)),
                "X-RateLimit-Minutely-Reset": str((int(now // 60) + 1) * 60_000),
            })  # fmt: skip
        return headers

    def count_call(self, division: int) -> None:
        """Spend one call of the division's windows, or raise the 429 Exact would send."""
        now = self.now()
        lim = self.limits.setdefault(division, _Limits())
        minute, day = int(now // 60), int(now // 86400)
        if lim.day != day:
            lim.day, lim.day_count = day, 0
        if lim.minute != minute:
            lim.minute, lim.minute_count = minute, 0
        if lim.day_count >= self.day_limit or lim.minute_count >= self.minute_limit:
            self.refused_429 += 1
        if lim.day_count >= self.day_limit:
            raise ApiError(
                429, "API rate limit exceeded (daily limit).", self.rate_headers(division, minutely=False)
            )
        if lim.minute_count >= self.minute_limit:
            raise ApiError(
                429, "API rate limit exceeded (minutely limit).", self.rate_headers(division, daily=False)
            )
        lim.minute_count += 1
        lim.day_count += 1
        self.calls += 1

    def is_blocked(self, triple: tuple) -> bool:
        until = self.blocked.get(triple)
        return until is not None and until > self.now()

    def count_error(self, triple: tuple) -> None:
        now = self.now()
        times = self.errors.setdefault(triple, deque())
        times.append(now)
        while times and times[0] <= now - ERROR_WINDOW:
            times.popleft()
        if len(times) > ERROR_LIMIT:
            self.blocked[triple] = now + ERROR_WINDOW
            times.clear()

    def reset_rate_limits(self) -> None:
        with self.lock:
            self.limits.clear()
            self.errors.clear()
            self.blocked.clear()
            self.token_calls = {"day": 0, "count": 0}

    # ------------------------------------------------------------------ queries

    def rows(
        self, es: EntitySet, div: _Division, after: Any, bound: tuple[int, bool] | None
    ) -> Iterator[dict]:
        """Rows of an entity set in its default order (by key), starting after a skiptoken key."""
        if es.source == "accounts":
            return div.accounts.after(after)
        if es.source == "departments":
            return div.departments.after(after)
        if es.source == "divisions":
            infos = sorted(self.divisions.values(), key=lambda d: d.code)
            return (d.info for d in infos if after is None or d.code > after)
        if es.source == "accounts_ts":
            start, inclusive = _start(after, bound)
            return div.accounts_ts.after(start, inclusive)
        # deleted: prune what is older than two months, then bisect on the Timestamps
        cutoff = self.now_ms() - DELETED_KEPT * 1000
        while div.deleted and (od.date_ms(div.deleted[0]["DeletedDate"]) or 0) < cutoff:
            div.deleted.pop(0)
        start, inclusive = _start(after, bound)
        versions = [entry["_ts"] for entry in div.deleted]
        at = (
            0
            if start is None
            else (bisect.bisect_left if inclusive else bisect.bisect_right)(versions, start)
        )
        return iter(div.deleted[at:])

    def get_one(self, es: EntitySet, div: _Division, key: Any) -> dict:
        if es.source == "accounts":
            rec = div.accounts.rows.get(str(key))
        elif es.source == "departments":
            rec = div.departments.rows.get(str(key))
        elif es.source == "divisions":
            found = self.divisions.get(key)
            rec = found.info if found else None
        else:
            raise ApiError(400, f"{es.path} has no single-entity access by key in this emulator.")
        if rec is None:
            raise ApiError(404, "Not found")
        return rec


def _start(after: int | None, bound: tuple[int, bool] | None) -> tuple[int | None, bool]:
    """Where a Timestamp-ordered scan starts: after the skiptoken or at the filter's bound."""
    if after is not None and (bound is None or after >= bound[0]):
        return after, False
    return bound if bound is not None else (None, False)


def _grant_error(error: str, description: str) -> dict:
    return {"error": error, "error_description": description}


def _iso(epoch_s: float) -> str:
    return datetime.fromtimestamp(epoch_s, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


# ---------------------------------------------------------------------- HTTP


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json_dumps(body), status, headers, media_type="application/json; charset=utf-8")


def _key_kind(es: EntitySet) -> str:
    return es.props[es.key]


def _parse_key(es: EntitySet, text: str) -> Any:
    try:
        literal = od.parse_literal(text)
    except od.ODataError:
        raise ApiError(400, f"Bad key '{text}' for {es.path}.") from None
    kind = _key_kind(es)
    if literal.kind not in od.COMPATIBLE[kind]:
        raise ApiError(400, f"Bad key '{text}' for {es.path}: expected {od.EDM_NAMES[kind]}.")
    return literal.value


class _Api:
    """The request handlers; each one runs under the store's lock (no await inside it)."""

    OPTIONS = {"$select", "$filter", "$orderby", "$top", "$skip", "$skiptoken", "$inlinecount", "$format"}

    def __init__(self, store: ExactStore) -> None:
        self.store = store

    # -------------------------------------------------------------- OAuth and Me

    async def token(self, request: Request) -> Response:
        # form-encoded, parsed here so the emulator needs no python-multipart
        if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
            return _json(_grant_error("invalid_request", "Send the token request form-encoded."), 400)
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
        status, body, headers = self.store.token(form)
        return _json(body, status, headers)

    async def me(self, request: Request) -> Response:
        store = self.store
        try:
            with store.lock:
                store.check_access(request.headers.get("authorization"))
                _require_json(request)
                first = next(iter(store.divisions.values()), None)
                row = {
                    "UserID": USER_ID,
                    "UserName": "sandbox@example.com",
                    "FullName": "Sandbox User",
                    "Email": "sandbox@example.com",
                    "CurrentDivision": first.code if first else None,
                    "LanguageCode": "en-GB",
                    "Legislation": 1,
                }
                select = od.parse_select(request.query_params.get("$select"), ME_PROPS, (), "Me")
            base = f"{_base(request)}/api/v1/current/Me"
            out = {
                "__metadata": {"uri": f"{base}(guid'{USER_ID}')", "type": "Exact.Web.Api.Models.System.Me"}
            }
            out.update((name, row[name]) for name in (select or ME_PROPS))
            return _json({"d": {"results": [out]}})
        except od.ODataError as exc:
            return error_response(400, str(exc))
        except ApiError as exc:
            return error_response(exc.status, exc.message, exc.headers)

    # -------------------------------------------------------------- division URLs

    async def division_api(self, request: Request) -> Response:
        store = self.store
        division_text, rest = request.path_params["division"], request.path_params["rest"]
        body = await request.body() if request.method in ("POST", "PUT") else b""
        entity_path, _, key_text = rest.partition("(")
        endpoint = entity_path.strip("/").lower()
        es = ENTITY_SETS.get(endpoint)
        with store.lock:
            triple: tuple | None = None
            limited: int | None = None
            try:
                if not division_text.isdigit():
                    raise ApiError(404, f"Division '{division_text}' is not a division code.")
                division = int(division_text)
                key = store.check_access(request.headers.get("authorization"))
                triple = (key, division, endpoint)
                if store.is_blocked(triple):  # not counted as another error, nor as a call
                    store.refused_blocked += 1
                    message = (
                        "Too many errors: this key is blocked for this division and endpoint for an hour."
                    )
                    return error_response(store.block_status, message)
                div = store.division(division)
                store.count_call(division)
                limited = division
                _require_json(request)
                if len(str(request.url)) > MAX_URL:
                    raise ApiError(400, f"The URL is longer than {MAX_URL} characters.")
                if es is None:
                    raise ApiError(404, f"Resource not found: '{rest}'.")
                response = self.dispatch(request, es, div, key_text, body)
            except od.ODataError as exc:
                response = error_response(400, str(exc))
            except _NotAcceptable as exc:
                response = Response(_xml_error(exc.message), 406, media_type="application/xml")
            except ApiError as exc:
                response = error_response(exc.status, exc.message, exc.headers)
                if exc.key is not None and division_text.isdigit():
                    triple = (exc.key, int(division_text), endpoint)
            except Exception as exc:  # noqa: BLE001 - answer like Exact does, never a bare traceback
                response = error_response(500, f"Internal server error: {type(exc).__name__}")
            if triple is not None and response.status_code in COUNTED_ERRORS:
                store.count_error(triple)
            if limited is not None:
                response.headers.update(store.rate_headers(limited))
            return response

    def dispatch(
        self, request: Request, es: EntitySet, div: _Division, key_text: str, body: bytes
    ) -> Response:
        method = request.method
        key = _parse_key(es, key_text.rstrip(")")) if key_text else None
        if key_text and not key_text.endswith(")"):
            raise ApiError(400, f"Bad key in '{request.url.path}'.")
        if method == "GET":
            if key is not None:
                return self.get_entity(request, es, div, key)
            return self.get_collection(request, es, div)
        if es is not ACCOUNTS:
            raise ApiError(405, f"{method} is not allowed on {es.path}.", {"Allow": "GET"})
        if method == "POST" and key is None:
            return self.post_account(request, div, _body_json(body))
        if method == "PUT" and key is not None:
            self.store.edit_account(div.code, key, _body_json(body))
            return Response(status_code=204)
        if method == "DELETE" and key is not None:
            self.store.delete_account(div.code, key)
            return Response(status_code=204)
        allowed = "GET, PUT, DELETE" if key is not None else "GET, POST"
        raise ApiError(405, f"{method} is not allowed here.", {"Allow": allowed})

    def get_entity(self, request: Request, es: EntitySet, div: _Division, key: Any) -> Response:
        params = request.query_params
        select = od.parse_select(params.get("$select"), es.props, es.nav, es.type_name)
        rec = self.store.get_one(es, div, key)
        return _json({"d": _project(rec, es, _root(request, div), select)})

    def get_collection(self, request: Request, es: EntitySet, div: _Division) -> Response:
        params = request.query_params
        unknown = [name for name in params if name.startswith("$") and name not in self.OPTIONS]
        if unknown:
            raise ApiError(
                400,
                f"The query parameter '{unknown[0]}' begins with a system-reserved '$' character "
                "but is not recognized.",
            )
        if es.select_required and not params.get("$select"):
            raise ApiError(400, "Please add a $select statement to the query string.")
        select = od.parse_select(params.get("$select"), es.props, es.nav, es.type_name)
        predicate, tree = od.compile_filter(params.get("$filter"), es.props, es.type_name)
        order = od.parse_orderby(params.get("$orderby"), es.props, es.type_name)
        top, skip = _count_param(params, "$top"), _count_param(params, "$skip") or 0
        after = _parse_key(es, params["$skiptoken"]) if "$skiptoken" in params else None
        key_name = "_ts" if es.key == "Timestamp" else "_key" if es.key == "ID" else es.key
        limit = min(top, es.page_size) if top is not None else es.page_size

        bound = od.lower_bound(tree, "Timestamp") if es.key == "Timestamp" else None
        if order:
            matching = [
                rec for rec in self.store.rows(es, div, None, None) if predicate is None or predicate(rec)
            ]
            for name, kind, descending in reversed(order):
                matching.sort(key=od.sort_key(name, kind), reverse=descending)
            start = 0
            if after is not None:
                positions = [i for i, rec in enumerate(matching) if rec.get(key_name) == after]
                if not positions:
                    raise ApiError(400, "The $skiptoken no longer points to a record; start again.")
                start = positions[0] + 1
            candidates: Iterable[dict] = matching[start:]
        else:
            source = self.store.rows(es, div, after, bound)
            candidates = source if predicate is None else (rec for rec in source if predicate(rec))
        page: list[dict] = []
        for rec in candidates:
            if skip:
                skip -= 1
                continue
            page.append(rec)
            if len(page) > limit:
                break
        more = len(page) > limit and top is None
        page = page[:limit]

        root = _root(request, div)
        results = [_project(rec, es, root, select) for rec in page]
        if top is not None and "$inlinecount" not in params:
            return _json({"d": results})
        d: dict[str, Any] = {"results": results}
        if params.get("$inlinecount") == "allpages":
            everything = self.store.rows(es, div, None, None)
            d["__count"] = str(sum(1 for rec in everything if predicate is None or predicate(rec)))
        if more:
            token = od.format_literal(page[-1][key_name], _key_kind(es))
            kept = [(k, v) for k, v in params.multi_items() if k not in ("$skiptoken", "$skip")]
            query = "&".join(
                f"{k}={quote(v, safe=chr(39) + ',()=:$*')}" for k, v in [*kept, ("$skiptoken", token)]
            )
            d["__next"] = f"{root}/{es.path}?{query}"
        return _json({"d": d})

    def post_account(self, request: Request, div: _Division, fields: Any) -> Response:
        rec = self.store.add_account(div.code, fields)
        root = _root(request, div)
        out = _project(rec, ACCOUNTS, root, None)
        location = out["__metadata"]["uri"]
        if "return=representation" not in request.headers.get("prefer", ""):
            out = {"__metadata": out["__metadata"], **{name: None for name in ACCOUNT_PROPS}}
        return _json({"d": out}, 201, {"Location": location})


def _require_json(request: Request) -> None:
    if request.query_params.get("$format") == "json":
        return
    if "application/json" not in request.headers.get("accept", ""):
        message = "Send Accept: application/json (the sandbox does not serve Atom XML)."
        raise _NotAcceptable(message)


class _NotAcceptable(ApiError):
    def __init__(self, message: str) -> None:
        super().__init__(406, message)


def _xml_error(message: str) -> str:
    """OData v2's XML error document: what a client that forgot the Accept header gets."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">'
        f'<code></code><message xml:lang="en-US">{message}</message></error>'
    )


def _body_json(body: bytes) -> Any:
    if len(body) > MAX_BODY:
        raise ApiError(400, "The request body is larger than 10 MB.")
    try:
        return json.loads(body or b"null")
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON.") from None


def _count_param(params: Any, name: str) -> int | None:
    text = params.get(name)
    if text is None:
        return None
    if not text.isdigit():
        raise ApiError(400, f"Invalid {name} value '{text}'.")
    return int(text)


def _base(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


def _root(request: Request, div: _Division) -> str:
    return f"{_base(request)}/api/v1/{div.code}"


def _project(rec: dict, es: EntitySet, root: str, select: list[str] | None) -> dict:
    """One record in Exact's JSON: `__metadata`, then the selected properties in order."""
    if es.key == "Timestamp":
        uri = f"{root}/{es.path}({rec['_ts']}L)"
    elif es.key == "Code":
        uri = f"{root}/{es.path}({rec['Code']})"
    else:
        uri = f"{root}/{es.path}(guid'{rec['ID']}')"
    out: dict[str, Any] = {"__metadata": {"uri": uri, "type": es.type_name}}
    names = select if select is not None else [*es.props, *es.nav]
    for name in names:
        if name in es.nav:
            out[name] = {"__deferred": {"uri": f"{uri}/{name}"}}
        elif name == "Timestamp" and es.key == "Timestamp":
            out[name] = rec.get("Timestamp", rec["_ts"])
        else:
            out[name] = rec.get(name)
    return out


# ---------------------------------------------------------------------- admin routes and the app


def _admin_routes(store: ExactStore) -> list[Route]:
    """/_sandbox/exact/...: changes "as a user" would make them, plus token and limit resets."""

    def handle(action):
        async def endpoint(request: Request) -> Response:
            try:
                body = _body_json(await request.body()) if request.method in ("POST", "PATCH", "PUT") else None
                result = action(request.path_params, body)
            except ApiError as exc:
                return error_response(exc.status, exc.message)
            return JSONResponse(_public(result) if isinstance(result, dict) else {"result": result})

        return endpoint

    def div(params: dict) -> int:
        return int(params["division"])

    def route(path: str, method: str, action) -> Route:
        return Route(f"{ADMIN}{path}", handle(action), methods=[method])

    account, department = "/{division:int}/accounts/{id}", "/{division:int}/departments/{id}"
    return [
        route("/{division:int}/accounts", "POST", lambda p, b: store.add_account(div(p), b)),
        route("/{division:int}/accounts/raw", "POST", lambda p, b: store.inject_raw_account(div(p), b)),
        route(account, "PATCH", lambda p, b: store.edit_account(div(p), p["id"], b)),
        route(account, "DELETE", lambda p, b: store.delete_account(div(p), p["id"])),
        route("/{division:int}/departments", "POST", lambda p, b: store.add_department(div(p), b)),
        route(department, "PATCH", lambda p, b: store.edit_department(div(p), p["id"], b)),
        route(department, "DELETE", lambda p, b: store.delete_department(div(p), p["id"])),
        route("/{division:int}/move", "POST", lambda p, b: store.move_division(div(p))),
        route("/{division:int}", "PATCH", lambda p, b: store.edit_division(div(p), b)),
        route("/settings", "GET", lambda p, b: store.update_settings({})),
        route("/settings", "PUT", lambda p, b: store.update_settings(b)),
        route("/refresh_tokens/age", "POST", lambda p, b: store.age_refresh_tokens(float((b or {})["seconds"]))),
        route("/tokens/expire", "POST", lambda p, b: store.expire_access_tokens()),
        route("/ratelimits/reset", "POST", lambda p, b: store.reset_rate_limits()),
        route("/stats", "GET", lambda p, b: _stats(store)),
    ]


def _public(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if not k.startswith("_")}


def _stats(store: ExactStore) -> dict:
    with store.lock:
        now = store.now()
        return {
            "calls": store.calls,
            "refused_429": store.refused_429,
            "refused_blocked": store.refused_blocked,
            "errors": {"|".join(map(str, triple)): len(times) for triple, times in store.errors.items() if times},
            "blocked": ["|".join(map(str, triple)) for triple, until in store.blocked.items() if until > now],
            "token_calls_today": store.token_calls["count"],
            "divisions": {
                str(code): {
                    "accounts": len(div.accounts),
                    "deleted": len(div.deleted),
                    "last_ts": div.last_ts,
                }
                for code, div in store.divisions.items()
            },
        }


def create_app(
    store: ExactStore, *, faults: FaultConfig | None = None, clock: Clock | None = None
) -> ASGIApp:
    """The emulator as an ASGI app, wrapped in the FaultInjector with Exact's own 429 and 5xx."""
    clock = clock or store.clock
    config = faults or FaultConfig()
    api = _Api(store)
    counts = {"requests": 0, "faults": 0}
    routes = [
        *exact_oauth_routes(store),  # the login-and-consent page (oauth_pages.py)
        Route("/api/oauth2/token", api.token, methods=["POST"]),
        Route("/api/v1/current/Me", api.me, methods=["GET"]),
        Route("/api/v1/{division}/{rest:path}", api.division_api, methods=["GET", "POST", "PUT", "DELETE"]),
        *_admin_routes(store),
        *admin_routes(config, clock, counts),
    ]
    app = Starlette(routes=routes)

    def too_many(request: Request) -> Response:
        """Exact's minute-window 429: minutely headers only, the window reset on a minute boundary."""
        now = clock.now()
        headers = {
            "X-RateLimit-Minutely-Limit": str(store.minute_limit),
            "X-RateLimit-Minutely-Remaining": "0",
            "X-RateLimit-Minutely-Reset": str((int(now // 60) + 1) * 60_000),
        }
        return error_response(429, "API rate limit exceeded (minutely limit).", headers)

    def server_error(status: int) -> Response:
        message = "Internal server error" if status == 500 else "Service unavailable"
        return error_response(status, message)

    return FaultInjector(app, config, too_many, server_error, clock=clock, counts=counts)
