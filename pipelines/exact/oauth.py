"""Exact Online access tokens for one client: when to refresh, the token call, what each refusal means.

The rules (docs/reference/exact-online-api.md, last section):
- an access token lives 600 s, counted here from when its token call was *sent* (`requested_at`), so
  our count ends no later than Exact's;
- refresh only when fewer than EXACT_REFRESH_SLACK (60 s) remain, and never sooner than 9 min 30 s
  after the last token call (plus EXACT_TOKEN_STAMP_ALLOWANCE: Exact stamps a call when it arrives,
  which can be later than when we sent it). `requested_at` is read from the token file, so a call
  another process made counts too. The one exception: a 401 whose WWW-Authenticate says the access
  token expired (`refresh(force=True)`);
- an early refusal (400 access_denied "Rate limit exceeded: access_token not expired", or the older
  401 shape) is not an error while the current access token is valid: keep using it, and ask again
  only when an answer says it expired. Such refusals count towards the hourly error limit, so they are
  counted (and capped) like any other error;
- the daily cap of token calls is never retried: the token endpoint is blocked until 00:00 UTC;
- "Old refresh token used" (401 unauthorized_client) and "The refresh token expired at ..." (400
  invalid_request, 30 days unused) each get their own message naming `make connect`.
Refresh tokens rotate: the new pair is on disk (tokens.py, atomically) before it is used.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

import httpx

from pipelines import clock as clocks
from pipelines import settings
from pipelines.exact.errors import CONNECT_HINT, ExactAuthError
from pipelines.exact.limits import ExactLimits
from pipelines.exact.tokens import Secret, TokenSet, TokenStore, fingerprint, token_pair
from pipelines.retry import Retryable, RetryPolicy

log = logging.getLogger("pipelines.exact")

TOKEN_PATH = "/api/oauth2/token"
THROTTLE_HEADERS = ("Retry-After", "X-RateLimit-Minutely-Reset")
REFRESH_AFTER = settings.EXACT_TOKEN_MIN_INTERVAL + settings.EXACT_TOKEN_STAMP_ALLOWANCE  # s after requested_at
NO_TOKEN = f"no Exact Online refresh token: {CONNECT_HINT}"
INVALID_GRANT = (f"Exact Online does not accept the refresh token (invalid_grant): {CONNECT_HINT} (or put a new "
                 "refresh token into sources.exact.credentials.refresh_token)")
OLD_TOKEN = ("Exact Online refused the refresh token as already used (\"Old refresh token used.\"): another "
             "process, or another copy of the token file {path}, refreshed with it first, or the answer to an "
             f"earlier refresh was lost on the way. The token chain is broken: {CONNECT_HINT}")
EXPIRED_TOKEN = ("Exact Online's refresh token expired: it was not used for {days} days ({detail}). "
                 f"{CONNECT_HINT}; then sync at least every few weeks (`make doctor` warns from day "
                 f"{settings.EXACT_REFRESH_TOKEN_WARN_DAYS})")
TOO_EARLY_WITHOUT_TOKEN = ("Exact Online refused a new access token because one was issued less than 9 min 30 s "
                           "ago, and this process has none that is still valid (another copy of the token file "
                           "{path}?); run again in 10 minutes")


def requested_at(tokens: TokenSet) -> float:
    """When the token call of this pair was sent; files from before the field existed: expiry - TTL."""
    return tokens.requested_at or tokens.expires_at - settings.EXACT_TOKEN_TTL


def refusal(status: int, body: dict[str, Any], headers: Mapping[str, str]) -> str:
    """What a token endpoint refusal means: too_early, daily_cap, throttled, old_token, expired_token,
    invalid_grant or other. Both shapes of each are accepted (the reference lists what users saw)."""
    error = str(body.get("error") or "")
    text = f"{body.get('error_description') or ''} {unquote(headers.get('WWW-Authenticate', ''))}".lower()
    if "not expired" in text:  # 400 access_denied "Rate limit exceeded: access_token not expired" or 401
        return "too_early"
    if any(word in text for word in ("per day", "a day", "daily", "token requests")):
        return "daily_cap"  # the cap's shape is unconfirmed: a 429 or a 400 that says so
    if status == 429:  # a window's 429 names when to come back; a bare one is taken for the cap
        return "throttled" if any(name in headers for name in THROTTLE_HEADERS) else "daily_cap"
    if error == "unauthorized_client" or "old refresh token" in text:
        return "old_token"
    if error == "invalid_request" and "expired" in text:
        return "expired_token"
    if error == "invalid_grant":
        return "invalid_grant"
    return "other"


class ExactTokens:
    """The access token of one ExactClient. Callers hold the client's request lock."""

    def __init__(self, http: httpx.Client, base_url: str, client_id: str, client_secret: Secret,
                 bootstrap: Secret | None, store: TokenStore, clock: clocks.Clock, limits: ExactLimits,
                 retry: RetryPolicy) -> None:
        self.http, self.base_url, self.client_id = http, base_url, client_id
        self._client_secret, self._bootstrap = client_secret, bootstrap
        self.store, self.clock, self.limits, self.retry = store, clock, limits, retry
        self.current: TokenSet | None = None
        self.calls = 0  # token calls sent
        self.early_refusals = 0
        self._refused_for: str | None = None  # refresh token of the pair Exact said is too young to renew

    # ------------------------------------------------------------------ when

    def access_token(self) -> str:
        tokens = self.current
        if tokens is None or not tokens.access_token or self.due(tokens):
            tokens = self.refresh(force=False)
        return tokens.access_token  # type: ignore[return-value]

    def due(self, tokens: TokenSet) -> bool:
        """Should this pair be renewed before the next call?"""
        if tokens.refresh_token == self._refused_for:
            return False  # Exact said it is too early: use it until an answer says it expired
        now = self.clock.now()
        if now >= tokens.expires_at:
            return True
        slack_reached = tokens.expires_at - now < settings.EXACT_REFRESH_SLACK
        return slack_reached and now - requested_at(tokens) >= REFRESH_AFTER

    def refresh(self, force: bool) -> TokenSet:
        """A usable pair: the file's (another process may have refreshed), or a new one from a token call.
        `force`: an answer said the access token expired; the 9 min 30 s rule does not hold then."""
        failed_access = self.current.access_token if force and self.current else None
        with self.store.locked():
            stored = self._usable_file_tokens()
            if stored is not None and stored.access_token and stored.access_token != failed_access:
                if not self.due(stored) or (force and self.clock.now() < stored.expires_at):
                    self.current = stored
                    return stored
            if stored is None:
                if not self._bootstrap:
                    raise ExactAuthError(NO_TOKEN)
                refresh_token, origin = self._bootstrap.reveal(), fingerprint(self._bootstrap.reveal())
            else:
                refresh_token, origin = stored.refresh_token, stored.bootstrap
            tokens, fresh = self._call(refresh_token, origin, stored, force)
            if fresh:
                self.store.save(tokens)  # before the new access token is used anywhere
            self.current = tokens
            return tokens

    def _usable_file_tokens(self) -> TokenSet | None:
        """The token file's pair, unless it belongs to another environment/app or the user has put a
        new refresh token into the secrets since the chain started (re-authorisation)."""
        stored = self.store.load()
        if stored is None:
            return None
        if (stored.base_url and stored.base_url != self.base_url) or (
            stored.client_id and stored.client_id != self.client_id
        ):
            log.warning("Exact token file %s belongs to another base_url/client_id; starting from the "
                        "configured refresh token", self.store.path)
            return None
        if self._bootstrap and stored.bootstrap and stored.bootstrap != fingerprint(self._bootstrap.reveal()):
            log.info("a new Exact refresh token is configured; starting a new token chain from it")
            return None
        return stored

    # ------------------------------------------------------------------ the call

    def _call(self, refresh_token: str, origin: str, stored: TokenSet | None, force: bool
              ) -> tuple[TokenSet, bool]:
        """(the pair to use, whether it is a new one)."""
        self.limits.check_token_call()
        data = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": self.client_id,
            "client_secret": self._client_secret.reveal(),
        }

        def attempt() -> tuple[httpx.Response, float]:
            sent = self.clock.now()
            self.calls += 1
            try:
                response = self.http.post(f"{self.base_url}{TOKEN_PATH}", data=data)
            except httpx.TransportError as exc:
                failure = type(exc).__name__
            else:
                status = response.status_code
                if status == 429 and refusal(429, json_object(response), response.headers) == "throttled":
                    wait = _throttle_wait(response.headers, self.clock.now())
                    raise Retryable("HTTP 429", error=ExactAuthError("Exact Online token endpoint: HTTP 429 "
                                                                     "after the retries"), wait=wait, throttled=True)
                if status < 500:
                    return response, sent
                failure = f"HTTP {status}"
            # a lost answer to a refresh is lost either way (the old token is then spent and the repeat
            # is answered "Old refresh token used", reported as such), so repeating costs nothing
            raise Retryable(failure, error=ExactAuthError(f"Exact Online token endpoint failed ({failure})"))

        response, sent = self.retry.call(attempt, "Exact Online token call")
        if response.status_code == 200:
            return self._pair(response, sent, origin), True
        body = json_object(response)
        www = response.headers.get("WWW-Authenticate", "")
        description = self.redact(str(body.get("error_description") or unquote(www)))
        kind = refusal(response.status_code, body, response.headers)
        self.limits.token_refused(response.status_code, f"{kind}: {description}")
        if kind == "too_early":
            current = stored if stored is not None and stored.access_token else self.current
            if force or current is None or not current.access_token:
                raise ExactAuthError(TOO_EARLY_WITHOUT_TOKEN.format(path=self.store.path))
            self.early_refusals += 1
            self._refused_for = current.refresh_token
            log.info("Exact Online: too early to renew the access token; the current one stays in use")
            return current, False
        if kind == "daily_cap":
            raise self.limits.token_cap_reached()
        if kind == "old_token":
            raise ExactAuthError(OLD_TOKEN.format(path=self.store.path))
        if kind == "expired_token":
            raise ExactAuthError(EXPIRED_TOKEN.format(days=settings.EXACT_REFRESH_TOKEN_DAYS, detail=description))
        if kind == "invalid_grant":
            raise ExactAuthError(INVALID_GRANT)
        raise ExactAuthError(f"Exact Online token endpoint: HTTP {response.status_code} "
                             f"{self.redact(str(body.get('error') or ''))} {description}".rstrip())

    def _pair(self, response: httpx.Response, sent: float, origin: str) -> TokenSet:
        pair = token_pair(json_object(response), sent)  # Exact always rotates: no previous token to keep
        if isinstance(pair, str):
            raise ExactAuthError(f"Exact Online token endpoint answered without {pair}")
        self._refused_for = None
        pair.base_url, pair.client_id, pair.bootstrap = self.base_url, self.client_id, origin
        return pair

    def redact(self, text: str) -> str:
        secrets = [self._client_secret.reveal()]
        if self._bootstrap:
            secrets.append(self._bootstrap.reveal())
        if self.current is not None:
            secrets += [self.current.access_token or "", self.current.refresh_token]
        for secret in secrets:
            if secret and len(secret) >= 6:
                text = text.replace(secret, "***")
        return text


def _throttle_wait(headers: Mapping[str, str], now: float) -> float | None:
    try:
        if "X-RateLimit-Minutely-Reset" in headers:
            return max(0.0, float(headers["X-RateLimit-Minutely-Reset"]) / 1000 - now) + 0.05
        return max(0.0, float(headers["Retry-After"]))
    except (KeyError, ValueError):
        return None


def json_object(response: httpx.Response) -> dict[str, Any]:
    """The answer's JSON object, or {} (an error page, a cut body)."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
