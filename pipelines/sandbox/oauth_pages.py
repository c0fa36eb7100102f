"""The sandbox's OAuth pages: the authorize pages a person sees (a login-and-consent form whose POST
redirects with a code), for Exact and for Wave, and Wave's token endpoint.

A real authorize URL opens a page; the browser comes back to the redirect URI only after the person
has logged in and allowed access. The sandbox does the same, minus the password: GET renders a form
(the request's parameters as hidden fields, "Allow" and "Deny" buttons), POST answers 302 to the
redirect URI with `code` and `state` (or `error=access_denied`). A headless test "clicks" by posting
the form with httpx. Problems that make a redirect unsafe (unknown client_id, a redirect_uri the app
did not register) answer 400 with an error page and never redirect, as OAuth requires.

The sandbox apps' registrations: Exact client `sandbox-client`, Wave client `sandbox-wave-client`,
each with every loopback redirect URI (`http://127.0.0.1:<any port>/...`, `localhost`, `[::1]`)
registered, so tests can listen on free ports; anything else is "not registered".

Exact: the code comes from `ExactStore.authorize` (3 minutes, single use, contains `!`) and is
exchanged by the emulator's own token endpoint. Wave (wave-auth.md; where it is silent the sandbox
follows django-oauth-toolkit, which `api.waveapps.com/oauth2/` looks like): codes live 60 s and are
single use; the token endpoint answers `{"access_token", "token_type": "Bearer", "expires_in": 7200,
"scope", "refresh_token"}` (the refresh token only with `offline_access`), rotates the refresh token
on every refresh, and refuses a spent one with 400 `invalid_grant`; a wrong client is 401
`invalid_client`. `WaveOAuth.accepts` tells the GraphQL endpoint which bearer tokens are valid: the
sandbox's full access token and every unexpired OAuth access token.
"""

from __future__ import annotations

import html
import re
import secrets
import threading
from collections.abc import Callable, Mapping
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pipelines import settings

WAVE_CODE_TTL = 60
WAVE_ACCESS_TTL = 7200
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_SCOPE = re.compile(r"^[a-z_]+:(\*|read|write)$")


class _Clock(Protocol):
    def now(self) -> float: ...


def registered(redirect_uri: str | None) -> bool:
    """The sandbox apps register every loopback redirect URI (any port, any path)."""
    if not redirect_uri:
        return False
    parts = urlsplit(redirect_uri)
    return parts.scheme in ("http", "https") and parts.hostname in _LOOPBACK and not parts.fragment


def _redirect(redirect_uri: str, params: Mapping[str, str]) -> Response:
    separator = "&" if urlsplit(redirect_uri).query else "?"
    return RedirectResponse(f"{redirect_uri}{separator}{urlencode(params)}", status_code=302)


def _error_page(status: int, message: str) -> Response:
    body = f"<!doctype html><title>Authorization error</title><h1>Authorization error</h1><p>{html.escape(message)}</p>"
    return HTMLResponse(body, status_code=status)


def _consent_page(service: str, app: str, scopes: list[str], fields: Mapping[str, str], action: str) -> Response:
    hidden = "".join(
        f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">'
        for name, value in fields.items()
    )
    asked = "".join(f"<li>{html.escape(scope)}</li>" for scope in scopes) or "<li>access to your data</li>"
    body = (
        f"<!doctype html><title>{html.escape(service)}: allow access</title>"
        f"<h1>{html.escape(service)} (sandbox)</h1>"
        f"<p>Logged in as sandbox@example.com. <b>{html.escape(app)}</b> asks for:</p><ul>{asked}</ul>"
        f'<form method="post" action="{html.escape(action)}">{hidden}'
        '<button type="submit" name="decision" value="allow">Allow</button> '
        '<button type="submit" name="decision" value="deny">Deny</button></form>'
    )
    return HTMLResponse(body)


async def _form(request: Request) -> dict[str, str]:
    """A form-encoded body parsed here, so the sandbox needs no python-multipart."""
    if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
        return {}
    return dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))


def _authorize_endpoint(
    service: str,
    client_id: str,
    path: str,
    issue: Callable[[Mapping[str, str]], str],
    check_scope: Callable[[str], str | None] = lambda scope: None,
) -> Callable[[Request], Any]:
    """GET: the consent page; POST: the person's decision, answered with the redirect."""

    async def endpoint(request: Request) -> Response:
        params = dict(request.query_params) if request.method == "GET" else await _form(request)
        if params.get("client_id") != client_id:
            return _error_page(400, "Unknown client_id.")
        redirect_uri = params.get("redirect_uri")
        if not registered(redirect_uri):
            return _error_page(400, "redirect_uri is missing or not registered for this app.")
        state = {"state": params["state"]} if "state" in params else {}
        if params.get("response_type") != "code":
            return _redirect(redirect_uri, {"error": "unsupported_response_type", **state})
        scope_error = check_scope(params.get("scope", ""))
        if scope_error:
            return _redirect(redirect_uri, {"error": "invalid_scope", "error_description": scope_error, **state})
        if request.method == "GET":
            fields = {k: v for k, v in params.items() if k in ("client_id", "redirect_uri", "response_type",
                                                                "scope", "state")}
            return _consent_page(service, client_id, params.get("scope", "").split(), fields, path)
        if params.get("decision") != "allow":
            return _redirect(redirect_uri, {"error": "access_denied", **state})
        return _redirect(redirect_uri, {"code": issue(params), **state})

    return endpoint


# ---------------------------------------------------------------------- Exact


class _ExactStore(Protocol):
    def authorize(self, client_id: str | None, redirect_uri: str | None) -> str: ...


def exact_oauth_routes(store: _ExactStore) -> list[Route]:
    """`{base}/api/oauth2/auth`: Exact's login-and-consent page; the code comes from the store."""
    endpoint = _authorize_endpoint(
        "Exact Online",
        settings.SANDBOX_EXACT_CLIENT_ID,
        settings.EXACT_AUTH_PATH,
        lambda params: store.authorize(params["client_id"], params["redirect_uri"]),
    )
    return [Route(settings.EXACT_AUTH_PATH, endpoint, methods=["GET", "POST"])]


# ---------------------------------------------------------------------- Wave


class _Dirty(Protocol):
    dirty: bool


class WaveOAuth:
    """Wave's OAuth bookkeeping in the sandbox: codes, access tokens and refresh tokens, in the
    store's clock; JSON-serialisable (`to_state`) so the runner persists it with the WaveStore."""

    def __init__(self, clock: _Clock, owner: _Dirty | None = None) -> None:
        self.clock, self.owner = clock, owner
        self.lock = threading.Lock()
        self.codes: dict[str, dict] = {}  # code -> {redirect_uri, scope, expires}
        self.access: dict[str, dict] = {}  # access token -> {scope, expires}
        self.refresh: dict[str, dict] = {}  # refresh token -> {scope}
        self.token_ttl = WAVE_ACCESS_TTL  # an attribute so tests can shorten it

    def accepts(self, token: str) -> bool:
        """Is this bearer token valid now: the full access token, or an unexpired OAuth one."""
        if token == settings.SANDBOX_WAVE_TOKEN:
            return True
        with self.lock:
            entry = self.access.get(token)
            return entry is not None and entry["expires"] > self.clock.now()

    def issue_code(self, redirect_uri: str, scope: str) -> str:
        with self.lock:
            now = self.clock.now()
            self.codes = {c: e for c, e in self.codes.items() if e["expires"] > now}
            code = secrets.token_urlsafe(22)
            self.codes[code] = {"redirect_uri": redirect_uri, "scope": scope, "expires": now + WAVE_CODE_TTL}
            self._changed()
            return code

    def token(self, form: Mapping[str, str]) -> tuple[int, dict]:
        """The token endpoint: (status, JSON body)."""
        if (form.get("client_id"), form.get("client_secret")) != (
            settings.SANDBOX_WAVE_CLIENT_ID,
            settings.SANDBOX_WAVE_CLIENT_SECRET,
        ):
            return 401, {"error": "invalid_client"}
        with self.lock:
            now = self.clock.now()
            grant = form.get("grant_type")
            if grant == "authorization_code":
                code = self.codes.pop(form.get("code") or "", None)  # single use, even when refused
                if code is None or code["expires"] <= now or code["redirect_uri"] != form.get("redirect_uri"):
                    self._changed()
                    return 400, {"error": "invalid_grant"}
                scope = code["scope"]
            elif grant == "refresh_token":
                entry = self.refresh.pop(form.get("refresh_token") or "", None)  # rotates
                if entry is None:
                    return 400, {"error": "invalid_grant"}
                scope = entry["scope"]
            else:
                return 400, {"error": "unsupported_grant_type"}
            self.access = {t: e for t, e in self.access.items() if e["expires"] > now - 86400}
            access = secrets.token_urlsafe(30)
            self.access[access] = {"scope": scope, "expires": now + self.token_ttl}
            body = {"access_token": access, "token_type": "Bearer", "expires_in": self.token_ttl, "scope": scope}
            if "offline_access" in scope.split():
                body["refresh_token"] = secrets.token_urlsafe(30)
                self.refresh[body["refresh_token"]] = {"scope": scope}
            self._changed()
            return 200, body

    def to_state(self) -> dict:
        with self.lock:
            return {"codes": dict(self.codes), "access": dict(self.access), "refresh": dict(self.refresh)}

    def load_state(self, state: Mapping[str, Any] | None) -> None:
        with self.lock:
            state = state or {}
            self.codes = dict(state.get("codes") or {})
            self.access = dict(state.get("access") or {})
            self.refresh = dict(state.get("refresh") or {})

    def _changed(self) -> None:
        if self.owner is not None:
            self.owner.dirty = True


def _wave_scope_problem(scope: str) -> str | None:
    unknown = [s for s in scope.split() if s != "offline_access" and not _SCOPE.match(s)]
    return f"unknown scope(s): {' '.join(unknown)}" if unknown else None


class _WaveStore(Protocol):
    oauth: WaveOAuth


def wave_oauth_routes(store: _WaveStore) -> list[Route]:
    """`/oauth2/authorize/` (the consent page) and `/oauth2/token/` on the Wave emulator."""
    oauth = store.oauth
    authorize = _authorize_endpoint(
        "Wave",
        settings.SANDBOX_WAVE_CLIENT_ID,
        settings.WAVE_AUTHORIZE_PATH,
        lambda params: oauth.issue_code(params["redirect_uri"], params.get("scope", "")),
        _wave_scope_problem,
    )

    async def token(request: Request) -> Response:
        form = await _form(request)
        if not form:
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        status, body = oauth.token(form)
        return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})

    return [
        Route(settings.WAVE_AUTHORIZE_PATH, authorize, methods=["GET", "POST"]),
        Route(settings.WAVE_TOKEN_PATH, token, methods=["POST"]),
    ]
