"""A state file built by the code before pipelines/rawcurrent.py (each versioned entity stored twice: a
current table dlt merged and its append-only history) is converted by the first extract of this code: the
current tables become views of each key's latest version in history, dlt's schema forgets them, and no
version and no current row is lost or changed.

The old layout is made by the real pipelines of `extract` with the old hints: the product's readers, their
resources switched back to a merged current table with every row copied into the history variant, as the
code before did."""

from __future__ import annotations

import json

import duckdb
import pyarrow as pa

from pipelines import extract
from pipelines.pages import Reader, Started, Variant
from pipelines.rawcurrent import CURRENT
from pipelines.statefile import dlt_dir

from .test_sync import exact_account, wave_customer

# the hints of the versioned resources before: a current table merged on the key, newest version kept
NEWEST = {
    ("exact", "accounts"): {"timestamp": {"name": "timestamp", "data_type": "bigint", "dedup_sort": "desc"}},
    ("custompms", "customers"): {"version": {"name": "version", "data_type": "bigint", "dedup_sort": "desc"}},
}


def old_layout_source(system: str):
    """The system's source as it was loaded before: current tables merged, every row also in history."""
    configured = extract._source(system)  # dlt resolves the configuration, as for a run
    configured.client.close()
    extraction = extract._extraction(system, configured.arguments, {})
    for index, reader in enumerate(extraction.readers):
        if reader.name in CURRENT[system]:
            hints = {"primary_key": list(CURRENT[system][reader.name].key), "write_disposition": "merge",
                     "columns": NEWEST.get((system, reader.name))}
            extraction.readers[index] = Reader(reader.name, hints, both(reader))
    return extract._source(system, Started(extraction, {}, {}))


def both(reader: Reader):
    def read(state):
        for item in reader.read(state):
            yield item
            if isinstance(item, pa.Table):  # the rows (not a quarantine variant): their copy in history
                yield Variant(item, f"{reader.name}_history")

    return read


def old_extract(sandbox) -> None:
    for system in extract.SYSTEMS:
        pipeline = extract.pipeline_for(system, sandbox.db, dlt_dir(sandbox.db))
        source = old_layout_source(system)
        try:
            assert not pipeline.run(source).has_failed_jobs
        finally:
            source.client.close()


def relations(sandbox) -> dict[str, str]:
    return dict(sandbox.sql("select table_schema || '.' || table_name, table_type from information_schema.tables "
                            "where starts_with(table_schema, 'raw_')"))


def current_rows(sandbox) -> dict[str, list[tuple]]:
    """Every versioned entity's current rows (columns by name, sorted), and its history rows."""
    out = {}
    for system, tables in CURRENT.items():
        dataset = extract.settings.DATASETS[system]
        for table in tables:
            names = [name for (name,) in sandbox.sql(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                "order by column_name", [dataset, table])]
            listed = ", ".join(f'"{name}"' for name in names)
            out[f"{dataset}.{table}"] = sandbox.sql(f"select {listed} from {dataset}.{table} order by all")
            out[f"{dataset}.{table}_history"] = sandbox.sql(
                f"select {listed} from {dataset}.{table}_history order by all")
    return out


def dlt_tables(system: str, sandbox) -> set[str]:
    pipeline = extract.pipeline_for(system, sandbox.db, dlt_dir(sandbox.db))
    return set(pipeline.default_schema.tables)


def test_the_first_extract_converts_the_old_layout_and_loses_nothing(sandbox):
    old_extract(sandbox)
    acme = exact_account(sandbox, 101, "Acme")
    sandbox.exact.edit_account(101, acme["ID"], {"Phone": "+31 20 765 4321"})
    northern = wave_customer(sandbox, "Northern Lights")
    sandbox.wave.patch_customer(northern["id"], {"phone": "+1 416 555 0101"})
    pms = sandbox.pms_customers()[0]
    sandbox.custompms.patch(pms["id"], {"phone": "+32 50 11 22 33"})
    old_extract(sandbox)  # a second version of one record per system, merged into the current tables

    before = current_rows(sandbox)
    kinds = relations(sandbox)
    assert {kinds[name] for name in before} == {"BASE TABLE"}
    assert {"accounts", "divisions", "departments"} <= dlt_tables("exact", sandbox)
    assert sum(len(rows) for name, rows in before.items() if name.endswith("_history")) > sum(
        len(rows) for name, rows in before.items() if not name.endswith("_history"))  # versions, not copies

    assert sandbox.cli("extract") == 0  # nothing new in the systems: the conversion alone
    kinds = relations(sandbox)
    for name in before:
        assert kinds[name] == ("BASE TABLE" if name.endswith("_history") else "VIEW"), name
    assert current_rows(sandbox) == before
    for system, tables in CURRENT.items():
        assert not set(tables) & dlt_tables(system, sandbox), system
    assert kinds["raw_exact.deleted"] == kinds["raw_wave.businesses"] == "BASE TABLE"  # not versioned: as before

    sandbox.custompms.patch(pms["id"], {"phone": "+32 50 99 88 77"})
    assert sandbox.cli("extract") == 0  # a new version after the conversion: into history, seen by the view
    after = current_rows(sandbox)
    assert len(after["raw_custompms.customers_history"]) == len(before["raw_custompms.customers_history"]) + 1
    assert sandbox.sql("select phone, version from raw_custompms.customers where id = ?", [pms["id"]]) == [
        ("+32 50 99 88 77", pms["version"] + 2)]
    assert len(after["raw_custompms.customers"]) == len(before["raw_custompms.customers"])


def test_a_view_lost_between_the_load_and_making_it_is_made_by_the_next_extract(sandbox):
    """A kill after dlt's load and before rawcurrent made the views leaves histories without them; the next
    extract makes them even when nothing is new (it does not involve dlt then)."""
    assert sandbox.cli("extract") == 0
    before = current_rows(sandbox)
    with duckdb.connect(str(sandbox.db)) as con:
        for name in before:
            if not name.endswith("_history"):
                con.execute(f"drop view {name}")
    assert sandbox.cli("extract") == 0
    (extracted,) = sandbox.sql("select rows_extracted from sync.runs order by started_at desc limit 1")[0]
    assert json.loads(extracted) == {"exact": 0, "wave": 0, "custompms": 0}  # nothing new: no dlt run
    assert current_rows(sandbox) == before
    kinds = relations(sandbox)
    assert {kinds[name] for name in before if not name.endswith("_history")} == {"VIEW"}
