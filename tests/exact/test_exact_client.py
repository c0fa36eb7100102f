"""ExactClient against the Exact Online emulator over real HTTP (plus a few shape cases through
httpx.MockTransport, for answer forms the emulator does not produce)."""

from __future__ import annotations

import json
import logging
import os
import stat

import httpx
import pytest

from pipelines import settings
from pipelines.exact.client import ExactApiError, ExactAuthError, ExactClient, ExactTransportError
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.exact import ExactStore, create_app

DIV = 101


def seed(accounts: int = 30, divisions: tuple[int, ...] = (DIV,)) -> dict:
    return {
        "divisions": [{"Code": code, "Description": f"Division {code}", "Status": 1} for code in divisions],
        "accounts": {
            code: [
                {"Name": f"Account {code}-{i}", "Code": f"C{i:04d}", "Email": f"a{i}@example.com"}
                for i in range(accounts)
            ]
            for code in divisions
        },
        "departments": {code: [{"Code": "D01", "Description": "Sales"}] for code in divisions},
    }


@pytest.fixture
def sandbox(request):
    """Emulator with its own clock and faults, on a free port."""
    options = getattr(request, "param", {})
    clock = Clock(speed=options.get("speed", 1.0))
    store = ExactStore(clock)
    store.load_seed(seed(options.get("accounts", 30), options.get("divisions", (DIV,))))
    faults = FaultConfig(seed=7)
    server = ServerThread(create_app(store, faults=faults, clock=clock)).start()
    server.clock, server.store, server.faults = clock, store, faults
    yield server
    server.stop()


def make_client(server, tmp_path, **kwargs) -> ExactClient:
    kwargs.setdefault("clock", server.clock)
    kwargs.setdefault("backoff_base", 0.01)
    return ExactClient(
        server.url,
        settings.SANDBOX_EXACT_CLIENT_ID,
        settings.SANDBOX_EXACT_CLIENT_SECRET,
        kwargs.pop("refresh_token", settings.SANDBOX_EXACT_REFRESH_TOKEN),
        tmp_path / "tokens.json",
        **kwargs,
    )


def admin(server, method: str, path: str, body: dict | None = None) -> httpx.Response:
    response = httpx.request(method, f"{server.url}/_sandbox{path}", json=body, timeout=10)
    response.raise_for_status()
    return response


def all_accounts(client: ExactClient, division: int = DIV, since: int = 0) -> list[dict]:
    return [row for page in client.sync_accounts(division, since) for row in page]


# ---------------------------------------------------------------------- OAuth


def test_bootstrap_rotation_is_persisted_owner_only(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    assert client.current_division() == DIV
    token_file = tmp_path / "tokens.json"
    assert stat.S_IMODE(os.stat(token_file).st_mode) == 0o600
    stored = json.loads(token_file.read_text())
    assert stored["refresh_token"] != settings.SANDBOX_EXACT_REFRESH_TOKEN  # rotated
    assert client.token_calls == 1

    # a second process picks the pair up from the file: no token call
    again = make_client(sandbox, tmp_path)
    assert again.current_division() == DIV and again.token_calls == 0

    # the bootstrap token was spent: starting a chain from it again is refused, with a clear message
    other = make_client(sandbox, tmp_path / "elsewhere")
    with pytest.raises(ExactAuthError) as err:
        other.current_division()
    assert "sources.exact.credentials.refresh_token" in str(err.value)
    assert settings.SANDBOX_EXACT_REFRESH_TOKEN not in str(err.value)


@pytest.mark.parametrize("sandbox", [dict(accounts=2500)], indirect=True)
def test_token_expiry_mid_run_rotates_and_old_token_is_refused(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    first_refresh = None
    rows = 0
    for number, page in enumerate(client.sync_accounts(DIV, 0)):
        rows += len(page)
        if number == 0:
            first_refresh = json.loads((tmp_path / "tokens.json").read_text())["refresh_token"]
            sandbox.clock.advance(settings.EXACT_TOKEN_TTL)  # the access token expires between pages
    assert rows == 2500
    assert client.token_calls == 2
    current = json.loads((tmp_path / "tokens.json").read_text())["refresh_token"]
    assert current != first_refresh
    assert stat.S_IMODE(os.stat(tmp_path / "tokens.json").st_mode) == 0o600
    # Exact rotates: the previous refresh token no longer works
    answer = httpx.post(
        f"{sandbox.url}/api/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": first_refresh,
            "client_id": settings.SANDBOX_EXACT_CLIENT_ID,
            "client_secret": settings.SANDBOX_EXACT_CLIENT_SECRET,
        },
    )
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"


def test_server_side_expiry_answers_401_and_is_refreshed_once(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    client.current_division()
    # the client still believes its token is valid; the server says it expired
    client._tokens.expires_at = sandbox.clock.now() + 10_000
    sandbox.clock.advance(settings.EXACT_TOKEN_TTL + 1)
    assert len(all_accounts(client)) == 30
    assert client.token_calls == 2


# ---------------------------------------------------------------------- paging and endpoints


@pytest.mark.parametrize("sandbox", [dict(accounts=2345)], indirect=True)
def test_sync_pages_follow_next_and_cursor(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    pages = list(client.sync_accounts(DIV, 0))
    assert [len(page) for page in pages] == [1000, 1000, 345]
    rows = [row for page in pages for row in page]
    assert len({row["ID"] for row in rows}) == 2345
    assert all("__metadata" not in row for row in rows)
    highest = max(row["Timestamp"] for row in rows)
    assert all_accounts(client, since=highest) == []
    assert not client.accounts_changed_since(DIV, highest)
    assert client.accounts_changed_since(DIV, highest - 1)
    assert client.calls[DIV] == 3 + 1 + 2


def test_create_update_get_account(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    created = client.create_account(DIV, {"Name": "New Customer BV", "Email": "new@example.com"})
    assert created["Name"] == "New Customer BV" and created["ID"]
    client.update_account(DIV, created["ID"], {"Phone": "+31 20 555 0101"})
    fetched = client.get_account(DIV, created["ID"])
    assert fetched["Phone"] == "+31 20 555 0101" and fetched["Email"] == "new@example.com"
    assert client.get_account(DIV, "00000000-0000-0000-0000-000000000000") is None
    with pytest.raises(ExactApiError) as err:
        client.create_account(DIV, {"Email": "no-name@example.com"})  # Name is required
    assert err.value.status == 400


def test_departments_and_divisions(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    divisions = client.divisions()
    assert [row["Code"] for row in divisions] == [DIV]
    departments = [row for page in client.departments(DIV) for row in page]
    assert [row["Description"] for row in departments] == ["Sales"]
    modified = departments[0]["Modified"]
    since = int(modified[6:-2])
    assert [row["ID"] for page in client.departments(DIV, since) for row in page] == [departments[0]["ID"]]
    assert [row for page in client.departments(DIV, since + 1) for row in page] == []


# ---------------------------------------------------------------------- rate limits and faults


@pytest.mark.parametrize("sandbox", [dict(speed=120.0)], indirect=True)
def test_minute_budget_is_spent_then_waited_for_not_429(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    for _ in range(settings.EXACT_MINUTE_LIMIT + 15):
        client.accounts_changed_since(DIV, 0)
    assert client.calls[DIV] == settings.EXACT_MINUTE_LIMIT + 15  # no 429 answered, nothing repeated
    assert client.schedule.waited_s > 0


@pytest.mark.parametrize("sandbox", [dict(speed=120.0)], indirect=True)
def test_429_from_the_minute_window_waits_for_reset(sandbox, tmp_path):
    # another client (another process) spent the minute's budget: ours learns it from the 429
    spender = make_client(sandbox, tmp_path)
    for _ in range(settings.EXACT_MINUTE_LIMIT):
        spender.accounts_changed_since(DIV, 0)
    client = make_client(sandbox, tmp_path)
    assert client.accounts_changed_since(DIV, 0)
    assert client.calls[DIV] == 2  # the 429 and the retry after the window reset
    assert client.retries == 1


@pytest.mark.parametrize("sandbox", [dict(accounts=3000)], indirect=True)
def test_5xx_and_dropped_connections_are_retried_for_gets(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    client.current_division()
    sandbox.faults.update(error_rate=0.3, drop_rate=0.3)
    assert len(all_accounts(client)) == 3000
    assert client.retries > 0


def test_post_is_not_retried_after_a_dropped_connection(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    client.current_division()
    sandbox.faults.update(drop_rate=1.0)
    before = admin(sandbox, "GET", "/faults").json()["requests"]
    with pytest.raises(ExactTransportError) as err:
        client.create_account(DIV, {"Name": "Once Only BV"})
    assert err.value.maybe_applied
    assert admin(sandbox, "GET", "/faults").json()["requests"] == before + 1


def test_put_is_retried_after_5xx(sandbox, tmp_path):
    client = make_client(sandbox, tmp_path)
    account = all_accounts(client)[0]
    sandbox.faults.update(error_rate=1.0)
    with pytest.raises(ExactApiError) as err:
        client.update_account(DIV, account["ID"], {"City": "Utrecht"})
    assert err.value.status in (500, 503)
    assert client.retries == client.max_retries


# ---------------------------------------------------------------------- secrets


def test_secrets_stay_out_of_reprs_errors_and_logs(sandbox, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    client = make_client(sandbox, tmp_path)
    client.current_division()
    tokens = json.loads((tmp_path / "tokens.json").read_text())
    secrets = [
        settings.SANDBOX_EXACT_CLIENT_SECRET,
        settings.SANDBOX_EXACT_REFRESH_TOKEN,
        tokens["access_token"],
        tokens["refresh_token"],
    ]
    sandbox.faults.update(error_rate=1.0)
    with pytest.raises(ExactApiError) as err:
        client.divisions(DIV)
    texts = [repr(client), str(err.value), repr(err.value), repr(client._tokens), caplog.text]
    for text in texts:
        for secret in secrets:
            assert secret not in text


# ---------------------------------------------------------------------- answer shapes (MockTransport)


def test_next_links_relative_absolute_and_bare_arrays(tmp_path):
    """`__next` is followed as given, whichever form; `{"d": [...]}` is a last page."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth2/token":
            return httpx.Response(
                200,
                json={
                    "access_token": "a" * 20,
                    "refresh_token": "r" * 20,
                    "expires_in": "600",
                    "token_type": "bearer",
                },
            )
        seen.append(str(request.url))
        skip = request.url.params.get("$skiptoken")
        if skip is None:
            return httpx.Response(
                200, json={"d": {"results": [{"ID": "1"}], "__next": "sync/CRM/Accounts?$skiptoken=guid'1'"}}
            )
        if skip == "guid'1'":
            return httpx.Response(
                200,
                json={
                    "d": {
                        "results": [{"ID": "2"}],
                        "__next": "/api/v1/5/sync/CRM/Accounts?$skiptoken=guid'2'",
                    }
                },
            )
        if skip == "guid'2'":
            return httpx.Response(
                200,
                json={
                    "d": {
                        "results": [{"ID": "3"}],
                        "__next": "http://exact.test/api/v1/5/sync/CRM/Accounts?$skiptoken=guid'3'",
                    }
                },
            )
        return httpx.Response(200, json={"d": [{"ID": "4"}]})

    client = ExactClient(
        "http://exact.test",
        "id",
        "secret",
        "refresh",
        tmp_path / "t.json",
        transport=httpx.MockTransport(handler),
    )
    assert [row["ID"] for page in client.sync_accounts(5, 0) for row in page] == ["1", "2", "3", "4"]
    assert all(url.startswith("http://exact.test/api/v1/5/sync/CRM/Accounts") for url in seen)
    assert client.calls[5] == 4


def test_next_link_to_another_host_is_refused(tmp_path):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth2/token":
            return httpx.Response(
                200, json={"access_token": "a" * 20, "refresh_token": "r" * 20, "expires_in": "600"}
            )
        return httpx.Response(200, json={"d": {"results": [], "__next": "https://evil.test/api/v1/5/x"}})

    client = ExactClient(
        "http://exact.test",
        "id",
        "secret",
        "refresh",
        tmp_path / "t.json",
        transport=httpx.MockTransport(handler),
    )
    with pytest.raises(ExactApiError, match="another host"):
        list(client.sync_accounts(5, 0))
