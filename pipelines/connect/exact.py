"""`connect exact`: Exact Online's authorization-code flow into the token file.

The new chain records the fingerprint of whatever refresh token `secrets.toml` holds at this moment
(`TokenSet.bootstrap`): the client starts a new chain from the secrets only when that token changes,
so a stale refresh token left there does not override the chain this command started.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

import dlt
import httpx

from pipelines import settings, tls
from pipelines.connect.command import Session, authorization_code
from pipelines.connect.redirect import ConnectError
from pipelines.exact.client import ExactClient
from pipelines.exact.site import exact_base_url
from pipelines.exact.tokens import TokenEndpointError, TokenStore, fingerprint, request_tokens, token_file_path

SERVICE = "Exact Online"


def connect_exact(session: Session) -> None:
    base_url = exact_base_url(dlt.config.get("sources.exact.base_url"), dlt.config.get("sources.exact.country"))
    client_id = dlt.secrets["sources.exact.credentials.client_id"]
    client_secret = dlt.secrets["sources.exact.credentials.client_secret"]
    stale = dlt.secrets.get("sources.exact.credentials.refresh_token")
    redirect_uri = dlt.config.get("sources.exact.redirect_uri") or settings.CONNECT_REDIRECT_URI
    token_file = token_file_path(dlt.config.get("sources.exact.token_file"), "exact")

    def authorize_url(state: str) -> str:
        query = {"client_id": client_id, "redirect_uri": redirect_uri, "response_type": "code", "state": state}
        return f"{base_url}{settings.EXACT_AUTH_PATH}?{urlencode(query)}"

    code = authorization_code(session, SERVICE, redirect_uri, authorize_url)
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
            "client_id": client_id, "client_secret": str(client_secret)}
    store = TokenStore(token_file, system="exact")
    with httpx.Client(timeout=60, follow_redirects=False, verify=tls.context()) as http, store.locked():
        try:
            tokens = request_tokens(http, f"{base_url}{settings.EXACT_TOKEN_PATH}", form, system="exact",
                                    now=time.time)
        except TokenEndpointError as exc:
            raise ConnectError(f"{exc}; the code is single use and lives 3 minutes: run the command again") from None
        tokens.base_url, tokens.client_id = base_url, client_id
        tokens.bootstrap = fingerprint(str(stale)) if stale else ""
        store.save(tokens)
    session.say(f"{SERVICE}: connected; the token chain is in {token_file} (owner-only)")
    with ExactClient(base_url, client_id, client_secret, stale, token_file) as client:
        divisions = client.divisions()
    listed = ", ".join(f"{row['Code']} {row.get('Description') or ''}".strip() for row in divisions)
    session.say(f"{SERVICE}: the user sees {len(divisions)} division(s): {listed or 'none'}")
    if divisions:
        session.say(f"{SERVICE}: every one is synced unless sources.exact.divisions in .dlt/config.toml lists some")
