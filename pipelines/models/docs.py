"""Dataflow documents (docs/dataflows/<flow>.rst) generated from the models' column lineage.

Every row comes from sqlglot's lineage of a staging model's `mapped` CTE (the one place a
source's mapping lives): canonical property <- raw column. The raw column is named back to the
API's property with the raw layer's naming table below (dlt snake-cases API names; Wave's
address and currency are flattened by the extractor), the CustomPMS property comes from the
lineage of the CustomPMS staging model the same way, and its data type from the OpenAPI file.
Whether edits also flow back is read from the delta model `delta.target_fields`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlglot
import yaml
from sqlglot import exp
from sqlglot.lineage import lineage

from pipelines import settings
from pipelines.models.rawschema import tables
from pipelines.models.runner import discover

# The raw layer's naming: raw column -> the API property it was extracted from.
API_NAMES: dict[str, dict[str, str]] = {
    "raw_exact.accounts_history": {
        "vat_number": "VATNumber",
        "chamber_of_commerce": "ChamberOfCommerce",
        "postcode": "Postcode",
    },
    "raw_exact.divisions_history": {
        "vat_number": "VATNumber",
        "chamber_of_commerce_number": "ChamberOfCommerceNumber",
        "postcode": "Postcode",
    },
    "raw_exact.departments_history": {"is_deleted": "IsDeleted"},
    "raw_wave.customers_history": {
        "display_id": "displayId",
        "internal_notes": "internalNotes",
        "currency_code": "currency.code",
        "first_name": "firstName",
        "last_name": "lastName",
        "is_archived": "isArchived",
        "address_line1": "address.addressLine1",
        "address_line2": "address.addressLine2",
        "city": "address.city",
        "province_code": "address.province.code",
        "country_code": "address.country.code",
        "postal_code": "address.postalCode",
    },
    "raw_custompms.customers_history": {
        "address_line1": "address.line1",
        "address_line2": "address.line2",
        "address_line3": "address.line3",
        "postal_code": "address.postal_code",
        "city": "address.city",
        "region": "address.region",
        "country": "address.country",
        "contact_first_name": "contact.first_name",
        "contact_last_name": "contact.last_name",
    },
}
PASCAL_SYSTEMS = {"raw_exact"}  # Exact's OData names are PascalCase, Wave's GraphQL camelCase
SNAKE_SYSTEMS = {"raw_custompms"}  # the CustomPMS contract is snake_case already
PROPERTIES = [
    "name",
    "code",
    "email",
    "phone",
    "mobile",
    "fax",
    "website",
    "notes",
    "vat_number",
    "registration_number",
    "currency",
    "address_line1",
    "address_line2",
    "address_line3",
    "postal_code",
    "city",
    "region",
    "country",
    "contact_first_name",
    "contact_last_name",
    "active",
]


@dataclass(frozen=True)
class Flow:
    slug: str
    title: str  # "ExactOnline Accounts"
    model: str  # staging model holding the mapping
    system: str
    entity: str
    only: str | None = None  # "address": the organisation-data slice; "non-address": the rest


FLOWS = [
    Flow("exact_accounts", "ExactOnline Accounts", "stg_exact_accounts_history", "exact", "accounts"),
    Flow("exact_divisions", "ExactOnline Divisions", "stg_exact_divisions_history", "exact", "divisions"),
    Flow(
        "exact_departments",
        "ExactOnline Departments",
        "stg_exact_departments_history",
        "exact",
        "departments",
    ),
    Flow("wave_customers", "Wave Customer", "stg_wave_customers_history", "wave", "customers", "non-address"),
    Flow(
        "wave_customers_organisation",
        "Wave Customer (organisation data)",
        "stg_wave_customers_history",
        "wave",
        "customers",
        "address",
    ),
]


def api_name(table: str, column: str) -> str:
    named = API_NAMES.get(table, {}).get(column)
    if named:
        return named
    parts = column.split("_")
    if table.split(".")[0] in SNAKE_SYSTEMS:
        return column
    if table.split(".")[0] in PASCAL_SYSTEMS:
        return "".join(p[:1].upper() + p[1:] for p in parts)
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def _raw_schema() -> dict:
    """The raw layer's columns (rawschema mirrors the contract), so lineage resolves bare columns."""
    schema: dict = {}
    for name, cols in tables().items():
        db, table = name.split(".")
        schema.setdefault(db, {})[table] = cols
    return schema


def mapped_lineage(sql: str) -> dict[str, list[tuple[str, str]]]:
    """canonical column -> [(raw table, raw column)] for the model's `mapped` CTE."""
    tree = sqlglot.parse_one(sql, read="duckdb")
    with_ = tree.args.get("with_")
    mapped = next(c for c in with_.expressions if c.alias_or_name == "mapped")
    out: dict[str, list[tuple[str, str]]] = {}
    for column in mapped.this.named_selects:
        if column not in PROPERTIES:
            continue
        query = exp.select(column).from_("mapped")
        query.set("with_", with_.copy())
        node = lineage(column, query, _raw_schema(), dialect="duckdb")
        leaves = []
        for n in node.walk():
            if isinstance(n.expression, exp.Table):
                table = f"{n.expression.db}.{n.expression.name}"
                leaves.append((table, n.name.split(".")[-1]))
        if leaves:
            out[column] = sorted(set(leaves))
    return out


def openapi_types(path: Path | None = None) -> dict[str, str]:
    """CustomPMS property path (address.city) -> its data type in the OpenAPI contract."""
    spec = yaml.safe_load((path or settings.ROOT / "pipelines" / "custompms" / "openapi.yaml").read_text())
    schemas = spec["components"]["schemas"]

    def type_of(prop: dict) -> str:
        kind = prop.get("type", "object")
        kinds = [k for k in (kind if isinstance(kind, list) else [kind]) if k != "null"]
        text = kinds[0] if kinds else "string"
        if prop.get("format"):
            text += f" ({prop['format']})"
        return text

    types = {}
    for name, prop in schemas["CustomerInput"]["properties"].items():
        ref = prop.get("$ref")
        if ref:
            for sub, subprop in schemas[ref.rsplit("/", 1)[-1]]["properties"].items():
                types[f"{name}.{sub}"] = type_of(subprop)
        else:
            types[name] = type_of(prop)
    return types


def _writable(con_rows: list[tuple], system: str, entity: str) -> set[str]:
    return {prop for s, e, prop, _f, w in con_rows if s == system and e == entity and w}


def _target_fields() -> list[tuple]:
    """The rows of delta.target_fields, evaluated from its SQL (no database needed)."""
    import duckdb

    models = discover()
    sql = models["target_fields"].sql
    return duckdb.connect().execute(sql).fetchall()


def render(flow: Flow, rows: list[tuple[str, str, str]], writable: set[str], generated: str) -> str:
    heading = f"{flow.title} to CustomPMS Customer"
    article = "an" if flow.title[0].lower() in "aeiou" else "a"
    lines = [
        heading,
        "=" * len(heading),
        "",
        f"Generated {generated} from the column lineage of the SQL models",
        "(``python -m pipelines.models docs``); do not edit by hand.",
        "",
        f"This document describes how {flow.title} records are synchronized with CustomPMS Customers.",
        "",
        heading,
        "-" * len(heading),
        f"Every {flow.title} will be synchronized with a CustomPMS Customer.",
        "",
        f"Once a link between {article} {flow.title} and a CustomPMS Customer is established, it will keep",
        "in sync between the two systems, regardless of where it is edited.",
        "",
    ]
    props = {canonical for _s, canonical, _t in rows}
    if writable:
        back = sorted(props & writable)
        one_way = sorted(props - writable)
        lines.append(
            f"{flow.title} is writable: edits made in CustomPMS flow back to it"
            + (f" (except {', '.join(one_way)}, which flows into CustomPMS only)." if one_way else ".")
        )
    else:
        lines.append(
            f"{flow.title} is read-only in its API: values flow into CustomPMS only; a CustomPMS edit "
            "that would need to change it is recorded in sync.not_writable."
        )
        back = []
    del back
    lines += [
        "",
        f"The following properties are synchronized between {article} {flow.title} and a CustomPMS Customer:",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
        f"   * - {flow.title} Property",
        "     - CustomPMS Customer Property",
        "     - CustomPMS Data Type",
    ]
    for source, _canonical, (target, data_type) in sorted(rows, key=lambda r: r[0].lower()):
        lines += [f"   * - {source}", f"     - {target}", f"     - {data_type}"]
    return "\n".join(lines) + "\n"


def flow_rows(flow: Flow, models, pms: dict[str, tuple[str, str]]) -> list[tuple[str, str, tuple[str, str]]]:
    rows = []
    for canonical, leaves in mapped_lineage(models[flow.model].sql).items():
        if canonical not in pms:
            continue
        for table, column in leaves:
            if column == "_extracted_at" or (column == "modified" and canonical != "modified_at"):
                continue
            source = api_name(table, column)
            is_address = source.startswith("address.")
            if flow.only == "address" and not is_address or flow.only == "non-address" and is_address:
                continue
            rows.append((source, canonical, pms[canonical]))
    return rows


def write_docs(out_dir: Path | None = None) -> list[Path]:
    out_dir = Path(out_dir or settings.ROOT / "docs" / "dataflows")
    out_dir.mkdir(parents=True, exist_ok=True)
    models = discover()
    types = openapi_types()
    pms = {}
    for canonical, leaves in mapped_lineage(models["stg_custompms_customers_history"].sql).items():
        for table, column in leaves:
            if table.endswith("customers_history") and column not in ("updated_at", "_extracted_at"):
                name = api_name(table, column)
                pms[canonical] = (name, types.get(name, "string"))
    fields = _target_fields()
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    written = []
    for flow in FLOWS:
        rows = flow_rows(flow, models, pms)
        text = render(flow, rows, _writable(fields, flow.system, flow.entity), generated)
        path = out_dir / f"{flow.slug}.rst"
        path.write_text(re.sub(r"\n{3,}", "\n\n", text))
        written.append(path)
    return written
