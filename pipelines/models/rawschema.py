"""The raw layer's table contract (docs/architecture.md) as DDL, for tests and benchmarks.

The product never runs this against its state file: there dlt creates the raw tables (and the product
the current views over the histories, pipelines/rawcurrent.py). Types are
what dlt infers from the APIs' JSON (Exact dates stay `/Date(ms)/` text, Wave and CustomPMS
times stay RFC 3339 text).
"""

from __future__ import annotations

import duckdb

from pipelines import settings
from pipelines.rawcurrent import CURRENT, view_sql

COLUMNS: dict[str, dict[str, str]] = {
    "raw_exact.accounts": {
        "id": "text",
        "division": "bigint",
        "timestamp": "bigint",
        "name": "text",
        "code": "text",
        "email": "text",
        "phone": "text",
        "fax": "text",
        "website": "text",
        "vat_number": "text",
        "chamber_of_commerce": "text",
        "address_line1": "text",
        "address_line2": "text",
        "address_line3": "text",
        "postcode": "text",
        "city": "text",
        "state": "text",
        "country": "text",
        "remarks": "text",
        "blocked": "boolean",
        "status": "text",
        "created": "text",
        "modified": "text",
        "division_move_date": "text",
    },
    "raw_exact.deleted": {
        "entity_key": "text",
        "entity_type": "bigint",
        "deleted_date": "text",
        "timestamp": "bigint",
        "division": "bigint",
        "id": "text",
    },
    "raw_exact.divisions": {
        "code": "bigint",
        "description": "text",
        "status": "bigint",
        "email": "text",
        "phone": "text",
        "fax": "text",
        "website": "text",
        "vat_number": "text",
        "chamber_of_commerce_number": "text",
        "address_line1": "text",
        "address_line2": "text",
        "address_line3": "text",
        "postcode": "text",
        "city": "text",
        "state": "text",
        "country": "text",
        "currency": "text",
        "created": "text",
        "modified": "text",
        "division_move_date": "text",
    },
    "raw_exact.departments": {
        "id": "text",
        "division": "bigint",
        "code": "text",
        "description": "text",
        "notes": "text",
        "created": "text",
        "modified": "text",
        "is_deleted": "boolean",
    },
    "raw_wave.businesses": {"id": "text", "name": "text", "currency_code": "text", "modified_at": "text"},
    "raw_wave.customers": {
        "id": "text",
        "business_id": "text",
        "name": "text",
        "first_name": "text",
        "last_name": "text",
        "display_id": "text",
        "email": "text",
        "mobile": "text",
        "phone": "text",
        "fax": "text",
        "website": "text",
        "internal_notes": "text",
        "currency_code": "text",
        "address_line1": "text",
        "address_line2": "text",
        "city": "text",
        "province_code": "text",
        "country_code": "text",
        "postal_code": "text",
        "created_at": "text",
        "modified_at": "text",
        "is_archived": "boolean",
    },
    "raw_custompms.customers": {
        "id": "text",
        "version": "bigint",
        "name": "text",
        "kind": "text",
        "code": "text",
        "email": "text",
        "phone": "text",
        "mobile": "text",
        "fax": "text",
        "website": "text",
        "notes": "text",
        "vat_number": "text",
        "registration_number": "text",
        "currency": "text",
        "address_line1": "text",
        "address_line2": "text",
        "address_line3": "text",
        "postal_code": "text",
        "city": "text",
        "region": "text",
        "country": "text",
        "contact_first_name": "text",
        "contact_last_name": "text",
        "active": "boolean",
        "external_refs": "json",
        "created_at": "text",
        "updated_at": "text",
        "deleted": "boolean",
    },
}
# the versioned tables: dlt appends each observed version to `<name>_history`; `<name>` is the view of
# each key's latest version (pipelines/rawcurrent.py)
HISTORY = [f"{settings.DATASETS[system]}.{table}" for system, current in CURRENT.items() for table in current]


def tables() -> dict[str, dict[str, str]]:
    """Every raw table or view with its columns, `_extracted_at` included, history tables too."""
    out = {}
    for name, cols in COLUMNS.items():
        full = {**cols, "_extracted_at": "timestamptz"}
        out[name] = full
        if name in HISTORY:
            out[name + "_history"] = full
    return out


def create_raw(con: duckdb.DuckDBPyConnection) -> None:
    """The raw layer as a load leaves it: the history tables and the other raw tables (Exact's deleted,
    Wave's businesses), and the current views over the histories."""
    for name, cols in tables().items():
        con.execute(f"create schema if not exists {name.split('.')[0]}")
        if name not in HISTORY:
            body = ", ".join(f'"{c}" {t}' for c, t in cols.items())
            con.execute(f"create table if not exists {name} ({body})")
    columns = tables()
    for system, current in CURRENT.items():
        dataset = settings.DATASETS[system]
        for table, latest in current.items():
            con.execute(view_sql(dataset, table, latest, list(columns[f"{dataset}.{table}"])))
