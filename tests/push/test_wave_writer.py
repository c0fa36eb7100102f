"""Wave writer against its emulator: the full merged address, inputErrors, freshness, retried patches."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from pushkit import set_deltas, sql, statuses, update_op  # noqa: E402

from pipelines.push import outbox  # noqa: E402


def customer_ops(customers: dict, payloads: dict[str, dict]) -> list[dict]:
    return [update_op("wave", cid, payload, scope=customers[cid]["business_id"],
                      base_version=customers[cid]["modifiedAt"]) for cid, payload in payloads.items()]


def current(emu, customer_id: str) -> dict:
    return emu.wave.public(emu.wave.customer(customer_id))


def test_an_address_change_sends_the_whole_merged_address(emu):
    customers = emu.land_wave()
    first, second = list(customers)[:2]
    set_deltas(emu.db, customer_ops(customers, {
        first: {"address": {"city": "Ottawa", "postalCode": "K1A 0A6"}},
        second: {"phone": "+1 416 555 0101", "address": {"provinceCode": "CA-QC"}},
    }))
    run = emu.push(("wave",))
    assert run.ops == {"sent": 2, "succeeded": 2, "failed": 0, "skipped": 0} and not run.problems
    address = current(emu, first)["address"]
    assert (address["city"], address["postalCode"]) == ("Ottawa", "K1A 0A6")
    # a patch of `address` replaces it all: the fields we did not change are still there
    before = customers[first]["address"]
    assert (address["addressLine1"], address["addressLine2"]) == (before["addressLine1"], "Suite 100")
    assert address["province"]["code"] == "CA-ON" and address["country"]["code"] == "CA"
    other = current(emu, second)
    assert other["phone"] == "+1 416 555 0101" and other["address"]["province"]["code"] == "CA-QC"
    assert other["address"]["city"] == "Toronto"
    assert other["address"]["addressLine1"] == customers[second]["address"]["addressLine1"]
    assert run.api_calls == {"wave": 3}  # one freshness query for the business, one patch each


def test_input_errors_fail_one_operation_with_waves_message_and_the_others_go(emu):
    customers = emu.land_wave()
    ids = list(customers)
    set_deltas(emu.db, customer_ops(customers, {ids[0]: {"email": "not-an-email"},
                                                ids[1]: {"email": "fine@example.ca"},
                                                ids[2]: {"address": {"provinceCode": "CA-XX"}}}))
    run = emu.push(("wave",))
    assert run.ops == {"sent": 3, "succeeded": 1, "failed": 2, "skipped": 0}
    errors = dict(sql(emu.db, "select record_id, last_error from sync.outbox where status = 'quarantined'"))
    assert "input.email: Enter a valid email address" in errors[ids[0]]
    assert "input.address.provinceCode" in errors[ids[2]]
    assert current(emu, ids[1])["email"] == "fine@example.ca"
    assert current(emu, ids[0])["email"] == customers[ids[0]]["email"]
    # nothing was written to the rejected ones: no ledger entry may pass for our echo
    assert sql(emu.db, "select distinct record_id from sync.write_ledger") == [(ids[1],)]


def test_a_customer_edited_after_extraction_is_skipped_stale(emu):
    customers = emu.land_wave()
    ids = list(customers)
    emu.clock.advance(1)
    emu.wave.patch_customer(ids[0], {"phone": "+1 613 555 0199"}, replace_address=False)  # a person, later
    set_deltas(emu.db, customer_ops(customers, {i: {"website": "https://maple.example"} for i in ids[:3]}))
    run = emu.push(("wave",))
    assert run.ops == {"sent": 2, "succeeded": 2, "failed": 0, "skipped": 1}
    assert sql(emu.db, "select status from sync.outbox where record_id = ?", [ids[0]]) == [("skipped_stale",)]
    assert current(emu, ids[0])["website"] is None and current(emu, ids[0])["phone"] == "+1 613 555 0199"
    assert run.api_calls == {"wave": 3}


def test_a_patch_whose_answer_was_lost_is_repeated_and_one_applied_before_a_crash_is_not(emu):
    customers = emu.land_wave()
    ids = list(customers)
    set_deltas(emu.db, customer_ops(customers, {i: {"name": f"Renamed {n}"} for n, i in enumerate(ids)}))
    with duckdb.connect(str(emu.db)) as con:  # the last one was sent before a crash, and applied
        outbox.enqueue_from_deltas(con, "run-1")
        crashed = [op for op in outbox.sendable(con) if op.record_id == ids[-1]]
        outbox.mark_in_flight(con, crashed, "run-1")
    emu.clock.advance(1)
    emu.wave.patch_customer(ids[-1], {"name": f"Renamed {len(ids) - 1}"})
    emu.faults["wave"].error_rate = 0.4  # 5xx: the client cannot know whether a mutation ran
    run = emu.push(("wave",), wave={"max_retries": 12})
    assert statuses(emu.db) == {"succeeded": len(ids)}, run.problems
    assert all(current(emu, i)["name"] == f"Renamed {n}" for n, i in enumerate(ids))
    assert run.ops["sent"] == len(ids) - 1  # the crashed one was recognised, not sent again
    assert run.api_calls["wave"] > len(ids)  # some patches were answered 5xx and repeated


def test_a_token_refused_mid_batch_stops_wave_and_the_unsent_patches_wait_uncounted(emu):
    customers = emu.land_wave()
    ids = list(customers)[:5]
    set_deltas(emu.db, customer_ops(customers, {i: {"website": f"https://site{n}.example"} for n, i in enumerate(ids)}))
    applied: list[str] = []
    patch = emu.wave.patch_customer

    def patch_then_revoke(customer_id, *args, **kwargs):
        result = patch(customer_id, *args, **kwargs)
        applied.append(customer_id)
        if len(applied) == 2:
            emu.wave.oauth.accepts = lambda token: False  # the user revoked the app's access meanwhile
        return result

    emu.wave.patch_customer = patch_then_revoke
    run = emu.push(("wave",))
    assert len(applied) == 2 and any("push wave stopped" in p for p in run.problems), run.problems
    rows = {rid: (status, attempts) for rid, status, attempts in
            sql(emu.db, "select record_id, status, attempts from sync.outbox")}
    assert {rid for rid, (status, _) in rows.items() if status == "succeeded"} == set(applied)
    # the patch refused at the door and those after it in the batch never applied: pending, no attempt
    # counted, and no ledger entry that could pass for our echo
    assert {rows[rid] for rid in ids if rid not in applied} == {("pending", 0)}
    assert {rid for (rid,) in sql(emu.db, "select distinct record_id from sync.write_ledger")} == set(applied)
