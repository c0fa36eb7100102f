"""CustomPMS writer against its emulator: Idempotency-Key creates, If-Match patches, faults, rejections."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from pushkit import create_op, set_deltas, sql, statuses, update_op  # noqa: E402

from pipelines.custompms.writer import CustomPMSWriter  # noqa: E402
from pipelines.push import outbox  # noqa: E402


def source_creates(n: int, start: int = 0) -> list[dict]:
    return [create_op(f"cl{i}", {"name": f"New Customer {i}", "email": f"n{i}@example.com",
                                 "address": {"city": "Gent", "country": "BE"}, "active": True,
                                 "external_refs": [{"system": "wave.customers", "id": f"w{i}"}]})
            for i in range(start, start + n)]


def test_a_create_appears_with_its_external_refs_and_is_linked_by_origin(emu):
    creates = source_creates(3)
    set_deltas(emu.db, creates)
    run = emu.push(("custompms",))
    assert run.ops == {"sent": 3, "succeeded": 3, "failed": 0, "skipped": 0} and not run.problems
    assert run.api_calls == {"custompms": 3}
    for i, op in enumerate(creates):
        (customer,) = emu.pms_by_ref("wave.customers", f"w{i}")
        assert customer["name"] == f"New Customer {i}" and customer["address"]["city"] == "Gent"
        assert sql(emu.db, "select status, record_id, response_id from sync.outbox where id = ?", [op["op_id"]]) == [
            ("succeeded", customer["id"], customer["id"])]
        assert sql(emu.db, "select cluster_id, established_by, record_id from sync.links where record_id = ?",
                   [customer["id"]]) == [(f"cl{i}", "origin", customer["id"])]
        # the ledger names the new record: the next extraction sees our values as an echo
        assert sql(emu.db, "select count(*) from sync.write_ledger where record_id = ?", [customer["id"]])[0][0] == 4
    again = emu.push(("custompms",))
    assert again.ops["sent"] == 0 and again.api_calls == {}


def test_an_update_patches_with_if_match_and_a_412_is_skipped_as_stale(emu):
    emu.land_custompms()
    pms = {c["name"]: c for c in emu.pms.customers.values()}
    first, second = pms["Existing 0"], pms["Existing 1"]
    emu.pms.admin_edit(second["id"], {"phone": "+32 9 999 99 99"})  # a person, after extraction: version moves
    ops = [update_op("custompms", c["id"], {"phone": "+31 20 123 4567", "address": {"postal_code": "3511 AA"}},
                     base_version=c["version"]) for c in (first, second)]
    set_deltas(emu.db, ops)
    with duckdb.connect(str(emu.db)) as con:  # the extraction saw the old version: only If-Match can tell
        con.execute("update raw_custompms.customers_history set version = 1")
    run = emu.push(("custompms",))
    assert run.ops == {"sent": 2, "succeeded": 1, "failed": 0, "skipped": 1}
    now = emu.pms.customers
    assert now[first["id"]]["phone"] == "+31 20 123 4567" and now[first["id"]]["version"] == first["version"] + 1
    assert now[first["id"]]["address"] == {**first["address"], "postal_code": "3511 AA"}  # merged, not replaced
    assert now[second["id"]]["phone"] == "+32 9 999 99 99"  # the person's edit stands
    status, error = sql(emu.db, "select status, last_error from sync.outbox where record_id = ?", [second["id"]])[0]
    assert status == "skipped_stale" and "412" in error
    # nothing was written there: no ledger entry may pass a value as our echo
    assert sql(emu.db, "select count(*) from sync.write_ledger where record_id = ?", [second["id"]])[0][0] == 0
    assert sql(emu.db, "select count(*) from sync.write_ledger where record_id = ?", [first["id"]])[0][0] == 2


def test_a_rejected_create_is_quarantined_with_the_reason_and_the_others_still_go(emu):
    creates = source_creates(4)
    creates[1] = create_op("cl_bad", {"name": "Bad", "notes": "x" * 5000, "address": {"country": "XX"},
                                      "external_refs": [{"system": "wave.customers", "id": "bad"}]})
    set_deltas(emu.db, creates)
    run = emu.push(("custompms",))
    assert run.ops == {"sent": 4, "succeeded": 3, "failed": 1, "skipped": 0}
    status, error = sql(emu.db, "select status, last_error from sync.outbox where cluster_id = 'cl_bad'")[0]
    assert status == "quarantined" and "notes" in error and "address.country" in error
    # no mapping of target fields here (no delta.target_fields): the whole create waits for a person
    (reason,) = sql(emu.db, "select reason from sync.quarantine where kind = 'target_rejection'")[0]
    assert "whole create" in reason and "notes" in reason
    assert any("rejected" in line and "notes" in line for line in run.attention) and not run.problems
    assert not emu.pms_by_ref("wave.customers", "bad") and len(emu.pms_by_ref("wave.customers", "w3")) == 1


def test_5xx_and_429_are_retried_without_a_duplicate(emu):
    creates = source_creates(40)
    set_deltas(emu.db, creates)
    emu.faults["custompms"].error_rate = 0.3
    emu.faults["custompms"].burst_429 = 5
    run = emu.push(("custompms",), custompms={"max_retries": 12})
    assert run.ops["succeeded"] == 40, run.problems
    assert run.api_calls["custompms"] > 45  # retries happened
    for i in range(40):  # a 5xx may have created it: the replay with the same key did not create a second
        assert len(emu.pms_by_ref("wave.customers", f"w{i}")) == 1
    assert len(emu.pms.customers) == 6 + 40


def test_growing_chunks_are_committed_in_flight_before_their_requests_arrive_and_bounded_in_number(emu):
    creates = source_creates(40)
    set_deltas(emu.db, creates)
    seen: list[tuple[str, int]] = []  # per create the emulator applies: (its row's committed status, rows in_flight)
    apply = emu.pms.create

    def create(body):
        cluster = "cl" + body["external_refs"][0]["id"][1:]
        with duckdb.connect(str(emu.db)) as con:  # another connection: sees only what the push committed
            seen.append(con.execute("select max(status) filter (where cluster_id = ?), count(*) filter "
                                    "(where status = 'in_flight') from sync.outbox", [cluster]).fetchone())
        return apply(body)

    emu.pms.create = create
    # 2 slots: chunks of 2, 4, 8, 8, 8, 8, 2 operations, at most 2 open at once
    run = emu.push(("custompms",), custompms={"max_concurrency": 2},
                   custompms_writer={"first_per_slot": 1, "per_slot": 4, "chunks_ahead": 2})
    assert run.ops["succeeded"] == 40 and statuses(emu.db) == {"succeeded": 40}
    assert len(seen) == 40 and {status for status, _ in seen} == {"in_flight"}
    assert max(in_flight for _, in_flight in seen) <= 2 * 8
    writer = CustomPMSWriter(emu.custompms_client(max_concurrency=2), first_per_slot=1, per_slot=4)
    chunks = writer._chunks(list(range(40)))
    writer.close()
    assert [len(chunk) for chunk in chunks] == [2, 4, 8, 8, 8, 8, 2] and sum(chunks, []) == list(range(40))


def test_an_operation_that_keeps_failing_goes_dead_after_its_attempts(emu):
    set_deltas(emu.db, source_creates(1))
    emu.faults["custompms"].error_rate = 1.0
    for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
        run = emu.push(("custompms",), custompms={"max_retries": 1})
        assert run.ops["failed"] == 1
    status, attempts, error = sql(emu.db, "select status, attempts, last_error from sync.outbox")[0]
    assert (status, attempts) == ("dead", outbox.MAX_ATTEMPTS) and "gave up" in error and "50" in error
    assert emu.push(("custompms",)).ops["sent"] == 0


def test_a_create_sent_before_a_crash_is_not_created_twice_even_with_an_expired_key(emu):
    creates = source_creates(2)
    set_deltas(emu.db, creates)
    with duckdb.connect(str(emu.db)) as con:
        outbox.enqueue_from_deltas(con, "run-1")
        ops = outbox.sendable(con)
        outbox.mark_in_flight(con, ops, "run-1")
    client = emu.custompms_client()
    # both reached CustomPMS, then we crashed; the first one's key has even expired (24 h later)
    for op in ops:
        client.create_customer(op.payload, idempotency_key=op.idempotency_key)
    client.close()
    emu.pms.idempotency.pop(ops[0].idempotency_key)
    run = emu.push(("custompms",))
    assert run.ops["succeeded"] == 2 and statuses(emu.db) == {"succeeded": 2}
    for i in range(2):
        (customer,) = emu.pms_by_ref("wave.customers", f"w{i}")
        assert sql(emu.db, "select cluster_id from sync.links where record_id = ?", [customer["id"]]) == [(f"cl{i}",)]


def test_a_patch_applied_before_a_crash_is_recognised_not_skipped(emu):
    customer = next(iter(emu.pms.customers.values()))
    op = update_op("custompms", customer["id"], {"email": "new@example.com"}, base_version=customer["version"])
    set_deltas(emu.db, [op])
    with duckdb.connect(str(emu.db)) as con:
        outbox.enqueue_from_deltas(con, "run-1")
        outbox.mark_in_flight(con, outbox.sendable(con), "run-1")
    emu.pms.patch(customer["id"], {"email": "new@example.com"}, f'W/"{customer["version"]}"')  # applied; crash
    run = emu.push(("custompms",))
    assert run.ops["succeeded"] == 1 and statuses(emu.db) == {"succeeded": 1}
    assert emu.pms.customers[customer["id"]]["version"] == customer["version"] + 1  # once


def test_deactivate_sends_active_false(emu):
    customer = next(iter(emu.pms.customers.values()))
    set_deltas(emu.db, [update_op("custompms", customer["id"], {"active": False}, base_version=customer["version"],
                                  operation="deactivate")])
    assert emu.push(("custompms",)).ops["succeeded"] == 1
    assert emu.pms.customers[customer["id"]]["active"] is False
    assert json.loads(sql(emu.db, "select payload from sync.outbox")[0][0]) == {"active": False}
