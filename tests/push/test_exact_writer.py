"""Exact writer against its emulator: PUT of the changed fields only, the one-call freshness check,
the rate schedule across divisions, faults and rejections."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from pushkit import DIV, set_deltas, sql, statuses, update_op  # noqa: E402

from pipelines.push import outbox  # noqa: E402
from pipelines.sandbox.common import Clock  # noqa: E402


class Recorder(httpx.HTTPTransport):
    """Keeps every request (method, path, JSON body) and every answer's status."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[tuple[str, str, dict | None]] = []
        self.statuses: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content and request.method == "PUT" else None
        self.requests.append((request.method, request.url.path, body))
        response = super().handle_request(request)
        self.statuses.append(response.status_code)
        return response

    def count(self, method: str, fragment: str) -> int:
        return sum(1 for m, path, _ in self.requests if m == method and fragment in path)


def account_ops(accounts: dict, payloads: dict[str, dict], division: int = DIV) -> list[dict]:
    return [update_op("exact", account_id, payload, scope=division, base_version=accounts[account_id]["_ts"])
            for account_id, payload in payloads.items()]


def test_only_the_changed_fields_are_put_and_the_others_stay(emu):
    accounts = emu.land_exact()
    ids = list(accounts)[:3]
    set_deltas(emu.db, account_ops(accounts, {ids[0]: {"Phone": "+31 20 111 1111"},
                                              ids[1]: {"Email": "new@example.nl", "City": "Utrecht"},
                                              ids[2]: {"Code": "A900"}}))
    recorder = Recorder()
    run = emu.push(("exact",), exact={"transport": recorder})
    assert run.ops == {"sent": 3, "succeeded": 3, "failed": 0, "skipped": 0}
    puts = {path.split("'")[1]: body for method, path, body in recorder.requests if method == "PUT"}
    assert puts == {ids[0]: {"Phone": "+31 20 111 1111"}, ids[1]: {"Email": "new@example.nl", "City": "Utrecht"},
                    ids[2]: {"Code": "A900"}}
    after = emu.exact.division(DIV).accounts.rows
    first, second = after[ids[0].lower()], after[ids[1].lower()]
    assert first["Phone"] == "+31 20 111 1111" and first["Email"] == accounts[ids[0]]["Email"]
    assert (second["Email"], second["City"], second["Phone"]) == ("new@example.nl", "Utrecht", "+31 20 000 0000")
    assert after[ids[2].lower()]["Code"].strip() == "A900"
    # one freshness call for the division, then one PUT per operation
    assert recorder.count("GET", "sync/CRM/Accounts") == 1 and recorder.count("PUT", "crm/Accounts") == 3


def test_an_account_edited_after_extraction_is_skipped_stale_with_one_call_per_division(emu):
    accounts = emu.land_exact(DIV)
    accounts |= emu.land_exact(102)
    div1 = [a for a in accounts.values() if a["Division"] == DIV]
    div2 = [a for a in accounts.values() if a["Division"] == 102]
    edited = div1[1]
    emu.exact.edit_account(DIV, edited["ID"], {"Phone": "+31 6 5555 5555"})  # a person, after extraction
    ops = account_ops(accounts, {a["ID"]: {"Phone": "+31 20 222 2222"} for a in div1[:4]})
    ops += account_ops(accounts, {a["ID"]: {"Name": a["Name"] + " NV"} for a in div2[:2]}, division=102)
    set_deltas(emu.db, ops)
    recorder = Recorder()
    run = emu.push(("exact",), exact={"transport": recorder})
    assert run.ops == {"sent": 5, "succeeded": 5, "failed": 0, "skipped": 1}
    assert emu.exact.division(DIV).accounts.rows[edited["ID"].lower()]["Phone"] == "+31 6 5555 5555"
    assert sql(emu.db, "select status from sync.outbox where record_id = ?", [edited["ID"]]) == [("skipped_stale",)]
    assert recorder.count("GET", "/101/sync/CRM/Accounts") == 1 and recorder.count("GET", "/102/sync/CRM/Accounts") == 1


def test_an_edit_during_a_long_push_is_caught_by_the_recheck(emu):
    accounts = emu.land_exact()
    ids = list(accounts)[:5]
    set_deltas(emu.db, account_ops(accounts, {i: {"Phone": "+31 20 333 3333"} for i in ids}))
    writers = emu.writers(exact_writer={"recheck_seconds": 0})
    writer = writers["exact"]
    send = writer._send
    edited: list[str] = []

    def send_then_a_person_edits(op):
        outcome = send(op)
        if not edited:  # right after our first PUT a person edits another account still queued
            edited.append(next(i for i in ids if i != op.record_id))
            emu.exact.edit_account(DIV, edited[0], {"Email": "typed@by.a.person"})
        return outcome

    writer._send = send_then_a_person_edits
    from pipelines.console import Console
    from pipelines.push.push import push
    from pipelines.runs import Run

    run = Run(command="push", db_path=emu.db)
    push(run, Console(quiet=True), db_path=emu.db, systems=("exact",), writer_map=writers)
    assert run.ops["succeeded"] == 4 and run.ops["skipped"] == 1 and writer.stale_during_push == 1
    assert sql(emu.db, "select status from sync.outbox where record_id = ?", [edited[0]]) == [("skipped_stale",)]
    assert emu.exact.division(DIV).accounts.rows[edited[0].lower()]["Phone"] == "+31 20 000 0000"


def test_a_put_applied_before_a_crash_is_recorded_without_a_second_put(emu):
    accounts = emu.land_exact()
    first, second = list(accounts)[:2]
    set_deltas(emu.db, account_ops(accounts, {first: {"Phone": "+31 20 444 4444"},
                                              second: {"Phone": "+31 20 555 5555"}}))
    with duckdb.connect(str(emu.db)) as con:
        outbox.enqueue_from_deltas(con, "run-1")
        outbox.mark_in_flight(con, outbox.sendable(con), "run-1")
    emu.exact.edit_account(DIV, first, {"Phone": "+31 20 444 4444"})  # the first PUT landed, then we crashed
    recorder = Recorder()
    run = emu.push(("exact",), exact={"transport": recorder})
    assert statuses(emu.db) == {"succeeded": 2} and run.ops["succeeded"] == 2
    assert [path for method, path, _ in recorder.requests if method == "PUT"] == [
        f"/api/v1/{DIV}/crm/Accounts(guid'{second}')"]


def test_5xx_and_429_are_retried_and_a_rejection_stays_alone(emu):
    accounts = emu.land_exact()
    ids = list(accounts)
    payloads = {i: {"Phone": f"+31 20 600 000{n}"} for n, i in enumerate(ids[:5])}
    payloads[ids[5]] = {"Code": accounts[ids[6]]["Code"].strip()}  # a duplicate code: Exact answers 400
    set_deltas(emu.db, account_ops(accounts, payloads))
    emu.faults["exact"].error_rate = 0.3
    emu.faults["exact"].burst_429 = 2
    recorder = Recorder()
    run = emu.push(("exact",), exact={"transport": recorder, "max_retries": 10})
    assert run.ops == {"sent": 6, "succeeded": 5, "failed": 1, "skipped": 0}
    assert 500 in recorder.statuses or 503 in recorder.statuses
    status, error = sql(emu.db, "select status, last_error from sync.outbox where record_id = ?", [ids[5]])[0]
    assert status == "dead" and "already exists" in error
    rows = emu.exact.division(DIV).accounts.rows
    assert all(rows[i.lower()]["Phone"] == p["Phone"] for i, p in payloads.items() if "Phone" in p)


def test_two_divisions_run_at_their_limits_without_a_429(tmp_path):
    """Minute windows of one second (the clock runs 60x), 4 calls each: the writer alternates divisions
    so neither waits for the other, and the schedule never collects a 429."""
    import pushkit

    emu = pushkit.start(tmp_path, Clock(speed=60))
    try:
        emu.exact.minute_limit = 4
        accounts = emu.land_exact(DIV) | emu.land_exact(102)
        set_deltas(emu.db, [update_op("exact", a["ID"], {"Website": f"https://{n}.example"}, scope=a["Division"],
                                      base_version=a["_ts"]) for n, a in enumerate(accounts.values())])
        recorder = Recorder()
        started = emu.clock.now()
        run = emu.push(("exact",), exact={"transport": recorder})
        minutes = (emu.clock.now() - started) / 60
        assert run.ops["succeeded"] == 16 and 429 not in recorder.statuses
        # per division 8 PUTs and 1-3 checks at 4 a minute end in the third window (< 3 minutes) when the
        # divisions alternate; one after the other, the second would end two windows later
        assert minutes < 3.05, minutes
    finally:
        emu.stop()


def test_fifteen_rejections_send_nine_and_leave_the_rest_pending_with_the_reason(emu, capsys):
    """Exact blocks an endpoint for an hour after more than 10 errors in an hour: of 15 operations Exact
    rejects, 9 are sent (and die with Exact's reason), 6 stay pending with the reason, and nothing more
    goes there until the hour is over, also from the next push (the count is kept in the sync state)."""
    from pipelines import cli
    from pipelines.budgets import ApiState

    for i in range(7):
        emu.exact.add_account(DIV, {"Name": f"Extra {i}", "Code": f"X{i:03d}"})
    accounts = emu.land_exact()
    assert len(accounts) == 15
    set_deltas(emu.db, account_ops(accounts, {i: {"Code": "C" * 19} for i in accounts}))  # > 18 characters: 400
    recorder = Recorder()
    run = emu.push(("exact",), exact={"transport": recorder, "state": ApiState("exact", emu.db)})
    assert recorder.count("PUT", "crm/Accounts") == 9 and recorder.statuses.count(400) == 9
    assert statuses(emu.db) == {"dead": 9, "pending": 6}
    assert run.ops["sent"] == 9 and run.ops["failed"] == 9
    reasons = sql(emu.db, "select distinct last_error from sync.outbox where status = 'pending'")
    assert len(reasons) == 1 and "9 errors there in the last hour" in reasons[0][0]
    assert any("6 operation(s) deferred" in problem for problem in run.problems)
    stats = httpx.get(f"{emu.url('exact')}/_sandbox/exact/stats").json()
    assert stats["errors"] == {f"sandbox-client|{DIV}|crm/accounts": 9} and stats["blocked"] == []

    capsys.readouterr()
    cli.main(["--db", str(emu.db), "status"])
    out = capsys.readouterr().out
    assert "API limits in force" in out and "sending stopped until" in out and "9 errors there" in out

    recorder = Recorder()  # the next push, within the hour: nothing is sent, the rows keep waiting
    emu.push(("exact",), exact={"transport": recorder, "state": ApiState("exact", emu.db)})
    assert recorder.count("PUT", "crm/Accounts") == 0 and statuses(emu.db) == {"dead": 9, "pending": 6}

    emu.clock.advance(3600)  # the hour is over: the rest is sent (and rejected, but only 6 errors)
    recorder = Recorder()
    emu.push(("exact",), exact={"transport": recorder, "state": ApiState("exact", emu.db)})
    assert recorder.count("PUT", "crm/Accounts") == 6 and statuses(emu.db) == {"dead": 15}
