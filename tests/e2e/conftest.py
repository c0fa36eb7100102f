"""The whole product against the three emulators: in-process servers on free ports, a temp state
file, and the CLI's own entry point (`pipelines.cli.main`), configured the way a user configures
it: through dlt's environment variables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import httpx
import pytest

from pipelines import cli, settings
from pipelines.sandbox import custompms, exact, wave
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread

DIVISIONS = (101, 102)

SEED = {
    "exact": {
        "divisions": [
            {"Code": 101, "Description": "Holding BV", "Status": 1, "Currency": "EUR", "VATNumber": "NL001122334B01",
             "City": "Utrecht", "Country": "NL"},
            {"Code": 102, "Description": "Belgium NV", "Status": 1, "Currency": "EUR", "City": "Gent",
             "Country": "BE"},
        ],
        "accounts": {
            101: [
                {"Name": "Acme Trading BV", "Code": "1001", "Email": "info@acme.example", "VATNumber": "NL123456789B01",
                 "ChamberOfCommerce": "12345678", "City": "Amsterdam", "Country": "NL", "Postcode": "1012 AB",
                 "AddressLine1": "Damrak 1", "Phone": "+31 20 123 4567"},
                {"Name": "Zoë Ærøskøbing 株式会社", "Code": "1002", "Email": "zoe@example.jp", "City": "Utrecht",
                 "Country": "NL"},
            ],
            102: [
                {"Name": "Brugge Bikes BVBA", "Code": "2001", "Email": "hello@bruggebikes.example",
                 "VATNumber": "BE0123456749", "City": "Brugge", "Country": "BE"},
            ],
        },
        "departments": {101: [{"Code": "D01", "Description": "Sales", "Notes": ""}], 102: []},
    },
    "wave": {
        "businesses": [
            {"name": "Maple Consulting", "currency": "CAD", "customers": [
                {"name": "Acme Trading", "email": "INFO@acme.example", "phone": "+31 20 123 4567",
                 "currency": "EUR", "address": {"addressLine1": "Damrak 1", "city": "Amsterdam",
                                                "countryCode": "NL", "postalCode": "1012 AB"}},
                {"name": "Northern Lights Ltd", "firstName": "Ada", "lastName": "Lovelace",
                 "email": "ada@northern.example", "currency": "CAD",
                 "address": {"addressLine1": "1 King St W", "city": "Toronto", "provinceCode": "ON",
                             "countryCode": "CA", "postalCode": "M5H 1A1"}},
            ]},
        ]
    },
    "custompms": {
        "customers": [
            {"name": "Brugge Bikes", "kind": "organisation", "email": "hello@bruggebikes.example",
             "vat_number": "BE 0123.456.749", "address": {"country": "BE", "city": "Brugge"}},
        ]
    },
}


@dataclass
class Sandbox:
    exact: exact.ExactStore
    wave: wave.WaveStore
    custompms: custompms.CustomPMSStore
    servers: dict[str, ServerThread]
    faults: dict[str, FaultConfig]
    db: Path
    tmp: Path

    def cli(self, *args: str) -> int:
        return cli.main(["--quiet", "--db", str(self.db), *args])

    def cli_out(self, capsys, *args: str) -> tuple[int, str, str]:
        """Exit code, stdout and stderr of one command (JSON log lines, so tables parse)."""
        capsys.readouterr()
        code = cli.main(["--log-json", "--db", str(self.db), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    def sql(self, query: str, params: list | None = None) -> list[tuple]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.execute(query, params or []).fetchall()

    def admin(self, system: str) -> httpx.Client:
        return httpx.Client(base_url=self.servers[system].url, timeout=10)

    def pms_customers(self) -> list[dict]:
        with self.custompms.lock:
            return [dict(rec) for rec in self.custompms.customers.values()]


@pytest.fixture
def sandbox(tmp_path, monkeypatch) -> Sandbox:
    clock = Clock()
    stores = {"exact": exact.ExactStore(clock), "wave": wave.WaveStore(clock),
              "custompms": custompms.CustomPMSStore(clock)}
    # Wave first: a seed's records are stamped with the clock's time when it is loaded, and Acme's name
    # differs between Exact and Wave. Loaded after Wave's, Exact's account is the newer one on any machine
    # (loaded first, a load slower than a millisecond on a busy machine let Wave's older name win)
    for system in ("wave", "exact", "custompms"):
        stores[system].load_seed(SEED[system])
    modules = {"exact": exact, "wave": wave, "custompms": custompms}
    faults = {system: FaultConfig(seed=5) for system in stores}
    servers = {system: ServerThread(modules[system].create_app(store, faults=faults[system], clock=clock)).start()
               for system, store in stores.items()}
    env = {
        "SOURCES__EXACT__BASE_URL": servers["exact"].url,
        "SOURCES__EXACT__TOKEN_FILE": str(tmp_path / "exact_tokens.json"),
        "SOURCES__WAVE__GRAPHQL_URL": servers["wave"].url + "/graphql/public",
        "SOURCES__CUSTOMPMS__BASE_URL": servers["custompms"].url,
        "SOURCES__EXACT__CREDENTIALS__CLIENT_ID": settings.SANDBOX_EXACT_CLIENT_ID,
        "SOURCES__EXACT__CREDENTIALS__CLIENT_SECRET": settings.SANDBOX_EXACT_CLIENT_SECRET,
        "SOURCES__EXACT__CREDENTIALS__REFRESH_TOKEN": settings.SANDBOX_EXACT_REFRESH_TOKEN,
        "SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN": settings.SANDBOX_WAVE_TOKEN,
        "SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY": settings.SANDBOX_CUSTOMPMS_KEY,
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(settings, "LOCK_WAIT_SECONDS", 0.5)  # in-process commands refuse a held lock quickly
    box = Sandbox(stores["exact"], stores["wave"], stores["custompms"], servers, faults,
                  tmp_path / "state" / "customer_sync.duckdb", tmp_path)
    box.db.parent.mkdir()
    yield box
    for server in servers.values():
        server.stop()
