"""How dlt's loads land in the state file (pipelines.extract.destination): under the database's own
checkpoint threshold, not the 1 GB dlt sets on every database it loads into. Under dlt's setting a load's
rows stayed in the WAL, uncompressed, until a later checkpoint wrote them into the file again; under the
database's own, a load larger than the threshold is written into the file at its commit."""

from __future__ import annotations

import dlt
import duckdb
import pyarrow as pa

from pipelines import extract
from pipelines.statefile import held, lent_to_dlt, open_state

ROWS = 20_000  # about 2.5 MB of WAL: more than the threshold the held connection is given


def rows() -> pa.Table:
    return pa.table({"id": [f"probe_{i:06d}" for i in range(ROWS)],
                     "notes": [f"note {i} " + "x" * 80 for i in range(ROWS)]})


def threshold(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("select current_setting('checkpoint_threshold')").fetchall()[0][0]


def test_a_load_through_the_runs_connection_keeps_its_threshold_and_leaves_no_wal(tmp_path):
    db = tmp_path / "state.duckdb"
    with held(db):
        con = open_state(db)
        con.execute("set global checkpoint_threshold = '1MB'")
        own = threshold(con)
        into = lent_to_dlt(db)
        assert isinstance(into, duckdb.DuckDBPyConnection)
        pipeline = extract.pipeline_for("custompms", into, tmp_path / "dlt")
        pipeline.run(dlt.resource(rows(), name="load_probe"))
        assert threshold(con) == own
        wal = db.with_name(db.name + ".wal")
        assert not wal.exists() or wal.stat().st_size == 0  # the rows went into the file at the load's commit
        assert con.execute("select count(*) from raw_custompms.load_probe").fetchone()[0] == ROWS
        con.close()
    with open_state(db, read_only=True) as con:
        assert con.execute("select count(distinct id) from raw_custompms.load_probe").fetchone()[0] == ROWS


def test_a_load_into_a_path_leaves_duckdbs_default_threshold(tmp_path):
    db = tmp_path / "state.duckdb"
    pipeline = extract.pipeline_for("custompms", db, tmp_path / "dlt")
    pipeline.run(dlt.resource(rows(), name="load_probe"))
    with pipeline.sql_client() as client:  # a connection dlt opened itself, after its own settings
        seen = client.execute_sql("select current_setting('checkpoint_threshold')")[0][0]
    assert seen == threshold(duckdb.connect(":memory:"))
    with open_state(db, read_only=True) as con:
        assert con.execute("select count(*) from raw_custompms.load_probe").fetchone()[0] == ROWS
