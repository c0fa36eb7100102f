"""wave_source: a real dlt pipeline into a temp DuckDB file, fed by the Wave emulator over HTTP."""

from __future__ import annotations

import json
import math
from urllib.parse import quote

import dlt
import duckdb
import httpx
import pytest

from pipelines import rawcurrent, settings
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.wave import WaveStore, create_app
from pipelines.wave.client import WaveClient, format_ms, parse_ms
from pipelines.wave.source import wave_source

TOKEN = settings.SANDBOX_WAVE_TOKEN
GRAPHQL_PATH = "/graphql/public"
COLUMNS = (
    "id, business_id, name, first_name, last_name, display_id, email, mobile, phone, fax, website, "
    "internal_notes, currency_code, address_line1, address_line2, city, province_code, country_code, "
    "postal_code, created_at, modified_at, is_archived, _extracted_at"
)


def customer(i: int, **extra) -> dict:
    return {
        "name": f"Customer {i}",
        "firstName": "Ann",
        "lastName": f"Lee{i}",
        "displayId": f"W{i:04d}",
        "email": f"c{i}@example.com",
        "mobile": "+1 416 555 0199",
        "phone": "+1 416 555 0100",
        "fax": None,
        "website": "https://example.com",
        "internalNotes": "seeded",
        "currency": "CAD",
        "address": {
            "addressLine1": f"{i} King St",
            "addressLine2": "Suite 2",
            "city": "Toronto",
            "provinceCode": "CA-ON",
            "countryCode": "CA",
            "postalCode": "M5H 1A1",
        },
        "isArchived": False,
        **extra,
    }


class Env:
    """One emulator and one DuckDB file; `run()` is one extraction with a fresh client."""

    def __init__(self, tmp_path, businesses: tuple[int, ...] = (150,)) -> None:
        self.tmp_path = tmp_path
        self.clock = Clock()
        self.store = WaveStore(self.clock)
        self.store.load_seed(
            {
                "businesses": [
                    {
                        "name": f"Business {b}",
                        "currency": "CAD",
                        "customers": [customer(b * 1000 + i) for i in range(n)],
                    }
                    for b, n in enumerate(businesses)
                ]
            }
        )
        self.clock.advance(3600)  # the seeded data is an hour old when the tests edit it
        self.faults = FaultConfig(seed=5)
        self.server = ServerThread(create_app(self.store, faults=self.faults, clock=self.clock)).start()
        self.url = self.server.url + GRAPHQL_PATH
        self.api = WaveClient(self.url, TOKEN, clock=Clock.stepped())  # plays the user editing
        self.admin = httpx.Client(base_url=f"{self.server.url}/_sandbox/wave", timeout=10)
        self.business_ids = [business["id"] for business in self.api.businesses()]
        self.db = tmp_path / "warehouse.duckdb"
        self.client: WaveClient | None = None
        self.pipeline: dlt.Pipeline | None = None

    def run(self, **kwargs) -> dlt.Pipeline:
        self.client = WaveClient(self.url, TOKEN, clock=Clock.stepped())
        self.pipeline = dlt.pipeline(
            pipeline_name="wave_test",
            destination=dlt.destinations.duckdb(str(self.db)),
            dataset_name="raw_wave",
            pipelines_dir=str(self.tmp_path / "dlt"),
        )
        source = wave_source(
            graphql_url=self.url, credentials={"access_token": TOKEN}, client=self.client, **kwargs
        )
        info = rawcurrent.run(self.pipeline, "wave", source)
        assert not info.has_failed_jobs
        return self.pipeline

    def cursor(self, business_id: str) -> str:
        state = self.pipeline.state["sources"]["wave"]["resources"]["customers"]
        return state["businesses"][business_id]["cursor"]

    def quiet_calls(self) -> int:
        """What a run without changes costs: the business list, then per business the pages of its
        overlap window (the records modified in the WAVE_OVERLAP_SECONDS before its cursor)."""
        calls = 1
        for index, business in enumerate(self.business_ids):
            floor = parse_ms(self.cursor(business)) - settings.WAVE_OVERLAP_SECONDS * 1000
            window = sum(parse_ms(node["modifiedAt"]) > floor for node in self.customers(index))
            calls += max(1, math.ceil(window / settings.WAVE_PAGE_SIZE))
        return calls

    def customers(self, business: int = 0) -> list[dict]:
        return [node for page in self.api.customers(self.business_ids[business]) for node in page]

    def sql(self, query: str) -> list[tuple]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.sql(query).fetchall()

    def count(self, table: str, where: str = "true") -> int:
        return self.sql(f"select count(*) from raw_wave.{table} where {where}")[0][0]

    def close(self) -> None:
        self.api.close()
        self.admin.close()
        self.server.stop()


@pytest.fixture
def env(tmp_path):
    environment = Env(tmp_path)
    yield environment
    environment.close()


def columns(env: Env, table: str) -> str:
    rows = env.sql(
        "select column_name from information_schema.columns where table_schema = 'raw_wave' "
        f"and table_name = '{table}' and column_name not like '\\_dlt%' escape '\\' order by ordinal_position"
    )
    return ", ".join(name for (name,) in rows)


# ---------------------------------------------------------------------- emulator admin helpers


def archive(env: Env, customer_id: str) -> None:
    env.admin.post(f"/customers/{quote(customer_id, safe='')}/archive").raise_for_status()


def edit_as_user(env: Env, customer_id: str, changes: dict) -> None:
    env.admin.patch(f"/customers/{quote(customer_id, safe='')}", json=changes).raise_for_status()


def set_modified_at(env: Env, customer_id: str, modified_at: str) -> None:
    path = f"/customers/{quote(customer_id, safe='')}/modified-at"
    env.admin.put(path, json={"modifiedAt": modified_at}).raise_for_status()


def corrupt(env: Env, customer_id: str, **values) -> None:
    """Make the emulator serve a customer with broken values (no admin route does that: the record
    is swapped in the store, as a bug or a data problem on Wave's side would show it)."""
    record = next(r for r in env.store._records.values() if r["id"] == customer_id)
    env.store._records[record["_n"]] = {**record, **values}


# ---------------------------------------------------------------------- tests


def test_first_load_lands_the_contract(env):
    env.run()
    assert columns(env, "customers") == columns(env, "customers_history") == COLUMNS
    assert columns(env, "businesses") == "id, name, currency_code, modified_at, _extracted_at"
    assert columns(env, "quarantine") == "system, entity, record_id, reason, payload, observed_at"
    assert env.count("customers") == env.count("customers_history") == 150
    assert env.count("businesses") == 1 and env.count("quarantine") == 0
    assert env.client.calls == 1 + 2  # businesses + ceil(150 / 100)
    row = env.sql(
        "select business_id, name, first_name, display_id, currency_code, address_line1, address_line2, city, "
        "province_code, country_code, postal_code, is_archived, _extracted_at is not null "
        "from raw_wave.customers where display_id = 'W0007'"
    )[0]
    assert row == (
        env.business_ids[0], "Customer 7", "Ann", "W0007", "CAD", "7 King St", "Suite 2", "Toronto",
        "CA-ON", "CA", "M5H 1A1", False, True,
    )  # fmt: skip
    stamp = env.sql("select modified_at from raw_wave.customers limit 1")[0][0]
    assert parse_ms(stamp) is not None  # kept as the API's RFC 3339 text


def test_second_run_without_changes_costs_one_call_per_business(tmp_path):
    env = Env(tmp_path, businesses=(80, 40))
    try:
        env.run()
        env.run()
        assert env.client.calls == 1 + 2  # businesses + one page of each business's overlap window
        assert env.count("customers_history") == 120  # the overlap re-read is not a new version
    finally:
        env.close()


def test_a_quiet_run_rereads_only_the_overlap_window(env):
    env.run()
    env.run()
    # 150 customers seeded within a few seconds all sit in the window: then it takes two pages
    assert env.client.calls == env.quiet_calls() <= 3
    assert env.count("customers_history") == 150


def test_incremental_after_edits_and_an_archive(env):
    env.run()
    nodes = env.customers()
    edited, archived = nodes[-1], nodes[-2]  # the oldest: far behind the cursor
    env.api.patch_customer({"id": edited["id"], "phone": "+1 613 555 0000"})
    archive(env, archived["id"])
    created, _ = env.api.create_customer({"businessId": env.business_ids[0], "name": "Fresh Co"})
    env.run()
    # the window before the first run's cursor holds all 150 seeded customers (seeded together)
    assert env.client.calls == 1 + 2
    assert env.count("customers") == 151 and env.count("customers_history") == 153
    assert env.sql(f"select phone from raw_wave.customers where id = '{edited['id']}'") == [
        ("+1 613 555 0000",)
    ]
    assert env.sql(f"select is_archived from raw_wave.customers where id = '{archived['id']}'") == [(True,)]
    assert env.count("customers_history", f"id = '{archived['id']}'") == 2
    assert env.count("customers", f"id = '{created['id']}' and name = 'Fresh Co'") == 1
    env.run()
    assert env.client.calls == 2  # now the window holds only the three changes: one page
    assert env.count("customers_history") == 153


def test_an_edit_exactly_at_the_cursor_lands(env):
    env.run()
    business = env.business_ids[0]
    cursor = env.cursor(business)
    newest, older = env.customers()[0], env.customers()[-1]
    assert newest["modifiedAt"] == cursor
    # an edit of another record committed late, stamped with the cursor's exact millisecond
    edit_as_user(env, older["id"], {"internalNotes": "same millisecond as the cursor"})
    set_modified_at(env, older["id"], cursor)
    # and the cursor's own record edited again without its modifiedAt moving
    edit_as_user(env, newest["id"], {"internalNotes": "edited in place"})
    set_modified_at(env, newest["id"], cursor)
    env.run()
    assert env.sql(
        f"select internal_notes, modified_at from raw_wave.customers where id = '{older['id']}'"
    ) == [("same millisecond as the cursor", cursor)]
    assert env.sql(f"select internal_notes from raw_wave.customers where id = '{newest['id']}'") == [
        ("edited in place",)
    ]
    assert env.count("customers_history", f"id in ('{older['id']}', '{newest['id']}')") == 4
    env.run()
    assert env.client.calls == env.quiet_calls() and env.count("customers_history") == 152


def test_two_businesses_keep_their_own_cursor(tmp_path):
    env = Env(tmp_path, businesses=(60, 30))
    try:
        env.run()
        assert env.count("businesses") == 2 and env.client.calls == 1 + 1 + 1
        assert env.sql("select business_id, count(*) from raw_wave.customers group by 1 order by 2 desc") == [
            (env.business_ids[0], 60),
            (env.business_ids[1], 30),
        ]
        node = env.customers(1)[-1]
        env.api.patch_customer({"id": node["id"], "email": "moved@example.com"})
        env.run()
        assert env.client.calls == 3 and env.count("customers_history") == 91
        assert env.sql(f"select business_id, email from raw_wave.customers where id = '{node['id']}'") == [
            (env.business_ids[1], "moved@example.com")
        ]
        assert parse_ms(env.cursor(env.business_ids[1])) > parse_ms(env.cursor(env.business_ids[0]))
        env.run(business_ids=[env.business_ids[1]])
        assert env.client.calls == 2
    finally:
        env.close()


def test_bad_records_are_quarantined_and_the_rest_loads(env):
    nodes = env.customers()
    bad_date, bad_type = nodes[5]["id"], nodes[6]["id"]
    corrupt(env, bad_date, modifiedAt="not-a-date", internalNotes="broken date")
    corrupt(env, bad_type, isArchived="maybe")  # Wave cannot serialise it: the field is null plus an error
    env.run()
    rows = dict(
        (record_id, (system, entity, reason, payload))
        for system, entity, record_id, reason, payload in env.sql(
            "select system, entity, record_id, reason, payload from raw_wave.quarantine"
        )
    )
    assert set(rows) == {bad_date, bad_type}
    system, entity, reason, payload = rows[bad_date]
    assert (system, entity) == ("wave", "customers") and "modifiedAt" in reason
    assert json.loads(payload)["modifiedAt"] == "not-a-date"
    assert "errors" in rows[bad_type][2] and "Boolean" in rows[bad_type][2]
    assert (
        env.count("customers") == 148 and env.count("customers", f"id in ('{bad_date}', '{bad_type}')") == 0
    )
    env.run()
    assert env.count("quarantine") == 2  # re-read, not quarantined twice


def test_config_comes_from_dlt_sections(env, monkeypatch):
    monkeypatch.setenv("SOURCES__WAVE__GRAPHQL_URL", env.url)
    monkeypatch.setenv("SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN", TOKEN)
    source = wave_source()
    assert source.client.graphql_url == env.url and TOKEN not in repr(source.client)


def test_overlap_window_is_the_setting(env):
    env.run()
    business = env.business_ids[0]
    state = env.pipeline.state["sources"]["wave"]["resources"]["customers"]["businesses"][business]
    since = format_ms(state["cursor_ms"] - settings.WAVE_OVERLAP_SECONDS * 1000)
    assert all(
        parse_ms(node["modifiedAt"]) > parse_ms(since)
        for node in env.customers()
        if node["id"] in state["tail"]
    )
