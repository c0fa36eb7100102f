"""Exact Online REST client (httpx): OAuth with rotating refresh tokens, OData paging, and Exact's limits.

Follows only docs/reference/exact-online-api.md, so it runs unchanged against the real service:
- tokens (oauth.py): renewed with slack, never within 9 min 30 s of the last token call, early
  refusals survived, the daily cap not retried, reused and expired refresh tokens explained;
- paging: follow `__next` exactly as given (absolute or relative), accept `{"d": [...]}`;
- limits (limits.py): each division's minute and day windows from the X-RateLimit-* headers, spent
  and then waited for; errors counted per division and endpoint so the hourly block never comes;
  blocks respected. All of it kept in the sync state, so the next process starts where this one
  stopped;
- retries (pipelines/retry.py, the one policy of the three clients): 429 (until the window's reset),
  5xx, timeouts and dropped connections, for GET, PUT and DELETE; a POST only when it certainly
  never reached the server.
Secrets never reach logs, reprs or exception messages.
"""

from __future__ import annotations

import logging
import random
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import httpx
import orjson
import pyarrow as pa

from pipelines import budgets, settings, tls
from pipelines import clock as clocks
from pipelines.exact.errors import (  # noqa: F401 - the client's errors are imported from here
    CONNECT_HINT,
    ExactApiError,
    ExactAuthError,
    ExactBlockedError,
    ExactError,
    ExactErrorBudgetError,
    ExactRateLimitError,
    ExactTokenLimitError,
    ExactTransportError,
)
from pipelines.exact.limits import ExactLimits
from pipelines.exact.oauth import ExactTokens, json_object
from pipelines.exact.site import exact_base_url
from pipelines.exact.tokens import Secret, TokenSet, TokenStore, token_file_path
from pipelines.pages import page_decoder, prefetched
from pipelines.retry import Retryable, RetryPolicy

log = logging.getLogger("pipelines.exact")

# $select lists: the mapped properties of DESIGN.md section 3 plus keys, row versions and dates
ACCOUNT_FIELDS = (
    "ID",
    "Timestamp",
    "Division",
    "Name",
    "Code",
    "Email",
    "Phone",
    "Fax",
    "Website",
    "VATNumber",
    "ChamberOfCommerce",
    "AddressLine1",
    "AddressLine2",
    "AddressLine3",
    "Postcode",
    "City",
    "State",
    "Country",
    "Remarks",
    "Blocked",
    "Status",
    "Created",
    "Modified",
)
DELETED_FIELDS = ("EntityKey", "EntityType", "DeletedDate", "Timestamp", "Division", "ID")
DIVISION_FIELDS = (
    "Code",
    "Description",
    "Status",
    "Email",
    "Phone",
    "Fax",
    "Website",
    "VATNumber",
    "ChamberOfCommerceNumber",
    "AddressLine1",
    "AddressLine2",
    "AddressLine3",
    "Postcode",
    "City",
    "State",
    "Country",
    "Currency",
    "Created",
    "Modified",
    "DivisionMoveDate",
)
DEPARTMENT_FIELDS = ("ID", "Division", "Code", "Description", "Notes", "Created", "Modified")

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DIVISION_IN_PATH = re.compile(r"/api/v1/(\d+)/")
# a request that failed with one of these never reached the server: safe to retry even a POST
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


class ExactClient:
    """Talks to one Exact Online environment with one app registration and one user's tokens.

    `calls` counts API calls per division (key "current" for /current/Me, which has no division);
    `endpoint_calls` counts them per (division, endpoint); `token_calls` counts token refreshes.
    """

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str | Secret,
        refresh_token: str | Secret | None = None,
        token_file: str | Path | None = None,
        *,
        clock: clocks.Clock | None = None,
        timeout: float = 60.0,
        max_retries: int = settings.RETRY_MAX,
        backoff_base: float = settings.RETRY_BACKOFF_BASE,
        backoff_cap: float = settings.RETRY_BACKOFF_CAP,
        rate_margin_s: float = 0.05,
        transport: httpx.BaseTransport | None = None,
        rng: random.Random | None = None,
        prefetch: bool = True,
        retry: RetryPolicy | None = None,
        state: budgets.ApiState | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        client_secret = client_secret if isinstance(client_secret, Secret) else Secret(client_secret)
        if refresh_token is not None and not isinstance(refresh_token, Secret):
            refresh_token = Secret(refresh_token)
        self.token_store = TokenStore(token_file_path(token_file, "exact"))
        self.clock: clocks.Clock = clock or clocks.current()
        self.retry = retry or RetryPolicy(clock=self.clock, max_retries=max_retries, backoff_base=backoff_base,
                                          backoff_cap=backoff_cap, rng=rng or random.Random(), logger=log)
        self.state = state or budgets.for_system("exact")
        self.limits = ExactLimits(self.clock, self.state, rate_margin_s)
        self.calls: Counter[int | str] = Counter()
        self.endpoint_calls: Counter[tuple[int | str, str]] = Counter()
        self.prefetch = prefetch
        self._lock = threading.RLock()
        self._http = httpx.Client(
            timeout=timeout,
            verify=tls.context(),
            transport=transport,
            follow_redirects=False,
            headers={"Accept": "application/json"},
        )
        self.tokens = ExactTokens(self._http, self.base_url, client_id, client_secret, refresh_token or None,
                                  self.token_store, self.clock, self.limits, self.retry)

    @property
    def token_calls(self) -> int:
        return self.tokens.calls

    @property
    def retries(self) -> int:
        return self.retry.retries

    @property
    def _tokens(self) -> TokenSet | None:
        return self.tokens.current

    def __repr__(self) -> str:
        return (
            f"ExactClient(base_url={self.base_url!r}, client_id={self.client_id!r}, "
            f"token_file={str(self.token_store.path)!r})"
        )

    @classmethod
    def from_config(cls, **overrides: Any) -> ExactClient:
        """Build from dlt's config and secrets (sources.exact.*), e.g. for the writer."""
        import dlt

        token_file = dlt.config.get("sources.exact.token_file") or settings.STATE_DIR / "exact_tokens.json"
        kwargs: dict[str, Any] = dict(
            base_url=exact_base_url(dlt.config.get("sources.exact.base_url"), dlt.config.get("sources.exact.country")),
            client_id=dlt.secrets["sources.exact.credentials.client_id"],
            client_secret=dlt.secrets["sources.exact.credentials.client_secret"],
            refresh_token=dlt.secrets.get("sources.exact.credentials.refresh_token"),
            token_file=token_file,
        )
        kwargs.update(overrides)
        return cls(**kwargs)

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())

    def close(self) -> None:
        self._http.close()
        self.state.close()

    def __enter__(self) -> ExactClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ endpoints

    def me(self) -> dict[str, Any]:
        body = self._get_json(f"{self.base_url}/api/v1/current/Me", {"$select": "CurrentDivision,UserID"})
        results = _results(body)[0]
        if not results:
            raise ExactApiError(200, "current/Me returned no user", method="GET", path="/api/v1/current/Me")
        return results[0]

    def current_division(self) -> int:
        return int(self.me()["CurrentDivision"])

    def divisions(self, current_division: int | None = None) -> list[dict[str, Any]]:
        """All divisions of system/Divisions, read through the user's current division."""
        current = current_division if current_division is not None else self.current_division()
        params = {"$select": ",".join(DIVISION_FIELDS)}
        return [row for page in self._pages(self._url(current, "system/Divisions"), params) for row in page]

    def sync_accounts(self, division: int, since_timestamp: int, records: pa.Schema | None = None,
                      fits: Callable[[pa.Table], bool] | None = None) -> Iterator[list[dict[str, Any]] | pa.Table]:
        """Pages (up to 1,000) of accounts with a Timestamp above `since_timestamp`. With `records` (an Arrow
        schema of Exact's field names), a page that fits it and whose records pass `fits` comes as an
        Arrow table, read by Arrow's JSON reader (pipelines.pages.page_decoder); any other as the rows."""
        params = {"$filter": f"Timestamp gt {int(since_timestamp)}L", "$select": ",".join(ACCOUNT_FIELDS)}
        yield from self._pages(self._url(division, "sync/CRM/Accounts"), params, _decoder(records, fits))

    def sync_deleted(self, division: int, since_timestamp: int, records: pa.Schema | None = None,
                     fits: Callable[[pa.Table], bool] | None = None) -> Iterator[list[dict[str, Any]] | pa.Table]:
        """Pages of deleted accounts (sync/Deleted, EntityType 2) with a Timestamp above the cursor;
        `records` and `fits` as for sync_accounts."""
        params = {
            "$filter": f"Timestamp gt {int(since_timestamp)}L"
            f" and EntityType eq {settings.EXACT_ACCOUNT_ENTITY_TYPE}",
            "$select": ",".join(DELETED_FIELDS),
        }
        yield from self._pages(self._url(division, "sync/Deleted"), params, _decoder(records, fits))

    def departments(
        self, division: int, modified_since: int | datetime | None = None
    ) -> Iterator[list[dict[str, Any]]]:
        """Pages (up to 60) of departments; `modified_since` (epoch ms or datetime) filters on
        `Modified ge` so a department modified in the same millisecond as the cursor is not lost."""
        params = {"$select": ",".join(DEPARTMENT_FIELDS)}
        if modified_since is not None:
            params["$filter"] = f"Modified ge datetime'{_odata_datetime(modified_since)}'"
        yield from self._pages(self._url(division, "hrm/Departments"), params)

    def accounts_changed_since(self, division: int, timestamp: int) -> bool:
        """Freshness check for the writer: one sync call, True when any account has a newer Timestamp."""
        params = {"$filter": f"Timestamp gt {int(timestamp)}L", "$select": "ID,Timestamp", "$top": "1"}
        body = self._get_json(self._url(division, "sync/CRM/Accounts"), params)
        return bool(_results(body)[0])

    def get_account(self, division: int, account_id: str) -> dict[str, Any] | None:
        params = {
            "$select": ",".join(ACCOUNT_FIELDS[:1] + ACCOUNT_FIELDS[2:])
        }  # crm/Accounts has no Timestamp
        try:
            body = self._get_json(self._url(division, f"crm/Accounts(guid'{_guid(account_id)}')"), params)
        except ExactApiError as exc:
            if exc.status == 404:
                return None
            raise
        return _strip(_entity(body))

    def create_account(self, division: int, fields: Mapping[str, Any]) -> dict[str, Any]:
        """POST; Exact returns the stored record only with `Prefer: return=representation`."""
        response = self._request(
            "POST",
            self._url(division, "crm/Accounts"),
            json=dict(fields),
            headers={"Prefer": "return=representation"},
        )
        return _strip(_entity(_json(response)))

    def update_account(self, division: int, account_id: str, changed_fields: Mapping[str, Any]) -> None:
        """PUT only the changed fields (Exact has no ETag: last write wins, freshness is the caller's)."""
        if not changed_fields:
            return
        self._request(
            "PUT", self._url(division, f"crm/Accounts(guid'{_guid(account_id)}')"), json=dict(changed_fields)
        )

    # ------------------------------------------------------------------ paging and requests

    def _url(self, division: int, path: str) -> str:
        return f"{self.base_url}/api/v1/{int(division)}/{path}"

    def _pages(self, url: str, params: Mapping[str, str] | None,
               decode: Callable[[bytes], Any] | None = None) -> Iterator[list[dict[str, Any]] | pa.Table]:
        """Pages of a collection. With `prefetch`, the following pages are requested in a thread while
        the caller works on the current one: still one request in flight at a time (the request lock), as
        Exact asks, but the caller's processing hides behind the network time."""
        def fetch() -> Iterator[list[dict[str, Any]] | pa.Table]:
            next_url: str | None = url + _query(params)
            while next_url:
                rows, next_url = self._page(next_url, decode)
                yield rows

        return prefetched(fetch(), name="exact-prefetch") if self.prefetch else fetch()

    def _page(self, url: str, decode: Callable[[bytes], Any] | None = None) -> tuple[Any, str | None]:
        body = self._request("GET", url, parse=True, decode=decode)
        if isinstance(body, tuple):  # read by Arrow: (table, __next)
            table, following = body
            return table, self._follow(url, following) if following else None
        rows, following = _results(body)
        for row in rows:
            if isinstance(row, dict):
                row.pop("__metadata", None)  # in place: this runs for every row of a 1,000-row page
        return rows, self._follow(url, following) if following else None

    def _follow(self, current: str, following: str) -> str:
        """`__next` as given, resolved against the request it came with; never leaves the origin
        (the bearer token must not go to another host)."""
        resolved = httpx.URL(current).join(following)
        division = _division_of(current)
        if "://" not in following and not following.startswith("/") and division is not None:
            # OData relative URIs are relative to the service root (/api/v1/{division}/) when they
            # repeat the endpoint path ("sync/CRM/Accounts?..."); otherwise read them per RFC 3986
            if following.split("?", 1)[0] == _endpoint(current):
                resolved = httpx.URL(f"{self.base_url}/api/v1/{division}/").join(following)
        base = httpx.URL(self.base_url)
        if (resolved.scheme, resolved.host, resolved.port) != (base.scheme, base.host, base.port):
            raise ExactApiError(200, f"__next points to another host ({resolved.host}); refusing to follow")
        return str(resolved)

    def _get_json(self, url: str, params: Mapping[str, str] | None) -> Any:
        return self._request("GET", url + _query(params) if params else url, parse=True)

    def _request(
        self, method: str, url: str, *, json: Any = None, headers: Mapping[str, str] | None = None,
        parse: bool = False, decode: Callable[[bytes], Any] | None = None,
    ) -> Any:
        """The answer (its JSON when `parse`: what `decode` makes of it, when it makes something, else
        orjson's), after the limits' checks and the retry policy's repeats."""
        division, endpoint = _division_of(url), _endpoint(url)
        idempotent = method in ("GET", "PUT", "DELETE")

        def attempt() -> Any:
            return self._attempt(method, url, json, headers, division, endpoint, idempotent, parse, decode)

        with self._lock:  # one request in flight per client, also with a prefetching pager
            return self.retry.call(attempt, f"Exact Online {method} {_path(url)}")

    def _attempt(
        self, method: str, url: str, json: Any, headers: Mapping[str, str] | None, division: int | None,
        endpoint: str, idempotent: bool, parse: bool, decode: Callable[[bytes], Any] | None = None,
    ) -> Any:
        """One attempt: the answer, or Retryable, or the typed error. Nothing is raised inside an
        `except`: httpx exceptions carry the request with its Authorization header."""
        for renewed in (False, True):
            self.limits.check(division, endpoint)
            request_headers = {"Authorization": f"Bearer {self.tokens.access_token()}", **(headers or {})}
            failure: httpx.TransportError | None = None
            try:
                response = self._http.request(method, url, json=json, headers=request_headers)
            except httpx.TransportError as exc:
                failure, response = exc, None
            key: int | str = division if division is not None else "current"
            self.calls[key] += 1
            self.endpoint_calls[(key, endpoint)] += 1
            if response is None:
                self.limits.unanswered(division)
                return self._no_answer(method, url, failure, idempotent)
            message = self.tokens.redact(_error_message(response)) if response.status_code >= 400 else ""
            self.limits.answered(division, endpoint, response.status_code, response.headers, message)
            if response.status_code == 401 and not renewed and _says_expired(response):
                self.tokens.refresh(force=True)  # the one case a token call within 9 min 30 s is allowed
                continue
            return self._judge(method, url, response, message, division, endpoint, idempotent, parse, decode)
        raise AssertionError("unreachable")

    def _no_answer(self, method: str, url: str, failure: httpx.TransportError | None, idempotent: bool) -> Any:
        # only the exception's type and the path go into the message (the object carries the request)
        text = f"{type(failure).__name__} on {method} {_path(url)}"
        not_sent = isinstance(failure, _NOT_SENT)
        error = ExactTransportError(f"Exact Online: {text}", maybe_applied=method == "POST" and not not_sent)
        if not_sent or (idempotent and isinstance(failure, _TRANSIENT)):
            raise Retryable(text, error=error)
        raise error

    def _judge(self, method: str, url: str, response: httpx.Response, message: str, division: int | None,
               endpoint: str, idempotent: bool, parse: bool, decode: Callable[[bytes], Any] | None = None) -> Any:
        status = response.status_code
        if status == 429:  # refused before processing, so even a POST may be repeated
            wait = self.limits.throttled(division, endpoint, response.headers, message)
            error = ExactApiError(429, message, method=method, path=_path(url))
            raise Retryable("HTTP 429", error=error, wait=wait, throttled=True)
        if status == 403:
            raise self.limits.blocked(division, endpoint, 403, message or "403 Forbidden")
        if status >= 500:
            error = ExactApiError(status, message, method=method, path=_path(url), maybe_applied=method == "POST")
            if idempotent:
                raise Retryable(f"HTTP {status}", error=error)
            raise error
        if status >= 400:
            raise ExactApiError(status, message, method=method, path=_path(url))
        if not parse:
            return response
        if decode is not None and (body := decode(response.content)) is not None:
            return body
        try:
            return orjson.loads(response.content)  # pages: 4x faster than json
        except ValueError:
            body_cut = True  # a body cut short that still parsed as complete HTTP: like a dropped connection
        if body_cut:
            raise Retryable("answer is not JSON", error=ExactApiError(status, "answer is not JSON", method=method,
                                                                        path=_path(url)))
        raise AssertionError("unreachable")

    def _redact(self, text: str) -> str:
        return self.tokens.redact(text)


# ---------------------------------------------------------------------- helpers


def _query(params: Mapping[str, str] | None) -> str:
    """OData query string; `$` stays literal and spaces become %20 (not '+')."""
    if not params:
        return ""
    return "?" + "&".join(
        f"{key}={quote(str(value), safe=chr(39) + ',()=:')}" for key, value in params.items()
    )


def _decoder(records: pa.Schema | None, fits: Callable[[pa.Table], bool] | None) -> Callable[[bytes], Any] | None:
    return None if records is None else page_decoder(records, fits, ("d", "results"), ("d", "__next"))


def _results(body: Any) -> tuple[list[dict[str, Any]], str | None]:
    """Rows and `__next` of a collection: `{"d": {"results": [...], "__next": ...}}` or `{"d": [...]}`."""
    d = body.get("d") if isinstance(body, dict) else None
    if isinstance(d, list):
        return d, None
    if isinstance(d, dict) and isinstance(d.get("results"), list):
        return d["results"], d.get("__next")
    raise ExactApiError(200, "unexpected answer shape (no d.results)")


def _entity(body: Any) -> dict[str, Any]:
    d = body.get("d") if isinstance(body, dict) else None
    if isinstance(d, dict) and isinstance(d.get("results"), list):  # some services wrap single entities
        d = d["results"][0] if d["results"] else None
    if not isinstance(d, dict):
        raise ExactApiError(200, "unexpected answer shape (no d)")
    return d


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    """Drop OData metadata and deferred navigation properties."""
    return {
        k: v for k, v in row.items() if k != "__metadata" and not (isinstance(v, dict) and "__deferred" in v)
    }


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise ExactApiError(response.status_code, "answer is not JSON") from None


def _error_message(response: httpx.Response) -> str:
    body = json_object(response)
    error = body.get("error")
    if isinstance(error, dict):
        message = error.get("message")
        if isinstance(message, dict):
            return str(message.get("value", ""))
        if message:
            return str(message)
    www = response.headers.get("WWW-Authenticate")
    if www:
        return unquote(www)
    return response.reason_phrase or ""


def _says_expired(response: httpx.Response) -> bool:
    return "expired" in unquote(response.headers.get("WWW-Authenticate", "")).lower()


def _division_of(url: str) -> int | None:
    match = _DIVISION_IN_PATH.search(url)
    return int(match.group(1)) if match else None


def _path(url: str) -> str:
    return httpx.URL(url).path


def _endpoint(url: str) -> str:
    path = _path(url)
    path = re.sub(r"^/api/v1/(\d+|current)/", "", path)
    return re.sub(r"\(.*\)$", "", path)


def _guid(value: str) -> str:
    if not isinstance(value, str) or not _GUID.match(value):
        raise ValueError(f"not a guid: {value!r}")
    return value


def _odata_datetime(value: int | datetime) -> str:
    moment = value if isinstance(value, datetime) else datetime.fromtimestamp(value / 1000, UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
