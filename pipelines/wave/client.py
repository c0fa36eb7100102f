"""Wave public GraphQL API client (httpx), sending only the documents of queries.py.

Every document is validated against the shipped `public-schema.graphql` on the client's first
request (queries.validated), so a document Wave would reject fails loudly before anything is sent.

Retry rules (pipelines/retry.py, the one policy of the three clients; this module only judges each
attempt):
- queries are read-only, so they are repeated on HTTP 429 (honouring Retry-After), 5xx, timeouts,
  refused and dropped connections and answers cut short;
- customerPatch sets absolute values (the writer sends the whole merged address), so repeating it
  after an unknown outcome changes nothing more: it is repeated like a query;
- the other mutations are NOT repeated once they may have reached Wave: a timeout, dropped
  connection or 5xx leaves the outcome unknown (customerCreate would create a second customer). The
  error then has `maybe_applied=True` and the caller decides. Such a mutation is repeated only when
  it provably was not applied: the connection was never opened, or Wave answered 429 (the rate
  limiter refuses a request before it is executed).

GraphQL errors become typed exceptions: UNAUTHENTICATED (or HTTP 401/403) -> WaveAuthError, any
other -> WaveGraphQLError with every message. The access token never appears in reprs, logs or
exception texts (httpx exceptions, which carry the request, are not chained).

`calls` counts HTTP requests sent (retries included), `calls_by_operation` per document.
"""

from __future__ import annotations

import logging
import random
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson

from pipelines import clock as clocks
from pipelines import settings, tls
from pipelines.errors import OperatorError
from pipelines.retry import Retryable, RetryPolicy
from pipelines.wave import queries

log = logging.getLogger("pipelines.wave")

# A failure of one of these means the request never left this machine: nothing can have been applied.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_AUTH_CODES = frozenset({"UNAUTHENTICATED", "FORBIDDEN", "UNAUTHORIZED"})
_ADDRESS_INPUT_KEYS = ("addressLine1", "addressLine2", "city", "provinceCode", "countryCode", "postalCode")
RECORD_ERRORS = "__errors__"  # key on a customer node that Wave answered with errors inside it
MAX_RESTARTS = 50  # customers(): give up when the list keeps shrinking under us (see _restart_bound)
# mutations that set absolute values: repeating one whose outcome is unknown changes nothing more
IDEMPOTENT_MUTATIONS = frozenset({"CustomerPatch"})
AUTH_HINT = "check sources.wave.credentials.access_token, or run `make connect` to connect Wave again"


# ---------------------------------------------------------------------- errors


class WaveError(OperatorError):
    """Anything that went wrong talking to Wave. `operation` is the document's name; `maybe_applied`
    is True when a mutation may have taken effect although no answer says so."""

    def __init__(self, message: str, *, operation: str = "", status: int = 0, maybe_applied: bool = False):
        self.operation, self.status, self.maybe_applied = operation, status, maybe_applied
        super().__init__(f"Wave {operation}: {message}" if operation else f"Wave: {message}")


class WaveAuthError(WaveError):
    """The access token is missing, wrong, expired or lacks the scope (UNAUTHENTICATED / HTTP 401)."""


class WaveGraphQLError(WaveError):
    """Wave answered with GraphQL errors; `messages` and `codes` hold them all."""

    def __init__(self, messages: list[str], codes: list[str | None], **kwargs: Any) -> None:
        self.messages, self.codes = messages, codes
        super().__init__("; ".join(messages) or "GraphQL error without a message", **kwargs)


class WaveNotFound(WaveGraphQLError):
    """The business (or customer) does not exist or the token cannot see it."""


class WaveTransportError(WaveError):
    """No usable answer after the retries: timeout, dropped connection, 429 or 5xx."""


# ---------------------------------------------------------------------- time format

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def parse_ms(value: Any) -> int | None:
    """An RFC 3339 DateTime (Wave sends `yyyy-MM-ddThh:mm:ss.sssZ`) as epoch milliseconds, or None
    when it is not one (a time without a zone is not accepted: its instant is unknown)."""
    if not isinstance(value, str) or len(value) < 20:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def format_ms(ms: int) -> str:
    """Epoch milliseconds in Wave's DateTime format."""
    seconds, millis = divmod(ms, 1000)
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{millis:03d}Z"


def _as_datetime_text(value: datetime | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return format_ms(int(moment.timestamp() * 1000))


# ---------------------------------------------------------------------- address helpers


def address_input(address: Mapping[str, Any] | None) -> dict[str, Any]:
    """A Customer's `address` as read (province { code }, country { code }) in AddressInput shape."""
    address = address or {}
    province, country = address.get("province") or {}, address.get("country") or {}
    return {
        "addressLine1": address.get("addressLine1"),
        "addressLine2": address.get("addressLine2"),
        "city": address.get("city"),
        "provinceCode": province.get("code"),
        "countryCode": country.get("code"),
        "postalCode": address.get("postalCode"),
    }


def merge_address(current: Mapping[str, Any] | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The full AddressInput for a patch that changes only some address fields.

    customerPatch REPLACES the whole address: a patch `{"address": {"city": "Gent"}}` would clear
    the street, postcode, province and country. So a partial change is laid over the current address
    (`current` is the Customer's `address` as read, or None). Keys are AddressInput names."""
    unknown = set(changes) - set(_ADDRESS_INPUT_KEYS)
    if unknown:
        raise ValueError(f"not AddressInput fields: {sorted(unknown)}")
    return address_input(current) | dict(changes)


# ---------------------------------------------------------------------- the client


class _Secret:
    """The access token; prints as *** so it cannot leak through a repr or an f-string."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "***"

    __str__ = __repr__


class WaveClient:
    """One Wave GraphQL endpoint with one OAuth access token. Use as a context manager or close()."""

    def __init__(
        self,
        graphql_url: str,
        access_token: str | Callable[[], str],
        *,
        timeout: float = 30.0,
        max_retries: int = settings.RETRY_MAX,
        backoff_base: float = settings.RETRY_BACKOFF_BASE,
        backoff_cap: float = settings.RETRY_BACKOFF_CAP,
        max_retry_after: float = settings.RETRY_MAX_WAIT,
        clock: clocks.Clock | None = None,
        transport: httpx.BaseTransport | None = None,
        rng: random.Random | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if not access_token:
            raise ValueError("Wave access token is empty (sources.wave.credentials.access_token)")
        self.graphql_url = graphql_url
        # a full access token, or a provider of OAuth access tokens (wave/auth.py WaveTokens) that
        # refreshes them; asked before every request, so a long run outlives a ~2 h token
        self._access: Callable[[], str] = access_token if callable(access_token) else _Secret(str(access_token)).reveal
        self._sent = ""  # the token last sent, for redacting error texts
        self.timeout = httpx.Timeout(timeout, connect=min(10.0, timeout))
        self.clock: clocks.Clock = clock or clocks.current()
        self.retry = retry or RetryPolicy(
            clock=self.clock, max_retries=max_retries, backoff_base=backoff_base, backoff_cap=backoff_cap,
            max_wait=max_retry_after, rng=rng or random.Random(), logger=log,
        )
        self._transport = transport
        self._http: httpx.Client | None = None
        self._lock = threading.Lock()
        self.calls = 0  # HTTP requests sent, retries included
        self.calls_by_operation: Counter[str] = Counter()
        self.restarts = 0  # customers(): window restarts after the list shrank while paging

    @property
    def retries(self) -> int:
        return self.retry.retries

    def __repr__(self) -> str:
        return f"WaveClient(graphql_url={self.graphql_url!r}, access_token=***)"

    @classmethod
    def from_config(cls, **overrides: Any) -> WaveClient:
        """Build from dlt's config and secrets (sources.wave.*), e.g. for the writer."""
        import dlt

        from pipelines.wave.auth import bearer_from_config

        kwargs: dict[str, Any] = {
            "graphql_url": dlt.config["sources.wave.graphql_url"],
            "access_token": bearer_from_config(),
        }
        return cls(**(kwargs | overrides))

    # ------------------------------------------------------------------ reads

    def businesses(self, page_size: int = settings.WAVE_PAGE_SIZE) -> list[dict[str, Any]]:
        """Every business the token can see (id, name, currency { code }, modifiedAt)."""
        found: list[dict[str, Any]] = []
        page = 1
        while True:
            data = self.execute("Businesses", {"page": page, "pageSize": page_size})
            connection = data.get("businesses") or {}
            found += [edge["node"] for edge in connection.get("edges") or [] if edge and edge.get("node")]
            total_pages = (connection.get("pageInfo") or {}).get("totalPages") or 1
            if page >= total_pages or not connection.get("edges"):
                return found
            page += 1

    def customers(
        self,
        business_id: str,
        modified_after: datetime | str | None = None,
        page_size: int = settings.WAVE_PAGE_SIZE,
    ) -> Iterator[list[dict[str, Any]]]:
        """Pages (lists of Customer nodes, archived ones included) of every customer modified after
        `modified_after` (exclusive; None = all), each customer once.

        Why newest first (MODIFIED_AT_DESC) with page numbers, not MODIFIED_AT_ASC:
        Wave pages by offset. Sorted ascending, an edit during paging moves a record from before the
        offset to the end, every unread record slides one place forward and the one crossing the
        offset is never read, while totalCount stays the same: nothing would tell. Sorted
        descending, an edit or a create puts the record at the *front*, so unread records only move
        further back (read twice at worst: deduplicated by id here). The only way an unread record
        moves forward is a record disappearing before it (a delete); shift(q) = creates +
        edits_behind(q) - deletes_ahead(q) >= creates - deletes = change of totalCount. So while
        totalCount does not drop between two pages, no record can be skipped; when it drops, the
        scan restarts at page 1 of the narrower window modifiedAtBefore = (oldest modifiedAt read
        + 1 ms): everything not yet read is at or before that moment, and a window with an upper
        bound can only shrink (edits leave it), so the same count test stays exact there.
        Records edited during the run and not read now carry a modifiedAt later than the newest read
        on page 1, so the caller's next run (cursor = newest seen) picks them up.

        Cost: ceil(n / page_size) calls (no extra probe: page 1 is the newest), 1 when n <= page_size,
        plus one call per restart (deletes during the run; `restarts` counts them).
        Assumes Wave orders ties on modifiedAt consistently between calls (offset paging needs it).
        """
        after = _as_datetime_text(modified_after)
        before: str | None = None
        seen: set[str] = set()
        page, previous_count, oldest_ms, restarts = 1, None, None, 0
        while True:
            connection = self._customers_page(business_id, page, page_size, after, before)
            count = (connection.get("pageInfo") or {}).get("totalCount")
            count = count if isinstance(count, int) else None
            if previous_count is not None and count is not None and count < previous_count:
                # something left the list between two pages: this page may have skipped a record
                restarts += 1
                if restarts > MAX_RESTARTS:
                    raise WaveError(
                        f"customers of {business_id} kept shrinking while paging", operation="Customers"
                    )
                with self._lock:
                    self.restarts += 1
                before = None if oldest_ms is None else format_ms(oldest_ms + 1)
                page, previous_count = 1, None
                log.info(
                    "wave customers of %s: list shrank while paging; restarting before %s",
                    business_id,
                    before,
                )
                continue
            nodes = [edge["node"] for edge in connection.get("edges") or [] if edge and edge.get("node")]
            fresh = []
            for node in nodes:
                key = node.get("id") if isinstance(node, dict) else None
                if key is not None and not isinstance(key, (dict, list)):
                    if key in seen:
                        continue
                    seen.add(key)
                fresh.append(node)
                stamp = parse_ms(node.get("modifiedAt")) if isinstance(node, dict) else None
                if stamp is not None and (oldest_ms is None or stamp < oldest_ms):
                    oldest_ms = stamp
            if fresh:
                yield fresh
            if not nodes or count is None or page * page_size >= count:
                return
            page, previous_count = page + 1, count

    def customer(self, business_id: str, customer_id: str) -> dict[str, Any] | None:
        """One customer, or None when the business has no such customer."""
        data = self.execute("Customer", {"businessId": business_id, "id": customer_id})
        return _business(data, business_id, "Customer").get("customer")

    def latest_modified_at(self, business_id: str, since: datetime | str | None = None) -> str | None:
        """The newest modifiedAt of the business's customers after `since` (None if none), in one call."""
        data = self.execute(
            "CustomerChanges", {"businessId": business_id, "modifiedAtAfter": _as_datetime_text(since)}
        )
        edges = (_business(data, business_id, "CustomerChanges").get("customers") or {}).get("edges") or []
        node = edges[0].get("node") if edges and edges[0] else None
        return node.get("modifiedAt") if node else None

    def changed_since(self, business_id: str, since: datetime | str) -> bool:
        """Has any customer of the business been modified after `since`? One call: the writer's
        freshness check before pushing (Wave has no ETag)."""
        return self.latest_modified_at(business_id, since) is not None

    # ------------------------------------------------------------------ writes

    def create_customer(
        self, customer: Mapping[str, Any]
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """customerCreate (CustomerCreateInput: businessId and name required). Returns (customer,
        input_errors); on an unknown outcome raises WaveError with maybe_applied=True."""
        data = self.execute("CustomerCreate", {"input": dict(customer)})
        return _mutation_result(data.get("customerCreate"), "CustomerCreate")

    def patch_customer(
        self, patch: Mapping[str, Any], *, current: Mapping[str, Any] | None = None
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """customerPatch (CustomerPatchInput: id required, only the fields to change).

        Note: an `address` in a patch REPLACES the whole address; fields left out are cleared. Pass
        the full address, or pass `current` (the Customer as read, e.g. from customer()) and the
        partial `address` is merged over its current address (merge_address). Returns (customer,
        input_errors); didSucceed false without inputErrors becomes one input error."""
        body = dict(patch)
        if "id" not in body:
            raise ValueError("customerPatch needs the customer id")
        if current is not None and body.get("address") is not None:
            body["address"] = merge_address(current.get("address"), body["address"])
        data = self.execute("CustomerPatch", {"input": body})
        return _mutation_result(data.get("customerPatch"), "CustomerPatch")

    def delete_customer(self, customer_id: str) -> tuple[bool, list[dict[str, Any]]]:
        """customerDelete. Returns (did_succeed, input_errors)."""
        data = self.execute("CustomerDelete", {"input": {"id": customer_id}})
        output = data.get("customerDelete") or {}
        errors = list(output.get("inputErrors") or [])
        return bool(output.get("didSucceed")), errors

    # ------------------------------------------------------------------ transport

    def execute(self, operation: str, variables: Mapping[str, Any]) -> dict[str, Any]:
        """Send one document of queries.py by name; returns its `data`, raising on any GraphQL error.
        Retries per the module doc."""
        data, errors, status = self._send(operation, variables)
        if errors or data is None:
            self._raise(operation, errors, status)
        return data

    def _send(
        self, operation: str, variables: Mapping[str, Any]
    ) -> tuple[dict[str, Any] | None, list[Any], int]:
        """(data, errors, HTTP status) of one GraphQL answer, after the retries."""
        document = queries.validated()[operation]
        mutation = operation in queries.MUTATIONS and operation not in IDEMPOTENT_MUTATIONS
        payload = {"query": document, "variables": dict(variables), "operationName": operation}
        attempts = [0]

        def attempt() -> tuple[dict[str, Any] | None, list[Any], int]:
            with self._lock:
                self.calls += 1
                self.calls_by_operation[operation] += 1
            attempts[0] += 1
            reason = ""
            try:
                response: httpx.Response | None = self._client().post(
                    self.graphql_url, json=payload, headers=self._auth_headers()
                )
                not_sent = False
            except httpx.TransportError as exc:
                response, not_sent = None, isinstance(exc, _NOT_SENT)
                reason = f"{type(exc).__name__} (timeout, refused or dropped connection)"
            return self._judge(operation, mutation, response, not_sent, reason, attempts[0])

        return self.retry.call(attempt, f"Wave {operation}")

    def _judge(
        self, operation: str, mutation: bool, response: httpx.Response | None, not_sent: bool, reason: str,
        attempt: int,
    ) -> tuple[dict[str, Any] | None, list[Any], int]:
        """One attempt's answer, or Retryable, or the typed error (never raised inside an `except`: httpx
        exceptions carry the request with its Authorization header)."""
        wait, throttled, status = None, False, 0
        if response is None:
            unknown = mutation and not not_sent
        else:
            status = response.status_code
            if status in (401, 403):
                raise WaveAuthError(f"HTTP {status}: access token refused; {AUTH_HINT}", operation=operation,
                                    status=status)
            if status == 429 or status >= 500:
                reason = f"HTTP {status}"
                # a 429 is refused before execution; a 5xx may have executed a mutation
                unknown, throttled = mutation and status >= 500, status == 429
                wait = _retry_after(response) if throttled else None
            else:
                body = _json_or_none(response)
                if isinstance(body, dict) and ("data" in body or "errors" in body):
                    data = body.get("data")
                    return data if isinstance(data, dict) else None, list(body.get("errors") or []), status
                # an answer cut short (or a proxy's page): as good as no answer
                reason, unknown = f"HTTP {status} without a GraphQL answer", mutation
        final = WaveTransportError(
            f"{reason} after {attempt} attempt(s)" + ("; the mutation may have been applied" if unknown else ""),
            operation=operation,
            status=status,
            maybe_applied=unknown,
        )
        if unknown:
            raise final
        raise Retryable(reason, error=final, wait=wait, throttled=throttled)

    def _raise(self, operation: str, errors: list[Any], status: int) -> None:
        if not errors:
            raise WaveGraphQLError([f"HTTP {status}: an answer without data"], [None], operation=operation)
        messages = [self._redact(str(e.get("message", e)) if isinstance(e, dict) else str(e)) for e in errors]
        codes = [((e.get("extensions") or {}).get("code") if isinstance(e, dict) else None) for e in errors]
        if any(code in _AUTH_CODES for code in codes) or status in (401, 403):
            raise WaveAuthError(
                "; ".join(messages) + f" ({AUTH_HINT})",
                operation=operation,
                status=status,
            )
        kind = WaveNotFound if "NOT_FOUND" in codes else WaveGraphQLError
        raise kind(messages, codes, operation=operation, status=status)

    def _customers_page(
        self, business_id: str, page: int, page_size: int, after: str | None, before: str | None
    ) -> dict[str, Any]:
        variables = {
            "businessId": business_id,
            "page": page,
            "pageSize": page_size,
            "sort": ["MODIFIED_AT_DESC"],
            "modifiedAtAfter": after,
            "modifiedAtBefore": before,
        }
        data, errors, status = self._send("Customers", variables)
        # An error inside one customer (a value Wave could not serialise) nulls that node, or part of
        # it, and says so in `errors` with the node's path. Failing the whole run would block the
        # extraction on one record: such a node is handed on marked with its errors (the source
        # quarantines it). Any other error fails the call.
        record_errors = _record_errors(errors)
        if data is None or len(record_errors) != len(errors):
            self._raise("Customers", errors, status)
        connection = _business(data, business_id, "Customers").get("customers") or {}
        edges = connection.get("edges") or []
        for index, messages in record_errors.items():
            if 0 <= index < len(edges):
                node = (edges[index] or {}).get("node") if isinstance(edges[index], dict) else None
                edges[index] = {"node": {**(node or {}), RECORD_ERRORS: [self._redact(m) for m in messages]}}
        return connection

    def _redact(self, text: str) -> str:
        return text.replace(self._sent, "***") if self._sent else text

    def _auth_headers(self) -> dict[str, str]:
        """The one place the credentials go into a request (read per request, so a token provider
        that refreshes can stand in for the fixed token); remembers what it sent, for redaction."""
        self._sent = self._access()
        return {"Authorization": f"Bearer {self._sent}"}

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(
                headers={"Accept": "application/json", "User-Agent": "customer-sync"},
                verify=tls.context(),
                timeout=self.timeout,
                transport=self._transport,
                follow_redirects=False,
            )
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> WaveClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------- answer helpers


def _business(data: dict[str, Any], business_id: str, operation: str) -> dict[str, Any]:
    business = data.get("business")
    if not isinstance(business, dict):
        raise WaveNotFound(
            [f"business {business_id} not found or not visible to this token"],
            ["NOT_FOUND"],
            operation=operation,
        )
    return business


def _mutation_result(output: Any, operation: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    if not isinstance(output, dict):
        raise WaveGraphQLError([f"{operation} answered without output"], [None], operation=operation)
    errors = list(output.get("inputErrors") or [])
    if not output.get("didSucceed"):
        return None, errors or [{"path": None, "message": "didSucceed is false", "code": None}]
    return output.get("customer"), errors


def _record_errors(errors: list[Any]) -> dict[int, list[str]]:
    """Errors located inside one customer node (path business.customers.edges.<i>...), by index."""
    found: dict[int, list[str]] = {}
    for error in errors:
        path = error.get("path") if isinstance(error, dict) else None
        if isinstance(path, list) and len(path) >= 4 and path[:3] == ["business", "customers", "edges"]:
            if isinstance(path[3], int):
                found.setdefault(path[3], []).append(str(error.get("message") or "GraphQL error"))
                continue
        return {}  # not a record-level error: the caller raises
    return found


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return orjson.loads(response.content)  # pages: 4x faster than json
    except ValueError:
        return None


def _retry_after(response: httpx.Response) -> float | None:
    try:
        value = response.headers.get("Retry-After")
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP-date Retry-After: fall back to the backoff
