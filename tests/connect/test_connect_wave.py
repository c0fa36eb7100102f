"""`connect wave`: the OAuth flow with offline_access end to end, the refresh of ~2 h access tokens on
the sandbox's clock, a pasted full access token, and the businesses chosen into config."""

from __future__ import annotations

import io
import json
import os
import stat
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import tomlkit
from connectkit import approve

from pipelines import settings
from pipelines.connect.command import Session
from pipelines.connect.wave import UNCHANGED, _choose
from pipelines.console import Console
from pipelines.errors import ConfigurationError
from pipelines.wave.auth import WaveTokens
from pipelines.wave.client import WaveAuthError, WaveClient


def _businesses(project) -> list[dict]:
    with WaveClient(project.env["SOURCES__WAVE__GRAPHQL_URL"], settings.SANDBOX_WAVE_TOKEN) as client:
        return client.businesses()


def _oauth_app(project) -> None:
    project.env["SOURCES__WAVE__CREDENTIALS__CLIENT_ID"] = settings.SANDBOX_WAVE_CLIENT_ID
    project.env["SOURCES__WAVE__CREDENTIALS__CLIENT_SECRET"] = settings.SANDBOX_WAVE_CLIENT_SECRET


def test_oauth_flow_writes_the_chain_and_the_chosen_business_and_extract_uses_both(project):
    _oauth_app(project)
    # a full access token that no longer works: the extraction below can only succeed through OAuth
    project.env["SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN"] = "revoked-full-access-token"
    prairie = next(b for b in _businesses(project) if b["name"] == "Prairie Goods")
    config_before = project.config_file.read_text()

    run = project.connect("wave", "--business", prairie["id"])
    url = run.authorize_url()
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(project.env["SOURCES__WAVE__OAUTH_URL"] + settings.WAVE_AUTHORIZE_PATH)
    assert query["scope"][0].split() == list(settings.WAVE_SCOPES) and "offline_access" in query["scope"][0]
    assert approve(url).status_code == 200
    code, output = run.finish()
    assert code == 0, output
    assert "Maple Consulting" in output and "Prairie Goods" in output

    assert stat.S_IMODE(os.stat(project.wave_tokens).st_mode) == 0o600
    chain = json.loads(project.wave_tokens.read_text())
    assert chain["refresh_token"] and chain["expires_at"] - chain["requested_at"] == 7200
    for secret in (chain["access_token"], chain["refresh_token"], settings.SANDBOX_WAVE_CLIENT_SECRET):
        assert secret not in output

    config = tomlkit.parse(project.config_file.read_text())
    assert config["sources"]["wave"]["auth"] == "oauth"
    assert list(config["sources"]["wave"]["business_ids"]) == [prairie["id"]]
    # tomlkit edits in place: every comment and key the person wrote is still there
    for line in config_before.splitlines():
        assert line in project.config_file.read_text()

    extracted = project.cli("extract")
    assert extracted.returncode == 0, extracted.stderr
    names = {row[0] for row in project.sql("select name from raw_wave.customers")}
    assert names == {"Wheat & Co", "Bison Supplies"}  # Prairie Goods only


def _connected(project) -> WaveTokens:
    """An OAuth chain started in-process, with the provider on the sandbox's clock."""
    tokens = WaveTokens(project.env["SOURCES__WAVE__OAUTH_URL"], settings.SANDBOX_WAVE_CLIENT_ID,
                        settings.SANDBOX_WAVE_CLIENT_SECRET, project.wave_tokens, now=project.clock.now)
    redirect_uri = project.env["SOURCES__WAVE__REDIRECT_URI"]
    location = approve(tokens.authorize_url(redirect_uri, "s1"), follow=False).headers["location"]
    assert parse_qs(urlsplit(location).query)["state"] == ["s1"]
    tokens.exchange(parse_qs(urlsplit(location).query)["code"][0], redirect_uri)
    return tokens


def test_access_tokens_are_refreshed_before_their_two_hours_end(project):
    tokens = _connected(project)
    graphql = project.env["SOURCES__WAVE__GRAPHQL_URL"]
    first = json.loads(project.wave_tokens.read_text())
    with WaveClient(graphql, tokens) as client:
        assert len(client.businesses()) == 2
        assert tokens.token_calls == 1  # the code exchange; the access token is fresh

        project.clock.advance(7200 - settings.WAVE_REFRESH_MARGIN + 1)  # fewer than 5 minutes left
        assert len(client.businesses()) == 2
        assert tokens.token_calls == 2
        second = json.loads(project.wave_tokens.read_text())
        assert second["access_token"] != first["access_token"]
        assert second["refresh_token"] != first["refresh_token"]  # the sandbox rotates, like Wave's toolkit
        assert first["refresh_token"] not in project.wave.oauth.refresh

        project.clock.advance(settings.WAVE_REFRESH_MARGIN)  # the first access token is now past its end
        stale = httpx.post(graphql, json={"query": "{ user { id } }"}, timeout=10,
                           headers={"Authorization": f"Bearer {first['access_token']}"})
        assert stale.status_code == 401
        assert len(client.businesses()) == 2 and tokens.token_calls == 2

    # another process reads the refreshed chain from the file instead of refreshing again
    other = WaveTokens(tokens.oauth_url, tokens.client_id, settings.SANDBOX_WAVE_CLIENT_SECRET, project.wave_tokens,
                       now=project.clock.now)
    with WaveClient(graphql, other) as client:
        assert len(client.businesses()) == 2 and other.token_calls == 0

    # a chain Wave no longer honours: the message says to connect again and shows no token
    project.wave.oauth.refresh.clear()
    project.clock.advance(7200)
    with WaveClient(graphql, tokens) as client, pytest.raises(WaveAuthError) as error:
        client.businesses()
    assert "invalid_grant" in str(error.value) and "make connect SYSTEM=wave" in str(error.value)
    assert second["refresh_token"] not in str(error.value)


def test_without_offline_access_there_is_no_chain_to_keep(project):
    tokens = WaveTokens(project.env["SOURCES__WAVE__OAUTH_URL"], settings.SANDBOX_WAVE_CLIENT_ID,
                        settings.SANDBOX_WAVE_CLIENT_SECRET, project.wave_tokens, now=project.clock.now)
    redirect_uri = project.env["SOURCES__WAVE__REDIRECT_URI"]
    url = tokens.authorize_url(redirect_uri, "s2", scopes=("business:read", "customer:read"))
    code = parse_qs(urlsplit(approve(url, follow=False).headers["location"]).query)["code"][0]
    with pytest.raises(Exception, match="without refresh_token .was offline_access granted"):
        tokens.exchange(code, redirect_uri)
    assert not project.wave_tokens.exists()


def test_a_pasted_full_access_token_is_checked_then_saved_owner_only(project):
    secrets = tomlkit.parse(project.secrets_file.read_text())
    secrets["sources"]["wave"]["credentials"]["access_token"] = "an-old-token"
    project.secrets_file.write_text(tomlkit.dumps(secrets))
    comments = [line for line in project.secrets_file.read_text().splitlines() if line.startswith("#")]

    refused = project.connect("wave", "--token-stdin", stdin="not-a-wave-token\n")
    code, output = refused.finish()
    assert code == 1 and "refused the access token" in output and "nothing was saved" in output
    assert "not-a-wave-token" not in output
    assert tomlkit.parse(project.secrets_file.read_text())["sources"]["wave"]["credentials"]["access_token"] == (
        "an-old-token")

    accepted = project.connect("wave", "--token-stdin", stdin=settings.SANDBOX_WAVE_TOKEN + "\n")
    code, output = accepted.finish()
    assert code == 0, output
    assert settings.SANDBOX_WAVE_TOKEN not in output
    assert stat.S_IMODE(os.stat(project.secrets_file).st_mode) == 0o600
    saved = tomlkit.parse(project.secrets_file.read_text())
    assert saved["sources"]["wave"]["credentials"]["access_token"] == settings.SANDBOX_WAVE_TOKEN
    assert saved["sources"]["exact"]["credentials"]["client_id"] == settings.SANDBOX_EXACT_CLIENT_ID
    assert all(line in project.secrets_file.read_text() for line in comments)
    assert "auth" not in tomlkit.parse(project.config_file.read_text())["sources"]["wave"]  # "token" already


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_numbered_choice_on_a_terminal(project, capsys):
    businesses = _businesses(project)

    def choose(answer: str, **options):
        return _choose(Session(Console(quiet=True), stdin=_Terminal(answer + "\n"), config_dir=project.dir,
                               **options), businesses)

    assert choose("2") == [businesses[1]["id"]]
    assert choose("2, 1,2") == [businesses[1]["id"], businesses[0]["id"]]
    assert choose("") is None  # every business
    with pytest.raises(ConfigurationError, match="numbers from 1 to 2"):
        choose("3")
    with pytest.raises(ConfigurationError, match="does not see business"):
        choose("", businesses=["QnVzaW5lc3M6bm9wZQ=="])
    assert choose("", all_businesses=True) is None
    piped = Session(Console(quiet=True), stdin=io.StringIO("1\n"), config_dir=project.dir)
    assert _choose(piped, businesses) is UNCHANGED  # no terminal, no flags: nothing is asked or changed
    assert "id " + businesses[0]["id"] in capsys.readouterr().out
