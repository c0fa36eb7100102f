"""`verify` against the three emulators, in-process on free ports, over real HTTP."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from pipelines import settings
from pipelines.console import Console
from pipelines.custompms.client import CustomPMSClient
from pipelines.exact.client import ExactClient
from pipelines.runs import Run
from pipelines.sandbox import custompms, exact, wave
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.verify import Clients, calls_needed, reconcile, verify
from pipelines.wave.client import WaveClient

DIVISION = 101
EXACT_SEED = {
    "divisions": [{"Code": DIVISION, "Description": "Holding BV", "Status": 1, "Currency": "EUR",
                   "VATNumber": "NL001122334B01", "City": "Utrecht", "Country": "NL"},
                  {"Code": 102, "Description": "Old Shop BV", "Status": 2}],  # archived: not checked
    "accounts": {DIVISION: [{"Name": "Acme Trading BV", "Code": "1001", "Email": "Info@Acme.example",
                             "VATNumber": "NL12.34.56.789.B01", "City": "Amsterdam", "Country": "nl",
                             "Postcode": "1012 AB", "AddressLine1": "Damrak 1", "Phone": "+31 20 123 4567"}],
                 102: []},
    "departments": {DIVISION: [{"Code": "D01", "Description": "Sales", "Notes": ""}], 102: []},
}
WAVE_SEED = {"businesses": [{"name": "Maple Consulting", "currency": "CAD", "customers": [
    {"name": "Acme Trading BV", "displayId": "1001", "email": "info@acme.example", "phone": "+31 20 123 4567",
     "firstName": "Ada", "lastName": "Lovelace", "currency": "EUR",
     "address": {"addressLine1": "Damrak 1", "city": "Amsterdam", "countryCode": "NL", "postalCode": "1012 AB"}},
    {"name": "Northern Lights Ltd", "email": "ada@northern.example", "isArchived": True},  # archived: not checked
]}]}


@dataclass
class Systems:
    exact: exact.ExactStore
    wave: wave.WaveStore
    custompms: custompms.CustomPMSStore
    servers: dict[str, ServerThread]
    clients: Clients

    def admin(self, system: str, method: str, path: str, body: dict | None = None) -> dict:
        url = f"{self.servers[system].url}/_sandbox/{system}{path}"
        response = httpx.request(method, url, json=body, timeout=10)
        response.raise_for_status()
        return response.json()

    def account(self) -> dict:
        with self.exact.lock:
            return dict(next(iter(self.exact.division(DIVISION).accounts.rows.values())))

    def department(self) -> dict:
        with self.exact.lock:
            return dict(next(iter(self.exact.division(DIVISION).departments.rows.values())))

    def wave_customer(self, name: str) -> dict:
        with self.wave._lock:
            return next(self.wave.public(r) for r in self.wave._records.values() if r["name"] == name)

    def business(self) -> str:
        return next(iter(self.wave._businesses))


def pms_customers(account: dict, department: dict, wave_customer: dict) -> list[dict]:
    """CustomPMS customers as the writer creates them: the same values, refs naming the sources."""
    return [
        {"name": "Acme Trading BV", "kind": "organisation", "code": "1001", "email": "info@acme.example",
         "phone": "+31 20 123 4567", "vat_number": "NL123456789B01", "currency": "EUR",
         "address": {"line1": "Damrak 1", "postal_code": "1012 AB", "city": "Amsterdam", "country": "NL"},
         "contact": {"first_name": "Ada", "last_name": "Lovelace"},
         "external_refs": [{"system": "exact.accounts", "id": account["ID"].lower()},
                           {"system": "wave.customers", "id": wave_customer["id"]}]},
        {"name": "Holding BV", "kind": "organisation", "code": "101", "vat_number": "NL 0011.22.334 B01",
         "currency": "EUR", "address": {"city": "Utrecht", "country": "NL"},
         "external_refs": [{"system": "exact.divisions", "id": "101"}]},
        {"name": "Sales", "kind": "organisation", "code": "D01",
         "external_refs": [{"system": "exact.departments", "id": department["ID"]}]},
    ]


@pytest.fixture
def systems(tmp_path):
    clock = Clock()
    stores = {"exact": exact.ExactStore(clock), "wave": wave.WaveStore(clock),
              "custompms": custompms.CustomPMSStore(clock)}
    stores["exact"].load_seed(EXACT_SEED)
    stores["wave"].load_seed(WAVE_SEED)
    modules = {"exact": exact, "wave": wave, "custompms": custompms}
    servers = {name: ServerThread(modules[name].create_app(store, faults=FaultConfig(seed=3), clock=clock)).start()
               for name, store in stores.items()}
    clients = Clients(
        ExactClient(servers["exact"].url, settings.SANDBOX_EXACT_CLIENT_ID, settings.SANDBOX_EXACT_CLIENT_SECRET,
                    settings.SANDBOX_EXACT_REFRESH_TOKEN, tmp_path / "tokens.json", clock=clock),
        WaveClient(servers["wave"].url + wave.GRAPHQL_PATH, settings.SANDBOX_WAVE_TOKEN),
        CustomPMSClient(servers["custompms"].url, settings.SANDBOX_CUSTOMPMS_KEY),
    )
    box = Systems(stores["exact"], stores["wave"], stores["custompms"], servers, clients)
    stores["custompms"].load_seed({"customers": pms_customers(
        box.account(), box.department(), box.wave_customer("Acme Trading BV"))})
    yield box
    clients.close()
    for server in servers.values():
        server.stop()


def run_verify(systems: Systems, capsys, **kwargs) -> tuple[int, str, str]:
    capsys.readouterr()
    code = verify(Console(quiet=True), systems.clients, **kwargs)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_matching_records_pass_and_each_flow_is_counted(systems, capsys):
    result = reconcile(systems.clients)
    assert result.ok, result.examples
    counts = {f.flow: (f.records, f.linked, f.agreeing) for f in result.flows}
    assert counts == {"exact.accounts": (1, 1, 1), "exact.divisions": (1, 1, 1), "exact.departments": (1, 1, 1),
                      "wave.customers": (1, 1, 1), "wave.customers.organisation": (1, 1, 1)}
    # one call per list (each fits a page) plus Exact's /current/Me: the cost formula, exactly
    assert result.calls == calls_needed(divisions=2, accounts=[1, 0], departments=[1, 0], businesses=1,
                                        customers=[2], custompms=3)
    assert result.calls == {"exact": 6, "wave": 2, "custompms": 1}
    code, out, _ = run_verify(systems, capsys)
    assert code == 0 and "wave.customers.organisation" in out


def test_a_broken_property_fails_and_the_example_names_it(systems, capsys):
    account = systems.account()
    systems.admin("exact", "PATCH", f"/{DIVISION}/accounts/{account['ID']}", {"City": "Haarlem"})
    code, out, err = run_verify(systems, capsys)
    assert code == 1
    assert "city (City -> address.city)" in out and "Haarlem" in out and "Amsterdam" in out
    assert "verify exact.accounts: 0 unlinked, 0 linked twice, 1 disagreeing" in err
    assert "wave.customers" not in err  # the Wave member still agrees with CustomPMS


def test_normalisation_is_stagings_and_an_empty_source_value_is_not_a_mismatch(systems):
    wave_id = systems.wave_customer("Acme Trading BV")["id"]
    # case, spaces and a cleared phone: nothing to report (empty never overwrites)
    systems.admin("wave", "PATCH", f"/customers/{wave_id}", {"email": "  INFO@ACME.EXAMPLE ", "phone": ""})
    assert reconcile(systems.clients).ok


def test_an_unlinked_wave_customer_fails_and_archiving_it_takes_it_out_of_scope(systems, capsys):
    created = systems.admin("wave", "POST", f"/businesses/{systems.business()}/customers",
                            {"name": "Nobody Links Me Inc", "email": "nobody@links.example"})["customer"]
    code, out, err = run_verify(systems, capsys)
    assert code == 1
    assert "Nobody Links Me Inc" in out and "(no CustomPMS customer)" in out
    assert "verify wave.customers: 1 unlinked, 0 linked twice, 0 disagreeing" in err
    systems.admin("wave", "POST", f"/customers/{created['id']}/archive")
    assert run_verify(systems, capsys)[0] == 0


def test_a_rule_link_counts_unless_refs_are_required_and_duplicates_fail(systems, capsys):
    # a CustomPMS customer matched by VAT (no external_refs): how the sync links an existing customer
    pms = [c for c in systems.custompms.customers.values() if c["name"] == "Holding BV"][0]
    systems.admin("custompms", "POST", f"/customers/{pms['id']}/edit", {"changes": {"external_refs": []}})
    result = reconcile(systems.clients)
    divisions = next(f for f in result.flows if f.flow == "exact.divisions")
    assert result.ok and (divisions.linked, divisions.by_rule) == (1, 1)
    code, out, err = run_verify(systems, capsys, require_refs=True)
    assert code == 1 and "verify exact.divisions: 1 unlinked" in err

    # two CustomPMS customers naming one department: a duplicate create
    department = systems.department()
    systems.admin("custompms", "POST", "/customers", {
        "name": "Sales", "kind": "organisation", "code": "D01",
        "external_refs": [{"system": "exact.departments", "id": department["ID"]}]})
    code, out, err = run_verify(systems, capsys)
    assert code == 1 and "(named by 2 CustomPMS customers)" in out
    assert "verify exact.departments: 0 unlinked, 1 linked twice, 0 disagreeing" in err


def test_a_deleted_custompms_customer_leaves_its_record_unlinked(systems, capsys):
    pms = [c for c in systems.custompms.customers.values() if c["name"] == "Sales"][0]
    with httpx.Client(base_url=systems.servers["custompms"].url, timeout=10) as http:
        http.delete(f"/api/v1/customers/{pms['id']}",
                    headers={"Authorization": f"Bearer {settings.SANDBOX_CUSTOMPMS_KEY}"}).raise_for_status()
    code, out, _ = run_verify(systems, capsys)
    assert code == 1 and "(its CustomPMS customer is deleted)" in out


def test_a_run_records_calls_rows_and_problems(systems, tmp_path, capsys):
    systems.admin("exact", "PATCH", f"/{DIVISION}/accounts/{systems.account()['ID']}", {"Name": "Acme Renamed"})
    run = Run("verify", tmp_path / "state.duckdb")
    assert verify(Console(quiet=True), systems.clients, run=run) == 1
    assert run.api_calls == {"exact": 6, "wave": 2, "custompms": 1}
    assert run.rows_extracted == {"exact": 4, "wave": 2, "custompms": 3}
    assert run.problems == ["verify exact.accounts: 0 unlinked, 0 linked twice, 1 disagreeing"]


def test_paging_costs_what_the_formula_says(systems):
    for i in range(settings.WAVE_PAGE_SIZE + 5):
        systems.wave.create_customer(systems.business(), {"name": f"Bulk {i}"})
    for i in range(settings.EXACT_PAGE_SIZE + 1):
        systems.exact.add_department(DIVISION, {"Code": f"B{i:03d}", "Description": f"Bulk {i}"})
    systems.custompms.load_seed({"customers": [{"name": f"Bulk {i}", "kind": "organisation"} for i in range(510)]})
    result = reconcile(systems.clients)
    assert result.calls == calls_needed(divisions=2, accounts=[1, 0], departments=[settings.EXACT_PAGE_SIZE + 2, 0],
                                        businesses=1, customers=[settings.WAVE_PAGE_SIZE + 7], custompms=513)
    assert result.calls == {"exact": 7, "wave": 3, "custompms": 2}
    wave_flow = next(f for f in result.flows if f.flow == "wave.customers")
    assert wave_flow.records == settings.WAVE_PAGE_SIZE + 6 and wave_flow.linked == 1
