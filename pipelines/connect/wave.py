"""`connect wave`: an OAuth app's authorization code (offline_access), or a full access token, then
the businesses to sync.

Which way (wave-auth.md): `--token`/`--token-stdin` -> the pasted full access token (checked with one
call before it is saved to secrets.toml, owner-only); else an OAuth app when its client_id and
client_secret are in the secrets -> the chain goes to sources.wave.token_file; else the full access
token already configured is checked (on a terminal without one, it is asked for). The way chosen is
written as `sources.wave.auth` ("token" or "oauth"), the businesses as `sources.wave.business_ids`.
"""

from __future__ import annotations

import dlt

from pipelines import settings
from pipelines.connect.command import Session, authorization_code
from pipelines.connect.redirect import ConnectError
from pipelines.connect.settings_files import env_overrides, set_keys
from pipelines.errors import ConfigurationError
from pipelines.exact.tokens import TokenEndpointError
from pipelines.wave.auth import WaveTokens
from pipelines.wave.client import WaveAuthError, WaveClient

SERVICE = "Wave"
ACCESS_TOKEN = "sources.wave.credentials.access_token"
UNCHANGED = object()


def connect_wave(session: Session) -> None:
    graphql_url = dlt.config["sources.wave.graphql_url"]
    changes: dict[str, object] = {}
    if session.token or session.token_stdin:
        auth, businesses = "token", _paste_token(session, graphql_url)
    elif dlt.secrets.get("sources.wave.credentials.client_id") and dlt.secrets.get(
        "sources.wave.credentials.client_secret"
    ):
        auth, businesses = "oauth", _oauth(session, graphql_url)
    elif dlt.secrets.get(ACCESS_TOKEN):
        auth, businesses = "token", _check_token(graphql_url, str(dlt.secrets[ACCESS_TOKEN]))
        session.say(f"{SERVICE}: the configured full access token works")
    elif session.interactive:
        auth, businesses = "token", _paste_token(session, graphql_url)
    else:
        raise ConfigurationError(
            "Wave: nothing to connect with: put an OAuth app's sources.wave.credentials.client_id and client_secret "
            "into .dlt/secrets.toml, or pass a full access token (make connect SYSTEM=wave ARGS=--token)"
        )
    if (dlt.config.get("sources.wave.auth") or "token") != auth:
        changes["sources.wave.auth"] = auth
    chosen = _choose(session, businesses)
    configured = dlt.config.get("sources.wave.business_ids") or None
    if chosen is not UNCHANGED and chosen != configured:
        changes["sources.wave.business_ids"] = chosen
    if changes:
        config_file = session.config_dir / "config.toml"
        set_keys(config_file, changes)
        written = ", ".join(f"{key} = {value!r}" if value is not None else f"{key} removed"
                            for key, value in changes.items())
        session.say(f"{SERVICE}: wrote {written} to {config_file}")
        for name in env_overrides(list(changes)):
            session.say(f"{SERVICE}: note: the environment variable {name} overrides what was written")


def _oauth(session: Session, graphql_url: str) -> list[dict]:
    tokens = WaveTokens.from_config()
    redirect_uri = dlt.config.get("sources.wave.redirect_uri") or settings.CONNECT_REDIRECT_URI
    code = authorization_code(session, SERVICE, redirect_uri, lambda state: tokens.authorize_url(redirect_uri, state))
    try:
        tokens.exchange(code, redirect_uri)
    except (TokenEndpointError, WaveAuthError) as exc:
        raise ConnectError(f"{exc}; the code is single use and short-lived: run the command again") from None
    session.say(f"{SERVICE}: connected; the token chain is in {tokens.store.path} (owner-only)")
    return _check_token(graphql_url, tokens)


def _paste_token(session: Session, graphql_url: str) -> list[dict]:
    if session.token_stdin:
        token = session.stdin.readline().strip()
    else:
        token = session.read_secret(f"{SERVICE}: paste the full access token (it is not shown), then Enter: ").strip()
    if not token:
        raise ConnectError(f"{SERVICE}: no token was given; nothing was saved")
    businesses = _check_token(graphql_url, token)  # before saving: a refused token is not kept
    secrets_file = session.config_dir / "secrets.toml"
    set_keys(secrets_file, {ACCESS_TOKEN: token}, secret=True)
    session.say(f"{SERVICE}: the full access token works; saved to {secrets_file} (owner-only)")
    for name in env_overrides([ACCESS_TOKEN]):
        session.say(f"{SERVICE}: note: the environment variable {name} overrides the saved token")
    return businesses


def _check_token(graphql_url: str, token: str | WaveTokens) -> list[dict]:
    try:
        with WaveClient(graphql_url, token) as client:
            return client.businesses()
    except WaveAuthError:
        raise ConnectError(f"{SERVICE} refused the access token (it is wrong, revoked or lacks business:read); "
                           "nothing was saved") from None


def _choose(session: Session, businesses: list[dict]) -> object:
    """The business ids to write (None: every business), or UNCHANGED."""
    session.say(f"{SERVICE}: the token sees {len(businesses)} business(es):")
    for number, business in enumerate(businesses, 1):
        currency = (business.get("currency") or {}).get("code") or "?"
        session.say(f"  {number}. {business.get('name')} ({currency})  id {business['id']}")
    ids = [business["id"] for business in businesses]
    if session.all_businesses:
        return None
    if session.businesses:
        unknown = [wanted for wanted in session.businesses if wanted not in ids]
        if unknown:
            raise ConfigurationError(f"Wave: the token does not see business(es) {', '.join(unknown)}")
        return list(dict.fromkeys(session.businesses))
    if not session.interactive or not businesses:
        session.say(f"{SERVICE}: every business the token sees is synced unless sources.wave.business_ids lists "
                    "some (make connect SYSTEM=wave ARGS='--business <id>')")
        return UNCHANGED
    answer = session.ask("Sync which? Numbers separated by commas (Enter: every one): ").strip()
    if not answer:
        return None
    parts = [part for part in answer.replace(" ", "").split(",") if part]
    if not all(part.isdigit() and 1 <= int(part) <= len(ids) for part in parts):
        raise ConfigurationError(f"Wave: {answer!r} is not a list of numbers from 1 to {len(ids)}")
    return list(dict.fromkeys(ids[int(part) - 1] for part in parts))
