"""The outbox: idempotent enqueue, superseding, frozen creates, the ledger's timing (on its own); and through
the emulators: a rejection quarantined per property with the rest resent in the same push, dead rows
settled, a person's retry."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from pushkit import DIV, Emulators, create_op, ledger, set_deltas, sql, statuses, update_op  # noqa: E402

from pipelines.models.runner import discover  # noqa: E402
from pipelines.push import outbox  # noqa: E402
from pipelines.steward import Decision, retry  # noqa: E402


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


# ---------------------------------------------------------------------- through the emulators


def with_target_fields(db: Path) -> None:
    """delta.target_fields as the transform builds it (the real model), so answers map to properties."""
    model = discover()["target_fields"]
    with duckdb.connect(str(db)) as con:
        con.execute("create schema if not exists delta")
        con.execute(f"create or replace table delta.target_fields as {model.sql}")


def canonical(op: dict, properties: dict[str, str]) -> dict:
    """The op with ledger entries per canonical property (payload field -> property), as the deltas write them."""
    entries = {e["property"]: e for e in ledger(op["payload"])}
    op["ledger_entries"] = [dict(entries[field], property=prop) for field, prop in properties.items()]
    return op


def pms_op(emu: Emulators, payload: dict, properties: dict[str, str]) -> tuple[dict, dict]:
    customers = emu.land_custompms()
    target = next(iter(customers.values()))
    return target, canonical(update_op("custompms", target["id"], payload, base_version=target["version"]), properties)


def test_a_rejected_update_quarantines_what_custompms_blamed_and_sends_the_rest_in_the_same_push(emu):
    with_target_fields(emu.db)
    target, op = pms_op(emu, {"email": "not-an-email", "phone": "+31 20 765 4321"},
                        {"email": "email", "phone": "phone"})
    set_deltas(emu.db, [op])
    run = emu.push(("custompms",))
    assert run.ops == {"sent": 2, "succeeded": 1, "failed": 1, "skipped": 0} and not run.problems
    now = emu.pms.customers[target["id"]]
    assert now["phone"] == "+31 20 765 4321" and now["email"] == target["email"]
    rows = sql(emu.db, "select id, status, resend_of, cast(payload as varchar) from sync.outbox order by created_at")
    assert [(status, resend_of) for _, status, resend_of, _ in rows] == [
        ("quarantined", None), ("succeeded", op["op_id"])]
    assert json.loads(rows[1][3]) == {"phone": "+31 20 765 4321"}
    email_hash = next(e["value_hash"] for e in op["ledger_entries"] if e["property"] == "email")
    assert sql(emu.db, """select kind, system, record_id, property, value, value_hash, outbox_id, status
                          from sync.quarantine""") == [
        ("target_rejection", "custompms", target["id"], "email", "not-an-email", email_hash, op["op_id"], "open")]
    # the ledger holds the phone we wrote, never the email that was refused
    assert sql(emu.db, "select property from sync.write_ledger") == [("phone",)]
    again = emu.push(("custompms",))  # the same deltas: nothing more to send, nothing duplicated
    assert again.ops["sent"] == 0 and statuses(emu.db) == {"quarantined": 1, "succeeded": 1}


def test_wave_input_errors_quarantine_the_path_they_name_and_the_address_change_still_goes(emu):
    with_target_fields(emu.db)
    customers = emu.land_wave()
    cid = next(iter(customers))
    op = canonical(update_op("wave", cid, {"email": "nope", "address": {"city": "Ottawa"}},
                             scope=customers[cid]["business_id"], base_version=customers[cid]["modifiedAt"]),
                   {"email": "email", "address": "city"})
    set_deltas(emu.db, [op])
    run = emu.push(("wave",))
    assert run.ops["succeeded"] == 1 and run.ops["failed"] == 1
    now = emu.wave.public(emu.wave.customer(cid))
    assert now["address"]["city"] == "Ottawa" and now["email"] == customers[cid]["email"]
    assert sql(emu.db, "select property, value, reason from sync.quarantine") == [
        ("email", "nope", "wave rejected email (email): Enter a valid email address.")]


def test_exact_resends_the_rest_only_when_its_message_names_the_field_and_never_probes(emu):
    from test_exact_writer import Recorder

    with_target_fields(emu.db)
    accounts = emu.land_exact()
    first, second, third = list(accounts)[:3]
    named = canonical(update_op("exact", first, {"Code": accounts[second]["Code"].strip(), "Phone": "+31 20 1"},
                                scope=DIV, base_version=accounts[first]["_ts"]), {"Code": "code", "Phone": "phone"})
    gone = "00000000-0000-0000-0000-000000000000"  # answers 404 "Not found": it names no field
    unnamed = canonical(update_op("exact", gone, {"Phone": "+31 20 2", "Website": "https://x.example"},
                                  scope=DIV, base_version=accounts[third]["_ts"]),
                        {"Phone": "phone", "Website": "website"})
    set_deltas(emu.db, [named, unnamed])
    recorder = Recorder()
    emu.push(("exact",), exact={"transport": recorder})
    assert emu.exact.division(DIV).accounts.rows[first.lower()]["Phone"] == "+31 20 1"
    assert recorder.count("PUT", gone) == 1  # one answer, and nothing tried field by field
    assert recorder.count("PUT", first) == 2  # the PUT it refused, and the rest without Code
    quarantined = sql(emu.db, "select record_id, property, reason from sync.quarantine order by property nulls last")
    assert quarantined[0][:2] == (first, "code") and "already exists" in quarantined[0][2]
    assert quarantined[1][:2] == (gone, None) and "rejected the whole update" in quarantined[1][2]
    assert statuses(emu.db) == {"quarantined": 2, "succeeded": 1}


def test_a_dead_operation_retried_by_a_person_goes_again_and_succeeds(emu):
    set_deltas(emu.db, [create_op("cl1", {"name": "Retry Me BV", "external_refs": [{"system": "wave.customers",
                                                                                    "id": "w-retry"}]})])
    emu.faults["custompms"].error_rate = 1.0
    for _ in range(outbox.MAX_ATTEMPTS):
        emu.push(("custompms",), custompms={"max_retries": 1})
    assert statuses(emu.db) == {"dead": 1}
    assert emu.push(("custompms",)).ops["sent"] == 0  # dead stays dead
    emu.faults["custompms"].error_rate = 0.0
    (op_id,), = sql(emu.db, "select id from sync.outbox")
    with duckdb.connect(str(emu.db)) as con:
        retry(con, op_id[:12], False, Decision(by="ada", note="CustomPMS is back"))
    assert sql(emu.db, "select status, attempts from sync.outbox") == [("failed", 1)]
    run = emu.push(("custompms",))
    assert run.ops["succeeded"] == 1 and len(emu.pms_by_ref("wave.customers", "w-retry")) == 1
    assert sql(emu.db, "select action, decided_by, note from sync.decisions") == [("retry", "ada", "CustomPMS is back")]


def test_a_rejected_create_retried_after_the_fix_goes_with_a_new_idempotency_key(emu):
    with_target_fields(emu.db)
    refs = [{"system": "wave.customers", "id": "w-long"}]
    bad = canonical(create_op("cl_long", {"name": "N" * 201, "external_refs": refs}), {"name": "name"})
    set_deltas(emu.db, [bad])
    emu.push(("custompms",))
    # CustomPMS blamed the name; without it the create lacks a required name: the rest is quarantined whole
    assert statuses(emu.db) == {"quarantined": 2} and not emu.pms_by_ref("wave.customers", "w-long")
    assert sql(emu.db, "select count(*) from sync.quarantine where status = 'open'") == [(2,)]
    fixed = canonical(create_op("cl_long", {"name": "Long Name Fixed Ltd", "external_refs": refs}), {"name": "name"})
    assert fixed["op_id"] == bad["op_id"]  # a create's id is its cluster's
    set_deltas(emu.db, [fixed])
    with duckdb.connect(str(emu.db)) as con:
        retry(con, bad["op_id"], False, Decision(by="ada", note="name shortened in Wave"))
    assert sql(emu.db, "select count(*) from sync.quarantine where status = 'open'") == [(0,)]
    run = emu.push(("custompms",))
    assert run.ops["succeeded"] == 1
    (created,) = emu.pms_by_ref("wave.customers", "w-long")
    assert created["name"] == "Long Name Fixed Ltd"
    assert sql(emu.db, "select key_generation from sync.outbox where id = ?", [bad["op_id"]]) == [(1,)]


def test_dead_rows_settle_when_their_record_agrees_or_a_later_operation_on_it_succeeds(db):
    first = update_op("wave", "w1", {"name": "X"}, scope="b1", base_version="t1")
    second = update_op("wave", "w2", {"name": "Y"}, scope="b1", base_version="t1")
    set_deltas(db, [first, second])
    enqueue(db)
    with duckdb.connect(str(db)) as con:
        for op in outbox.sendable(con):
            op.attempts = outbox.MAX_ATTEMPTS
            outbox.mark(con, op, "failed", "HTTP 503")
    assert statuses(db) == {"dead": 2}
    later = update_op("wave", "w2", {"name": "Y"}, scope="b1", base_version="t2")  # w1 agrees now; w2 still differs
    set_deltas(db, [later])
    assert enqueue(db, "run-2")["resolved"] == 1
    with duckdb.connect(str(db)) as con:
        new = next(op for op in outbox.sendable(con) if op.id == later["op_id"])
        outbox.mark_in_flight(con, [new], "run-2")
        with outbox.transaction(con):
            outbox.mark_succeeded(con, [(new, "w2")], "run-2")
    assert statuses(db) == {"superseded": 2, "succeeded": 1}
    errors = [e for (e,) in sql(db, "select last_error from sync.outbox where status = 'superseded' order by 1")]
    assert errors[0].startswith("resolved: superseded by " + later["op_id"])
    assert errors[1].startswith("resolved: the record agrees now")
