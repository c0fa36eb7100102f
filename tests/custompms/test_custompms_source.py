"""custompms_source: a real dlt pipeline into a temp DuckDB file, fed by the CustomPMS emulator over HTTP."""

from __future__ import annotations

import json

import dlt
import duckdb
import httpx
import pytest

from pipelines import rawcurrent, settings
from pipelines.custompms.client import CustomPMSClient
from pipelines.custompms.source import custompms_source
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.custompms import CustomPMSStore, create_app

KEY = settings.SANDBOX_CUSTOMPMS_KEY
COLUMNS = (
    "id, version, name, kind, code, email, phone, mobile, fax, website, notes, vat_number, "
    "registration_number, currency, address_line1, address_line2, address_line3, postal_code, city, region, "
    "country, contact_first_name, contact_last_name, active, external_refs, created_at, updated_at, deleted, "
    "_extracted_at"
)


def customer(i: int) -> dict:
    return {
        "name": f"Customer {i}",
        "kind": "organisation",
        "email": f"c{i}@example.com",
        "vat_number": f"NL{i:09d}B01",
        "currency": "EUR",
        "address": {
            "line1": f"Street {i}",
            "line2": "2nd floor",
            "postal_code": "1011AB",
            "city": "Amsterdam",
            "region": "NH",
            "country": "NL",
        },
        "contact": {"first_name": "Ann", "last_name": f"Lee{i}"},
        "external_refs": [{"system": "exact", "id": f"acc-{i}"}, {"system": "wave", "id": f"w-{i}"}],
    }


class Env:
    """One emulator and one DuckDB file; `run()` is one extraction with a fresh client."""

    def __init__(self, tmp_path, customers: int = 1100) -> None:
        self.tmp_path = tmp_path
        self.clock = Clock()
        self.store = CustomPMSStore(self.clock)
        self.store.load_seed({"customers": [customer(i) for i in range(customers)]})
        self.faults = FaultConfig(seed=5)
        self.server = ServerThread(create_app(self.store, faults=self.faults, clock=self.clock)).start()
        self.api = CustomPMSClient(self.server.url, KEY, backoff_base=0.01)  # plays the user editing
        self.admin = httpx.Client(base_url=f"{self.server.url}/_sandbox", timeout=10)
        self.db = tmp_path / "warehouse.duckdb"
        self.client: CustomPMSClient | None = None
        self.pipeline: dlt.Pipeline | None = None

    def run(self) -> dlt.Pipeline:
        self.client = CustomPMSClient(self.server.url, KEY, backoff_base=0.01)
        self.pipeline = dlt.pipeline(
            pipeline_name="custompms_test",
            destination=dlt.destinations.duckdb(str(self.db)),
            dataset_name="raw_custompms",
            pipelines_dir=str(self.tmp_path / "dlt"),
        )
        source = custompms_source(base_url=self.server.url, credentials={"api_key": KEY}, client=self.client)
        info = rawcurrent.run(self.pipeline, "custompms", source)
        assert not info.has_failed_jobs
        return self.pipeline

    def cursor(self) -> str:
        return self.pipeline.state["sources"]["custompms"]["resources"]["customers"]["window"]["updated_at"]

    def sql(self, query: str) -> list[tuple]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.sql(query).fetchall()

    def count(self, table: str, where: str = "true") -> int:
        return self.sql(f"select count(*) from raw_custompms.{table} where {where}")[0][0]

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
        "select column_name from information_schema.columns where table_schema = 'raw_custompms' "
        f"and table_name = '{table}' and column_name not like '\\_dlt%' escape '\\' order by ordinal_position"
    )
    return ", ".join(name for (name,) in rows)


def test_first_load_lands_the_contract(env):
    env.run()
    assert columns(env, "customers") == columns(env, "customers_history") == COLUMNS
    assert env.count("customers") == env.count("customers_history") == 1100
    assert env.count("quarantine") == 0 and env.client.total_calls == 3  # 500 + 500 + 100
    row = env.sql(
        "select address_line1, address_line2, postal_code, city, region, country, contact_first_name, "
        "contact_last_name, external_refs, _extracted_at is not null from raw_custompms.customers "
        "where name = 'Customer 7'"
    )[0]
    assert row[:8] == ("Street 7", "2nd floor", "1011AB", "Amsterdam", "NH", "NL", "Ann", "Lee7")
    assert json.loads(row[8]) == [{"system": "exact", "id": "acc-7"}, {"system": "wave", "id": "w-7"}]
    assert row[9]
    assert env.sql(
        "select data_type from information_schema.columns where table_schema = 'raw_custompms' "
        "and table_name = 'customers' and column_name = 'external_refs'"
    ) == [("JSON",)]


def test_second_run_without_changes_costs_one_call(env):
    env.run()
    env.run()
    assert env.client.total_calls == 1
    assert env.count("customers_history") == 1100  # the overlap re-read is not a new version


def test_incremental_edits_and_deletes(env):
    env.run()
    rows = [row for page in env.api.list_customers(limit=20) for row in page][:3]
    edited, deleted = rows[0], rows[1]
    env.api.patch_customer(
        edited["id"], {"phone": "+31 20 999", "address": {"city": "Utrecht"}}, edited["version"]
    )
    env.api.delete_customer(deleted["id"])
    new = env.api.create_customer(customer(9999))
    env.run()
    assert env.client.total_calls == 1
    assert env.count("customers") == 1101 and env.count("customers_history") == 1103
    assert env.sql(
        f"select phone, city, address_line1, version from raw_custompms.customers where id = '{edited['id']}'"
    ) == [("+31 20 999", "Utrecht", edited["address"]["line1"], 2)]
    assert env.sql(f"select deleted from raw_custompms.customers where id = '{deleted['id']}'") == [(True,)]
    assert env.count("customers_history", f"id = '{deleted['id']}'") == 2
    assert env.count("customers", f"id = '{new['id']}'") == 1


def test_edit_exactly_at_the_cursor_is_not_lost(env):
    env.run()
    cursor = env.cursor()
    target = [row for page in env.api.list_customers(limit=5) for row in page][0]
    # a user's edit committed after the run read the last page, stamped with the cursor's millisecond
    set_updated_at(env, target["id"], cursor, {"notes": "late but same millisecond"})
    env.run()
    assert env.sql(f"select notes, updated_at from raw_custompms.customers where id = '{target['id']}'") == [
        ("late but same millisecond", cursor)
    ]
    assert env.count("customers_history", f"id = '{target['id']}'") == 2
    env.run()
    assert env.client.total_calls == 1 and env.count("customers_history", f"id = '{target['id']}'") == 2


def test_bad_records_are_quarantined_and_the_rest_loads(env):
    ok = env.api.create_customer(customer(5000))
    bad = {
        "bad date": {**ok, "id": "cus_bad_date", "updated_at": "yesterday"},
        "no id": {**ok, "id": None},
        "bad version": {**ok, "id": "cus_bad_version", "version": "three"},
    }
    for record in bad.values():
        put_raw(env, record)
    env.run()
    reasons = dict(env.sql("select coalesce(record_id, '-'), reason from raw_custompms.quarantine"))
    assert set(reasons) == {"cus_bad_date", "-", "cus_bad_version"}
    assert (
        "updated_at" in reasons["cus_bad_date"]
        and "id" in reasons["-"]
        and "version" in reasons["cus_bad_version"]
    )
    payload, system, entity = env.sql(
        "select payload, system, entity from raw_custompms.quarantine where record_id = 'cus_bad_version'"
    )[0]
    assert json.loads(payload)["version"] == "three" and (system, entity) == ("custompms", "customers")
    assert env.count("customers") == 1101 and env.count("customers", f"id = '{ok['id']}'") == 1
    env.run()
    assert env.count("quarantine") == 3  # re-read in the overlap, not quarantined twice


def test_pages_read_by_arrow_equal_pages_read_as_python(env):
    """The client's Arrow reading of a page (pipelines.pages.arrow_document) gives the raw table the Python
    decode gives, and a page Arrow cannot take (a wrong-typed value) comes back as the API's objects."""
    from datetime import UTC, datetime

    import pyarrow as pa

    from pipelines.custompms.extraction import API_SCHEMA, fits, parse_page

    observed_at = datetime.now(UTC)
    as_arrow = list(env.api.list_customers(limit=500, records=API_SCHEMA, fits=fits))
    as_python = list(env.api.list_customers(limit=500))
    assert all(isinstance(page, pa.Table) for page in as_arrow) and len(as_arrow) == len(as_python) == 3
    for arrow_page, python_page in zip(as_arrow, as_python, strict=True):
        assert parse_page(arrow_page, observed_at)[0].equals(parse_page(python_page, observed_at)[0])
    put_raw(env, {**as_python[0][0], "id": "cus_odd", "version": 2.0})
    pages = list(env.api.list_customers(limit=500, records=API_SCHEMA, fits=fits))
    odd = [page for page in pages if isinstance(page, list)]
    assert len(odd) == 1 and sum(isinstance(page, pa.Table) for page in pages) == len(pages) - 1
    assert [row for row in odd[0] if row["id"] == "cus_odd"][0]["version"] == 2.0  # the object as sent
    table, bad = parse_page(odd[0], observed_at)
    assert [row["record_id"] for row in bad] == ["cus_odd"] and table.num_rows == len(odd[0]) - 1


# ---------------------------------------------------------------------- emulator admin helpers


def set_updated_at(env: Env, customer_id: str, updated_at: str, changes: dict) -> None:
    """Edit "as a user" with a chosen updated_at (the emulator's admin route)."""
    response = env.admin.post(
        f"/custompms/customers/{customer_id}/edit", json={"changes": changes, "updated_at": updated_at}
    )
    response.raise_for_status()


def put_raw(env: Env, record: dict) -> None:
    """Store a record exactly as given, bypassing validation (the emulator's admin route)."""
    env.admin.post("/custompms/raw", json=record).raise_for_status()
