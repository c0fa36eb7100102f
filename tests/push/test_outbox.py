"""The outbox on its own (no emulator): idempotent enqueue, superseding, frozen creates, the ledger's timing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from pushkit import create_op, set_deltas, sql, statuses, update_op  # noqa: E402

from pipelines.push import outbox  # noqa: E402


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "state.duckdb"


def enqueue(db: Path, run_id: str = "run-1") -> dict[str, int]:
    with duckdb.connect(str(db)) as con:
        return outbox.enqueue_from_deltas(con, run_id)


def rows(db: Path) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in sql(db, "select id, status, attempts, cast(payload as varchar), last_error "
                                               "from sync.outbox")}


def test_enqueue_is_idempotent_and_writes_rows_before_anything_is_sent(db):
    ops = [create_op("cl1", {"name": "Acme"}), update_op("exact", "a1", {"Phone": "1"}, scope=101, base_version=7)]
    set_deltas(db, ops)
    assert enqueue(db) == {"new": 2, "refreshed": 0, "revived": 0, "superseded": 0, "resolved": 0}
    first = rows(db)
    # a crash after enqueue, then transform + enqueue again with the same deltas: the same rows, nothing new
    set_deltas(db, ops)
    assert enqueue(db, "run-2") == {"new": 0, "refreshed": 0, "revived": 0, "superseded": 0, "resolved": 0}
    assert rows(db) == first
    assert set(first) == {op["op_id"] for op in ops}
    assert statuses(db) == {"pending": 2}
    (row,) = sql(db, "select target_system, target_entity, record_id, scope_id, operation, base_version, "
                     "ledger_entries from sync.outbox where record_id = 'a1'")
    assert row[:6] == ("exact", "accounts", "a1", "101", "update", "7")
    assert json.loads(row[6])[0]["property"] == "Phone"


def test_a_newer_delta_supersedes_unsent_and_unconfirmed_rows_but_never_a_succeeded_one(db):
    old = update_op("custompms", "p1", {"phone": "1"}, base_version=3)
    flying = update_op("custompms", "p2", {"phone": "1"}, base_version=3)
    done = update_op("custompms", "p3", {"phone": "1"}, base_version=3)
    set_deltas(db, [old, flying, done])
    enqueue(db)
    with duckdb.connect(str(db)) as con:
        ops = {op.id: op for op in outbox.sendable(con)}
        outbox.mark_in_flight(con, [ops[flying["op_id"]], ops[done["op_id"]]], "run-1")
        with outbox.transaction(con):
            outbox.mark_succeeded(con, [(ops[done["op_id"]], "p3")], "run-1")
    newer = update_op("custompms", "p1", {"phone": "2"}, base_version=4)
    set_deltas(db, [newer, done])  # p2's delta is gone (the target already holds it); p3's is still there
    assert enqueue(db, "run-2") == {"new": 1, "refreshed": 0, "revived": 0, "superseded": 2, "resolved": 0}
    now = rows(db)
    assert now[old["op_id"]][0] == "superseded" and newer["op_id"] in now[old["op_id"]][3]
    assert now[flying["op_id"]][0] == "superseded" and "no longer contain" in now[flying["op_id"]][3]
    assert now[done["op_id"]][0] == "succeeded"
    with duckdb.connect(str(db)) as con:
        assert [op.id for op in outbox.sendable(con)] == [newer["op_id"]]  # never the succeeded one again


def test_a_never_sent_create_takes_the_newest_payload_an_attempted_one_keeps_its_body(db):
    set_deltas(db, [create_op("cl1", {"name": "Acme"}), create_op("cl2", {"name": "Brugge"})])
    enqueue(db)
    with duckdb.connect(str(db)) as con:
        attempted = [op for op in outbox.sendable(con) if op.cluster_id == "cl2"]
        outbox.mark_in_flight(con, attempted, "run-1")
        # a create has no record yet: its ledger waits for the new id
        assert con.execute("select count(*) from sync.write_ledger").fetchone()[0] == 0
    set_deltas(db, [create_op("cl1", {"name": "Acme BV"}), create_op("cl2", {"name": "Brugge NV"})])
    assert enqueue(db, "run-2")["refreshed"] == 1
    payloads = dict(sql(db, "select cluster_id, payload->>'name' from sync.outbox"))
    assert payloads == {"cl1": "Acme BV", "cl2": "Brugge"}  # cl2 replays its Idempotency-Key with its first body


def test_a_superseded_create_the_deltas_want_again_is_revived(db):
    create = create_op("cl1", {"name": "Acme"})
    set_deltas(db, [create])
    enqueue(db)
    set_deltas(db, [])  # e.g. a rule linked the cluster to an existing CustomPMS customer
    assert enqueue(db)["superseded"] == 1
    set_deltas(db, [create])  # a person unlinked it again
    assert enqueue(db)["revived"] == 1
    assert statuses(db) == {"pending": 1}


def test_update_ledger_is_written_with_in_flight_once_and_removed_when_nothing_was_written(db):
    update = update_op("exact", "a1", {"Phone": "1", "Email": "x@example.com"}, scope=101, base_version=7)
    set_deltas(db, [update])
    enqueue(db)
    with duckdb.connect(str(db)) as con:
        (op,) = outbox.sendable(con)
        outbox.mark_in_flight(con, [op], "run-1")
        outbox.mark_in_flight(con, [op], "run-2")  # a resend after a crash writes no second set
        assert con.execute("select count(*), count(distinct property) from sync.write_ledger "
                           "where outbox_id = ? and record_id = 'a1'", [op.id]).fetchone() == (2, 2)
        assert op.attempts == 2 and op.retried
        outbox.undo_attempt(con, op, "deferred")
        assert con.execute("select status, attempts from sync.outbox").fetchone() == ("pending", 1)


def test_a_create_links_its_new_id_and_writes_its_ledger_in_the_success_transaction(db):
    set_deltas(db, [create_op("cl1", {"name": "Acme", "email": "a@example.com"})])
    enqueue(db)
    with duckdb.connect(str(db)) as con:
        (op,) = outbox.sendable(con)
        outbox.mark_in_flight(con, [op], "run-1")
        for _ in range(2):  # recorded twice (a replay answered with the same id): one link, one ledger set
            with outbox.transaction(con):
                outbox.mark_succeeded(con, [(op, "cus_1")], "run-1")
    assert sql(db, "select cluster_id, system, entity, record_id, established_by from sync.links") == [
        ("cl1", "custompms", "customers", "cus_1", "origin")]
    assert sql(db, "select count(*), min(record_id) from sync.write_ledger") == [(2, "cus_1")]
    assert sql(db, "select status, record_id, response_id from sync.outbox") == [("succeeded", "cus_1", "cus_1")]


def test_a_row_in_flight_is_always_resent_and_a_failing_one_goes_dead_after_its_attempts(db):
    set_deltas(db, [update_op("wave", "w1", {"name": "X"}, scope="b1", base_version="t")])
    enqueue(db)
    with duckdb.connect(str(db)) as con:
        (op,) = outbox.sendable(con)
        for _ in range(outbox.MAX_ATTEMPTS):
            outbox.mark_in_flight(con, [op])
        assert [o.id for o in outbox.sendable(con)] == [op.id]  # in_flight: its outcome must be settled
        assert outbox.mark(con, op, "failed", "HTTP 503") == "dead"
        assert outbox.sendable(con) == []
    (error,) = sql(db, "select last_error from sync.outbox")[0]
    assert error.startswith(f"gave up after {outbox.MAX_ATTEMPTS} attempts") and "503" in error
