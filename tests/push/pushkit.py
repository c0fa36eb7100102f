"""Test kit for the push stage: the three emulators in-process on free ports, a DuckDB state file in
tmp_path, writers on fast-retrying clients, and delta.operations rows built by hand."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.custompms.client import CustomPMSClient
from pipelines.custompms.writer import CustomPMSWriter
from pipelines.exact.client import ExactClient
from pipelines.exact.writer import ExactWriter
from pipelines.models.rawschema import create_raw
from pipelines.push.push import push
from pipelines.runs import Run
from pipelines.sandbox import custompms, exact, wave
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.state import ensure_state
from pipelines.wave.client import WaveClient
from pipelines.wave.writer import WaveWriter

DIV = 101
DELTA_DDL = """
create schema if not exists delta;
create table if not exists delta.operations (
    op_id text, target_system text, target_entity text, record_id text, scope_id text, cluster_id text,
    operation text, payload json, base_version text, base_hash text, ledger_entries json,
    _transformed_at timestamptz
);
"""


def op_id(*parts: object) -> str:
    return "op_" + hashlib.md5("|".join(map(str, parts)).encode()).hexdigest()


def ledger(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """One ledger entry per payload field (the property name stands in for the canonical one)."""
    return [{"property": key, "value_hash": hashlib.md5(json.dumps(value).encode()).hexdigest(),
             "change_time": "2024-01-01T00:00:00Z"} for key, value in sorted(payload.items())
            if key != "external_refs"]


def create_op(cluster: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"op_id": op_id("create", cluster), "target_system": "custompms", "target_entity": "customers",
            "record_id": None, "scope_id": None, "cluster_id": cluster, "operation": "create",
            "payload": payload, "base_version": None, "ledger_entries": ledger(payload)}


def update_op(system: str, record_id: str, payload: dict[str, Any], *, scope: object = None,
              base_version: object = None, cluster: str | None = None, operation: str = "update") -> dict[str, Any]:
    entity = "accounts" if system == "exact" else "customers"
    base = None if base_version is None else str(base_version)
    return {"op_id": op_id(system, record_id, operation, base, json.dumps(payload, sort_keys=True)),
            "target_system": system, "target_entity": entity, "record_id": record_id,
            "scope_id": None if scope is None else str(scope), "cluster_id": cluster or f"cl_{record_id}",
            "operation": operation, "payload": payload, "base_version": base, "ledger_entries": ledger(payload)}


def set_deltas(db: Path, operations: list[dict[str, Any]]) -> None:
    """Replace delta.operations, as a transform would."""
    with duckdb.connect(str(db)) as con:
        ensure_state(con)
        con.execute(DELTA_DDL)
        con.execute("delete from delta.operations")
        if not operations:
            return
        con.executemany(
            "insert into delta.operations values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, current_timestamp)",
            [[o["op_id"], o["target_system"], o["target_entity"], o["record_id"], o["scope_id"], o["cluster_id"],
              o["operation"], json.dumps(o["payload"]), o["base_version"], json.dumps(o["ledger_entries"])]
             for o in operations])


def sql(db: Path, query: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db)) as con:
        return con.execute(query, params or []).fetchall()


def statuses(db: Path) -> Counter:
    return Counter(dict(sql(db, "select status, count(*) from sync.outbox group by 1")))


@dataclass
class Emulators:
    tmp: Path
    clock: Clock
    faults: dict[str, FaultConfig]
    stores: dict[str, Any]
    servers: dict[str, ServerThread]
    db: Path
    exact_token_file: Path
    runs: list[Run] = field(default_factory=list)

    @property
    def pms(self) -> custompms.CustomPMSStore:
        return self.stores["custompms"]

    @property
    def exact(self) -> exact.ExactStore:
        return self.stores["exact"]

    @property
    def wave(self) -> wave.WaveStore:
        return self.stores["wave"]

    def url(self, system: str) -> str:
        return self.servers[system].url

    # ---------------------------------------------------------------- clients and writers

    def custompms_client(self, **kwargs: Any) -> CustomPMSClient:
        kwargs.setdefault("backoff_base", 0.01)
        kwargs.setdefault("clock", Clock(speed=50))  # waits (the injected 429's Retry-After: 1) pass 50x faster
        kwargs.setdefault("max_concurrency", 8)
        return CustomPMSClient(self.url("custompms"), settings.SANDBOX_CUSTOMPMS_KEY, **kwargs)

    def exact_client(self, **kwargs: Any) -> ExactClient:
        kwargs.setdefault("clock", self.clock)
        kwargs.setdefault("backoff_base", 0.01)
        return ExactClient(self.url("exact"), settings.SANDBOX_EXACT_CLIENT_ID, settings.SANDBOX_EXACT_CLIENT_SECRET,
                           settings.SANDBOX_EXACT_REFRESH_TOKEN, self.exact_token_file, **kwargs)

    def wave_client(self, **kwargs: Any) -> WaveClient:
        kwargs.setdefault("backoff_base", 0.01)
        kwargs.setdefault("clock", Clock.stepped())  # backoffs and Retry-After waits cost no wall time
        return WaveClient(self.url("wave") + "/graphql/public", settings.SANDBOX_WAVE_TOKEN, **kwargs)

    def writers(self, **options: dict[str, Any]) -> dict[str, Any]:
        """Fresh writers (push closes them); options per system go to the client, `*_writer` to the writer."""
        return {
            "custompms": CustomPMSWriter(self.custompms_client(**options.get("custompms", {})),
                                         **options.get("custompms_writer", {})),
            "exact": ExactWriter(self.exact_client(**options.get("exact", {})), **options.get("exact_writer", {})),
            "wave": WaveWriter(self.wave_client(**options.get("wave", {})), **options.get("wave_writer", {})),
        }

    def push(self, systems: tuple[str, ...] | None = None, **options: dict[str, Any]) -> Run:
        run = Run(command="push", db_path=self.db)
        push(run, Console(quiet=True), db_path=self.db, systems=systems, writer_map=self.writers(**options))
        self.runs.append(run)
        return run

    # ---------------------------------------------------------------- what extraction would have landed

    def land_exact(self, division: int = DIV) -> dict[str, dict[str, Any]]:
        """raw_exact.accounts (its history) as an extraction now would land it (id, division, timestamp and values)."""
        accounts = {rec["ID"]: dict(rec) for rec in self.exact.division(division).accounts.rows.values()}
        with duckdb.connect(str(self.db)) as con:
            create_raw(con)
            con.execute("delete from raw_exact.accounts_history where division = ?", [division])
            con.executemany("insert into raw_exact.accounts_history (id, division, timestamp, name, phone) "
                            "values (?, ?, ?, ?, ?)",
                            [[a["ID"], division, a["_ts"], a["Name"], a["Phone"]] for a in accounts.values()])
        return accounts

    def land_wave(self) -> dict[str, dict[str, Any]]:
        """raw_wave.customers as an extraction now would land it (with the address)."""
        client = self.wave_client()
        try:
            business = client.businesses()[0]["id"]
            nodes = [node for page in client.customers(business) for node in page]
        finally:
            client.close()
        with duckdb.connect(str(self.db)) as con:
            create_raw(con)
            con.execute("delete from raw_wave.customers_history")
            con.executemany(
                """insert into raw_wave.customers_history (id, business_id, name, email, address_line1, address_line2,
                   city, province_code, country_code, postal_code, modified_at)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [[n["id"], business, n["name"], n["email"], n["address"]["addressLine1"], n["address"]["addressLine2"],
                  n["address"]["city"], (n["address"]["province"] or {}).get("code"),
                  (n["address"]["country"] or {}).get("code"), n["address"]["postalCode"], n["modifiedAt"]]
                 for n in nodes])
        return {n["id"]: {**n, "business_id": business} for n in nodes}

    def land_custompms(self) -> dict[str, dict[str, Any]]:
        customers = {rec["id"]: dict(rec) for rec in self.pms.customers.values()}
        with duckdb.connect(str(self.db)) as con:
            create_raw(con)
            con.execute("delete from raw_custompms.customers_history")
            con.executemany("insert into raw_custompms.customers_history (id, version, name) values (?, ?, ?)",
                            [[c["id"], c["version"], c["name"]] for c in customers.values()])
        return customers

    def pms_by_ref(self, system: str, ref_id: str) -> list[dict[str, Any]]:
        with self.pms.lock:
            return [dict(rec) for rec in self.pms.customers.values()
                    if {"system": system, "id": ref_id} in (rec.get("external_refs") or [])]

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()


WAVE_CUSTOMERS = [
    {"name": f"Maple Customer {i}", "email": f"maple{i}@example.ca", "currency": "CAD",
     "address": {"addressLine1": f"{i} King St W", "addressLine2": "Suite 100", "city": "Toronto",
                 "provinceCode": "ON", "countryCode": "CA", "postalCode": "M5H 1A1"}}
    for i in range(6)
]

SEED = {
    "exact": {
        "divisions": [{"Code": DIV, "Description": "Holding BV", "Status": 1},
                      {"Code": 102, "Description": "Belgium NV", "Status": 1}],
        "accounts": {DIV: [{"Name": f"Account {i}", "Code": f"A{i:03d}", "Email": f"a{i}@example.nl",
                            "Phone": "+31 20 000 0000", "City": "Amsterdam", "Country": "NL"} for i in range(8)],
                     102: [{"Name": f"Compte {i}", "Code": f"B{i:03d}", "City": "Gent", "Country": "BE"}
                           for i in range(8)]},
        "departments": {DIV: [], 102: []},
    },
    "wave": {"businesses": [{"name": "Maple Consulting", "currency": "CAD", "customers": WAVE_CUSTOMERS}]},
    "custompms": {"customers": [{"name": f"Existing {i}", "kind": "organisation", "email": f"e{i}@example.com",
                                 "address": {"line1": f"Main St {i}", "city": "Utrecht", "country": "NL"}}
                                for i in range(6)]},
}


def start(tmp: Path, clock: Clock | None = None) -> Emulators:
    clock = clock or Clock.stepped()  # real time, but a client's sleep (backoff, rate window) is instant
    stores = {"exact": exact.ExactStore(clock), "wave": wave.WaveStore(clock),
              "custompms": custompms.CustomPMSStore(clock)}
    for system, store in stores.items():
        store.load_seed(SEED[system])
    modules = {"exact": exact, "wave": wave, "custompms": custompms}
    faults = {system: FaultConfig(seed=3) for system in stores}
    servers = {system: ServerThread(modules[system].create_app(store, faults=faults[system], clock=clock)).start()
               for system, store in stores.items()}
    db = tmp / "state" / "customer_sync.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    return Emulators(tmp, clock, faults, stores, servers, db, tmp / "exact_tokens.json")
