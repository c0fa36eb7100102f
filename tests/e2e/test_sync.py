"""`sync` end to end on the three emulators: what lands where, edits travelling through a cluster,
concurrent edits, and a second sync that writes nothing."""

from __future__ import annotations

import json
import time


def refs_of(customer: dict) -> set[tuple[str, str]]:
    return {(ref["system"], ref["id"]) for ref in customer.get("external_refs") or []}


def pms_by_ref(sandbox, system: str, record_id: str) -> dict:
    found = [c for c in sandbox.pms_customers() if (system, record_id) in refs_of(c) and not c.get("deleted")]
    assert len(found) == 1, f"{system} {record_id}: {len(found)} CustomPMS customers"
    return found[0]


def exact_account(sandbox, division: int, name: str) -> dict:
    with sandbox.exact.lock:
        rows = sandbox.exact.division(division).accounts.rows.values()
        return next(dict(row) for row in rows if row["Name"].startswith(name))


def wave_customer(sandbox, name: str) -> dict:
    with sandbox.wave._lock:
        found = [sandbox.wave.public(r) for r in sandbox.wave._records.values() if r["name"].startswith(name)]
    assert len(found) == 1, name
    return found[0]


def last_run(sandbox) -> dict:
    columns = ["status", "deltas", "ops_sent", "ops_succeeded", "ops_failed", "ops_skipped", "message"]
    row = sandbox.sql(f"select {', '.join(columns)} from sync.runs order by started_at desc limit 1")[0]
    return dict(zip(columns, row))


def sync(sandbox) -> dict:
    code = sandbox.cli("sync")
    run = last_run(sandbox)
    assert code == 0, run
    return run


def test_first_sync_creates_every_source_record_in_custompms_and_the_second_writes_nothing(sandbox):
    first = sync(sandbox)
    assert first["ops_succeeded"] == first["ops_sent"] > 0

    acme = exact_account(sandbox, 101, "Acme")
    pms = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    assert pms["name"] == "Acme Trading BV" and pms["vat_number"] == "NL123456789B01"
    assert pms["address"]["line1"] == "Damrak 1" and pms["address"]["country"] == "NL"
    assert any(system == "wave.customers" for system, _ in refs_of(pms))  # linked through the shared email
    assert pms_by_ref(sandbox, "exact.divisions", "101")["name"] == "Holding BV"
    with sandbox.exact.lock:
        department = next(iter(sandbox.exact.division(101).departments.rows.values()))
    assert pms_by_ref(sandbox, "exact.departments", department["ID"])["name"] == "Sales"
    northern = [c for c in sandbox.pms_customers() if c["name"] == "Northern Lights Ltd"]
    assert len(northern) == 1 and northern[0]["contact"]["first_name"] == "Ada"
    # the existing CustomPMS customer was matched by VAT, not duplicated, and now names the account
    assert len([c for c in sandbox.pms_customers() if "Brugge" in c["name"]]) == 1
    brugge = exact_account(sandbox, 102, "Brugge")
    assert pms_by_ref(sandbox, "exact.accounts", brugge["ID"])["vat_number"] == "BE 0123.456.749"

    second = sync(sandbox)
    assert (second["deltas"], second["ops_sent"]) == (0, 0)


def test_an_edit_in_custompms_reaches_the_linked_exact_account_and_wave_customer(sandbox):
    sync(sandbox)
    acme = exact_account(sandbox, 101, "Acme")
    pms = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    time.sleep(0.01)
    sandbox.custompms.admin_edit(pms["id"], {"phone": "+31 20 999 0000"})
    run = sync(sandbox)
    assert run["ops_succeeded"] == 2, run  # one Exact PUT, one Wave customerPatch
    assert exact_account(sandbox, 101, "Acme")["Phone"] == "+31 20 999 0000"
    assert wave_customer(sandbox, "Acme")["phone"] == "+31 20 999 0000"
    assert sync(sandbox)["ops_sent"] == 0


def test_an_edit_in_exact_reaches_custompms_and_through_the_cluster_wave(sandbox):
    sync(sandbox)
    acme = exact_account(sandbox, 101, "Acme")
    time.sleep(0.01)
    sandbox.exact.edit_account(101, acme["ID"], {"Name": "Acme Trading Group BV"})
    sync(sandbox)
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["name"] == "Acme Trading Group BV"
    assert wave_customer(sandbox, "Acme")["name"] == "Acme Trading Group BV"
    assert sync(sandbox)["ops_sent"] == 0


def test_concurrent_edits_of_different_properties_both_survive(sandbox):
    sync(sandbox)
    acme = exact_account(sandbox, 101, "Acme")
    pms = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    time.sleep(0.01)
    sandbox.custompms.admin_edit(pms["id"], {"website": "https://acme.example"})
    time.sleep(0.01)
    sandbox.exact.edit_account(101, acme["ID"], {"Phone": "+31 20 555 1234"})  # later, another property
    sync(sandbox)
    after = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    assert after["website"] == "https://acme.example" and after["phone"] == "+31 20 555 1234"
    account = exact_account(sandbox, 101, "Acme")
    assert account["Website"] == "https://acme.example" and account["Phone"] == "+31 20 555 1234"


def test_the_same_property_edited_in_two_systems_takes_the_latest(sandbox):
    sync(sandbox)
    acme = exact_account(sandbox, 101, "Acme")
    pms = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    sandbox.exact.edit_account(101, acme["ID"], {"Phone": "+31 20 111 1111"})
    time.sleep(0.05)
    sandbox.custompms.admin_edit(pms["id"], {"phone": "+31 20 222 2222"})  # later: wins
    sync(sandbox)
    assert exact_account(sandbox, 101, "Acme")["Phone"] == "+31 20 222 2222"
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["phone"] == "+31 20 222 2222"
    assert wave_customer(sandbox, "Acme")["phone"] == "+31 20 222 2222"


def test_a_rejected_operation_fails_alone_and_status_asks_for_a_person(sandbox, capsys):
    # a region CustomPMS and Exact take but Wave refuses: NL-ZZ is no province of NL (inputErrors)
    sync(sandbox)
    acme = exact_account(sandbox, 101, "Acme")
    pms = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    time.sleep(0.01)
    sandbox.custompms.admin_edit(pms["id"], {"address": {"region": "ZZ"}})
    code = sandbox.cli("sync")
    run = last_run(sandbox)
    assert code == 1 and run["status"] == "partial" and run["ops_failed"] >= 1
    assert run["ops_succeeded"] == run["ops_sent"] - run["ops_failed"]  # the others went through
    assert exact_account(sandbox, 101, "Acme")["State"] == "ZZ"
    assert sandbox.cli("status") == 1
    dead = sandbox.sql("select status, last_error from sync.outbox where status in ('failed', 'dead')")
    assert dead and "province" in dead[0][1].lower()
    assert json.loads(sandbox.sql("select api_calls from sync.runs order by started_at desc limit 1")[0][0])


def test_an_oversized_note_is_held_back_and_the_rest_of_the_record_goes(sandbox):
    # Exact takes remarks CustomPMS cannot (notes at most 4,000 characters): validated before
    # sending, the note is held back (delta.property_violations) and the customer is created without it
    account = sandbox.exact.add_account(101, {"Name": "Long Notes BV", "Code": "1003", "Remarks": "x" * 5000})
    sandbox.cli("sync")  # its exit code for a held-back value follows sync.quarantine (helper S)
    run = last_run(sandbox)
    assert run["ops_failed"] == 0 and run["ops_succeeded"] == run["ops_sent"] > 0
    pms = pms_by_ref(sandbox, "exact.accounts", account["ID"])
    assert pms["name"] == "Long Notes BV" and pms["notes"] is None
    held = "select target_system, record_id, property, kind from delta.property_violations"
    assert [tuple(row) for row in sandbox.sql(held)] == [("custompms", None, "notes", "oversized")]  # the create's
    sandbox.cli("sync")
    assert (last_run(sandbox)["deltas"], last_run(sandbox)["ops_sent"]) == (0, 0)  # a stable, stated state
    assert [tuple(row) for row in sandbox.sql(held)] == [("custompms", pms["id"], "notes", "oversized")]


def test_plan_shows_what_push_would_send_and_sends_nothing(sandbox, capsys):
    assert sandbox.cli("extract") == 0 and sandbox.cli("transform") == 0
    before = len(sandbox.pms_customers())
    capsys.readouterr()
    assert sandbox.cli("plan") == 0
    out = capsys.readouterr().out
    assert "custompms" in out and "create" in out and "Northern Lights Ltd" in out
    assert len(sandbox.pms_customers()) == before
    assert sandbox.sql("select count(*) from sync.outbox")[0][0] == 0  # read-only
