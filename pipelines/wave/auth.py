"""Wave OAuth: the chain of an app connected with the authorization-code flow, and the choice between
it and a full access token.

`sources.wave.auth` says which one the product uses (wave-auth.md):
- "token" (the default): a full access token the user created in Wave's developer portal,
  `sources.wave.credentials.access_token`; it does not expire on a schedule;
- "oauth": an OAuth app (`sources.wave.credentials.client_id` / `client_secret`) connected by
  `make connect SYSTEM=wave` with `offline_access`; its chain lives in `sources.wave.token_file`
  (state/wave_tokens.json, the same atomic 0600 store as Exact's), and `WaveTokens` hands the
  client an access token, refreshing it when fewer than WAVE_REFRESH_MARGIN seconds of its ~2 hours
  remain (counted from when the token request was sent). The refresh runs under the file's lock
  and re-reads the file first, so two processes never spend one refresh token twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from pipelines import settings, tls
from pipelines.errors import ConfigurationError
from pipelines.exact.tokens import (
    Secret,
    TokenEndpointError,
    TokenSet,
    TokenStore,
    connect_hint,
    request_tokens,
    token_file_path,
)
from pipelines.wave.client import WaveAuthError

AUTH_MODES = ("token", "oauth")


class WaveTokens:
    """Access tokens of one Wave OAuth app's chain; calling the object gives a valid access token."""

    def __init__(
        self,
        oauth_url: str,
        client_id: str,
        client_secret: str | Secret,
        token_file: str | Path | None = None,
        *,
        now: Callable[[], float] = time.time,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.oauth_url = oauth_url.rstrip("/")
        self.client_id = client_id
        self._client_secret = client_secret if isinstance(client_secret, Secret) else Secret(client_secret)
        self.store = TokenStore(token_file_path(token_file, "wave"), system="wave")
        self.now = now
        self.token_calls = 0
        self._tokens: TokenSet | None = None
        self._lock = threading.Lock()
        self._timeout, self._transport = timeout, transport

    def __repr__(self) -> str:
        path = str(self.store.path)
        return f"WaveTokens(oauth_url={self.oauth_url!r}, client_id={self.client_id!r}, token_file={path!r})"

    @classmethod
    def from_config(cls, **overrides: Any) -> WaveTokens:
        import dlt

        client_id = dlt.secrets.get("sources.wave.credentials.client_id")
        client_secret = dlt.secrets.get("sources.wave.credentials.client_secret")
        if not client_id or not client_secret:
            raise ConfigurationError(
                "missing configuration: sources.wave.auth is \"oauth\", so set sources.wave.credentials.client_id "
                "and sources.wave.credentials.client_secret (environment: SOURCES__WAVE__CREDENTIALS__CLIENT_ID, "
                "SOURCES__WAVE__CREDENTIALS__CLIENT_SECRET) in .dlt/secrets.toml"
            )
        kwargs: dict[str, Any] = {
            "oauth_url": dlt.config.get("sources.wave.oauth_url") or settings.WAVE_OAUTH_URL,
            "client_id": client_id,
            "client_secret": client_secret,
            "token_file": dlt.config.get("sources.wave.token_file"),
        }
        return cls(**(kwargs | overrides))

    # ------------------------------------------------------------------ connecting

    def authorize_url(self, redirect_uri: str, state: str, scopes: tuple[str, ...] = settings.WAVE_SCOPES) -> str:
        query = {"client_id": self.client_id, "response_type": "code", "scope": " ".join(scopes),
                 "redirect_uri": redirect_uri, "state": state}
        return f"{self.oauth_url}{settings.WAVE_AUTHORIZE_PATH}?{urlencode(query)}"

    def exchange(self, code: str, redirect_uri: str) -> TokenSet:
        """Start a new chain from an authorization code and persist it before returning."""
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                "client_id": self.client_id, "client_secret": self._client_secret.reveal()}
        with self.store.locked():
            tokens = self._call(form, previous=None)
            self.store.save(tokens)
        with self._lock:
            self._tokens = tokens
        return tokens

    # ------------------------------------------------------------------ the provider

    def __call__(self) -> str:
        with self._lock:
            tokens = self._tokens
            if tokens is None or not tokens.access_token or self._expiring(tokens):
                tokens = self._tokens = self._refresh()
            return tokens.access_token  # type: ignore[return-value]

    def _expiring(self, tokens: TokenSet) -> bool:
        return tokens.expires_at - self.now() < settings.WAVE_REFRESH_MARGIN

    def _refresh(self) -> TokenSet:
        with self.store.locked():
            stored = self.store.load()
            if stored is None:
                raise WaveAuthError(f"Wave is not connected (no token file {self.store.path}): {connect_hint('wave')}")
            if (stored.client_id and stored.client_id != self.client_id) or (
                stored.base_url and stored.base_url != self.oauth_url
            ):
                raise WaveAuthError(
                    f"the Wave token file {self.store.path} belongs to another app or address: {connect_hint('wave')}"
                )
            if stored.access_token and not self._expiring(stored):
                return stored  # another process refreshed it
            form = {"grant_type": "refresh_token", "refresh_token": stored.refresh_token,
                    "client_id": self.client_id, "client_secret": self._client_secret.reveal()}
            tokens = self._call(form, previous=stored.refresh_token)
            self.store.save(tokens)  # before the new access token is used anywhere
            return tokens

    def _call(self, form: dict[str, str], previous: str | None) -> TokenSet:
        """One token request (a few per day: an HTTP client of its own, nothing to close afterwards)."""
        try:
            with httpx.Client(timeout=self._timeout, transport=self._transport, follow_redirects=False,
                              verify=tls.context()) as http:
                tokens = request_tokens(http, f"{self.oauth_url}{settings.WAVE_TOKEN_PATH}", form,
                                        system="wave", now=self.now, previous_refresh_token=previous)
        except TokenEndpointError as exc:
            if exc.error == "invalid_client":
                raise WaveAuthError(f"{exc}: check sources.wave.credentials.client_id and client_secret") from None
            if exc.error == "invalid_grant":
                raise WaveAuthError(f"{exc}: {connect_hint('wave')}") from None
            raise
        finally:
            self.token_calls += 1
        tokens.base_url, tokens.client_id = self.oauth_url, self.client_id
        return tokens


def bearer_from_config(access_token: str | None = None) -> str | WaveTokens:
    """What the Wave client sends as its bearer token, per `sources.wave.auth`: the full access token
    (given, or read from the secrets), or the OAuth chain."""
    import dlt

    auth = (dlt.config.get("sources.wave.auth") or "token").strip().lower()
    if auth == "oauth":
        return WaveTokens.from_config()
    if auth != "token":
        raise ConfigurationError(f"sources.wave.auth must be one of {', '.join(AUTH_MODES)}; got {auth!r}")
    token = access_token or dlt.secrets.get("sources.wave.credentials.access_token")
    if not token:
        raise ConfigurationError(
            "missing configuration: set sources.wave.credentials.access_token (environment: "
            "SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN) in .dlt/secrets.toml, or run `make connect SYSTEM=wave`"
        )
    return token
