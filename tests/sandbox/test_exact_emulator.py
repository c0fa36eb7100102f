"""The Exact Online emulator over real HTTP: OAuth, rate limits, OData paging and filters, writes, sync,
faults and the sandbox admin routes (docs/reference/exact-online-api.md)."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import pytest

from pipelines import settings
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.exact import ExactStore, create_app

DIV, BIG = 101, 102
MIDNIGHT = 1_767_225_600  # 2026-01-01T00:00:00Z
START = MIDNIGHT + 3600 + 1  # one second into a minute window, far from the day's end
ACCOUNT_SELECT = "ID,Timestamp,Name,Code,Email,Modified"


def seed() -> dict:
    small = [
        {"Name": f"Account {i:03d}", "Code": f"C{i:04d}", "Email": f"a{i}@example.com", "City": "Utrecht"}
        for i in range(128)
    ]
    small.append({"Name": "O'Brien & Sons", "Code": "OB1", "Email": "ob@example.com", "Blocked": True})
    small.append({"Name": "Quiet Ltd", "Code": "Q1", "Email": None, "Country": "NL"})
    return {
        "divisions": [
            {"Code": DIV, "Description": "Main", "Status": 1, "Currency": "EUR"},
            {"Code": BIG, "Description": "Big", "Status": 1, "Currency": "EUR"},
        ],
        "accounts": {
            DIV: small,
            str(BIG): [{"Name": f"Big {i}", "Code": f"B{i:05d}"} for i in range(1100)],
        },
        "departments": {DIV: [{"Code": "D01", "Description": "Sales", "Notes": "n"}]},
    }


class Sandbox:
    def __init__(self) -> None:
        self.clock = Clock(speed=0.0, start=START)  # frozen: only clock.advance() moves it
        self.store = ExactStore(self.clock)
        self.store.load_seed(seed())
        self.faults = FaultConfig(seed=1)
        self.server = ServerThread(create_app(self.store, faults=self.faults, clock=self.clock)).start()
        self.url = self.server.url
        self.http = httpx.Client(timeout=10)
        self.tokens = self.token(refresh_token=settings.SANDBOX_EXACT_REFRESH_TOKEN).json()

    def token(self, **form: str) -> httpx.Response:
        data = {
            "grant_type": "refresh_token",
            "client_id": settings.SANDBOX_EXACT_CLIENT_ID,
            "client_secret": settings.SANDBOX_EXACT_CLIENT_SECRET,
            **form,
        }
        return self.http.post(f"{self.url}/api/oauth2/token", data=data)

    def refresh(self) -> None:
        answer = self.token(refresh_token=self.tokens["refresh_token"])
        assert answer.status_code == 200, answer.text
        self.tokens = answer.json()

    def headers(self, **extra: str) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.tokens['access_token']}",
            "Accept": "application/json",
            **extra,
        }

    def get(self, path: str, params: dict | None = None, **extra: str) -> httpx.Response:
        url = path if path.startswith("http") else f"{self.url}/api/v1/{path}"
        return self.http.get(url, params=params, headers=self.headers(**extra))

    def rows(self, path: str, params: dict | None = None) -> list[dict]:
        answer = self.get(path, params)
        assert answer.status_code == 200, answer.text
        return answer.json()["d"]["results"]

    def send(self, method: str, path: str, body: object = None, **extra: str) -> httpx.Response:
        return self.http.request(
            method, f"{self.url}/api/v1/{path}", json=body, headers=self.headers(**extra)
        )

    def admin(self, method: str, path: str, body: object = None) -> httpx.Response:
        answer = self.http.request(method, f"{self.url}/_sandbox/exact{path}", json=body)
        assert answer.status_code == 200, answer.text
        return answer

    def close(self) -> None:
        self.http.close()
        self.server.stop()


@pytest.fixture
def sb():
    sandbox = Sandbox()
    yield sandbox
    sandbox.close()


def error_value(answer: httpx.Response) -> str:
    body = answer.json()
    assert set(body) == {"error"} and body["error"]["code"] == "" and body["error"]["message"]["lang"] == ""
    return body["error"]["message"]["value"]


def pages(sb: Sandbox, path: str, params: dict) -> list[list[dict]]:
    out, answer = [], sb.get(path, params)
    while True:
        assert answer.status_code == 200, answer.text
        d = answer.json()["d"]
        out.append(d["results"])
        if "__next" not in d:
            return out
        answer = sb.get(d["__next"])


# ---------------------------------------------------------------------- OAuth


def test_authorization_code_flow_single_use_and_short_lived(sb):
    params = {
        "client_id": settings.SANDBOX_EXACT_CLIENT_ID,
        "redirect_uri": "http://localhost/cb",
        "response_type": "code",
        "state": "xyz",
    }
    page = sb.http.get(f"{sb.url}/api/oauth2/auth", params=params)  # the login-and-consent page
    assert page.status_code == 200 and 'name="decision"' in page.text
    answer = sb.http.post(f"{sb.url}/api/oauth2/auth", data={**params, "decision": "allow"})
    assert answer.status_code == 302
    location = answer.headers["location"]
    assert location.startswith("http://localhost/cb?") and "%21" in location and "state=xyz" in location
    code = parse_qs(urlsplit(location).query)["code"][0]
    assert "!" in code
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": "http://localhost/cb"}
    first = sb.token(**form)
    assert first.status_code == 200
    body = first.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == "600" and body["refresh_token"]
    again = sb.token(**form)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"

    late = parse_qs(
        urlsplit(sb.http.post(f"{sb.url}/api/oauth2/auth", data={**params, "decision": "allow"})
                 .headers["location"]).query
    )
    sb.clock.advance(181)
    assert sb.token(**{**form, "code": late["code"][0]}).json()["error"] == "invalid_grant"
    assert sb.token(**form, client_secret="wrong").status_code == 400


def test_refresh_tokens_rotate_and_early_refresh_is_refused(sb):
    first = sb.tokens
    assert isinstance(first["expires_in"], str) and first["expires_in"] == "600"
    # the bootstrap token was single use: a rotated-away token is "Old refresh token used."
    spent = sb.token(refresh_token=settings.SANDBOX_EXACT_REFRESH_TOKEN)
    assert spent.status_code == 401
    assert spent.json() == {"error": "unauthorized_client", "error_description": "Old refresh token used."}
    assert sb.token(refresh_token="never-issued").json()["error"] == "invalid_grant"
    # refreshing within 570 s of the last issue is refused, and does not spend the refresh token
    early = sb.token(refresh_token=first["refresh_token"])
    assert early.status_code == 400
    assert early.json() == {"error": "access_denied",
                            "error_description": "Rate limit exceeded: access_token not expired"}
    sb.clock.advance(571)
    second = sb.token(refresh_token=first["refresh_token"])
    assert second.status_code == 200 and second.json()["refresh_token"] != first["refresh_token"]
    old = sb.token(refresh_token=first["refresh_token"])
    assert old.status_code == 401 and old.json()["error"] == "unauthorized_client"


def test_the_older_early_refresh_shape_is_a_401_with_www_authenticate(sb):
    sb.admin("PUT", "/settings", {"early_refresh_status": 401})
    early = sb.token(refresh_token=sb.tokens["refresh_token"])
    assert early.status_code == 401 and "Access Token not expired" in unquote(early.headers["WWW-Authenticate"])


def test_a_refresh_token_unused_for_30_days_expires(sb):
    sb.clock.advance(30 * 86400 + 1)
    expired = sb.token(refresh_token=sb.tokens["refresh_token"])
    assert expired.status_code == 400 and expired.json()["error"] == "invalid_request"
    assert expired.json()["error_description"].startswith("The refresh token expired at 2026-01-31 ")
    assert "and it is now 2026-01-31 " in expired.json()["error_description"]


def test_refused_token_calls_count_towards_the_hourly_error_limit(sb):
    for _ in range(11):
        assert sb.token(refresh_token=sb.tokens["refresh_token"]).status_code == 400  # too early
    blocked = sb.token(refresh_token=sb.tokens["refresh_token"])
    assert blocked.status_code == 403 and "Too many errors" in blocked.json()["error_description"]
    assert sb.admin("GET", "/stats").json()["blocked"] == [f"{settings.SANDBOX_EXACT_CLIENT_ID}|None|oauth2/token"]


def test_the_daily_cap_of_token_calls_answers_429_until_midnight(sb):
    sb.admin("PUT", "/settings", {"token_limit": 2})  # the setup's call was the first of the day
    sb.clock.advance(600)
    sb.refresh()
    sb.clock.advance(600)
    capped = sb.token(refresh_token=sb.tokens["refresh_token"])
    assert capped.status_code == 429 and capped.json()["error"] == "access_denied"
    assert "per day" in capped.json()["error_description"]
    assert "X-RateLimit-Remaining" not in capped.headers
    sb.clock.advance(MIDNIGHT + 86400 - sb.clock.now())
    sb.refresh()


def test_api_auth_failures(sb):
    no_token = sb.http.get(f"{sb.url}/api/v1/{DIV}/crm/Accounts", headers={"Accept": "application/json"})
    assert no_token.status_code == 401 and "WWW-Authenticate" in no_token.headers
    error_value(no_token)
    bad = sb.http.get(
        f"{sb.url}/api/v1/{DIV}/crm/Accounts",
        headers={"Authorization": "Bearer nope", "Accept": "application/json"},
    )
    assert bad.status_code == 401 and "expired" not in unquote(bad.headers["WWW-Authenticate"]).lower()
    assert sb.get(f"{DIV}/crm/Accounts").status_code == 200
    sb.clock.advance(601)
    expired = sb.get(f"{DIV}/crm/Accounts")
    assert expired.status_code == 401
    assert "%20" in expired.headers["WWW-Authenticate"]
    assert "access token expired" in unquote(expired.headers["WWW-Authenticate"]).lower()
    error_value(expired)
    assert sb.get("current/Me").status_code == 401


def test_me_is_not_rate_limited(sb):
    for _ in range(settings.EXACT_MINUTE_LIMIT + 5):
        answer = sb.get("current/Me")
        assert answer.status_code == 200
    assert "X-RateLimit-Remaining" not in answer.headers
    me = answer.json()["d"]["results"][0]
    assert me["CurrentDivision"] == DIV and me["UserID"] and me["FullName"]
    # the division's budget is untouched
    assert sb.get(f"{DIV}/crm/Accounts", {"$top": "1"}).headers["X-RateLimit-Minutely-Remaining"] == "59"


# ---------------------------------------------------------------------- paging, shapes


def test_normal_collection_pages_of_60_follow_next_to_the_end(sb):
    first = sb.get(f"{DIV}/crm/Accounts", {"$select": "ID,Name", "$filter": "City eq 'Utrecht'"})
    next_url = first.json()["d"]["__next"]
    assert next_url.startswith(f"{sb.url}/api/v1/{DIV}/crm/Accounts?")
    assert "$select=ID,Name" in next_url and "$filter=City%20eq%20'Utrecht'" in next_url
    assert "$skiptoken=guid'" in next_url
    got = pages(sb, f"{DIV}/crm/Accounts", {"$select": "ID,Name"})
    assert [len(page) for page in got] == [60, 60, 10]
    rows = [row for page in got for row in page]
    assert len({row["ID"] for row in rows}) == 130
    assert set(rows[0]) == {"__metadata", "ID", "Name"}
    assert rows[0]["__metadata"]["type"] == "Exact.Web.Api.Models.Account"
    assert rows[0]["__metadata"]["uri"].endswith(f"crm/Accounts(guid'{rows[0]['ID']}')")


def test_sync_pages_of_1000_in_timestamp_order(sb):
    params = {"$filter": "Timestamp gt 0L", "$select": ACCOUNT_SELECT}
    started = time.perf_counter()
    got = pages(sb, f"{BIG}/sync/CRM/Accounts", params)
    assert time.perf_counter() - started < 2
    assert [len(page) for page in got] == [1000, 100]
    stamps = [row["Timestamp"] for page in got for row in page]
    assert stamps == sorted(stamps) and len(set(stamps)) == 1100 and stamps[0] == 1
    assert got[0][0]["__metadata"]["type"].startswith("Exact.Web.Api.Models.Sync")
    cursor = stamps[499]
    later = pages(sb, f"{BIG}/sync/CRM/Accounts", {**params, "$filter": f"Timestamp gt {cursor}L"})
    assert [row["Timestamp"] for page in later for row in page] == stamps[500:]
    # sync requires $select, in Exact's error shape
    missing = sb.get(f"{BIG}/sync/CRM/Accounts", {"$filter": "Timestamp gt 0L"})
    assert missing.status_code == 400 and "$select" in error_value(missing)


def test_top_single_entity_select_orderby_inlinecount(sb):
    top = sb.get(f"{DIV}/crm/Accounts", {"$top": "3", "$select": "ID"}).json()
    assert isinstance(top["d"], list) and len(top["d"]) == 3
    one = top["d"][0]["ID"]
    entity = sb.get(f"{DIV}/crm/Accounts(guid'{one}')").json()["d"]
    assert entity["ID"] == one and entity["Division"] == DIV
    assert entity["Created"].startswith("/Date(") and entity["Created"].endswith(")/")
    assert entity["BankAccounts"] == {"__deferred": {"uri": entity["__metadata"]["uri"] + "/BankAccounts"}}
    assert "Timestamp" not in entity  # crm/Accounts has no Timestamp
    assert sb.get(f"{DIV}/crm/Accounts", {"$select": "Timestamp"}).status_code == 400
    missing = sb.get(f"{DIV}/crm/Accounts(guid'00000000-0000-0000-0000-000000000000')")
    assert missing.status_code == 404
    error_value(missing)
    ordered = sb.get(
        f"{DIV}/crm/Accounts",
        {"$select": "Name", "$orderby": "Name desc", "$inlinecount": "allpages", "$filter": "City ne null"},
    ).json()["d"]
    assert ordered["__count"] == "128"
    assert ordered["results"][0]["Name"] == "Account 127" and ordered["results"][1]["Name"] == "Account 126"
    rest = pages(sb, f"{DIV}/crm/Accounts", {"$select": "Name", "$orderby": "Name asc"})
    names = [row["Name"] for page in rest for row in page]
    assert names == sorted(names, key=str.lower) and len(names) == 130


def test_filter_operators_and_literals(sb):
    rows = sb.rows(
        f"{BIG}/sync/CRM/Accounts",
        {"$filter": "Timestamp ge 10L and Timestamp lt 20L", "$select": "Timestamp"},
    )
    assert [row["Timestamp"] for row in rows] == list(range(10, 20))
    rows = sb.rows(
        f"{BIG}/sync/CRM/Accounts",
        {"$filter": "(Timestamp le 2L or Timestamp gt 1098L) and Timestamp ne 1100", "$select": "Timestamp"},
    )
    assert [row["Timestamp"] for row in rows] == [1, 2, 1099]

    def names(expression: str) -> list[str]:
        got = pages(sb, f"{DIV}/crm/Accounts", {"$filter": expression, "$select": "Name"})
        return sorted(row["Name"] for page in got for row in page)

    assert names("Name eq 'O''Brien & Sons'") == ["O'Brien & Sons"]
    assert names("Name eq 'quiet ltd'") == ["Quiet Ltd"]  # SQL Server collation ignores case
    assert names("Blocked eq true") == ["O'Brien & Sons"]
    assert names("Email eq null") == ["Quiet Ltd"]
    assert names("Name ge 'P' and Name lt 'R'") == ["Quiet Ltd"]
    assert names("startswith(Name, 'Account 12') and Name ne 'Account 120'") == [
        f"Account {i}" for i in range(121, 128)
    ]
    target = sb.get(f"{DIV}/crm/Accounts", {"$top": "1", "$select": "ID,Name,Modified"}).json()["d"][0]
    assert names(f"ID eq guid'{target['ID'].upper()}'") == [target["Name"]]
    modified_ms = int(target["Modified"][6:-2])
    assert len(names("Modified ge datetime'2026-01-01T01:00:00'")) == 130
    assert modified_ms == START * 1000
    assert names("Modified gt datetime'2026-01-01T01:00:01.000'") == []
    assert len(names("Modified le datetime'2026-01-01T01:00:01'")) == 130


@pytest.mark.parametrize(
    "expression, fragment",
    [
        ("Nope eq 1", "Nope"),
        ("Name eq", "Syntax error"),
        ("Name eq 'unterminated", "Syntax error"),
        ("ID eq 'not-a-guid-literal'", "incompatible"),
        ("Name eq Code", "two properties"),
        ("(Name eq 'a'", "')'"),
        ("Modified gt datetime'yesterday'", "datetime"),
    ],
)
def test_bad_filter_is_a_400_in_exacts_error_shape(sb, expression, fragment):
    answer = sb.get(f"{DIV}/crm/Accounts", {"$filter": expression})
    assert answer.status_code == 400
    assert fragment in error_value(answer)


def test_code_is_padded_to_18_and_filters_need_the_spaces(sb):
    row = sb.rows(f"{DIV}/crm/Accounts", {"$filter": "Name eq 'Quiet Ltd'", "$select": "Code"})[0]
    assert row["Code"] == " " * 16 + "Q1" and len(row["Code"]) == 18
    assert sb.rows(f"{DIV}/crm/Accounts", {"$filter": "Code eq 'Q1'"}) == []
    assert len(sb.rows(f"{DIV}/crm/Accounts", {"$filter": f"Code eq '{'Q1':>18}'"})) == 1


# ---------------------------------------------------------------------- writes and sync


def test_post_put_delete_and_the_sync_feeds(sb):
    plain = sb.send("POST", f"{DIV}/crm/Accounts", {"Name": "Plain BV"})
    assert plain.status_code == 201
    assert all(value is None for key, value in plain.json()["d"].items() if key != "__metadata")
    assert "crm/Accounts(guid'" in plain.headers["Location"]

    created = sb.send(
        "POST", f"{DIV}/crm/Accounts", {"Name": "New BV", "Code": "N1", "Created": "/Date(0)/"},
        Prefer="return=representation",
    )  # fmt: skip
    assert created.status_code == 201
    record = created.json()["d"]
    assert (
        record["Name"] == "New BV" and record["Code"] == "N1".rjust(18) and record["Created"] != "/Date(0)/"
    )
    account = record["ID"]
    assert sb.send("POST", f"{DIV}/crm/Accounts", {"Email": "x@example.com"}).status_code == 400
    assert sb.send("POST", f"{DIV}/crm/Accounts", {"Name": "X", "Colour": "red"}).status_code == 400
    assert sb.send("POST", f"{DIV}/crm/Accounts", {"Name": "Dup", "Code": "N1"}).status_code == 400

    sync = {"$select": "ID,Timestamp,Email,Modified", "$filter": "Timestamp gt 0L"}
    before = {row["ID"]: row for row in sb.rows(f"{DIV}/sync/CRM/Accounts", sync)}[account]
    sb.clock.advance(5)
    put = sb.send(
        "PUT", f"{DIV}/crm/Accounts(guid'{account}')", {"Email": "new@example.com", "Modified": "x"}
    )
    assert put.status_code == 204 and put.content == b""
    after = sb.rows(f"{DIV}/sync/CRM/Accounts", {**sync, "$filter": f"Timestamp gt {before['Timestamp']}L"})
    assert [row["ID"] for row in after] == [account]
    assert after[0]["Email"] == "new@example.com" and after[0]["Timestamp"] == before["Timestamp"] + 1
    assert int(after[0]["Modified"][6:-2]) == int(before["Modified"][6:-2]) + 5000
    assert sb.send("PUT", f"{DIV}/crm/Accounts(guid'{account}')", {"Bogus": 1}).status_code == 400

    deleted = sb.send("DELETE", f"{DIV}/crm/Accounts(guid'{account}')")
    assert deleted.status_code == 204
    assert sb.get(f"{DIV}/crm/Accounts(guid'{account}')").status_code == 404
    feed = sb.rows(
        f"{DIV}/sync/Deleted",
        {"$select": "EntityKey,EntityType,DeletedDate,Timestamp,Division,ID",
         "$filter": f"Timestamp gt {after[0]['Timestamp']}L and EntityType eq 2"},
    )  # fmt: skip
    assert len(feed) == 1 and feed[0]["EntityKey"] == account and feed[0]["Division"] == DIV
    assert feed[0]["Timestamp"] > after[0]["Timestamp"] and feed[0]["DeletedDate"].startswith("/Date(")
    assert sb.rows(f"{DIV}/sync/Deleted", {"$select": "ID", "$filter": "EntityType eq 3"}) == []


def test_divisions_and_departments(sb):
    divisions = sb.rows(f"{DIV}/system/Divisions")
    assert [row["Code"] for row in divisions] == [DIV, BIG]
    assert divisions[0]["DivisionMoveDate"] is None and divisions[0]["Modified"].startswith("/Date(")
    assert divisions[0]["__metadata"]["uri"].endswith(f"system/Divisions({DIV})")
    assert sb.get(f"{DIV}/system/Divisions({BIG})").json()["d"]["Description"] == "Big"
    departments = sb.rows(f"{DIV}/hrm/Departments")
    assert [row["Code"] for row in departments] == ["D01"] and "Costcenter" in departments[0]
    assert sb.send("POST", f"{DIV}/hrm/Departments", {"Code": "D02"}).status_code == 405
    assert departments[0]["Modified"] == f"/Date({START * 1000})/"
    sb.clock.advance(10)
    dep = sb.admin("POST", f"/{DIV}/departments", {"Code": "D02", "Description": "Support"}).json()
    sb.admin("PATCH", f"/{DIV}/departments/{departments[0]['ID']}", {"Notes": "edited"})
    changed = sb.rows(f"{DIV}/hrm/Departments", {"$filter": "Modified gt datetime'2026-01-01T01:00:05'"})
    assert sorted(row["Code"] for row in changed) == ["D01", "D02"]
    sb.admin("DELETE", f"/{DIV}/departments/{dep['ID']}")
    assert [row["Code"] for row in sb.rows(f"{DIV}/hrm/Departments")] == ["D01"]


def test_admin_division_edit_as_a_user(sb):
    before = sb.rows(f"{DIV}/system/Divisions", {"$select": "Code,Description,Modified"})[0]
    sb.clock.advance(5)
    edited = sb.admin("PATCH", f"/{DIV}", {"Description": "Main Holding", "VATNumber": "NL001B01"}).json()
    assert edited["Description"] == "Main Holding" and edited["Modified"] != before["Modified"]
    row = sb.rows(f"{DIV}/system/Divisions", {"$select": "Code,Description,VATNumber"})[0]
    assert (row["Description"], row["VATNumber"]) == ("Main Holding", "NL001B01")
    refused = sb.http.patch(f"{sb.url}/_sandbox/exact/{DIV}", json={"Code": 9})
    assert refused.status_code == 400


def test_a_405_names_the_allowed_methods(sb):
    answer = sb.send("POST", f"{DIV}/system/Divisions", {"Description": "x"})
    assert answer.status_code == 405 and answer.headers["Allow"] == "GET"
    account = sb.rows(f"{DIV}/crm/Accounts", {"$top": "1", "$select": "ID", "$inlinecount": "allpages"})[0]
    answer = sb.send("POST", f"{DIV}/crm/Accounts(guid'{account['ID']}')", {"Name": "x"})
    assert answer.status_code == 405 and answer.headers["Allow"] == "GET, PUT, DELETE"


def test_admin_edit_delete_and_division_move(sb):
    sync = {"$select": "ID,Timestamp,City", "$filter": "Timestamp gt 130L"}
    target = sb.rows(f"{DIV}/crm/Accounts", {"$filter": "Name eq 'Account 005'", "$select": "ID"})[0]["ID"]
    edited = sb.admin("PATCH", f"/{DIV}/accounts/{target}", {"City": "Delft"}).json()
    assert edited["City"] == "Delft" and "_ts" not in edited
    assert [(row["ID"], row["Timestamp"]) for row in sb.rows(f"{DIV}/sync/CRM/Accounts", sync)] == [
        (target, 131)
    ]
    sb.admin("DELETE", f"/{DIV}/accounts/{target}")
    feed = sb.rows(f"{DIV}/sync/Deleted", {"$select": "EntityKey,Timestamp", "$filter": "Timestamp gt 0L"})
    assert feed == [{"__metadata": feed[0]["__metadata"], "EntityKey": target, "Timestamp": 132}]

    sb.admin("POST", f"/{BIG}/move")
    division = sb.get(f"{DIV}/system/Divisions({BIG})").json()["d"]
    assert abs(int(division["DivisionMoveDate"][6:-2]) - sb.clock.now() * 1000) < 5000
    stamps = [row["Timestamp"] for page in pages(sb, f"{BIG}/sync/CRM/Accounts", {"$select": "Timestamp"})
              for row in page]  # fmt: skip
    assert stamps == list(range(1, 1101))
    # the other division keeps its numbering
    assert [row["Timestamp"] for row in sb.rows(f"{DIV}/sync/Deleted", {"$select": "Timestamp"})] == [132]


def test_expire_tokens_and_reset_limits_admin_routes(sb):
    assert sb.get(f"{DIV}/crm/Accounts", {"$top": "1"}).headers["X-RateLimit-Minutely-Remaining"] == "59"
    sb.admin("POST", "/ratelimits/reset")
    assert sb.get(f"{DIV}/crm/Accounts", {"$top": "1"}).headers["X-RateLimit-Minutely-Remaining"] == "59"
    sb.admin("POST", "/tokens/expire")
    expired = sb.get(f"{DIV}/crm/Accounts", {"$top": "1"})
    assert expired.status_code == 401 and "expired" in unquote(expired.headers["WWW-Authenticate"])


# ---------------------------------------------------------------------- rate limits and errors


def test_minute_window_429_and_next_window(sb):
    for number in range(1, 61):
        answer = sb.get(f"{DIV}/crm/Accounts", {"$top": "1", "$select": "ID"})
        assert answer.status_code == 200
        assert answer.headers["X-RateLimit-Minutely-Remaining"] == str(60 - number)
    assert answer.headers["X-RateLimit-Minutely-Limit"] == "60"
    assert answer.headers["X-RateLimit-Minutely-Reset"] == str((START // 60 + 1) * 60_000)
    assert answer.headers["X-RateLimit-Limit"] == "5000" and answer.headers["X-RateLimit-Remaining"] == "4940"
    assert answer.headers["X-RateLimit-Reset"] == str((MIDNIGHT + 86400) * 1000)
    refused = sb.get(f"{DIV}/crm/Accounts", {"$top": "1"})
    assert refused.status_code == 429
    assert refused.headers["X-RateLimit-Minutely-Remaining"] == "0"
    assert "X-RateLimit-Limit" not in refused.headers and "X-RateLimit-Remaining" not in refused.headers
    error_value(refused)
    assert sb.get(f"{BIG}/crm/Accounts", {"$top": "1"}).status_code == 200  # per division
    sb.clock.advance(60)
    again = sb.get(f"{DIV}/crm/Accounts", {"$top": "1"})
    assert again.status_code == 200 and again.headers["X-RateLimit-Minutely-Remaining"] == "59"
    assert again.headers["X-RateLimit-Remaining"] == "4939"


def test_day_limit_429_carries_daily_headers(sb):
    sb.store.day_limit = 3
    for _ in range(3):
        assert sb.get(f"{DIV}/crm/Accounts", {"$top": "1"}).status_code == 200
    refused = sb.get(f"{DIV}/crm/Accounts", {"$top": "1"})
    assert refused.status_code == 429 and refused.headers["X-RateLimit-Remaining"] == "0"
    assert "X-RateLimit-Minutely-Remaining" not in refused.headers
    sb.clock.advance(MIDNIGHT + 86400 - START)  # the next UTC day
    sb.refresh()
    assert sb.get(f"{DIV}/crm/Accounts", {"$top": "1"}).status_code == 200


def test_more_than_ten_errors_block_the_endpoint_for_an_hour(sb):
    for _ in range(11):
        assert sb.get(f"{DIV}/crm/Accounts", {"$filter": "Nope eq 1"}).status_code == 400
    blocked = sb.get(f"{DIV}/crm/Accounts", {"$top": "1"})
    assert blocked.status_code == 403 and "Too many errors" in error_value(blocked)
    sb.admin("PUT", "/settings", {"block_status": 429})  # the other reading: a 429 without rate headers
    bare = sb.get(f"{DIV}/crm/Accounts", {"$top": "1"})
    assert bare.status_code == 429 and not [name for name in bare.headers if name.lower().startswith("x-ratelimit")]
    assert sb.admin("GET", "/stats").json()["refused_blocked"] == 2
    assert sb.get(f"{DIV}/hrm/Departments").status_code == 200  # per endpoint
    assert sb.get(f"{BIG}/crm/Accounts", {"$top": "1"}).status_code == 200  # per division
    sb.clock.advance(3601)
    sb.refresh()
    assert sb.get(f"{DIV}/crm/Accounts", {"$top": "1"}).status_code == 200


def test_unknown_division_entity_and_missing_accept(sb):
    forbidden = sb.get("999/crm/Accounts")
    assert forbidden.status_code == 403
    error_value(forbidden)
    unknown = sb.get(f"{DIV}/crm/Nope")
    assert unknown.status_code == 404
    error_value(unknown)
    xml = sb.http.get(
        f"{sb.url}/api/v1/{DIV}/crm/Accounts",
        headers={"Authorization": f"Bearer {sb.tokens['access_token']}"},
    )
    assert xml.status_code == 406 and xml.text.startswith("<?xml")
    assert sb.get(f"{DIV}/crm/Accounts", {"$format": "json", "$top": "1"}, Accept="*/*").status_code == 200
    assert sb.get(f"{DIV}/crm/Accounts", {"$expand": "X"}).status_code == 400


# ---------------------------------------------------------------------- faults


def test_fault_injection_uses_exacts_shapes(sb):
    sb.faults.burst_429 = 2
    for _ in range(2):
        throttled = sb.get(f"{DIV}/crm/Accounts", {"$top": "1"})
        assert throttled.status_code == 429 and "X-RateLimit-Minutely-Reset" in throttled.headers
        assert "X-RateLimit-Limit" not in throttled.headers
        error_value(throttled)
    assert sb.get(f"{DIV}/crm/Accounts", {"$top": "1"}).status_code == 200

    sb.faults.error_rate = 1.0
    failing = sb.get(f"{DIV}/crm/Accounts")
    assert failing.status_code in (500, 503)
    error_value(failing)
    sb.faults.error_rate = 0.0

    sb.faults.drop_rate = 1.0
    with pytest.raises(httpx.RemoteProtocolError):
        sb.get(f"{DIV}/crm/Accounts")
    sb.faults.drop_rate = 0.0

    sb.faults.latency_ms = 200
    started = time.perf_counter()
    assert sb.get("current/Me").status_code == 200
    assert time.perf_counter() - started >= 0.2
    sb.faults.latency_ms = 0


# ---------------------------------------------------------------------- persistence and scale


def test_state_round_trip_keeps_data_and_token_rotation(sb):
    sb.store.dirty = False
    state = json.loads(json.dumps(sb.store.to_state()))
    restored = ExactStore.from_state(state, sb.clock)
    assert len(restored.divisions[BIG].accounts) == 1100
    server = ServerThread(create_app(restored, clock=sb.clock)).start()
    try:
        headers = sb.headers()
        rows = httpx.get(
            f"{server.url}/api/v1/{BIG}/sync/CRM/Accounts",
            params={"$select": "Timestamp", "$filter": "Timestamp gt 1095L"},
            headers=headers,
        ).json()["d"]["results"]
        assert [row["Timestamp"] for row in rows] == [1096, 1097, 1098, 1099, 1100]
        spent = httpx.post(
            f"{server.url}/api/oauth2/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": settings.SANDBOX_EXACT_REFRESH_TOKEN,
                "client_id": settings.SANDBOX_EXACT_CLIENT_ID,
                "client_secret": settings.SANDBOX_EXACT_CLIENT_SECRET,
            },
        )
        assert spent.status_code == 401 and spent.json()["error"] == "unauthorized_client"  # kept as spent
        created = restored.add_account(BIG, {"Name": "After Restore"})
        assert restored.dirty and created["_ts"] == 1101
    finally:
        server.stop()


def test_100k_accounts_sync_to_the_end_in_seconds():
    clock = Clock(start=START)
    store = ExactStore(clock)
    accounts = [{"Name": f"Account {i}", "Code": f"C{i:06d}", "Email": f"a{i}@x.com"} for i in range(100_000)]
    store.load_seed({"divisions": [{"Code": DIV}], "accounts": {DIV: accounts}})
    store.minute_limit = 1000
    server = ServerThread(create_app(store, clock=clock)).start()
    try:
        with httpx.Client(timeout=30) as http:
            token = http.post(
                f"{server.url}/api/oauth2/token",
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": settings.SANDBOX_EXACT_REFRESH_TOKEN,
                    "client_id": settings.SANDBOX_EXACT_CLIENT_ID,
                    "client_secret": settings.SANDBOX_EXACT_CLIENT_SECRET,
                },
            ).json()["access_token"]
            http.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
            started = time.perf_counter()
            url: str | None = f"{server.url}/api/v1/{DIV}/sync/CRM/Accounts?$select={ACCOUNT_SELECT}"
            seen = 0
            while url:
                d = http.get(url).json()["d"]
                seen += len(d["results"])
                url = d.get("__next")
            assert seen == 100_000
            assert time.perf_counter() - started < 10
    finally:
        server.stop()
