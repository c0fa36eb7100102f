"""The runner: discovery, dependency order from SQL, clear errors, incremental = full."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import duckdb
import pytest
from modelkit import transform

from pipelines.models.runner import ModelError, discover, order, run_models


def write(root, rel, sql):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(sql))


def test_order_is_derived_from_the_sql(tmp_path):
    write(
        tmp_path,
        "b/second.sql",
        "with first as (select 1 as x) select x from a.first_model join first using (x)",
    )
    write(tmp_path, "a/first_model.sql", "-- materialized: view\nselect 1 as x")
    write(tmp_path, "c/third.sql", "select x from b.second")
    write(tmp_path, "audit/ignored.sql", "this is not sql")
    models = discover(tmp_path)
    assert set(models) == {"first_model", "second", "third"}
    assert models["second"].depends_on == {"first_model"}  # the CTE `first` is not a model
    assert [m.name for m in order(models)] == ["first_model", "second", "third"]
    con = duckdb.connect()
    run_models(con, sql_dir=tmp_path)
    assert con.execute("select x from c.third").fetchall() == [(1,)]
    assert con.execute(
        "select table_type from information_schema.tables where table_name = 'first_model'"
    ).fetchone() == ("VIEW",)


def test_syntax_error_names_file_line_and_column(tmp_path):
    write(tmp_path, "staging/broken.sql", "-- materialized: table\nselect a,\n  from (select 1 as a\n")
    with pytest.raises(ModelError) as err:
        discover(tmp_path)
    assert "staging/broken.sql:" in str(err.value)
    assert ":3:" in str(err.value) or ":4:" in str(err.value)


def test_cycle_is_reported_with_its_members(tmp_path):
    write(tmp_path, "x/one.sql", "select a from x.two")
    write(tmp_path, "x/two.sql", "select a from x.three")
    write(tmp_path, "x/three.sql", "select a from x.one")
    write(tmp_path, "x/free.sql", "select 1 as a")
    with pytest.raises(ModelError, match=r"cycle: one -> two -> three -> one"):
        order(discover(tmp_path))


def test_product_models_order_staging_identity_golden_delta():
    names = [m.name for m in order(discover())]
    pos = {n: i for i, n in enumerate(names)}
    assert pos["stg_exact_accounts_history"] < pos["stg_customer_versions"] < pos["stg_customers"]
    assert pos["match_keys"] < pos["link_proposals"] < pos["cluster_values"] < pos["property_deltas"]
    assert pos["cluster_values"] < pos["cluster_properties"]
    # reading sync.links (written by link_proposals' step) orders golden after identity
    assert "link_proposals" in discover()["cluster_values"].depends_on


def test_incremental_run_equals_full_refresh(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1", phone="1")
    raw.wave_customer("w1", 1, name="Acme", email="x@acme.nl")
    raw.custompms_customer("p1", 2, name="Acme", vat_number="NL1", email="x@acme.nl")
    raw.exact_account("a2", 0, name="Other")
    transform(con)
    raw.exact_account("a1", 5, phone="2")
    raw.wave_customer("w1", 6, city="Toronto")
    raw.exact_delete("a2", 7)
    transform(con)
    tables = ["golden.cluster_properties", "delta.property_deltas", "staging.stg_customers"]
    cols = {
        "golden.cluster_properties": "cluster_id, property, value, changed_at",
        "delta.property_deltas": "target_system, record_id, property, old_value, new_value",
        "staging.stg_customers": "system, record_id, name, phone, city, is_deleted, active",
    }
    incremental = {t: sorted(con.execute(f"select {cols[t]} from {t}").fetchall(), key=str) for t in tables}
    transform(con, full_refresh=True)
    for t in tables:
        assert sorted(con.execute(f"select {cols[t]} from {t}").fetchall(), key=str) == incremental[t], t


DISCOVER = """
import json, sys
from pathlib import Path
from pipelines import settings
settings.PARSE_CACHE_FILE = Path(sys.argv[1])
from pipelines.models import parsecache, runner
models = runner.discover(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
print(json.dumps({
    "order": [m.name for m in runner.order(models)],
    "reads": {m.name: sorted(m.reads) for m in models.values()},
    "scopes": {m.name: runner._scope_sql(m) for m in models.values()},
    "parsed": "sqlglot" in sys.modules,
}))
parsecache.save()
"""


def discover_in_a_new_process(cache, sql_dir=None):
    args = [sys.executable, "-c", DISCOVER, str(cache), *([str(sql_dir)] if sql_dir else [])]
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def test_a_new_process_takes_the_parse_of_unchanged_sql_from_the_cache(tmp_path):
    cache = tmp_path / "parsed.json"
    first = discover_in_a_new_process(cache)
    second = discover_in_a_new_process(cache)
    assert first["parsed"] and not second["parsed"]  # the second never imported sqlglot
    assert {k: v for k, v in second.items() if k != "parsed"} == {k: v for k, v in first.items() if k != "parsed"}
    assert second["scopes"]["cluster_values"].startswith("with scope AS (SELECT DISTINCT cluster_id")
    assert "golden.record_values" in second["reads"]["cluster_values"]

    # an edited file is parsed again: its new dependencies count, and the cache keeps only what is used
    write(tmp_path / "sql", "a/first.sql", "select 1 as x")
    write(tmp_path / "sql", "b/second.sql", "select x from a.first")
    assert discover_in_a_new_process(cache, tmp_path / "sql")["order"] == ["first", "second"]
    write(tmp_path / "sql", "b/second.sql", "select 1 as x")
    write(tmp_path / "sql", "a/first.sql", "select x from b.second")
    edited = discover_in_a_new_process(cache, tmp_path / "sql")
    assert edited["order"] == ["second", "first"] and edited["parsed"]
    kept = {key.split(":")[1] for key in json.loads(cache.read_text())["entries"]}  # by md5 of the SQL text
    assert len(kept) == 2  # the two files as they are now, nothing older

    # what another version of the generating code (runner, steps, sqlglot) kept is not used
    stored = json.loads(cache.read_text())
    cache.write_text(json.dumps(stored | {"version": "an older runner"}))
    assert discover_in_a_new_process(cache, tmp_path / "sql")["parsed"]
    assert json.loads(cache.read_text())["version"] == stored["version"]


def test_an_incremental_run_that_fails_rolls_back_whole_and_the_rerun_catches_up(tmp_path):
    write(tmp_path, "a/first.sql", """\
        -- materialized: incremental
        -- unique_key: id
        select id, v, getvariable('run_at') as _transformed_at
        from land.items
        where getvariable('since') is null or added_at > getvariable('since')
        """)
    write(tmp_path, "b/second.sql", "select id, cast(v as integer) as n from a.first")
    write(tmp_path, "c/constants.sql", "select 1 as one")
    con = duckdb.connect()
    con.execute("create schema land; create table land.items (id integer, v text, added_at timestamptz)")
    con.execute("insert into land.items values (1, '1', now())")
    run_models(con, sql_dir=tmp_path)
    runs = "select model, run_at, rows from sync.model_runs order by all"
    before = con.execute(runs).fetchall()

    con.execute("insert into land.items values (2, 'not a number', now())")
    with pytest.raises(ModelError, match="b/second.sql"):
        run_models(con, sql_dir=tmp_path)
    assert con.execute("select id from a.first").fetchall() == [(1,)]  # first's new row went with the run
    assert con.execute(runs).fetchall() == before

    con.execute("update land.items set v = '7' where id = 2")
    results = run_models(con, sql_dir=tmp_path)
    assert not any(r.full_refresh for r in results)
    assert con.execute("select id, n from b.second order by id").fetchall() == [(1, 1), (2, 7)]
    assert con.execute("select one from c.constants").fetchall() == [(1,)]
    assert {r.name: r.rows for r in results}["constants"] == 1


def test_a_first_sync_stores_its_history_compressed_where_the_ddl_allows(tmp_path, monkeypatch):
    """Inside a run the models' strings are stored uncompressed (settings.TRANSFORM_DISABLED_COMPRESSION);
    the history step's bulk insert (a first sync's: every record's non-empty properties) is written with
    compression on, so sync.property_history's few-valued strings are compressed and its record ids and
    values stay as the DDL says. Raw data as bench/bench_transform.py generates it, 10,000 per system."""
    from pipelines import settings
    from pipelines.models.runner import COMPRESSION_SETTING

    monkeypatch.syspath_prepend(str(settings.ROOT / "bench"))  # for this test only
    import bench_transform

    con = duckdb.connect(str(tmp_path / "bulk.duckdb"))
    bench_transform.generate(con, 10_000)
    run_models(con)
    stored: dict[str, set[str]] = {}
    for column, method in con.execute(
        "select column_name, compression from pragma_storage_info('sync.property_history') "
        "where segment_type = 'VARCHAR'"
    ).fetchall():
        stored.setdefault(column, set()).add(method)
    rows = con.execute("select count(*) from sync.property_history").fetchone()[0]
    setting = con.execute(f"select current_setting('{COMPRESSION_SETTING}')").fetchone()[0]
    con.close()
    assert rows > 2 * 122_880  # more than a row group per thread: written straight to the file
    for column in ("system", "entity", "property", "change_source", "run_id"):
        assert stored[column] == {"DICT_FSST"}, (column, stored[column])
    for column in ("record_id", "value"):
        assert stored[column] == {"Uncompressed"}, (column, stored[column])
    assert setting != settings.TRANSFORM_DISABLED_COMPRESSION  # the run's setting ends with the run
