"""The sandbox's authorize pages and Wave's token endpoint (pipelines/sandbox/oauth_pages.py), over HTTP."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx

from pipelines import settings
from pipelines.sandbox.oauth_pages import WAVE_CODE_TTL
from pipelines.sandbox.wave import WaveStore

LOOPBACK = "http://127.0.0.1:9/cb"


def _exact_page(project, **params) -> httpx.Response:
    query = {"client_id": settings.SANDBOX_EXACT_CLIENT_ID, "redirect_uri": LOOPBACK, "response_type": "code",
             "state": "s", **params}
    return httpx.get(project.servers["exact"].url + settings.EXACT_AUTH_PATH, params=query, timeout=10)


def test_unsafe_redirects_get_an_error_page_and_never_a_redirect(project):
    assert _exact_page(project).status_code == 200
    unknown_app = _exact_page(project, client_id="someone-else")
    assert unknown_app.status_code == 400 and "Unknown client_id" in unknown_app.text
    elsewhere = _exact_page(project, redirect_uri="https://attacker.example/cb")
    assert elsewhere.status_code == 400 and "not registered" in elsewhere.text
    token = httpx.post(project.servers["exact"].url + settings.EXACT_AUTH_PATH, timeout=10,
                       data={"client_id": settings.SANDBOX_EXACT_CLIENT_ID, "redirect_uri": LOOPBACK,
                             "response_type": "token", "state": "s", "decision": "allow"})
    assert token.status_code == 302
    assert parse_qs(urlsplit(token.headers["location"]).query) == {"error": ["unsupported_response_type"],
                                                                   "state": ["s"]}


def _wave_code(project, scope: str = "business:read offline_access") -> str:
    answer = httpx.post(project.servers["wave"].url + settings.WAVE_AUTHORIZE_PATH, timeout=10, data={
        "client_id": settings.SANDBOX_WAVE_CLIENT_ID, "redirect_uri": LOOPBACK, "response_type": "code",
        "scope": scope, "state": "s", "decision": "allow"})
    assert answer.status_code == 302
    return parse_qs(urlsplit(answer.headers["location"]).query)["code"][0]


def _wave_token(project, **form) -> httpx.Response:
    body = {"client_id": settings.SANDBOX_WAVE_CLIENT_ID, "client_secret": settings.SANDBOX_WAVE_CLIENT_SECRET,
            "redirect_uri": LOOPBACK, **form}
    return httpx.post(project.servers["wave"].url + settings.WAVE_TOKEN_PATH, data=body, timeout=10)


def test_wave_codes_are_single_use_short_lived_and_bound_to_the_redirect_uri(project):
    code = _wave_code(project)
    first = _wave_token(project, grant_type="authorization_code", code=code)
    assert first.status_code == 200
    body = first.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 7200 and body["refresh_token"]
    assert _wave_token(project, grant_type="authorization_code", code=code).json() == {"error": "invalid_grant"}

    late = _wave_code(project)
    project.clock.advance(WAVE_CODE_TTL + 1)
    assert _wave_token(project, grant_type="authorization_code", code=late).json() == {"error": "invalid_grant"}
    other_uri = _wave_token(project, grant_type="authorization_code", code=_wave_code(project),
                            redirect_uri="http://127.0.0.1:10/cb")
    assert other_uri.json() == {"error": "invalid_grant"}
    wrong_client = _wave_token(project, grant_type="authorization_code", code=_wave_code(project),
                               client_secret="nope")
    assert wrong_client.status_code == 401 and wrong_client.json() == {"error": "invalid_client"}


def test_wave_refresh_rotates_and_a_spent_refresh_token_is_refused(project):
    issued = _wave_token(project, grant_type="authorization_code", code=_wave_code(project)).json()
    refreshed = _wave_token(project, grant_type="refresh_token", refresh_token=issued["refresh_token"])
    assert refreshed.status_code == 200 and refreshed.json()["refresh_token"] != issued["refresh_token"]
    again = _wave_token(project, grant_type="refresh_token", refresh_token=issued["refresh_token"])
    assert again.status_code == 400 and again.json() == {"error": "invalid_grant"}
    without_offline = _wave_token(project, grant_type="authorization_code",
                                  code=_wave_code(project, scope="business:read")).json()
    assert "refresh_token" not in without_offline
    bad_scope = httpx.get(project.servers["wave"].url + settings.WAVE_AUTHORIZE_PATH, timeout=10, params={
        "client_id": settings.SANDBOX_WAVE_CLIENT_ID, "redirect_uri": LOOPBACK, "response_type": "code",
        "scope": "everything", "state": "s"})
    assert bad_scope.status_code == 302 and "error=invalid_scope" in bad_scope.headers["location"]


def test_wave_oauth_state_survives_a_sandbox_restart(project):
    issued = _wave_token(project, grant_type="authorization_code", code=_wave_code(project)).json()
    assert project.wave.dirty
    restored = WaveStore.from_state(project.wave.to_state(), project.clock)
    assert restored.oauth.accepts(issued["access_token"])
    assert issued["refresh_token"] in restored.oauth.refresh
