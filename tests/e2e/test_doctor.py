"""`doctor` against the three emulators: settings, auth, the age of Exact's refresh token (warned from
day 25 of 30 unused), today's rate budget per division and the limits in force; exit 0/1/2.

The clock is the emulators' own, stepped, so a test can let 26 days pass."""

from __future__ import annotations

import json

import httpx

from pipelines import clock as clocks
from pipelines.sandbox.common import Clock


def stepped(sandbox) -> Clock:
    clock = sandbox.exact.clock  # the three emulators share it
    clock.instant_sleep = True
    return clock


def test_all_well_after_a_sync_shows_auth_and_the_budget_per_division(sandbox, capsys):
    with clocks.using(stepped(sandbox)):
        assert sandbox.cli("sync") == 0
        capsys.readouterr()
        assert sandbox.cli("doctor") == 0
    out = capsys.readouterr().out
    assert "Exact Online" in out and "Wave" in out and "CustomPMS" in out
    assert "signed in; current division 101" in out and "1 business(es) visible" in out
    assert "the API key is accepted" in out
    assert "last renewed 0.0 days ago (expires after 30 days unused)" in out
    assert "rate budget: division 101" in out and "calls left today" in out
    tokens = json.loads((sandbox.tmp / "exact_tokens.json").read_text())
    for secret in ("sandbox-secret", "sandbox-wave-token", "sandbox-custompms-key", tokens["access_token"],
                   tokens["refresh_token"]):
        assert secret not in out


def test_a_refresh_token_near_its_30_days_is_a_warning(sandbox, capsys):
    clock = stepped(sandbox)
    with clocks.using(clock):
        assert sandbox.cli("sync") == 0
        clock.advance(26 * 86_400)
        capsys.readouterr()
        assert sandbox.cli("doctor") == 1
    captured = capsys.readouterr()
    assert "last renewed 26.0 days ago" in captured.out and "run a sync now to renew it" in captured.out
    assert "(the access token was renewed)" in captured.out  # the check itself used the chain
    assert "refresh token" in captured.err


def test_a_block_and_a_refused_key_need_a_person(sandbox, capsys, monkeypatch):
    clock = stepped(sandbox)
    with clocks.using(clock):
        assert sandbox.cli("sync") == 0
        # someone else's bad calls get division 102's sync endpoint blocked for an hour
        access = json.loads((sandbox.tmp / "exact_tokens.json").read_text())["access_token"]
        for _ in range(11):
            httpx.get(f"{sandbox.servers['exact'].url}/api/v1/102/sync/CRM/Accounts", params={"$filter": "x"},
                      headers={"Authorization": f"Bearer {access}", "Accept": "application/json"})
        assert sandbox.cli("extract") == 1  # the extraction meets the block and records it
        monkeypatch.setenv("SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY", "not-the-key")
        capsys.readouterr()
        assert sandbox.cli("doctor") == 1
    out = capsys.readouterr().out
    assert "blocked: division 102" in out and "FAIL" in out
    assert "401" in out and "not-the-key" not in out


def test_a_missing_secret_is_refused_naming_the_key(sandbox, capsys, monkeypatch):
    monkeypatch.setenv("SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN", "")
    assert sandbox.cli("doctor") == 2
    out = capsys.readouterr().out
    assert "sources.wave.credentials.access_token" in out and "SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN" in out
