"""ExactClient against the Exact Online emulator over real HTTP (plus a few shape cases through
httpx.MockTransport, for answer forms the emulator does not produce).

Everything about time (token expiry, the 9 min 30 s rule, minute windows, the hourly error limit) runs
on the sandbox's frozen clock: time moves only by `advance` and by the client's own sleeps, which
advance it at once, so no test waits or races a real minute boundary. Each test names the facts of
docs/reference/exact-online-api.md it holds the client to.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat

import httpx
import pytest

from pipelines import settings
from pipelines.budgets import ApiState
from pipelines.exact.client import (
    ExactApiError,
    ExactAuthError,
    ExactBlockedError,
    ExactClient,
    ExactErrorBudgetError,
    ExactRateLimitError,
    ExactTokenLimitError,
    ExactTransportError,
)
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.exact import ExactStore, create_app

DIV, OTHER = 101, 102
MIDNIGHT = 1_767_225_600  # 2026-01-01T00:00:00Z
START = MIDNIGHT + 10 * 3600 + 1.0  # one second into a minute window, far from the day's end


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
    """Emulator on a free port with its own frozen clock (shared with the clients) and faults."""
    options = getattr(request, "param", {})
    clock = Clock.frozen(START)
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
        kwargs.pop("token_file", tmp_path / "tokens.json"),
        **kwargs,
    )


def durable(tmp_path) -> ApiState:
    """The budgets as a run keeps them: in a DuckDB state file (a new ApiState = a new process)."""
    return ApiState("exact", tmp_path / "state.duckdb")


def admin(server, method: str, path: str, body: dict | None = None) -> httpx.Response:
    response = httpx.request(method, f"{server.url}/_sandbox{path}", json=body, timeout=10)
    response.raise_for_status()
    return response


def stats(server) -> dict:
    return admin(server, "GET", "/exact/stats").json()


def all_accounts(client: ExactClient, division: int = DIV, since: int = 0) -> list[dict]:
    return [row for page in client.sync_accounts(division, since) for row in page]


class SlowTokenCalls(httpx.HTTPTransport):
    """The network between us and the token endpoint takes `seconds` (of the frozen clock) on the way
    there: Exact stamps the call that much after the client sent it."""

    def __init__(self, clock: Clock, seconds: float) -> None:
        super().__init__()
        self.clock, self.seconds = clock, seconds

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth2/token":
            self.clock.advance(self.seconds)
        return super().handle_request(request)


# ---------------------------------------------------------------------- OAuth: rotation


def test_bootstrap_rotation_is_persisted_owner_only(sandbox, tmp_path):
    """Refresh tokens rotate; the new one is on disk (0600) before use; a second process reuses the pair."""
    client = make_client(sandbox, tmp_path)
    assert client.current_division() == DIV
    token_file = tmp_path / "tokens.json"
    assert stat.S_IMODE(os.stat(token_file).st_mode) == 0o600
    stored = json.loads(token_file.read_text())
    assert stored["refresh_token"] != settings.SANDBOX_EXACT_REFRESH_TOKEN  # rotated
    assert stored["requested_at"] == START  # when the token call was sent, in the client's clock
    assert client.token_calls == 1

    # a second process picks the pair up from the file: no token call
    again = make_client(sandbox, tmp_path)
    assert again.current_division() == DIV and again.token_calls == 0

    # the bootstrap token was spent: starting a chain from it again is refused, with a clear message
    other = make_client(sandbox, tmp_path / "elsewhere")
    with pytest.raises(ExactAuthError) as err:
        other.current_division()
    assert "already used" in str(err.value) and "make connect" in str(err.value)
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
    # Exact rotates: the previous refresh token no longer works ("Old refresh token used.")
    answer = httpx.post(
        f"{sandbox.url}/api/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": first_refresh,
            "client_id": settings.SANDBOX_EXACT_CLIENT_ID,
            "client_secret": settings.SANDBOX_EXACT_CLIENT_SECRET,
        },
    )
    assert answer.status_code == 401 and answer.json()["error"] == "unauthorized_client"


def test_server_side_expiry_answers_401_and_is_refreshed_once(sandbox, tmp_path):
    """An API 401 whose WWW-Authenticate says "access token expired" renews at once (the one exception
    to the 9 min 30 s rule) and the call is repeated."""
    client = make_client(sandbox, tmp_path)
    client.current_division()
    sandbox.clock.advance(100)
    admin(sandbox, "POST", "/exact/tokens/expire")  # the client still believes its token is valid
    assert len(all_accounts(client)) == 30
    assert client.token_calls == 2


# ---------------------------------------------------------------------- OAuth: when to refresh


def test_refresh_only_inside_the_slack_and_never_within_9_min_30_of_the_last_call(sandbox, tmp_path):
    """Access tokens live 600 s; refresh when fewer than ~60 s remain, never within 570 s (+ the stamp
    allowance) of the last token call; expiry counted from when the call was sent."""
    client = make_client(sandbox, tmp_path)
    client.current_division()
    assert client.token_calls == 1
    for offset in (300, 545, 580):  # 545: inside the slack but within 9 min 30 s (+15): keep the token
        sandbox.clock.advance(offset - (sandbox.clock.now() - START))
        client.current_division()
        assert client.token_calls == 1, offset
    sandbox.clock.advance(586 - (sandbox.clock.now() - START))
    client.current_division()
    assert client.token_calls == 2
    assert stats(sandbox)["errors"] == {}  # no token call was refused
    assert json.loads((tmp_path / "tokens.json").read_text())["requested_at"] == START + 586


def test_a_pair_another_process_renewed_is_used_instead_of_a_second_token_call(sandbox, tmp_path):
    """The 9 min 30 s rule across processes: requested_at is read from the token file, so a process whose
    own pair is due takes the one another process just renewed (no token call, no early refusal)."""
    first = make_client(sandbox, tmp_path)
    first.current_division()
    sandbox.clock.advance(586)
    second = make_client(sandbox, tmp_path)  # another process, same token file: renews
    second.current_division()
    assert second.token_calls == 1
    sandbox.clock.advance(4)
    assert first.current_division() == DIV and first.token_calls == 1  # took the file's pair
    assert first._tokens.access_token == second._tokens.access_token
    assert stats(sandbox)["errors"] == {}


def test_a_slow_token_call_does_not_make_the_next_refresh_too_early(sandbox, tmp_path):
    """The issue: expiry counted from before the request, with Exact's own 30 s as the margin, made the
    refresh after a slow token call "too early". Exact stamped the first call 10 s after we sent it."""
    slow = SlowTokenCalls(sandbox.clock, 10)
    client = make_client(sandbox, tmp_path, transport=slow)
    client.current_division()
    slow.seconds = 0  # the next one is quick
    for _ in range(120):  # a call every 5 s through the token's life
        sandbox.clock.advance(5)
        client.current_division()
    assert client.token_calls == 2 and client.tokens.early_refusals == 0
    assert stats(sandbox)["errors"] == {}


@pytest.mark.parametrize("shape", [400, 401], ids=["400 access_denied", "401 older shape"])
def test_an_early_refusal_keeps_the_current_token_until_an_answer_says_it_expired(sandbox, tmp_path, shape):
    """Refused as too early (either shape) while the access token is valid: not an error, keep using
    it; ask again only after a 401 "access token expired". The refusal counts as an error at Exact."""
    admin(sandbox, "PUT", "/exact/settings", {"early_refresh_status": shape})
    slow = SlowTokenCalls(sandbox.clock, 20)  # stamped 20 s late: later than our allowance
    client = make_client(sandbox, tmp_path, transport=slow)
    client.current_division()
    slow.seconds = 0
    sandbox.clock.advance(START + 586 - sandbox.clock.now())  # 586 s after we sent it, 566 s after Exact's stamp
    assert client.current_division() == DIV  # refused early, but the call went through
    assert client.token_calls == 2 and client.tokens.early_refusals == 1
    assert stats(sandbox)["errors"] == {f"{settings.SANDBOX_EXACT_CLIENT_ID}|None|oauth2/token": 1}
    sandbox.clock.advance(18)  # past our own count of its expiry, within Exact's: still no token call
    assert len(all_accounts(client)) == 30 and client.token_calls == 2
    sandbox.clock.advance(20)  # now Exact says it expired: renewed, and the call repeated
    assert len(all_accounts(client)) == 30 and client.token_calls == 3


def test_the_daily_token_cap_is_not_retried_and_says_when_it_resets(sandbox, tmp_path):
    """At most 200 token calls per app, user and day: a refusal is not retried, names the reset
    (00:00 UTC), and a later run does not ask again before it."""
    admin(sandbox, "PUT", "/exact/settings", {"token_limit": 1})
    client = make_client(sandbox, tmp_path, state=durable(tmp_path))
    client.current_division()
    sandbox.clock.advance(settings.EXACT_TOKEN_TTL)
    with pytest.raises(ExactTokenLimitError) as err:
        client.current_division()
    assert client.token_calls == 2 and stats(sandbox)["token_calls_today"] == 2  # one refusal, no retries
    assert "00:00 UTC" in str(err.value) and "2026-01-02T00:00:00" in str(err.value)
    client.close()
    later = make_client(sandbox, tmp_path, state=durable(tmp_path))  # the next run, same day
    with pytest.raises(ExactTokenLimitError):
        later.current_division()
    assert later.token_calls == 0 and stats(sandbox)["token_calls_today"] == 2
    sandbox.clock.advance(MIDNIGHT + 86_400 - sandbox.clock.now() + 1)  # the next UTC day
    assert make_client(sandbox, tmp_path, state=durable(tmp_path)).current_division() == DIV


def test_a_reused_refresh_token_says_what_happened_and_names_make_connect(sandbox, tmp_path):
    """Two copies of the token file refreshing from the same token: 401 unauthorized_client "Old
    refresh token used." gets its own message."""
    first = make_client(sandbox, tmp_path)
    first.current_division()
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(tmp_path / "tokens.json", copy / "tokens.json")
    sandbox.clock.advance(settings.EXACT_TOKEN_TTL)
    first.current_division()  # rotates: the copy's refresh token is spent
    stale_copy = make_client(sandbox, copy)
    with pytest.raises(ExactAuthError) as err:
        stale_copy.current_division()
    message = str(err.value)
    assert "already used" in message and "Old refresh token used" in message and "make connect" in message
    assert str(copy / "tokens.json") in message


def test_a_lost_answer_to_a_token_call_breaks_the_chain_with_a_clear_message(sandbox, tmp_path):
    """Refresh tokens rotate: Exact applied the refresh, its answer was cut on the way. The old token is
    spent, the repeat is "Old refresh token used.", and the message says what may have happened."""

    class DropTheFirstTokenAnswer(httpx.HTTPTransport):
        dropped = False

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path != "/api/oauth2/token" or self.dropped:
                return super().handle_request(request)
            self.dropped = True
            sandbox.faults.drop_rate = 1.0
            try:
                return super().handle_request(request)
            finally:
                sandbox.faults.drop_rate = 0.0

    client = make_client(sandbox, tmp_path, transport=DropTheFirstTokenAnswer())
    with pytest.raises(ExactAuthError) as err:
        client.current_division()
    assert client.token_calls == 2 and "answer to an earlier refresh was lost" in str(err.value)
    assert "make connect" in str(err.value)


def test_an_expired_refresh_token_says_so_and_names_make_connect(sandbox, tmp_path):
    """A refresh token unused for 30 days: 400 invalid_request "The refresh token expired at ..."."""
    client = make_client(sandbox, tmp_path)
    client.current_division()
    sandbox.clock.advance(31 * 86_400)
    with pytest.raises(ExactAuthError) as err:
        make_client(sandbox, tmp_path).current_division()
    message = str(err.value)
    assert "expired" in message and "30 days" in message and "make connect" in message
    assert "The refresh token expired at" in message  # Exact's own words, for the record


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


# ---------------------------------------------------------------------- rate limits


def test_minute_budget_is_spent_then_waited_for_not_429(sandbox, tmp_path):
    """60 calls a minute per division, fixed windows, X-RateLimit-Minutely-* in epoch ms: spend the
    window, then sleep until its reset (frozen clock: the sleep is what moves time)."""
    client = make_client(sandbox, tmp_path)
    for _ in range(settings.EXACT_MINUTE_LIMIT + 15):
        client.accounts_changed_since(DIV, 0)
    assert client.calls[DIV] == settings.EXACT_MINUTE_LIMIT + 15  # no 429 answered, nothing repeated
    assert stats(sandbox)["refused_429"] == 0
    assert client.limits.waited_s == pytest.approx(59.05)  # from 1 s into the window to its end (+margin)
    assert sandbox.clock.now() == pytest.approx(START + 59.05)


def test_429_from_the_minute_window_waits_for_reset(sandbox, tmp_path):
    """A client that starts blind (another one spent the window) learns it from the 429's minutely
    headers and waits for the reset once."""
    spender = make_client(sandbox, tmp_path)
    for _ in range(settings.EXACT_MINUTE_LIMIT):
        spender.accounts_changed_since(DIV, 0)
    client = make_client(sandbox, tmp_path)  # in memory only: knows nothing of the spender
    assert client.accounts_changed_since(DIV, 0)
    assert client.calls[DIV] == 2  # the 429 and the repeat after the window reset
    assert client.retries == 1 and stats(sandbox)["refused_429"] == 1
    assert sandbox.clock.now() == pytest.approx(START + 59.05)


def test_a_new_process_starts_where_the_last_stopped_no_429(sandbox, tmp_path):
    """The budget kept in the sync state: a second process (new client, same state file) knows the
    window is spent and waits for it instead of collecting a 429."""
    spender = make_client(sandbox, tmp_path, state=durable(tmp_path))
    for _ in range(settings.EXACT_MINUTE_LIMIT):
        spender.accounts_changed_since(DIV, 0)
    spender.close()
    client = make_client(sandbox, tmp_path, state=durable(tmp_path))
    assert client.accounts_changed_since(DIV, 0)
    assert client.calls[DIV] == 1 and client.retries == 0
    assert stats(sandbox)["refused_429"] == 0
    assert client.limits.waited_s == pytest.approx(59.05)


def test_the_days_budget_is_remembered_until_midnight(sandbox, tmp_path):
    """5,000 calls a day (X-RateLimit-Remaining / -Reset, 00:00 UTC): a spent day raises without a call,
    in this process and the next, until the reset."""
    admin(sandbox, "PUT", "/exact/settings", {"day_limit": 3})
    client = make_client(sandbox, tmp_path, state=durable(tmp_path))
    for _ in range(3):
        client.accounts_changed_since(DIV, 0)
    with pytest.raises(ExactRateLimitError, match="2026-01-02T00:00:00"):
        client.accounts_changed_since(DIV, 0)
    client.close()
    later = make_client(sandbox, tmp_path, state=durable(tmp_path))
    with pytest.raises(ExactRateLimitError):
        later.accounts_changed_since(DIV, 0)
    assert later.calls[DIV] == 0 and stats(sandbox)["refused_429"] == 0
    sandbox.clock.advance(MIDNIGHT + 86_400 - sandbox.clock.now())
    assert later.accounts_changed_since(DIV, 0)


# ---------------------------------------------------------------------- the hourly error limit and blocks


def test_rejections_stop_before_the_tenth_error_and_resume_after_an_hour(sandbox, tmp_path):
    """More than 10 errors (400/401/403/404) per division and endpoint in an hour block it for an
    hour: the client sends 9 and refuses the rest without sending, also in the next process."""
    client = make_client(sandbox, tmp_path, state=durable(tmp_path))
    account = all_accounts(client)[0]
    outcomes = []
    for _ in range(15):
        try:
            client.update_account(DIV, account["ID"], {"Nope": "x"})  # no such property: 400
            outcomes.append("ok")
        except ExactErrorBudgetError as exc:
            outcomes.append("not sent")
            assert "9 errors" in str(exc) and "crm/Accounts" in str(exc)
        except ExactApiError as exc:
            outcomes.append(exc.status)
    assert outcomes == [400] * 9 + ["not sent"] * 6
    assert stats(sandbox)["errors"] == {f"{settings.SANDBOX_EXACT_CLIENT_ID}|{DIV}|crm/accounts": 9}
    assert stats(sandbox)["blocked"] == []
    assert len(all_accounts(client)) == 30  # other endpoints are not affected
    client.close()
    later = make_client(sandbox, tmp_path, state=durable(tmp_path))
    with pytest.raises(ExactErrorBudgetError):
        later.update_account(DIV, account["ID"], {"Phone": "+31 20 000 0001"})
    assert later.calls[DIV] == 0
    sandbox.clock.advance(3600)
    later.update_account(DIV, account["ID"], {"Phone": "+31 20 000 0001"})
    assert later.get_account(DIV, account["ID"])["Phone"] == "+31 20 000 0001"


@pytest.mark.parametrize("sandbox", [dict(divisions=(DIV, OTHER))], indirect=True)
@pytest.mark.parametrize("block_status", [403, 429], ids=["403", "429 without rate-limit headers"])
def test_a_block_stops_the_division_in_this_and_later_runs(sandbox, tmp_path, block_status):
    """Exact blocked the key (someone else's errors): a 403, or a 429 without rate-limit headers, is
    treated as "blocked": no call to that division until the hour is over; other divisions go on."""
    admin(sandbox, "PUT", "/exact/settings", {"block_status": block_status})
    client = make_client(sandbox, tmp_path, state=durable(tmp_path))
    all_accounts(client)
    headers = {"Authorization": f"Bearer {client._tokens.access_token}", "Accept": "application/json"}
    for _ in range(11):  # another tool's bad requests
        httpx.get(f"{sandbox.url}/api/v1/{DIV}/sync/CRM/Accounts", headers=headers, params={"$filter": "x"})
    with pytest.raises(ExactBlockedError) as err:
        all_accounts(client)
    assert err.value.status == block_status and "blocked" in str(err.value)
    sent = client.calls[DIV]
    with pytest.raises(ExactBlockedError, match="not sent"):
        list(client.departments(DIV))  # the whole division, not only that endpoint
    assert client.calls[DIV] == sent and len(all_accounts(client, OTHER)) == 30
    client.close()
    later = make_client(sandbox, tmp_path, state=durable(tmp_path))
    with pytest.raises(ExactBlockedError, match="not sent"):
        all_accounts(later)
    assert later.calls[DIV] == 0
    sandbox.clock.advance(3601)
    assert len(all_accounts(later)) == 30


# ---------------------------------------------------------------------- faults


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
    assert client.retries == client.retry.max_retries


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


@pytest.mark.parametrize("status, body, headers, kind", [
    (400, {"error": "access_denied", "error_description": "Rate limit exceeded: access_token not expired"}, {},
     "too_early"),
    (401, {"error": "invalid_request"},
     {"WWW-Authenticate": 'Bearer error_description="Access%20Token%20not%20expired"'}, "too_early"),
    (429, {"error": "access_denied", "error_description": "Maximum number of token requests per day reached"}, {},
     "daily_cap"),
    (400, {"error": "invalid_request", "error_description": "The daily limit of token requests is reached"}, {},
     "daily_cap"),
    (429, {}, {}, "daily_cap"),
    (429, {}, {"Retry-After": "2"}, "throttled"),
    (401, {"error": "unauthorized_client", "error_description": "Old refresh token used."}, {}, "old_token"),
    (400, {"error": "invalid_request", "error_description": "The refresh token expired at x and it is now y."},
     {}, "expired_token"),
    (400, {"error": "invalid_grant", "error_description": "The refresh token is invalid."}, {}, "invalid_grant"),
])
def test_every_reported_shape_of_a_token_refusal_is_recognised(status, body, headers, kind):
    """Where the reference lists two shapes (or none is confirmed: the daily cap), the client takes either."""
    from pipelines.exact.oauth import refusal

    assert refusal(status, body, headers) == kind
