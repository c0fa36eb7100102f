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
    # the phone reached CustomPMS and Wave in this run; the email did not
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["phone"] == "+31 20 765 4321"
    assert wave_customer(sandbox, "Acme")["phone"] == "+31 20 765 4321"
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["email"] == "info@acme.example"
    assert wave_customer(sandbox, "Acme")["email"].lower() == "info@acme.example"
    # the email waits for a person, with a reason that names the property: refused by the targets
    # (target_rejection, one row each), or, where the models validate the source, held back before
    # anything was sent (source_value, at the Exact account)
    waiting = quarantine(sandbox)
    assert waiting and {(kind, prop, value) for kind, _, _, _, prop, value, _ in waiting} <= {
        ("target_rejection", "email", "not-an-email"), ("source_value", "email", "not-an-email")}
    assert all("email" in reason for *_, reason in waiting)
    if {row[0] for row in waiting} == {"target_rejection"}:
        assert waiting == [
            ("target_rejection", "custompms", "customers", pms_id, "email", "not-an-email",
             "custompms rejected email (email): must be an email address"),
            ("target_rejection", "wave", "customers", wave_id, "email", "not-an-email",
             "wave rejected email (email): Enter a valid email address."),
        ]
        rejected = sandbox.sql("select last_error from sync.outbox where status = 'quarantined'")
        assert len(rejected) == 2 and all("quarantined email; the rest resent as op_" in e for (e,) in rejected)
    (items,), = sandbox.sql("select open_items from sync.runs order by started_at desc limit 1")
    assert last_run(sandbox)["status"] == "partial" and sum(json.loads(items).values()) == len(waiting)

    code, out, err = sandbox.cli_out(capsys, "sync")  # nothing changed: still disagreeing, still exit 1
    assert code == 1 and quarantine(sandbox) == waiting  # the same rows, seen again
    code, out, err = sandbox.cli_out(capsys, "status")
    assert code == 1 and "not-an-email" in out

    time.sleep(0.01)
    sandbox.exact.edit_account(101, acme["ID"], {"Email": "hello@acme.example"})  # a person fixes it at the source
    assert sandbox.cli("sync") == 0  # one sync converges
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["email"] == "hello@acme.example"
    assert wave_customer(sandbox, "Acme")["email"] == "hello@acme.example"
    assert quarantine(sandbox) == [] and {s for (s,) in sandbox.sql("select status from sync.quarantine")} == {
        "resolved"}
    code, out, err = sandbox.cli_out(capsys, "status")
    assert code == 0, err
    assert sandbox.cli("sync") == 0 and last_run(sandbox)["ops_sent"] == 0


def test_retry_releases_a_rejected_value_and_ignore_accepts_it_with_who_and_why(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    acme = exact_account(sandbox, 101, "Acme")
    pms = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    time.sleep(0.01)
    sandbox.custompms.admin_edit(pms["id"], {"address": {"region": "ZZ"}})  # Wave knows no province NL-ZZ
    assert sandbox.cli("sync") == 1
    (qid,), = sandbox.sql("select quarantine_id from sync.quarantine where status = 'open'")
    code, _, err = sandbox.cli_out(capsys, "retry", "abc")
    assert code == 2 and "at least 6 characters" in err  # refused, nothing changed

    # retry: the value is tried again by the next sync (Wave still refuses it: the same row opens again)
    assert sandbox.cli("retry", qid[:10], "--note", "Wave added the province", "--by", "ada") == 0
    assert sandbox.sql("select status, resolved_by from sync.quarantine") == [("resolved", "ada")]
    code, _, err = sandbox.cli_out(capsys, "status")  # the released operation waits for the next sync
    assert code == 1 and "1 operation(s) not sent" in err.replace("\n", " ")
    assert sandbox.cli("sync") == 1
    assert sandbox.sql("select quarantine_id, status from sync.quarantine") == [(qid, "open")]

    # ignore: it stops counting as open (and stays held back); the decision says who and why
    assert sandbox.cli("ignore", qid[:10]) == 2  # no reason given: refused
    assert sandbox.cli("ignore", qid[:10], "--note", "Wave is wrong here; the region stays ZZ", "--by", "ada") == 0
    assert sandbox.cli("status") == 0
    assert sandbox.cli("sync") == 0  # ignored: no longer a reason to exit 1
    decisions = sandbox.sql("select action, decided_by, note from sync.decisions order by decided_at")
    assert decisions == [("retry", "ada", "Wave added the province"),
                         ("ignore", "ada", "Wave is wrong here; the region stays ZZ")]
    code, out, _ = sandbox.cli_out(capsys, "audit", "decisions")
    assert code == 0 and "the region stays ZZ" in out and "ada" in out
    assert sandbox.sql("select status, note from sync.quarantine") == [
        ("ignored", "Wave is wrong here; the region stays ZZ")]


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
