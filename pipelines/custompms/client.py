"""CustomPMS REST client (httpx), following only pipelines/custompms/openapi.yaml.

One object, two faces, sharing configuration, retry rules and the call counter:
- sync methods on an httpx.Client, for extraction (the dlt source pages through list_customers);
- `a`-prefixed async methods for the writer, on `max_concurrency` slots: each slot is an
  httpx.AsyncClient with one keep-alive connection, and a request waits for a free slot, so
  `asyncio.gather` over many operations stays bounded. One pool of `max_concurrency` connections
  would do the same, but httpcore checks every pooled connection (a getpeername and a poll each)
  for every request it assigns and every answer it closes: a fifth of the writer's CPU at 8
  connections, and the writer is CPU-bound. The slots belong to the event loop of their first use;
  another loop gets new ones.

Retry rules (pipelines/retry.py, the one policy of the three clients; this module only judges each
attempt):
- what is retried: 429 (waiting Retry-After, or RateLimit-Reset, when the answer gives one), 5xx
  except 501, timeouts, dropped connections (also a body cut short) and refused connections;
- GET and DELETE (idempotent by HTTP) and PATCH are retried. A PATCH carries If-Match, so a replay
  after a first attempt that did apply is answered 412: such a VersionMismatch has
  `maybe_applied=True` and the caller treats it like any 412, as stale (re-read next run);
- POST is retried only with an Idempotency-Key (the server then answers a replay with the first
  answer and creates nothing). A POST without one is never repeated, whatever happened; when its
  outcome is unknown the error says `maybe_applied=True`.
- An answer of `RateLimit-Remaining: 0` pauses the next request until `RateLimit-Reset`, so a long
  run keeps to the window instead of collecting 429s; the pause is kept in the sync state
  (pipelines/budgets.py), so the next process waits for it too.
The API key never appears in reprs, logs or error messages (httpx masks the header in its own reprs;
error texts from the server are redacted too).
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx
import orjson
import pyarrow as pa

from pipelines import budgets, settings, tls
from pipelines import clock as clocks
from pipelines.errors import OperatorError
from pipelines.pages import page_decoder
from pipelines.retry import Retryable, RetryPolicy

log = logging.getLogger("pipelines.custompms")

CUSTOMERS = "/api/v1/customers"
MAX_LIMIT = 500  # the contract's maximum page size
# a failure of one of these means the request never left this machine: nothing can have been applied
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


# ---------------------------------------------------------------------- errors


class CustomPMSError(OperatorError):
    """An error answer (the contract's Error schema) or a failure to get one.

    `status` is the HTTP status (0 for a transport failure), `code`/`message`/`fields` come from the
    body; `maybe_applied` is set when the operation may have taken effect despite the error (a write
    whose earlier attempt had an unknown outcome)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: Mapping[str, str] | None = None,
        *,
        method: str = "",
        path: str = "",
        maybe_applied: bool = False,
    ) -> None:
        self.status, self.code, self.message = status, code, message
        self.fields: dict[str, str] = dict(fields or {})
        self.method, self.path, self.maybe_applied = method, path, maybe_applied
        text = f"CustomPMS {method} {path} -> {status or 'no answer'} {code}: {message}"
        if self.fields:
            text += " (" + "; ".join(f"{key}: {why}" for key, why in self.fields.items()) + ")"
        super().__init__(text.replace("  ", " "))


class BadRequest(CustomPMSError):
    """400: the request itself is wrong (e.g. a malformed updated_since)."""


class Unauthorized(CustomPMSError):
    """401: the API key is missing, wrong or revoked (sources.custompms.credentials.api_key)."""


class NotFound(CustomPMSError):
    """404: no such customer."""


class IdempotencyConflict(CustomPMSError):
    """409 idempotency_conflict: the Idempotency-Key was already used with a different body."""


class VersionMismatch(CustomPMSError):
    """412 version_mismatch: the customer changed since the version given in If-Match; nothing
    was changed. The writer skips it as stale and picks the newer version up on the next run."""


class ValidationFailed(CustomPMSError):
    """422 validation_failed: `fields` maps each offending property path to the reason."""


class RateLimited(CustomPMSError):
    """429 after the retries (or a Retry-After too long to wait inside a run)."""


class ServerError(CustomPMSError):
    """5xx after the retries."""


class TransportError(CustomPMSError):
    """No (complete) answer: timeout, refused or dropped connection, body cut short."""


_BY_STATUS: dict[int, type[CustomPMSError]] = {
    400: BadRequest,
    401: Unauthorized,
    404: NotFound,
    409: IdempotencyConflict,
    412: VersionMismatch,
    422: ValidationFailed,
    429: RateLimited,
}
_BY_CODE: dict[str, type[CustomPMSError]] = {
    "unauthorized": Unauthorized,
    "not_found": NotFound,
    "idempotency_conflict": IdempotencyConflict,
    "version_mismatch": VersionMismatch,
    "validation_failed": ValidationFailed,
    "rate_limited": RateLimited,
}


# ---------------------------------------------------------------------- one request, described once


@dataclass
class _Call:
    """A request, independent of sync or async, so both faces share one definition per operation."""

    method: str
    path: str
    params: dict[str, str] | None = None
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    replay_safe: bool = True  # may a repeat of this request be sent?
    expect_json: bool = True
    decode: Callable[[bytes], Any] | None = None  # tried before orjson; None from it: decode with orjson


@dataclass
class _Attempts:
    """What one call's earlier attempts left behind."""

    number: int = 0
    unknown_outcome: bool = False  # an earlier attempt may have been applied by the server


class _Secret:
    """The API key; prints as *** so it cannot leak through a repr or an f-string."""

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "***"

    __str__ = __repr__


# ---------------------------------------------------------------------- the client


class CustomPMSClient:
    """Talks to one CustomPMS tenant with one API key.

    `calls` counts HTTP requests sent per method (retries included); `total_calls` sums them;
    `retries` counts the repeats. Use as a context manager, or call close() / await aclose().
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 30.0,
        max_retries: int = settings.RETRY_MAX,
        backoff_base: float = settings.RETRY_BACKOFF_BASE,
        backoff_cap: float = settings.RETRY_BACKOFF_CAP,
        max_retry_after: float = settings.RETRY_MAX_WAIT,
        max_concurrency: int = 8,
        clock: clocks.Clock | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        rng: random.Random | None = None,
        retry: RetryPolicy | None = None,
        state: budgets.ApiState | None = None,
    ) -> None:
        if not api_key:
            raise ValueError("CustomPMS API key is empty (sources.custompms.credentials.api_key)")
        self.base_url = base_url.rstrip("/")
        self._key = _Secret(str(api_key))
        self.timeout = httpx.Timeout(timeout, connect=min(10.0, timeout))
        self.max_concurrency = max_concurrency
        self.clock: clocks.Clock = clock or clocks.current()
        self.retry = retry or RetryPolicy(
            clock=self.clock, max_retries=max_retries, backoff_base=backoff_base, backoff_cap=backoff_cap,
            max_wait=max_retry_after, rng=rng or random.Random(), logger=log,
        )
        self.state = state or budgets.for_system("custompms")
        self.calls: Counter[str] = Counter()
        self._transport, self._async_transport = transport, async_transport
        self._lock = threading.Lock()
        self._window = self.state.window("")  # after RateLimit-Remaining 0: no request before minute_reset
        self._http: httpx.Client | None = None
        self._slots: asyncio.Queue[httpx.AsyncClient] | None = None  # the free ones
        self._aclients: list[httpx.AsyncClient] = []  # all of them
        self._aloop: asyncio.AbstractEventLoop | None = None

    @property
    def retries(self) -> int:
        return self.retry.retries

    def __repr__(self) -> str:
        return f"CustomPMSClient(base_url={self.base_url!r}, api_key=***)"

    @classmethod
    def from_config(cls, **overrides: Any) -> CustomPMSClient:
        """Build from dlt's config and secrets (sources.custompms.*), e.g. for the writer."""
        import dlt

        kwargs: dict[str, Any] = {
            "base_url": dlt.config["sources.custompms.base_url"],
            "api_key": dlt.secrets["sources.custompms.credentials.api_key"],
        }
        return cls(**(kwargs | overrides))

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())

    # ------------------------------------------------------------------ operations (sync)

    def list_customers(
        self,
        updated_since: datetime | str | None = None,
        include_deleted: bool = True,
        limit: int = settings.CUSTOMPMS_PAGE_SIZE,
        *,
        external_ref: str | None = None,
        records: pa.Schema | None = None,
        fits: Callable[[pa.Table], bool] | None = None,
    ) -> Iterator[list[dict[str, Any]] | pa.Table]:
        """Pages (lists of Customer objects) oldest change first, following next_cursor.
        `updated_since` is exclusive (the API returns updated_at strictly greater). With `records` (an
        Arrow schema of the Customer properties wanted), a page that fits it, and whose records pass
        `fits`, comes as an Arrow table of that schema, read by Arrow's JSON reader
        (pipelines.pages.arrow_document); any other page as the list of objects the API sent."""
        params = _list_params(updated_since, include_deleted, limit, external_ref)
        decode = None if records is None else page_decoder(records, fits, ("data",), ("next_cursor",))
        cursor: str | None = None
        while True:
            call = _Call("GET", CUSTOMERS, params | ({"cursor": cursor} if cursor else {}), decode=decode)
            page = self._send(call)
            data, cursor = page if isinstance(page, tuple) else _page(page)
            yield data
            if not cursor:
                return

    def get_customer(self, customer_id: str) -> dict[str, Any]:
        return self._send(_get(customer_id))

    def find_by_external_ref(
        self, system: str, ref_id: str, include_deleted: bool = False
    ) -> list[dict[str, Any]]:
        """Every customer carrying the external reference SYSTEM:ID (usually zero or one)."""
        ref = _external_ref(system, ref_id)
        return [
            row
            for page in self.list_customers(None, include_deleted, MAX_LIMIT, external_ref=ref)
            for row in page
        ]

    def create_customer(self, body: Mapping[str, Any], idempotency_key: str | None = None) -> dict[str, Any]:
        return self._send(_create(body, idempotency_key))

    def patch_customer(
        self, customer_id: str, changes: Mapping[str, Any], if_match_version: int | None
    ) -> dict[str, Any]:
        """`if_match_version=None` patches unconditionally (the writer always passes the version)."""
        return self._send(_patch(customer_id, changes, if_match_version))

    def delete_customer(self, customer_id: str) -> None:
        self._send(_delete(customer_id))

    # ------------------------------------------------------------------ operations (async, bounded)

    async def aget_customer(self, customer_id: str) -> dict[str, Any]:
        return await self._asend(_get(customer_id))

    async def afind_by_external_ref(
        self, system: str, ref_id: str, include_deleted: bool = False
    ) -> list[dict[str, Any]]:
        params = _list_params(None, include_deleted, MAX_LIMIT, _external_ref(system, ref_id))
        rows: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            page = await self._asend(_Call("GET", CUSTOMERS, params | ({"cursor": cursor} if cursor else {})))
            data, cursor = _page(page)
            rows.extend(data)
            if not cursor:
                return rows

    async def acreate_customer(
        self, body: Mapping[str, Any], idempotency_key: str | None = None
    ) -> dict[str, Any]:
        return await self._asend(_create(body, idempotency_key))

    async def apatch_customer(
        self, customer_id: str, changes: Mapping[str, Any], if_match_version: int | None
    ) -> dict[str, Any]:
        return await self._asend(_patch(customer_id, changes, if_match_version))

    async def adelete_customer(self, customer_id: str) -> None:
        await self._asend(_delete(customer_id))

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None
        self.state.close()

    async def aclose(self) -> None:
        clients, self._aclients, self._slots, self._aloop = self._aclients, [], None, None
        for client in clients:
            await client.aclose()
        self.state.flush()

    def __enter__(self) -> CustomPMSClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> CustomPMSClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
        self.close()

    # ------------------------------------------------------------------ attempts (sync and async)

    def _send(self, call: _Call) -> Any:
        attempts = _Attempts()

        def attempt() -> Any:
            self.clock.sleep(self._pause())
            try:
                response: httpx.Response | None = self._client().request(
                    call.method, call.path, params=call.params, json=call.body, headers=call.headers
                )
                error = None
            except httpx.TransportError as exc:
                response, error = None, exc
            return self._judge(call, attempts, response, error)

        return self.retry.call(attempt, f"CustomPMS {call.method} {_log_path(call)}")

    async def _asend(self, call: _Call) -> Any:
        slots = self._aslots()
        attempts = _Attempts()

        async def attempt() -> Any:
            client = await slots.get()  # held per attempt: a backoff sleep does not block other operations
            try:
                await self.clock.asleep(self._pause())
                try:
                    response: httpx.Response | None = await client.request(
                        call.method, call.path, params=call.params, json=call.body, headers=call.headers
                    )
                    error = None
                except httpx.TransportError as exc:
                    response, error = None, exc
            finally:
                slots.put_nowait(client)  # the answer is read in full: its connection is idle again
            return self._judge(call, attempts, response, error)

        return await self.retry.acall(attempt, f"CustomPMS {call.method} {_log_path(call)}")

    def _judge(
        self, call: _Call, attempts: _Attempts, response: httpx.Response | None, error: Exception | None
    ) -> Any:
        """After one attempt: the result, or Retryable (the policy decides whether a repeat is left), or
        the typed error. Nothing is raised inside an `except`: httpx exceptions carry the request (and
        its Authorization header), so none may become the context of what is raised here."""
        with self._lock:
            self.calls[call.method] += 1
        attempts.number += 1
        write = call.method != "GET"
        if response is None:
            # the exception object stays out of what is raised: only its type name goes into the message
            attempts.unknown_outcome |= write and not isinstance(error, _NOT_SENT)
            reason = f"{type(error).__name__} (timeout, refused or dropped connection)"
            final: CustomPMSError = TransportError(
                0,
                "transport",
                f"{reason} after {attempts.number} attempt(s)",
                method=call.method,
                path=_log_path(call),
                maybe_applied=write and attempts.unknown_outcome,
            )
            if call.replay_safe:
                raise Retryable(reason, error=final)
            raise final
        status = response.status_code
        self._note_rate_limit(response.headers)
        if status < 400:
            if not call.expect_json or status == 204:
                return None
            body = _json_or_none(response, call.decode)
            if body is not _CUT_SHORT:
                return body
            # a body cut short that still ended cleanly as HTTP: as good as a dropped connection
            attempts.unknown_outcome |= write
            final = TransportError(
                status,
                "bad_answer",
                "answer is not complete JSON",
                method=call.method,
                path=_log_path(call),
                maybe_applied=write,
            )
            if call.replay_safe:
                raise Retryable("answer is not complete JSON", error=final)
            raise final
        transient = status == 429 or (status >= 500 and status != 501)
        attempts.unknown_outcome |= write and transient and status >= 500  # a 429 is refused before processing
        final = self._error(call, response, attempts)
        if transient and call.replay_safe:
            raise Retryable(f"HTTP {status}", error=final, wait=_retry_after(response.headers),
                            throttled=status == 429)
        raise final

    def _error(self, call: _Call, response: httpx.Response, attempts: _Attempts) -> CustomPMSError:
        status = response.status_code
        code, message, fields = f"http_{status}", response.reason_phrase or "error", {}
        try:
            error = response.json()["error"]
            code, message = str(error["code"]), str(error["message"])
            fields = {str(key): str(why) for key, why in (error.get("fields") or {}).items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            pass  # not the contract's Error shape (a proxy's page, say): keep the status line
        cls = (
            _BY_STATUS.get(status) or _BY_CODE.get(code) or (ServerError if status >= 500 else CustomPMSError)
        )
        write = call.method != "GET"
        return cls(
            status,
            code,
            self._redact(message),
            {k: self._redact(v) for k, v in fields.items()},
            method=call.method,
            path=_log_path(call),
            maybe_applied=write and (attempts.unknown_outcome or status >= 500),
        )

    def _redact(self, text: str) -> str:
        return text.replace(self._key.reveal(), "***")

    # ------------------------------------------------------------------ rate-limit window

    def _note_rate_limit(self, headers: httpx.Headers) -> None:
        remaining, reset = (
            _number(headers.get("RateLimit-Remaining")),
            _number(headers.get("RateLimit-Reset")),
        )
        if remaining is not None and remaining <= 0 and reset is not None:
            now = self.clock.now()
            with self._lock:
                window = self._window
                window.minute_remaining, window.observed_at = 0, now
                window.minute_reset = max(window.minute_reset or 0.0, now + min(reset, self.retry.max_wait))
            self.state.window_changed("")

    def _pause(self) -> float:
        reset = self._window.minute_reset
        return max(0.0, reset - self.clock.now()) if reset else 0.0

    # ------------------------------------------------------------------ pools

    def _options(self) -> dict[str, Any]:
        """What the sync client and every async slot share."""
        headers = {"Authorization": f"Bearer {self._key.reveal()}", "Accept": "application/json",
                   "User-Agent": "customer-sync"}
        return {"base_url": self.base_url, "verify": tls.context(), "headers": headers, "timeout": self.timeout,
                "follow_redirects": False}

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(**self._options(), transport=self._transport)
        return self._http

    def _aslots(self) -> asyncio.Queue[httpx.AsyncClient]:
        loop = asyncio.get_running_loop()
        if self._slots is None or self._aloop is not loop:
            # a pool is tied to its event loop; a new loop (another asyncio.run) needs its own
            slots: asyncio.Queue[httpx.AsyncClient] = asyncio.Queue()
            count = max(1, self.max_concurrency)
            if self._async_transport is None:
                self._aclients = [self._aclient() for _ in range(count)]
                lent = self._aclients
            else:  # a given transport (tests) is one pool of its own: one client, lent to every slot
                self._aclients = [self._aclient()]
                lent = self._aclients * count
            for client in lent:
                slots.put_nowait(client)
            self._aloop, self._slots = loop, slots
        return self._slots

    def _aclient(self) -> httpx.AsyncClient:
        # one connection (a given transport has its own pool)
        return httpx.AsyncClient(**self._options(), transport=self._async_transport,
                                 limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))


# ---------------------------------------------------------------------- request builders


def _customer_path(customer_id: str) -> str:
    if not customer_id:
        raise ValueError("customer id is empty")
    return f"{CUSTOMERS}/{quote(str(customer_id), safe='')}"


def _get(customer_id: str) -> _Call:
    return _Call("GET", _customer_path(customer_id))


def _create(body: Mapping[str, Any], idempotency_key: str | None) -> _Call:
    headers = {}
    if idempotency_key is not None:
        if not idempotency_key or len(idempotency_key) > 255:
            raise ValueError("Idempotency-Key must be 1 to 255 characters")
        headers["Idempotency-Key"] = idempotency_key
    # without a key a repeat could create a second customer: never repeat it
    return _Call("POST", CUSTOMERS, body=dict(body), headers=headers, replay_safe=idempotency_key is not None)


def _patch(customer_id: str, changes: Mapping[str, Any], if_match_version: int | None) -> _Call:
    if not changes:
        raise ValueError("a PATCH needs at least one property (CustomerPatch minProperties: 1)")
    headers = {} if if_match_version is None else {"If-Match": f'W/"{int(if_match_version)}"'}
    # with If-Match a replay of an applied PATCH is a 412 (nothing changes); without it the replay
    # sets the same values again (only the version moves once more)
    return _Call("PATCH", _customer_path(customer_id), body=dict(changes), headers=headers)


def _delete(customer_id: str) -> _Call:
    # a soft delete of a deleted customer leaves it deleted: safe to repeat
    return _Call("DELETE", _customer_path(customer_id), expect_json=False)


def _list_params(
    updated_since: datetime | str | None, include_deleted: bool, limit: int, external_ref: str | None
) -> dict[str, str]:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
    params = {"limit": str(limit), "include_deleted": "true" if include_deleted else "false"}
    if updated_since is not None:
        params["updated_since"] = updated_since if isinstance(updated_since, str) else rfc3339(updated_since)
    if external_ref is not None:
        params["external_ref"] = external_ref
    return params


def _external_ref(system: str, ref_id: str) -> str:
    if not system or not ref_id:
        raise ValueError("an external reference needs a system and an id")
    return f"{system}:{ref_id}"


def _page(body: Any) -> tuple[list[dict[str, Any]], str | None]:
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise CustomPMSError(
            200, "bad_answer", "a customer list answer without a data array", method="GET", path=CUSTOMERS
        )
    cursor = body.get("next_cursor")
    return body["data"], cursor if isinstance(cursor, str) and cursor else None


# ---------------------------------------------------------------------- small helpers


def rfc3339(moment: datetime) -> str:
    """UTC with milliseconds, the contract's time format; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _retry_after(headers: httpx.Headers) -> float | None:
    for name in ("Retry-After", "RateLimit-Reset"):
        seconds = _number(headers.get(name))
        if seconds is not None:
            return max(0.0, seconds)
    return None


_CUT_SHORT = object()


def _json_or_none(response: httpx.Response, decode: Callable[[bytes], Any] | None = None) -> Any:
    if decode is not None and (body := decode(response.content)) is not None:
        return body
    try:
        return orjson.loads(response.content)  # pages: 4x faster than json
    except ValueError:
        return _CUT_SHORT


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None  # an HTTP-date Retry-After is not in the contract: fall back to the backoff


def _log_path(call: _Call) -> str:
    return call.path  # query strings stay out of messages (they can carry external references)
