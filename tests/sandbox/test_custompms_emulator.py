"""The CustomPMS emulator over real HTTP (pipelines/custompms/openapi.yaml): auth, cursor paging, filters,
writes with versions and If-Match, idempotency, validation, rate limits, faults and the admin routes."""

from __future__ import annotations

import base64
import json
import re
import time

import httpx
import pytest
import yaml
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from pipelines import settings
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.custompms import CustomPMSStore, create_app, decode_cursor, encode_cursor, iso_ms

KEY = settings.SANDBOX_CUSTOMPMS_KEY
START = 1_795_000_000  # 2026-11-18T...Z, a whole second
SEEDED = 250
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
CUSTOMER_ID = re.compile(r"cus_[0-9A-HJKMNP-TV-Z]{26}")


def customer(i: int, **extra) -> dict:
    return {
        "name": f"Customer {i}",
        "email": f"c{i}@example.com",
        "currency": "EUR",
        "address": {"line1": f"Street {i}", "postal_code": "1011AB", "city": "Amsterdam", "country": "NL"},
        "contact": {"first_name": "Ann", "last_name": f"Lee{i}"},
        "external_refs": [{"system": "exact", "id": f"acc-{i}"}],
        **extra,
    }


class Sandbox:
    """One emulator on a free port with a frozen clock (only `clock.advance()` moves it)."""

    def __init__(self, store: CustomPMSStore | None = None, clock: Clock | None = None) -> None:
        self.clock = clock or Clock(speed=0.0, start=START)
        if store is None:
            store = CustomPMSStore(self.clock)
            store.load_seed({"customers": [customer(i) for i in range(SEEDED)]})
        self.store = store
        self.faults = FaultConfig(seed=3)
        self.server = ServerThread(create_app(store, faults=self.faults, clock=self.clock)).start()
        self.http = httpx.Client(
            base_url=self.server.url, timeout=10, headers={"Authorization": f"Bearer {KEY}"}
        )
        self.admin = httpx.Client(base_url=f"{self.server.url}/_sandbox", timeout=10)

    def list(self, **params) -> httpx.Response:
        return self.http.get("/api/v1/customers", params=params)

    def all(self, **params) -> list[dict]:
        """Every row, following next_cursor; asserts no empty page beyond the first."""
        rows, cursor = [], params.pop("cursor", None)
        while True:
            answer = self.list(**params, **({"cursor": cursor} if cursor else {}))
            assert answer.status_code == 200, answer.text
            page = answer.json()
            assert set(page) == {"data", "next_cursor"}
            assert page["data"] or not rows  # an empty page only when nothing matches at all
            rows += page["data"]
            cursor = page["next_cursor"]
            if cursor is None:
                return rows

    def create(self, body: dict, key: str | None = None) -> httpx.Response:
        headers = {"Idempotency-Key": key} if key else {}
        return self.http.post("/api/v1/customers", json=body, headers=headers)

    def get(self, cid: str) -> httpx.Response:
        return self.http.get(f"/api/v1/customers/{cid}")

    def patch(self, cid: str, body: dict, if_match: str | None = None) -> httpx.Response:
        headers = {"If-Match": if_match} if if_match is not None else {}
        return self.http.patch(f"/api/v1/customers/{cid}", json=body, headers=headers)

    def delete(self, cid: str) -> httpx.Response:
        return self.http.delete(f"/api/v1/customers/{cid}")

    def close(self) -> None:
        self.http.close()
        self.admin.close()
        self.server.stop()


@pytest.fixture
def sb():
    sandbox = Sandbox()
    yield sandbox
    sandbox.close()


@pytest.fixture(scope="module")
def shared():
    """One emulator for the tests that change nothing (starting a server per case would dominate)."""
    sandbox = Sandbox()
    yield sandbox
    sandbox.close()


def error_of(answer: httpx.Response, status: int, code: str) -> dict:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    error = answer.json()["error"]
    assert error["code"] == code and isinstance(error["message"], str) and error["message"]
    return error


# ---------------------------------------------------------------------- auth


def test_auth_is_a_bearer_api_key(shared):
    for headers in (
        {"Authorization": ""},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {KEY}"},
    ):
        answer = httpx.get(f"{shared.server.url}/api/v1/customers", headers=headers)
        error_of(answer, 401, "unauthorized")
        assert answer.headers["www-authenticate"].startswith("Bearer")
    error_of(httpx.get(f"{shared.server.url}/api/v1/customers/x"), 401, "unauthorized")
    assert shared.list(limit=1).status_code == 200
    assert shared.admin.get("/custompms/stats").status_code == 200  # admin routes need no key


# ---------------------------------------------------------------------- listing


def test_paging_to_the_end_in_order(sb):
    rows = sb.all(limit=100)
    assert len(rows) == SEEDED == len({row["id"] for row in rows})
    keys = [(row["updated_at"], row["id"]) for row in rows]
    assert keys == sorted(keys)
    # the seed is stamped 1 ms apart, the last one "now", ids in seed order
    assert (
        rows[-1]["updated_at"] == iso_ms(START * 1000) and len({row["updated_at"] for row in rows}) == SEEDED
    )
    assert [row["name"] for row in rows] == [f"Customer {i}" for i in range(SEEDED)]
    pages = [sb.list(limit=125), None]
    pages[1] = sb.list(limit=125, cursor=pages[0].json()["next_cursor"])
    assert [len(p.json()["data"]) for p in pages] == [125, 125]
    assert pages[1].json()["next_cursor"] is None  # exactly full last page: no empty page after it


def test_customer_shape(shared):
    row = shared.list(limit=1).json()["data"][0]
    assert list(row) == [
        "id", "version", "name", "kind", "code", "email", "phone", "mobile", "fax", "website", "notes",
        "vat_number", "registration_number", "currency", "address", "contact", "active", "external_refs",
        "created_at", "updated_at", "deleted",
    ]  # fmt: skip
    assert CUSTOMER_ID.fullmatch(row["id"]) and STAMP.fullmatch(row["created_at"])
    assert row["address"] == {
        "line1": "Street 0", "line2": None, "line3": None, "postal_code": "1011AB", "city": "Amsterdam",
        "region": None, "country": "NL",
    }  # fmt: skip
    assert (row["kind"], row["active"], row["deleted"], row["version"]) == ("organisation", True, False, 1)


def test_cursor_is_stable_while_records_change(sb):
    first = sb.list(limit=100).json()
    seen_early, late = first["data"][10], sb.all()[200]
    sb.clock.advance(1)
    assert sb.patch(seen_early["id"], {"notes": "edited after it was read"}).status_code == 200
    assert sb.patch(late["id"], {"notes": "edited before it was read"}).status_code == 200
    created = sb.create(customer(9000)).json()
    rest, cursor = [], first["next_cursor"]
    while cursor:
        page = sb.list(limit=100, cursor=cursor).json()
        rest += page["data"]
        cursor = page["next_cursor"]
    ids = [row["id"] for row in first["data"] + rest]
    assert len(set(ids)) == SEEDED + 1  # nobody skipped
    assert ids.count(seen_early["id"]) == 2 and ids.count(late["id"]) == 1  # moved to the end
    assert [row["id"] for row in rest[-3:]] == sorted([seen_early["id"], late["id"], created["id"]])
    assert rest[-3]["updated_at"] == iso_ms((START + 1) * 1000)


def test_updated_since_is_strictly_greater(sb):
    rows = sb.all()
    pivot = rows[100]["updated_at"]
    later = sb.all(updated_since=pivot)
    assert [row["id"] for row in later] == [row["id"] for row in rows[101:]]
    # the same instant written another way, and a sub-millisecond instant inside the pivot's millisecond
    assert sb.all(updated_since=pivot.replace("Z", "+00:00")) == later
    assert sb.all(updated_since=pivot.replace("Z", "4999Z")) == later
    assert sb.all(updated_since=rows[99]["updated_at"].replace("Z", "9Z"))[0]["id"] == rows[100]["id"]
    # ties: two customers stamped exactly at the pivot are both excluded, and ordered by id
    for row in rows[:2]:
        sb.admin.put(
            f"/custompms/customers/{row['id']}/updated_at", json={"updated_at": pivot}
        ).raise_for_status()
    assert [row["id"] for row in sb.all(updated_since=pivot)] == [row["id"] for row in rows[101:]]
    at_pivot = [row for row in sb.all() if row["updated_at"] == pivot]
    assert [row["id"] for row in at_pivot] == sorted(row["id"] for row in [rows[0], rows[1], rows[100]])
    assert sb.all(updated_since="2099-01-01T00:00:00Z") == []
    assert sb.list(updated_since="2099-01-01T00:00:00Z").json() == {"data": [], "next_cursor": None}


def test_cursor_and_updated_since_start_after_the_later_one(sb):
    rows = sb.all()
    cursor = sb.list(limit=50).json()["next_cursor"]
    after_both = sb.all(cursor=cursor, updated_since=rows[120]["updated_at"])
    assert after_both[0]["id"] == rows[121]["id"]
    assert sb.all(cursor=cursor, updated_since=rows[10]["updated_at"])[0]["id"] == rows[50]["id"]


def test_include_deleted_and_external_ref(sb):
    rows = sb.all()
    gone = rows[5]
    sb.clock.advance(0.001)
    assert sb.delete(gone["id"]).status_code == 204
    assert gone["id"] not in {row["id"] for row in sb.all()}
    with_deleted = sb.all(include_deleted="true")
    assert (
        len(with_deleted) == SEEDED and with_deleted[-1]["id"] == gone["id"] and with_deleted[-1]["deleted"]
    )
    assert sb.get(gone["id"]).json()["deleted"] is True

    assert [row["id"] for row in sb.all(external_ref="exact:acc-7")] == [rows[7]["id"]]
    assert sb.all(external_ref="exact:acc-") == [] and sb.all(external_ref="EXACT:acc-7") == []
    assert sb.all(external_ref="exact:acc-5") == []  # deleted
    assert [row["id"] for row in sb.all(external_ref="exact:acc-5", include_deleted="true")] == [gone["id"]]
    # refs change with a PATCH; two customers may share a ref (a duplicate the sync has to notice)
    sb.patch(
        rows[8]["id"],
        {"external_refs": [{"system": "exact", "id": "acc-7"}, {"system": "wave", "id": "w:1"}]},
    )
    assert [row["id"] for row in sb.all(external_ref="exact:acc-7")] == [rows[7]["id"], rows[8]["id"]]
    assert sb.all(external_ref="exact:acc-8") == []
    assert [row["id"] for row in sb.all(external_ref="wave:w:1")] == [rows[8]["id"]]
    page = sb.list(external_ref="exact:acc-7", limit=1).json()
    assert [row["id"] for row in sb.all(external_ref="exact:acc-7", cursor=page["next_cursor"])] == [
        rows[8]["id"]
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"}, {"limit": "501"}, {"limit": "ten"}, {"limit": "-1"}, {"limit": "1.5"},
        {"include_deleted": "maybe"}, {"updated_since": "yesterday"}, {"updated_since": "2026-11-22"},
        {"updated_since": "2026-11-22T10:00:00"}, {"cursor": "not-a-cursor"}, {"cursor": ""},
    ],
)  # fmt: skip
def test_bad_list_parameters_are_400(shared, params):
    error_of(shared.list(**params), 400, "bad_request")


def test_limit_bounds_and_tampered_cursor(shared):
    assert len(shared.list(limit=1).json()["data"]) == 1
    assert len(shared.list(limit=500).json()["data"]) == SEEDED
    assert len(shared.list().json()["data"]) == 100  # the default
    cursor = shared.list(limit=10).json()["next_cursor"]
    position = decode_cursor(cursor)
    forged = encode_cursor(position)[:-2] + ("AA" if not encode_cursor(position).endswith("AA") else "BB")
    error_of(shared.list(cursor=forged), 400, "bad_request")
    raw = json.dumps(list(position)).encode()
    unsigned = base64.urlsafe_b64encode(b"\0" * 8 + raw).decode().rstrip("=")
    error_of(shared.list(cursor=unsigned), 400, "bad_request")


# ---------------------------------------------------------------------- create, get, patch, delete


def test_create_get_patch_delete(sb):
    sb.clock.advance(5.123)
    answer = sb.create({"name": "Solo", "kind": "person", "address": {"city": "Gent", "country": "BE"}})
    assert answer.status_code == 201 and answer.headers["etag"] == 'W/"1"'
    made = answer.json()
    assert CUSTOMER_ID.fullmatch(made["id"]) and made["id"] > sb.all()[-2]["id"]  # time-ordered ids
    assert made["created_at"] == made["updated_at"] == iso_ms(START * 1000 + 5123)
    assert answer.headers["location"] == f"/api/v1/customers/{made['id']}"
    assert (made["version"], made["kind"], made["active"], made["external_refs"]) == (1, "person", True, [])
    got = sb.get(made["id"])
    assert got.json() == made and got.headers["etag"] == 'W/"1"'

    sb.clock.advance(1)
    answer = sb.patch(made["id"], {"address": {"line1": "Kouter 1", "city": None}, "email": "s@example.be"})
    patched = answer.json()
    assert answer.status_code == 200 and answer.headers["etag"] == 'W/"2"' and patched["version"] == 2
    assert patched["address"]["line1"] == "Kouter 1" and patched["address"]["city"] is None  # null clears
    assert patched["address"]["country"] == "BE" and patched["name"] == "Solo"  # absent ones stay
    assert (
        patched["updated_at"] == iso_ms(START * 1000 + 6123) and patched["created_at"] == made["created_at"]
    )

    sb.clock.advance(1)
    assert sb.delete(made["id"]).status_code == 204
    deleted = sb.get(made["id"]).json()
    assert (
        deleted["deleted"] is True
        and deleted["version"] == 3
        and deleted["updated_at"] > patched["updated_at"]
    )
    error_of(sb.patch(made["id"], {"notes": "x"}), 404, "not_found")
    sb.clock.advance(1)
    assert sb.delete(made["id"]).status_code == 204  # deleting again changes nothing
    assert sb.get(made["id"]).json() == deleted
    for answer in (sb.get("cus_nope"), sb.patch("cus_nope", {"notes": "x"}), sb.delete("cus_nope")):
        error_of(answer, 404, "not_found")


def test_patch_that_changes_nothing_keeps_the_version(sb):
    row = sb.all()[0]
    sb.clock.advance(1)
    same = {"name": row["name"], "address": {"city": row["address"]["city"]}, "phone": None}
    answer = sb.patch(row["id"], same, if_match='W/"1"')
    assert answer.status_code == 200 and answer.json() == row and answer.headers["etag"] == 'W/"1"'
    assert sb.all()[0] == row  # not moved to the end either: a write-back of what was read is quiet


def test_if_match(sb):
    row = sb.all()[0]
    assert sb.patch(row["id"], {"notes": "a"}, if_match='W/"1"').json()["version"] == 2
    assert sb.patch(row["id"], {"notes": "b"}, if_match="2").json()["version"] == 3
    assert sb.patch(row["id"], {"notes": "c"}, if_match='"3"').json()["version"] == 4
    before = sb.get(row["id"]).json()
    for stale in ('W/"3"', "1", "garbage", ""):
        answer = sb.patch(row["id"], {"notes": "lost"}, if_match=stale)
        error_of(answer, 412, "version_mismatch")
        assert answer.headers["etag"] == 'W/"4"'
    assert sb.get(row["id"]).json() == before  # nothing changed
    assert sb.patch(row["id"], {"notes": "d"}, if_match="*").json()["version"] == 5


def test_malformed_json_is_400(shared):
    row = shared.all()[0]
    for answer in (
        shared.http.post(
            "/api/v1/customers", content=b"{not json", headers={"Content-Type": "application/json"}
        ),
        shared.http.patch(
            f"/api/v1/customers/{row['id']}", content=b"", headers={"Content-Type": "application/json"}
        ),
        shared.http.post(
            "/api/v1/customers", content=b"\xff\xfe", headers={"Content-Type": "application/json"}
        ),
    ):
        error_of(answer, 400, "bad_request")
    assert len(shared.all()) == SEEDED


def contract() -> dict:
    return yaml.safe_load((settings.ROOT / "pipelines" / "custompms" / "openapi.yaml").read_text())["paths"]


def test_every_400_of_a_write_is_in_the_contract(shared):
    """A contract check: the emulator answers 400 for a malformed body or an empty Idempotency-Key, so
    the OpenAPI file lists 400 for POST and PATCH."""
    row = shared.all()[0]
    empty_key = shared.http.post("/api/v1/customers", json=customer(990), headers={"Idempotency-Key": ""})
    error_of(empty_key, 400, "bad_request")
    malformed = shared.http.patch(f"/api/v1/customers/{row['id']}", content=b"{",
                                  headers={"Content-Type": "application/json"})
    error_of(malformed, 400, "bad_request")
    paths = contract()
    assert "400" in paths["/api/v1/customers"]["post"]["responses"]
    assert "400" in paths["/api/v1/customers/{id}"]["patch"]["responses"]


def test_a_405_names_the_methods_the_contract_has_for_the_path(shared):
    paths = contract()
    for path, concrete in (("/api/v1/customers", "/api/v1/customers"),
                           ("/api/v1/customers/{id}", "/api/v1/customers/cus_x")):
        answer = shared.http.put(concrete, json={})
        error_of(answer, 405, "method_not_allowed")
        allowed = {method.strip() for method in answer.headers["Allow"].split(",")}
        documented = {method.upper() for method in paths[path] if method != "parameters"}
        assert allowed - {"HEAD"} == documented, path


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"name"}),
        ({"name": ""}, {"name"}),
        ({"name": "x" * 201}, {"name"}),
        ({"name": None}, {"name"}),
        ({"name": "A", "kind": "company"}, {"kind"}),
        (
            {"name": "A", "email": "not-an-email", "address": {"country": "Netherlands"}},
            {"email", "address.country"},
        ),
        ({"name": "A", "address": {"country": "UK"}}, {"address.country"}),  # the pattern fits, ISO does not
        ({"name": "A", "address": {"country": "nl"}}, {"address.country"}),
        ({"name": "A", "currency": "eur"}, {"currency"}),
        ({"name": "A", "currency": "EURO"}, {"currency"}),
        ({"name": "A", "code": "c" * 51, "notes": "n" * 4001}, {"code", "notes"}),
        (
            {"name": "A", "address": {"postal_code": "1" * 21, "city": 5}},
            {"address.postal_code", "address.city"},
        ),
        (
            {"name": "A", "contact": {"first_name": "f" * 101, "nick": "x"}},
            {"contact.first_name", "contact.nick"},
        ),
        ({"name": "A", "colour": "red"}, {"colour"}),
        ({"name": "A", "active": "yes"}, {"active"}),
        ({"name": "A", "address": None}, {"address"}),
        ({"name": "A", "external_refs": [{"system": "exact"}]}, {"external_refs[0].id"}),
        (
            {"name": "A", "external_refs": [{"system": "s" * 51, "id": 7, "x": 1}]},
            {"external_refs[0].system", "external_refs[0].id", "external_refs[0].x"},
        ),
        (
            {"name": "A", "external_refs": [{"system": "a", "id": str(i)} for i in range(21)]},
            {"external_refs"},
        ),
        ({"name": "A", "external_refs": "exact:1"}, {"external_refs"}),
        (["not", "an", "object"], {"body"}),
    ],
)
def test_validation_failed_names_the_fields(shared, body, fields):
    error = error_of(shared.create(body), 422, "validation_failed")
    assert set(error["fields"]) == fields
    assert all(isinstance(why, str) and why for why in error["fields"].values())
    assert shared.store.stats()["customers"] == SEEDED


def test_patch_validation(sb):
    row = sb.all()[0]
    error_of(sb.patch(row["id"], {}), 422, "validation_failed")
    error = error_of(sb.patch(row["id"], {"kind": None, "address": {"country": "XX"}, "id": "cus_x"}), 422,
                     "validation_failed")  # fmt: skip
    assert set(error["fields"]) == {"kind", "address.country", "id"}
    assert sb.get(row["id"]).json() == row


# ---------------------------------------------------------------------- idempotency


def test_idempotency_replay_conflict_and_persistence(sb):
    first = sb.create(customer(5000), key="k-5000")
    assert first.status_code == 201
    sb.clock.advance(60)
    replay = sb.create(dict(reversed(list(customer(5000).items()))), key="k-5000")  # same JSON value
    assert (replay.status_code, replay.content) == (201, first.content)
    assert {k: replay.headers[k] for k in ("etag", "location")} == {
        k: first.headers[k] for k in ("etag", "location")
    }
    assert sb.store.stats()["customers"] == SEEDED + 1
    error_of(sb.create(customer(5001), key="k-5000"), 409, "idempotency_conflict")
    # a 422 is remembered too; a new key creates anew
    bad = sb.create({"name": ""}, key="k-bad")
    assert bad.status_code == 422 and sb.create({"name": ""}, key="k-bad").content == bad.content
    assert sb.create(customer(5000), key="k-other").json()["id"] != first.json()["id"]
    error_of(sb.create(customer(1), key="x" * 256), 400, "bad_request")

    # persisted: a restarted emulator still answers the replay and still refuses the other body
    state = json.loads(json.dumps(sb.store.to_state()))
    again = Sandbox(CustomPMSStore.from_state(state, sb.clock), sb.clock)
    try:
        assert again.create(customer(5000), key="k-5000").content == first.content
        error_of(again.create(customer(5001), key="k-5000"), 409, "idempotency_conflict")
        assert again.store.stats()["customers"] == SEEDED + 2
        again.clock.advance(24 * 3600)  # after 24 hours the key is forgotten
        assert again.create(customer(5001), key="k-5000").json()["name"] == "Customer 5001"
    finally:
        again.close()


# ---------------------------------------------------------------------- rate limits and faults


def test_burst_429_has_rate_limit_headers(sb):
    sb.faults.burst_429 = 2
    for _ in range(2):
        answer = sb.list(limit=1)
        error_of(answer, 429, "rate_limited")
        assert answer.headers["retry-after"] == "1"
        assert {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"} <= set(answer.headers)
        assert answer.headers["ratelimit-remaining"] == "0"
    assert sb.list(limit=1).status_code == 200


def test_real_rate_limit_window(sb):
    assert sb.admin.put("/custompms/settings", json={"rate_limit": 3, "rate_window": 10}).json() == {
        "rate_limit": 3,
        "rate_window": 10.0,
    }
    sb.clock.advance(-(START % 10) + 10)  # the start of a window
    answers = [sb.list(limit=1) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["ratelimit-remaining"] for a in answers] == ["2", "1", "0", "0"]
    assert answers[0].headers["ratelimit-limit"] == "3" and answers[0].headers["ratelimit-reset"] == "10"
    error_of(answers[3], 429, "rate_limited")
    assert answers[3].headers["retry-after"] == "10"
    sb.clock.advance(7.5)
    assert sb.list(limit=1).headers["retry-after"] == "3"
    sb.clock.advance(3)
    assert sb.list(limit=1).status_code == 200
    sb.admin.put("/custompms/settings", json={"rate_limit": 0})
    assert "ratelimit-limit" not in sb.list(limit=1).headers


def test_server_errors_drops_and_latency(sb):
    sb.faults.error_rate = 1.0
    statuses = set()
    for _ in range(12):
        answer = sb.list(limit=1)
        error_of(answer, answer.status_code, "internal_error")
        statuses.add(answer.status_code)
    assert statuses == {500, 503}
    assert sb.admin.get("/custompms/stats").status_code == 200  # admin routes are never faulted
    sb.faults.error_rate = 0.0

    sb.faults.drop_rate = 1.0
    with pytest.raises(httpx.RemoteProtocolError):
        sb.list(limit=50)
    sb.faults.drop_rate = 0.0

    sb.faults.latency_ms = 150
    started = time.perf_counter()
    assert sb.list(limit=1).status_code == 200
    assert time.perf_counter() - started >= 0.15
    sb.faults.latency_ms = 0
    assert sb.admin.get("/faults").json()["faults"] == 13


def test_unexpected_errors_answer_json(sb):
    # a record with a broken version (stored raw) makes the PATCH fail inside the emulator
    row = sb.all()[0]
    sb.admin.post("/custompms/raw", json={**row, "version": "three"}).raise_for_status()
    answer = sb.patch(row["id"], {"notes": "x"})
    error_of(answer, 500, "internal_error")
    assert "Traceback" not in answer.text
    error_of(sb.http.get("/api/v1/nothing-here"), 404, "not_found")
    error_of(sb.http.put("/api/v1/customers"), 405, "method_not_allowed")


# ---------------------------------------------------------------------- admin routes


def test_admin_edit_and_set_updated_at(sb):
    rows = sb.all()
    target = rows[3]
    stamp = rows[-1]["updated_at"]
    answer = sb.admin.post(
        f"/custompms/customers/{target['id']}/edit",
        json={"changes": {"notes": "by a user"}, "updated_at": stamp},
    )
    assert answer.status_code == 200
    edited = answer.json()
    assert (edited["version"], edited["notes"], edited["updated_at"]) == (2, "by a user", stamp)
    # no changes and no updated_at: a user pressed save; a new version at "now"
    sb.clock.advance(2)
    saved = sb.admin.post(f"/custompms/customers/{target['id']}/edit", json={}).json()
    assert saved["version"] == 3 and saved["updated_at"] == iso_ms((START + 2) * 1000)
    assert sb.all()[-1]["id"] == target["id"]
    moved = sb.admin.put(
        f"/custompms/customers/{target['id']}/updated_at", json={"updated_at": "2026-01-01T00:00:00.5+01:00"}
    ).json()
    assert moved["updated_at"] == "2025-12-31T23:00:00.500Z" and moved["version"] == 3
    assert sb.all()[0]["id"] == target["id"]
    # an admin edit can delete and undelete
    sb.admin.post(f"/custompms/customers/{target['id']}/edit", json={"changes": {"deleted": True}})
    assert target["id"] not in {row["id"] for row in sb.all()}
    sb.admin.post(f"/custompms/customers/{target['id']}/edit", json={"changes": {"deleted": False}})
    assert sb.get(target["id"]).json()["version"] == 5
    error_of(sb.admin.post("/custompms/customers/cus_nope/edit", json={}), 404, "not_found")
    error_of(sb.admin.post(f"/custompms/customers/{target['id']}/edit", json={"changes": {"name": ""}}), 422,
             "validation_failed")  # fmt: skip
    error_of(sb.admin.post(f"/custompms/customers/{target['id']}/edit", json={"updated_at": "soon"}), 400,
             "bad_request")  # fmt: skip


def test_admin_raw_purge_create_and_stats(sb):
    ok = sb.all()[0]
    assert sb.admin.post("/custompms/raw", json={**ok, "id": None}).json()["key"].startswith("~raw")
    assert sb.admin.post(
        "/custompms/raw", json={**ok, "id": "cus_bad_date", "updated_at": "yesterday"}
    ).json() == {"key": "cus_bad_date"}
    rows = sb.all()
    assert len(rows) == SEEDED + 2 and rows[-1]["id"] == "cus_bad_date"  # served as stored
    assert sum(row["id"] is None for row in rows) == 1
    assert len(sb.all(external_ref="exact:acc-0")) == 3
    assert sb.admin.delete(f"/custompms/customers/{ok['id']}").json() == {"purged": ok["id"]}
    error_of(sb.get(ok["id"]), 404, "not_found")
    assert ok["id"] not in {row["id"] for row in sb.all(include_deleted="true")}
    made = sb.admin.post("/custompms/customers", json={"name": "Typed in the UI"})
    assert made.status_code == 201 and made.json()["version"] == 1
    stats = sb.admin.get("/custompms/stats").json()
    assert stats["customers"] == SEEDED + 2 and stats["deleted"] == 0 and stats["requests"] > 0
    # the raw records survive persistence
    restored = CustomPMSStore.from_state(json.loads(json.dumps(sb.store.to_state())), sb.clock)
    assert restored.list_customers(limit=500) == sb.store.list_customers(limit=500)


def test_state_round_trip_keeps_everything(sb):
    sb.delete(sb.all()[0]["id"])
    sb.admin.put("/custompms/settings", json={"rate_limit": 50})
    assert sb.store.dirty
    state = json.loads(json.dumps(sb.store.to_state()))
    restored = CustomPMSStore.from_state(state, sb.clock)
    assert restored.customers == sb.store.customers and restored._order == sb.store._order
    assert restored.rate_limit == 50 and not restored.dirty
    # ids keep growing after a restart, even at the same millisecond
    assert restored.create({"name": "After"})["id"] > max(sb.store.customers)


# ---------------------------------------------------------------------- scale


def test_deep_pages_of_a_large_store_are_fast():
    clock = Clock(speed=0.0, start=START)
    store = CustomPMSStore(clock)
    store.load_seed({"customers": [{"name": f"N{i}", "external_refs": [{"system": "x", "id": str(i)}]}
                                   for i in range(30_000)]})  # fmt: skip
    sandbox = Sandbox(store, clock)
    try:
        rows = sandbox.all(limit=500)[::1000]
        cursor = encode_cursor((rows[25]["updated_at"], rows[25]["id"]))
        started = time.perf_counter()
        for _ in range(5):
            assert len(sandbox.list(limit=500, cursor=cursor).json()["data"]) == 500
            assert len(sandbox.all(external_ref="x:29999")) == 1
        assert time.perf_counter() - started < 2.0
        started = time.perf_counter()
        for i in range(0, 30_000, 30):  # a thousand edits, each moving a record to the end
            store.patch(f"{store._order[i][1]}", {"notes": str(i)})
        assert time.perf_counter() - started < 2.0
        assert store._order == sorted(store._order)
    finally:
        sandbox.close()


# ---------------------------------------------------------------------- invariants under random operations

OPS = st.lists(
    st.tuples(
        st.sampled_from(["create", "patch", "delete", "advance", "touch"]),
        st.integers(min_value=0, max_value=50),
        st.sampled_from(["exact", "wave"]),
    ),
    max_size=40,
)


@hyp_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, page=st.integers(min_value=1, max_value=7))
def test_random_changes_keep_the_order_and_the_paging_exact(ops, page):
    clock = Clock(speed=0.0, start=START)
    store = CustomPMSStore(clock)
    store.load_seed({"customers": [{"name": f"S{i}"} for i in range(5)]})
    for op, n, system in ops:
        ids = sorted(store.customers)
        target = ids[n % len(ids)]
        if op == "create":
            store.create({"name": f"C{n}", "external_refs": [{"system": system, "id": str(n % 4)}]})
        elif op == "patch" and not store.customers[target]["deleted"]:
            store.patch(
                target, {"notes": str(n % 3), "external_refs": [{"system": system, "id": str(n % 4)}]}
            )
        elif op == "delete":
            store.delete(target)
        elif op == "advance":
            clock.advance(n / 1000)
        elif op == "touch":
            store.admin_set_updated_at(target, iso_ms(START * 1000 + n))
    expected = sorted((rec["updated_at"], key) for key, rec in store.customers.items())
    assert store._order == expected
    for include_deleted in (False, True):
        seen, after = [], None
        while True:
            rows, after = store.list_customers(after=after, limit=page, include_deleted=include_deleted)
            seen += [row["id"] for row in rows]
            if after is None:
                break
        assert seen == [key for _, key in expected if include_deleted or not store.customers[key]["deleted"]]
    for ref in {f"{s}:{i}" for s in ("exact", "wave") for i in range(4)}:
        rows, _ = store.list_customers(limit=500, external_ref=ref, include_deleted=True)
        holders = [k for _, k in expected if any(f"{r['system']}:{r['id']}" == ref
                                                 for r in store.customers[k]["external_refs"])]  # fmt: skip
        assert [row["id"] for row in rows] == holders
