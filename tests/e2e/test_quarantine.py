"""One quarantine and truthful exit codes, end to end on the three emulators: a value a target rejects
waits for a person while the rest of the same edit arrives everywhere in the same run; every sync
exits 1 while it waits; the fix converges in one sync, after which status exits 0."""

from __future__ import annotations

import json
import time

from .test_sync import exact_account, last_run, pms_by_ref, wave_customer


def quarantine(sandbox, status: str = "open") -> list[tuple]:
    return sandbox.sql("""select kind, system, entity, record_id, property, value, reason
                          from sync.quarantine where status = ? order by system, property""", [status])


def test_an_invalid_email_waits_and_the_phone_of_the_same_edit_arrives_everywhere_in_the_same_run(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    acme = exact_account(sandbox, 101, "Acme")
    pms_id = pms_by_ref(sandbox, "exact.accounts", acme["ID"])["id"]
    wave_id = wave_customer(sandbox, "Acme")["id"]
    time.sleep(0.01)
    sandbox.exact.edit_account(101, acme["ID"], {"Email": "not-an-email", "Phone": "+31 20 765 4321"})

    code, out, err = sandbox.cli_out(capsys, "sync")
    assert code == 1, err
    # the phone reached CustomPMS and Wave in this run, though both refused the email of the same edit
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["phone"] == "+31 20 765 4321"
    assert wave_customer(sandbox, "Acme")["phone"] == "+31 20 765 4321"
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["email"] == "info@acme.example"
    assert quarantine(sandbox) == [
        ("target_rejection", "custompms", "customers", pms_id, "email", "not-an-email",
         "custompms rejected email (email): must be an email address"),
        ("target_rejection", "wave", "customers", wave_id, "email", "not-an-email",
         "wave rejected email (email): Enter a valid email address."),
    ]
    assert "2 value(s) a target rejected" in err
    rejected = sandbox.sql("select target_system, status, last_error from sync.outbox where status = 'quarantined'")
    assert {system for system, *_ in rejected} == {"custompms", "wave"}
    assert all("quarantined email; the rest resent as op_" in error for *_, error in rejected)
    run = last_run(sandbox)
    assert run["status"] == "partial" and json.loads(sandbox.sql(
        "select open_items from sync.runs order by started_at desc limit 1")[0][0]) == {"target_rejection": 2}

    code, out, err = sandbox.cli_out(capsys, "sync")  # nothing changed: still disagreeing, still exit 1
    assert code == 1 and "2 value(s) a target rejected" in err
    assert len(quarantine(sandbox)) == 2  # the same two rows, seen again
    code, out, err = sandbox.cli_out(capsys, "status")
    assert code == 1 and "not-an-email" in out

    time.sleep(0.01)
    sandbox.exact.edit_account(101, acme["ID"], {"Email": "hello@acme.example"})  # a person fixes it at the source
    assert sandbox.cli("sync") == 0  # one sync converges
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["email"] == "hello@acme.example"
    assert wave_customer(sandbox, "Acme")["email"] == "hello@acme.example"
    assert quarantine(sandbox) == []
    assert {row[-1] for row in sandbox.sql("select status, note from sync.quarantine")} == {
        "the value is no longer the golden value"}
    code, out, err = sandbox.cli_out(capsys, "status")
    assert code == 0, err
    assert sandbox.cli("sync") == 0 and last_run(sandbox)["ops_sent"] == 0


def test_retry_releases_a_rejected_value_and_ignore_accepts_it_with_who_and_why(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    acme = exact_account(sandbox, 101, "Acme")
    time.sleep(0.01)
    sandbox.exact.edit_account(101, acme["ID"], {"Email": "still-not-an-email"})
    assert sandbox.cli("sync") == 1
    pms_row, wave_row = sandbox.sql("select quarantine_id from sync.quarantine where status = 'open' order by system")

    # retry: the value is tried again by the next sync (still invalid in CustomPMS: it is back, same row)
    assert sandbox.cli("retry", pms_row[0][:10], "--note", "CustomPMS says it accepts these now", "--by", "ada") == 0
    assert sandbox.sql("select status, resolved_by from sync.quarantine where quarantine_id = ?", [pms_row[0]]) == [
        ("resolved", "ada")]
    assert sandbox.cli("sync") == 1
    assert sandbox.sql("select status from sync.quarantine where quarantine_id = ?", [pms_row[0]]) == [("open",)]

    # ignore: both stop counting as open; the decision says who and why
    for (qid,) in (pms_row, wave_row):
        assert sandbox.cli("ignore", qid[:10], "--note", "the customer has no email", "--by", "ada") == 0
    assert sandbox.cli("status") == 0
    assert sandbox.cli("ignore", wave_row[0][:10]) == 2  # no reason given: refused
    decisions = sandbox.sql("select action, decided_by, note from sync.decisions order by decided_at")
    assert decisions == [("retry", "ada", "CustomPMS says it accepts these now"),
                         ("ignore", "ada", "the customer has no email"), ("ignore", "ada", "the customer has no email")]
    code, out, _ = sandbox.cli_out(capsys, "audit", "decisions")
    assert code == 0 and "the customer has no email" in out and "ada" in out
    assert sandbox.sql("select count(*) from sync.quarantine where status = 'ignored'")[0][0] == 2


def test_a_record_a_source_sends_unreadable_is_quarantined_until_it_is_read_again(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    brugge = next(c for c in sandbox.pms_customers() if c["name"].startswith("Brugge"))
    sandbox.custompms.admin_edit(brugge["id"], {"phone": "+32 50 11 22 33"})
    with sandbox.custompms.lock:  # the API starts sending a broken record (a version that is no number)
        sandbox.custompms.customers[brugge["id"]]["version"] = "seven"
    code, out, err = sandbox.cli_out(capsys, "sync")
    assert code == 1 and "could not be read" in err
    (kind, record, reason), = sandbox.sql("select kind, record_id, reason from sync.quarantine where status = 'open'")
    assert (kind, record) == ("parse_failure", brugge["id"]) and "version" in reason
    assert sandbox.cli("sync") == 1  # still unreadable: still open
    with sandbox.custompms.lock:
        sandbox.custompms.customers[brugge["id"]]["version"] = 9
    sandbox.custompms.admin_edit(brugge["id"], {"phone": "+32 50 11 22 44"})  # fixed; a new version is read
    assert sandbox.cli("sync") == 0
    assert sandbox.sql("select status, resolved_by from sync.quarantine") == [("resolved", "sync")]
