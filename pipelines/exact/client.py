"""Exact Online REST client (httpx): OAuth with rotating refresh tokens, OData paging, and a
rate-limit *schedule* per division.

Follows only docs/reference/exact-online-api.md, so it runs unchanged against the real service:
- tokens: refreshed only when fewer than EXACT_REFRESH_MARGIN seconds remain (Exact refuses an
  earlier refresh) or once when a 401 says the access token expired; the rotated refresh token is
  written to the token file before the new access token is used (see tokens.py);
- paging: follow `__next` exactly as given (absolute or relative), accept `{"d": [...]}`;
- rate limits: the minute budget of each division is read from the X-RateLimit-* headers of the
  last answer; when it is used up the next call waits until the window resets, so a long sync runs
  at 60 calls a minute instead of bouncing off 429s;
- retries: 429, 5xx, timeouts and dropped connections with exponential backoff and jitter, for
  GET and PUT only; a POST is retried only when it certainly never reached the server.
Secrets never reach logs, reprs or exception messages.
"""

from __future__ import annotations

import logging
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, unquote

import httpx

from pipelines import settings
from pipelines.errors import OperatorError
from pipelines.exact.site import exact_base_url
from pipelines.exact.tokens import Secret, TokenSet, TokenStore, fingerprint, token_file_path

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

TOKEN_PATH = "/api/oauth2/token"
REAUTH_HINT = (
    "re-authorise the app with Exact Online and put the new refresh token into "
    "sources.exact.credentials.refresh_token (.dlt/secrets.toml or the environment variable "
    "SOURCES__EXACT__CREDENTIALS__REFRESH_TOKEN); the client starts a new token chain from it"
)
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DIVISION_IN_PATH = re.compile(r"/api/v1/(\d+)/")
# a request that failed with one of these never reached the server: safe to retry even a POST
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


class Clock(Protocol):
    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class RealClock:
    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class ExactError(OperatorError):
    """Base of the client's errors; messages are redacted."""


class ExactApiError(ExactError):
    """Exact answered with an error status. `maybe_applied` is set when a POST failed in a way that
    leaves open whether Exact processed it (the writer must check before creating again)."""

    def __init__(
        self, status: int, message: str, *, method: str = "", path: str = "", maybe_applied: bool = False
    ) -> None:
        self.status, self.message, self.method, self.path = status, message, method, path
        self.maybe_applied = maybe_applied
        super().__init__(f"Exact Online {method} {path} -> HTTP {status}: {message}".replace("  ", " "))


class ExactAuthError(ExactError):
    """The token chain is broken: the user must re-authorise."""


class ExactRateLimitError(ExactError):
    """The daily budget of a division is used up; waiting hours inside a run makes no sense."""


class ExactTransportError(ExactError):
    """Connection-level failure after the retries (or a POST that must not be retried)."""

    def __init__(self, message: str, *, maybe_applied: bool = False) -> None:
        self.maybe_applied = maybe_applied
        super().__init__(message)


@dataclass
class _Budget:
    """What the last answer of a division said about its rate limits (reset times in epoch ms)."""

    minute_remaining: int | None = None
    minute_reset_ms: float | None = None
    day_remaining: int | None = None
    day_reset_ms: float | None = None


class RateSchedule:
    """Per-division call budget: spend the whole minute window, then sleep until it resets."""

    def __init__(self, clock: Clock, margin_s: float = 0.05) -> None:
        self.clock, self.margin_s = clock, margin_s
        self.budgets: dict[int, _Budget] = {}
        self.waited_s = 0.0  # total time slept for the schedule (in the clock's seconds)

    def before_call(self, division: int | None) -> None:
        budget = self.budgets.get(division) if division is not None else None
        if budget is None:
            return
        now_ms = self.clock.now() * 1000
        if budget.day_remaining is not None and budget.day_remaining <= 0:
            if budget.day_reset_ms and now_ms < budget.day_reset_ms:
                raise ExactRateLimitError(
                    f"the daily Exact Online call budget of division {division} is used up until "
                    f"{_iso(budget.day_reset_ms)}; the next run continues from the saved cursors"
                )
            budget.day_remaining = None
        if budget.minute_remaining is not None and budget.minute_remaining <= 0:
            if budget.minute_reset_ms and now_ms < budget.minute_reset_ms:
                wait = (budget.minute_reset_ms - now_ms) / 1000 + self.margin_s
                log.info("division %s: minute budget used, waiting %.1fs for the window", division, wait)
                self.waited_s += wait
                self.clock.sleep(wait)
            budget.minute_remaining = None  # a new window; the next answer tells the real number

    def after_call(self, division: int | None, headers: Mapping[str, str] | None) -> None:
        """Record the budget from the answer's headers (or count the call down when it had none)."""
        if division is None:
            return
        budget = self.budgets.setdefault(division, _Budget())
        headers = headers or {}
        minute_remaining = _int_header(headers, "X-RateLimit-Minutely-Remaining")
        if minute_remaining is not None:
            budget.minute_remaining = minute_remaining
            budget.minute_reset_ms = _float_header(headers, "X-RateLimit-Minutely-Reset")
        elif budget.minute_remaining is not None:
            budget.minute_remaining -= 1
        day_remaining = _int_header(headers, "X-RateLimit-Remaining")
        if day_remaining is not None:
            budget.day_remaining = day_remaining
            budget.day_reset_ms = _float_header(headers, "X-RateLimit-Reset")
        elif budget.day_remaining is not None:
            budget.day_remaining -= 1

    def wait_after_429(self, division: int | None, headers: Mapping[str, str]) -> float | None:
        """Seconds to wait after a 429, from its headers; None when they say nothing useful."""
        now_ms = self.clock.now() * 1000
        day_remaining = _int_header(headers, "X-RateLimit-Remaining")
        day_reset = _float_header(headers, "X-RateLimit-Reset")
        minute_reset = _float_header(headers, "X-RateLimit-Minutely-Reset")
        if minute_reset is None and day_remaining == 0 and day_reset and day_reset > now_ms:
            raise ExactRateLimitError(
                f"the daily Exact Online call budget of division {division} is used up until "
                f"{_iso(day_reset)}; the next run continues from the saved cursors"
            )
        if minute_reset is not None:
            return max(0.0, (minute_reset - now_ms) / 1000) + self.margin_s
        retry_after = _float_header(headers, "Retry-After")
        return retry_after


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
        clock: Clock | None = None,
        timeout: float = 60.0,
        max_retries: int = 5,
        backoff_base: float = 0.5,
        backoff_cap: float = 30.0,
        max_429_retries: int = 10,
        rate_margin_s: float = 0.05,
        transport: httpx.BaseTransport | None = None,
        rng: random.Random | None = None,
        prefetch: bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self._client_secret = client_secret if isinstance(client_secret, Secret) else Secret(client_secret)
        if refresh_token is not None and not isinstance(refresh_token, Secret):
            refresh_token = Secret(refresh_token)
        self._bootstrap_token: Secret | None = refresh_token or None
        self.token_store = TokenStore(token_file_path(token_file, "exact"))
        self.clock: Clock = clock or RealClock()
        self.max_retries, self.max_429_retries = max_retries, max_429_retries
        self.backoff_base, self.backoff_cap = backoff_base, backoff_cap
        self.schedule = RateSchedule(self.clock, rate_margin_s)
        self.calls: Counter[int | str] = Counter()
        self.endpoint_calls: Counter[tuple[int | str, str]] = Counter()
        self.token_calls = 0
        self.retries = 0
        self._rng = rng or random.Random()
        self._tokens: TokenSet | None = None
        self.prefetch = prefetch
        self._lock = threading.RLock()
        self._http = httpx.Client(
            timeout=timeout,
            transport=transport,
            follow_redirects=False,
            headers={"Accept": "application/json"},
        )

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

    def sync_accounts(self, division: int, since_timestamp: int) -> Iterator[list[dict[str, Any]]]:
        """Pages (up to 1,000) of accounts with a Timestamp above `since_timestamp`."""
        params = {"$filter": f"Timestamp gt {int(since_timestamp)}L", "$select": ",".join(ACCOUNT_FIELDS)}
        yield from self._pages(self._url(division, "sync/CRM/Accounts"), params)

    def sync_deleted(self, division: int, since_timestamp: int) -> Iterator[list[dict[str, Any]]]:
        """Pages of deleted accounts (sync/Deleted, EntityType 2) with a Timestamp above the cursor."""
        params = {
            "$filter": f"Timestamp gt {int(since_timestamp)}L"
            f" and EntityType eq {settings.EXACT_ACCOUNT_ENTITY_TYPE}",
            "$select": ",".join(DELETED_FIELDS),
        }
        yield from self._pages(self._url(division, "sync/Deleted"), params)

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

    def _pages(self, url: str, params: Mapping[str, str] | None) -> Iterator[list[dict[str, Any]]]:
        """Pages of a collection. With `prefetch`, the next page is requested while the caller works
        on the current one: still one request in flight at a time (the request lock), as Exact asks,
        but the caller's processing hides behind the network time."""
        first = url + _query(params)
        if not self.prefetch:
            next_url: str | None = first
            while next_url:
                rows, next_url = self._page(next_url)
                yield rows
            return
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="exact-prefetch") as pool:
            pending: Future[tuple[list[dict[str, Any]], str | None]] | None = pool.submit(self._page, first)
            while pending is not None:
                rows, next_url = pending.result()
                pending = pool.submit(self._page, next_url) if next_url else None
                yield rows

    def _page(self, url: str) -> tuple[list[dict[str, Any]], str | None]:
        rows, following = _results(self._get_json(url, None))
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
        full = url + _query(params) if params else url
        for attempt in range(self.max_retries + 1):
            response = self._request("GET", full)
            try:
                return response.json()
            except ValueError:
                # a body cut short that still parsed as complete HTTP: retry like a dropped connection
                if attempt >= self.max_retries:
                    raise ExactApiError(
                        response.status_code, "answer is not JSON", method="GET", path=_path(full)
                    ) from None
                self._backoff(attempt)
        raise AssertionError("unreachable")

    def _request(
        self, method: str, url: str, *, json: Any = None, headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        with self._lock:  # one request in flight per client, also with a prefetching pager
            return self._request_locked(method, url, json=json, headers=headers)

    def _request_locked(
        self, method: str, url: str, *, json: Any = None, headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        division = _division_of(url)
        key: int | str = division if division is not None else "current"
        endpoint = _endpoint(url)
        idempotent = method in ("GET", "PUT", "DELETE")
        attempt = throttled = 0
        refreshed = False
        while True:
            self.schedule.before_call(division)
            request_headers = {"Authorization": f"Bearer {self._access_token()}", **(headers or {})}
            failure: str | None = None
            maybe_applied = False
            try:
                response = self._http.request(method, url, json=json, headers=request_headers)
            except httpx.TransportError as exc:
                # keep the exception object (its request carries the Authorization header) out of
                # anything raised from here: only its type and the path go into the message
                failure = f"{type(exc).__name__} on {method} {_path(url)}"
                retryable = isinstance(exc, _NOT_SENT) or (idempotent and isinstance(exc, _TRANSIENT))
                maybe_applied = not isinstance(exc, _NOT_SENT)
                response = None
            self.calls[key] += 1
            self.endpoint_calls[(key, endpoint)] += 1
            self.schedule.after_call(division, response.headers if response is not None else None)
            if response is None:
                if not retryable or attempt >= self.max_retries:
                    raise ExactTransportError(
                        f"Exact Online: {failure} (after {attempt + 1} attempts)",
                        maybe_applied=maybe_applied and method == "POST",
                    )
                log.warning("Exact Online: %s; retrying", failure)
                self._backoff(attempt)
                attempt += 1
                continue
            status = response.status_code
            if status == 401 and not refreshed and _says_expired(response):
                refreshed = True
                self._refresh(force=True)
                continue
            if status == 429 and throttled < self.max_429_retries:
                # refused before processing, so even a POST may be repeated
                wait = self.schedule.wait_after_429(division, response.headers)
                throttled += 1
                if wait is None:
                    self._backoff(throttled - 1)
                else:
                    self.retries += 1
                    self.clock.sleep(wait)
                continue
            if status >= 500 and idempotent and attempt < self.max_retries:
                log.warning("Exact Online: HTTP %s on %s %s; retrying", status, method, _path(url))
                self._backoff(attempt)
                attempt += 1
                continue
            if status >= 400:
                raise ExactApiError(
                    status,
                    self._redact(_error_message(response)),
                    method=method,
                    path=_path(url),
                    maybe_applied=method == "POST" and status >= 500,
                )
            return response

    def _backoff(self, attempt: int) -> None:
        delay = min(self.backoff_cap, self.backoff_base * 2**attempt)
        self.retries += 1
        self.clock.sleep(delay / 2 + self._rng.uniform(0, delay / 2))  # "equal jitter"

    # ------------------------------------------------------------------ OAuth

    def _access_token(self) -> str:
        tokens = self._tokens
        if tokens is None or not tokens.access_token or self._expiring(tokens):
            tokens = self._refresh(force=False)
        return tokens.access_token  # type: ignore[return-value]

    def _expiring(self, tokens: TokenSet) -> bool:
        return tokens.expires_at - self.clock.now() < settings.EXACT_REFRESH_MARGIN

    def _refresh(self, force: bool) -> TokenSet:
        """Get a usable access token, rotating the refresh token if needed; the rotated pair is
        persisted before it is returned. Under the file lock, another process's fresh pair is used
        instead of spending the refresh token twice."""
        failed_access = self._tokens.access_token if (force and self._tokens) else None
        with self.token_store.locked():
            stored = self._usable_file_tokens()
            if (
                stored is not None
                and stored.access_token
                and stored.access_token != failed_access
                and not self._expiring(stored)
            ):
                self._tokens = stored
                return stored
            refresh_token = stored.refresh_token if stored is not None else None
            bootstrap = ""
            if refresh_token is None:
                if not self._bootstrap_token:
                    raise ExactAuthError(f"no Exact Online refresh token: {REAUTH_HINT}")
                refresh_token = self._bootstrap_token.reveal()
                bootstrap = fingerprint(refresh_token)
            else:
                bootstrap = stored.bootstrap if stored is not None else ""
            tokens = self._token_call(refresh_token, bootstrap)
            self.token_store.save(tokens)  # before the new access token is used anywhere
            self._tokens = tokens
            return tokens

    def _usable_file_tokens(self) -> TokenSet | None:
        """The token file's pair, unless it belongs to another environment/app or the user has put a
        new refresh token into the secrets since the chain started (re-authorisation)."""
        stored = self.token_store.load()
        if stored is None:
            return None
        if (
            stored.base_url
            and stored.base_url != self.base_url
            or stored.client_id
            and stored.client_id != self.client_id
        ):
            log.warning(
                "Exact token file %s belongs to another base_url/client_id; starting from the "
                "configured refresh token",
                self.token_store.path,
            )
            return None
        if (
            self._bootstrap_token
            and stored.bootstrap
            and stored.bootstrap != fingerprint(self._bootstrap_token.reveal())
        ):
            log.info("a new Exact refresh token is configured; starting a new token chain from it")
            return None
        return stored

    def _token_call(self, refresh_token: str, bootstrap: str) -> TokenSet:
        data = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": self.client_id,
            "client_secret": self._client_secret.reveal(),
        }
        started = self.clock.now()
        response = None
        for attempt in range(self.max_retries + 1):
            # a lost answer to a refresh is lost either way (the old token is then spent and the
            # retry gets invalid_grant, reported below), so retrying the token POST costs nothing
            try:
                response = self._http.post(f"{self.base_url}{TOKEN_PATH}", data=data)
            except httpx.TransportError as exc:
                failure = type(exc).__name__
                response = None
            self.token_calls += 1
            if response is not None and response.status_code < 500 and response.status_code != 429:
                break
            if attempt >= self.max_retries:
                what = failure if response is None else f"HTTP {response.status_code}"
                raise ExactAuthError(
                    f"Exact Online token endpoint failed ({what}) after {attempt + 1} attempts"
                )
            self._backoff(attempt)
        assert response is not None
        if response.status_code == 400:
            error = _json_or_empty(response)
            if error.get("error") == "invalid_grant":
                raise ExactAuthError(f"Exact Online refused the refresh token (invalid_grant): {REAUTH_HINT}")
            raise ExactAuthError(
                f"Exact Online token endpoint: HTTP 400 {self._redact(str(error.get('error', '')))}"
            )
        if response.status_code != 200:
            raise ExactAuthError(
                f"Exact Online token endpoint: HTTP {response.status_code} "
                f"{self._redact(unquote(response.headers.get('WWW-Authenticate', '')))}".rstrip()
            )
        body = _json_or_empty(response)
        try:
            access, rotated, expires_in = body["access_token"], body["refresh_token"], int(body["expires_in"])
        except (KeyError, TypeError, ValueError):
            raise ExactAuthError(
                "Exact Online token endpoint answered without access_token, refresh_token or expires_in"
            ) from None
        return TokenSet(
            access_token=access,
            refresh_token=rotated,
            expires_at=started + expires_in,
            base_url=self.base_url,
            client_id=self.client_id,
            bootstrap=bootstrap,
        )

    def _redact(self, text: str) -> str:
        secrets = [self._client_secret.reveal()]
        if self._bootstrap_token:
            secrets.append(self._bootstrap_token.reveal())
        if self._tokens is not None:
            secrets += [self._tokens.access_token or "", self._tokens.refresh_token]
        for secret in secrets:
            if secret and len(secret) >= 6:
                text = text.replace(secret, "***")
        return text


# ---------------------------------------------------------------------- helpers


def _query(params: Mapping[str, str] | None) -> str:
    """OData query string; `$` stays literal and spaces become %20 (not '+')."""
    if not params:
        return ""
    return "?" + "&".join(
        f"{key}={quote(str(value), safe=chr(39) + ',()=:')}" for key, value in params.items()
    )


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


def _json_or_empty(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error_message(response: httpx.Response) -> str:
    body = _json_or_empty(response)
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


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = _float_header(headers, name)
    return int(value) if value is not None else None


def _float_header(headers: Mapping[str, str], name: str) -> float | None:
    value = headers.get(name)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _iso(epoch_ms: float) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).isoformat(timespec="seconds")
