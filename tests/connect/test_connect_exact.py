"""`connect exact` end to end: the real CLI in a subprocess, the Exact emulator's consent page, the
command's loopback listener, the token file, and an extraction that runs on the new chain."""

from __future__ import annotations

import json
import os
import stat

import httpx
import pytest
import tomlkit
from connectkit import approve

from pipelines import settings
from pipelines.errors import ConfigurationError
from pipelines.exact.site import exact_base_url
from pipelines.exact.tokens import fingerprint


def test_authorization_code_flow_writes_the_chain_owner_only_and_extract_runs_on_it(project):
    run = project.connect("exact")
    url = run.authorize_url()
    assert url.startswith(project.servers["exact"].url + settings.EXACT_AUTH_PATH + "?")
    assert "state=" in url and "response_type=code" in url

    landed = approve(url)  # the person logs in and allows; the browser lands on the listener
    assert landed.status_code == 200 and "access granted" in landed.text
    code, output = run.finish()
    assert code == 0, output
    assert "the user sees 2 division(s): 101 Holding BV, 102 Belgium NV" in output
    assert project.exact.token_calls["count"] == 1  # the code exchange; the check used its access token

    assert stat.S_IMODE(os.stat(project.exact_tokens).st_mode) == 0o600
    chain = json.loads(project.exact_tokens.read_text())
    assert chain["base_url"] == project.servers["exact"].url and chain["client_id"] == settings.SANDBOX_EXACT_CLIENT_ID
    # the stale refresh token still in the secrets is recorded, so it does not start a chain of its own
    assert chain["bootstrap"] == fingerprint(settings.SANDBOX_EXACT_REFRESH_TOKEN)
    for secret in (chain["access_token"], chain["refresh_token"], settings.SANDBOX_EXACT_CLIENT_SECRET):
        assert secret not in output
    assert not list(project.exact_tokens.parent.glob(".exact_tokens.json.*.tmp"))

    # ten minutes later the access token has expired: the extraction refreshes from the file's chain
    project.clock.advance(settings.EXACT_TOKEN_TTL + 1)
    extracted = project.cli("extract")
    assert extracted.returncode == 0, extracted.stderr
    assert project.sql("select count(*) from raw_exact.accounts")[0][0] == 2
    rotated = json.loads(project.exact_tokens.read_text())["refresh_token"]
    assert rotated != chain["refresh_token"] and rotated in project.exact.refresh_tokens
    assert settings.SANDBOX_EXACT_REFRESH_TOKEN in project.exact.refresh_tokens  # never spent
    assert chain["refresh_token"] not in project.exact.refresh_tokens  # rotated away, as Exact does


def test_a_redirect_with_a_state_this_run_did_not_issue_is_refused(project):
    run = project.connect("exact")
    run.authorize_url()
    redirect_uri = project.env["SOURCES__EXACT__REDIRECT_URI"]
    forged = httpx.get(redirect_uri, params={"code": "stampSB001.forged!code", "state": "not-ours"}, timeout=10)
    assert forged.status_code == 400 and "state" in forged.text
    code, output = run.finish()
    assert code == 1
    assert "a state this run did not issue" in output and "no code was exchanged" in output
    assert not project.exact_tokens.exists()
    assert project.exact.token_calls["count"] == 0  # nothing reached the token endpoint


def test_deny_says_access_was_not_granted(project):
    run = project.connect("exact")
    landed = approve(run.authorize_url(), decision="deny")
    assert landed.status_code == 400
    code, output = run.finish()
    assert code == 1 and "not granted (access_denied)" in output and not project.exact_tokens.exists()


def test_no_browser_coming_back_times_out_with_a_clear_message(project):
    run = project.connect("exact", "--timeout", "0.2")
    run.authorize_url()
    code, output = run.finish()
    assert code == 1 and "no answer from the browser within 0 s" in output and "--timeout" in output


def test_paste_mode_takes_the_address_the_browser_ended_on(project):
    """For an app registered with an https redirect URI: no listener; the person pastes the address."""
    run = project.connect("exact", "--paste", open_stdin=True)
    redirect = approve(run.authorize_url(), follow=False)
    assert "%21" in redirect.headers["location"]  # Exact's code contains "!", URL-encoded
    run.process.stdin.write(redirect.headers["location"] + "\n")
    run.process.stdin.close()
    code, output = run.finish()
    assert code == 0, output
    assert "waiting for the browser" not in output
    assert json.loads(project.exact_tokens.read_text())["refresh_token"] in project.exact.refresh_tokens


def test_a_refused_code_exchange_names_the_error_and_leaks_no_secret(project):
    project.env["SOURCES__EXACT__CREDENTIALS__CLIENT_SECRET"] = "wrong-client-secret"
    run = project.connect("exact")
    approve(run.authorize_url())
    code, output = run.finish()
    assert code == 1
    assert "refused the authorization_code grant (HTTP 400 invalid_client" in output
    assert "wrong-client-secret" not in output and not project.exact_tokens.exists()


def test_missing_app_credentials_are_refused_naming_the_key(project):
    del project.env["SOURCES__EXACT__CREDENTIALS__CLIENT_ID"]
    secrets = tomlkit.parse(project.secrets_file.read_text())
    del secrets["sources"]["exact"]["credentials"]["client_id"]
    project.secrets_file.write_text(tomlkit.dumps(secrets))
    code, output = project.connect("exact").finish()
    assert code == 2 and "sources.exact.credentials.client_id" in output


def test_the_country_gives_the_base_url_unless_base_url_is_set():
    assert exact_base_url(None, "be") == "https://start.exactonline.be"
    assert exact_base_url(None, "UK") == exact_base_url("", "co.uk") == "https://start.exactonline.co.uk"
    assert exact_base_url("http://127.0.0.1:8751/", "nl") == "http://127.0.0.1:8751"
    with pytest.raises(ConfigurationError, match="sources.exact.country"):
        exact_base_url(None, None)
