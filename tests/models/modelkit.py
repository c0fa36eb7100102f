"""Test kit: hand-built raw tables (the contract in docs/architecture.md), a simulated writer, lookups."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import duckdb

from pipelines.models.rawschema import create_raw, tables
from pipelines.models.runner import run_models

T0 = datetime(2024, 1, 1, tzinfo=UTC)
KEYS = {
    "raw_exact.accounts": ["id"],
    "raw_exact.divisions": ["code"],
    "raw_exact.departments": ["id"],
    "raw_wave.customers": ["id"],
    "raw_custompms.customers": ["id"],
}


def exact_date(at: datetime) -> str:
    return f"/Date({int(at.timestamp() * 1000)})/"


def rfc3339(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Raw:
    """Writes source records the way extraction lands them: a history version (the current view shows the
    latest)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        create_raw(con)
        self.columns = tables()
        self.rows: dict[tuple[str, str], dict] = {}
        self.exact_deleted: set[str] = set()  # Exact's deletes are final: these ids never come back
        self.counter = 0

    def at(self, minutes: float) -> datetime:
        return T0 + timedelta(minutes=minutes)

    def _put(self, table: str, row: dict) -> dict:
        key = tuple(str(row[k]) for k in KEYS[table])
        previous = self.rows.get((table, key), {})
        row = {**previous, **row, "_extracted_at": datetime.now(UTC)}
        self.rows[(table, key)] = row
        cols = [c for c in self.columns[table] if c in row]
        values = [
            json.dumps(row[c]) if self.columns[table][c] == "json" and row[c] is not None else row[c]
            for c in cols
        ]
        placeholders = ", ".join("?" for _ in cols)
        names = ", ".join(f'"{c}"' for c in cols)
        self.con.execute(f"insert into {table}_history ({names}) values ({placeholders})", values)
        return row

    def exact_account(self, id: str, at: float, division: int = 1, **fields) -> dict:
        self.counter += 1
        return self._put(
            "raw_exact.accounts",
            {
                "id": id,
                "division": division,
                "timestamp": self.counter,
                "modified": exact_date(self.at(at)),
                **fields,
            },
        )

    def exact_delete(self, id: str, at: float, division: int = 1) -> None:
        self.exact_deleted.add(id)
        self.counter += 1
        self.con.execute(
            "insert into raw_exact.deleted values (?, 2, ?, ?, ?, ?, ?)",
            [id, exact_date(self.at(at)), self.counter, division, id, datetime.now(UTC)],
        )

    def division(self, code: int, at: float, **fields) -> dict:
        return self._put(
            "raw_exact.divisions", {"code": code, "status": 1, "modified": exact_date(self.at(at)), **fields}
        )

    def department(self, id: str, at: float, **fields) -> dict:
        return self._put(
            "raw_exact.departments",
            {"id": id, "division": 1, "modified": exact_date(self.at(at)), "is_deleted": False, **fields},
        )

    def wave_customer(self, id: str, at: float, **fields) -> dict:
        return self._put(
            "raw_wave.customers",
            {
                "id": id,
                "business_id": "biz1",
                "is_archived": False,
                "modified_at": rfc3339(self.at(at)),
                **fields,
            },
        )

    def custompms_customer(self, id: str, at: float, **fields) -> dict:
        previous = self.rows.get(("raw_custompms.customers", (id,)), {})
        return self._put(
            "raw_custompms.customers",
            {
                "id": id,
                "version": previous.get("version", 0) + 1,
                "active": True,
                "deleted": False,
                "updated_at": rfc3339(self.at(at)),
                **fields,
            },
        )


def transform(con: duckdb.DuckDBPyConnection, **kwargs):
    return run_models(con, **kwargs)


def golden(con, cluster_id: str | None = None, record: tuple[str, str, str] | None = None) -> dict[str, str]:
    """The golden values of the cluster (or of the cluster a record belongs to)."""
    if record:
        cluster_id = cluster_of(con, *record)
    rows = con.execute(
        "select property, value from golden.cluster_properties where cluster_id = ?", [cluster_id]
    ).fetchall()
    return dict(rows)


def cluster_of(con, system: str, entity: str, record_id: str) -> str | None:
    row = con.execute(
        "select cluster_id from sync.links where system = ? and entity = ? and record_id = ?"
        " and unlinked_at is null",
        [system, entity, record_id],
    ).fetchone()
    return row[0] if row else None


def deltas(con, target_system: str | None = None) -> list[tuple]:
    sql = "select target_system, record_id, property, old_value, new_value from delta.property_deltas"
    if target_system:
        sql += f" where target_system = '{target_system}'"
    return sorted(con.execute(sql).fetchall(), key=str)


# Where a canonical property lands in each raw table when the simulated writer applies it.
RAW_COLUMN = {
    ("custompms", "customers"): {},
    ("exact", "accounts"): {
        "registration_number": "chamber_of_commerce",
        "postal_code": "postcode",
        "region": "state",
        "notes": "remarks",
    },
    ("wave", "customers"): {
        "code": "display_id",
        "notes": "internal_notes",
        "currency": "currency_code",
        "contact_first_name": "first_name",
        "contact_last_name": "last_name",
        "region": "province_code",
        "country": "country_code",
    },
}


def apply_operations(con, raw: Raw, at: float, systems: tuple[str, ...] = ("custompms", "exact", "wave")) -> int:
    """Play the writer: apply delta.operations (to `systems`) to the raw tables (as the next
    extraction would land them) and record each write in sync.write_ledger; a create also records
    its link by origin."""
    ops = con.execute(
        "select op_id, target_system, target_entity, record_id, cluster_id, operation, payload,"
        " ledger_entries "
        "from delta.operations where list_contains(?, target_system) order by op_id", [list(systems)]
    ).fetchall()
    for op_id, system, entity, record_id, cluster_id, operation, payload, ledger in ops:
        # CustomPMS keeps the external_refs a create or update sends (the next extraction sees them)
        refs = json.loads(payload).get("external_refs") if system == "custompms" else None
        if operation == "create":
            record_id = "cus_" + op_id[3:15]
            values = dict(  # what the create sends: the projection, minus held-back properties
                con.execute(
                    "select property, value from delta.projected_values as v where cluster_id = ?"
                    " and target_system = 'custompms' and target_entity = 'customers' and not exists ("
                    "  select 1 from delta.property_violations as h where h.record_id is null"
                    "  and h.cluster_id = v.cluster_id and h.property = v.property)",
                    [cluster_id],
                ).fetchall()
            )
            fields = {k: v for k, v in values.items() if k != "active"}
            raw.custompms_customer(record_id, at, active=values.get("active", "true") == "true",
                                   external_refs=refs, **fields)
            con.execute(
                "insert into sync.links (cluster_id, system, entity, record_id, established_by, rule, run_id)"
                " values (?, 'custompms', 'customers', ?, 'origin', 'origin', 'test')",
                [cluster_id, record_id],
            )
        else:
            changes = con.execute(  # the operation's properties: held-back ones stay out
                "select property, new_value, target_value from delta.property_deltas as d "
                "where target_system = ? and target_entity = ? and record_id = ? and not exists ("
                " select 1 from delta.property_violations as h where h.target_system = d.target_system"
                " and h.target_entity = d.target_entity and h.record_id = d.record_id and h.property = d.property)",
                [system, entity, record_id],
            ).fetchall()
            mapping = RAW_COLUMN[(system, entity)]
            fields = {}
            for prop, new, target in changes:
                if prop == "active":
                    fields["active"] = new == "true"
                elif system == "exact" and prop == "code":
                    fields["code"] = target.rjust(18)  # Exact pads it
                else:
                    fields[mapping.get(prop, prop)] = target
            if refs is not None:
                fields["external_refs"] = refs
            {"custompms": raw.custompms_customer, "exact": raw.exact_account, "wave": raw.wave_customer}[
                system
            ](record_id, at, **fields)
        for entry in json.loads(ledger):
            con.execute(
                "insert into sync.write_ledger (target_system, target_entity, record_id, property,"
                " value_hash,"
                " change_time, run_id, outbox_id) values (?, ?, ?, ?, ?, ?, 'test', ?)",
                [
                    system,
                    entity,
                    record_id,
                    entry["property"],
                    entry["value_hash"],
                    entry["change_time"],
                    op_id,
                ],
            )
    return len(ops)
