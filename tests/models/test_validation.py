"""Validation as data (issue 11, SQL side): target constraints, source violations, held-back delta
properties, the oversize policy, creates for records archived at first sight, unlinks never undone."""

from __future__ import annotations

import json

from modelkit import apply_operations, cluster_of, golden, transform

from pipelines.state import ensure_state

ACC = ("exact", "accounts")
WAVE = ("wave", "customers")
PMS = ("custompms", "customers")
MARKER = " [truncated]"


def linked_trio(con, raw, **pms_fields) -> None:
    """a1 (Exact), w1 (Wave) and p1 (CustomPMS) in one cluster, in sync and quiet."""
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1", email="info@acme.nl", phone="111")
    raw.wave_customer("w1", 0, name="Acme", email="info@acme.nl", phone="111")
    raw.custompms_customer("p1", 0, name="Acme", vat_number="NL1", email="info@acme.nl", phone="111", **pms_fields)
    settle(con, raw, 1)
    assert cluster_of(con, *ACC, "a1") == cluster_of(con, *WAVE, "w1") == cluster_of(con, *PMS, "p1")


def settle(con, raw, at: float) -> None:
    """Transform and write back until nothing is left to send (creates need a second round)."""
    for step in range(4):
        transform(con)
        if not apply_operations(con, raw, at + step / 10):
            return
    raise AssertionError("did not settle")


def operations(con, system: str | None = None) -> list[tuple[str, str | None, str, dict]]:
    rows = con.execute(
        "select target_system, record_id, operation, payload from delta.operations order by all"
    ).fetchall()
    return [(s, r, o, json.loads(p)) for s, r, o, p in rows if system is None or s == system]


def external_refs(con, record_id: str) -> list[dict]:
    row = con.execute("select external_refs from raw_custompms.customers where id = ?", [record_id]).fetchone()
    return json.loads(row[0])


def notes_by_system(con) -> dict[str, str]:
    return dict(con.execute("select system, value from golden.record_properties where property = 'notes'").fetchall())


def violations(con) -> list[tuple]:
    return con.execute(
        "select target_system, record_id, property, kind, reason, blocks_create from delta.property_violations"
        " order by all"
    ).fetchall()


def source_violations(con) -> list[tuple]:
    return con.execute(
        "select system, record_id, property, value, rule, reason, contributes from staging.source_violations"
        " order by all"
    ).fetchall()


def test_invalid_email_with_a_valid_phone_in_one_edit_sends_the_phone(con, raw):
    linked_trio(con, raw)
    raw.exact_account("a1", 10, email="not-an-email", phone="222")
    transform(con)
    sent = {(s, r): p for s, r, _o, p in operations(con)}
    assert sent == {("custompms", "p1"): {"phone": "222"}, ("wave", "w1"): {"phone": "222"}}
    [row] = source_violations(con)
    assert row[:5] == ("exact", "a1", "email", "not-an-email", "email")
    assert "not an email address" in row[5] and row[6] is False
    # the invalid value never spreads, and the older valid one does not overwrite the person's edit
    assert golden(con, record=ACC + ("a1",))["email"] == "info@acme.nl"
    settle(con, raw, 11)
    assert operations(con) == [] and len(source_violations(con)) == 1
    # a later valid edit elsewhere wins, also over the invalid value in Exact
    raw.custompms_customer("p1", 20, email="billing@acme.nl")
    transform(con)
    assert {(s, r): p for s, r, _o, p in operations(con)} == {
        ("exact", "a1"): {"Email": "billing@acme.nl"},
        ("wave", "w1"): {"email": "billing@acme.nl"},
    }
    settle(con, raw, 21)
    assert source_violations(con) == []


def test_a_value_one_target_refuses_is_held_back_there_and_the_rest_goes(con, raw):
    linked_trio(con, raw)
    # a one-letter top-level domain: CustomPMS takes it, Wave does not; BYN is ISO 4217 but not in
    # Wave's CurrencyCode enum
    raw.custompms_customer("p1", 10, email="x@acme.c", phone="333", currency="BYN")
    transform(con)
    sent = {(s, r): p for s, r, _o, p in operations(con)}
    assert sent[("wave", "w1")] == {"phone": "333"}
    assert sent[("exact", "a1")] == {"Email": "x@acme.c", "Phone": "333"}
    held = violations(con)
    assert [(s, r, p, k) for s, r, p, k, _reason, _b in held] == [
        ("wave", "w1", "currency", "target_constraint"),
        ("wave", "w1", "email", "target_constraint"),
    ]
    assert "not an email address" in held[1][4] and "wave_currency" in held[0][4]
    settle(con, raw, 11)
    assert operations(con) == [] and len(violations(con)) == 2  # a stated, stable state


def test_oversized_note_is_quarantined_by_default(con, raw):
    linked_trio(con, raw, notes="short note")
    note = "n" * 5000
    raw.exact_account("a1", 10, remarks=note)
    transform(con)
    assert {(s, r): p for s, r, _o, p in operations(con)} == {("wave", "w1"): {"internalNotes": note}}
    [(system, record, prop, kind, reason, blocks)] = violations(con)
    assert (system, record, prop, kind, blocks) == ("custompms", "p1", "notes", "oversized", False)
    assert "5000 characters" in reason and "at most 4000" in reason
    assert source_violations(con) == []  # Exact and Wave take 5,000 characters: not a source problem
    settle(con, raw, 11)
    # stated state: Exact and Wave hold the note, CustomPMS keeps its own, one violation says why
    values = notes_by_system(con)
    assert values == {"exact": note, "wave": note, "custompms": "short note"}
    assert len(violations(con)) == 1 and operations(con) == []


def test_oversized_note_is_truncated_with_a_marker_when_the_option_says_so(con, raw):
    linked_trio(con, raw)
    note = "".join(chr(97 + i % 26) for i in range(5000))
    raw.exact_account("a1", 10, remarks=note)
    con.execute("update sync.options set value = true where name = 'truncate_oversized:custompms.customers.notes'")
    transform(con)
    sent = {(s, r): p for s, r, _o, p in operations(con)}
    truncated = sent[("custompms", "p1")]["notes"]
    assert len(truncated) == 4000 and truncated.endswith(MARKER) and note.startswith(truncated[: -len(MARKER)])
    assert sent[("wave", "w1")] == {"internalNotes": note} and violations(con) == []
    settle(con, raw, 11)
    transform(con)
    assert operations(con) == []  # the truncation counts as in sync: no ping-pong
    assert golden(con, record=ACC + ("a1",))["notes"] == note  # and never wins over the whole note
    values = notes_by_system(con)
    assert values == {"exact": note, "wave": note, "custompms": truncated}
    # back to quarantine: CustomPMS keeps the truncation, the whole note is held back there
    con.execute("update sync.options set value = false where name = 'truncate_oversized:custompms.customers.notes'")
    transform(con)
    assert operations(con) == [] and [v[2:4] for v in violations(con)] == [("notes", "oversized")]


def test_wave_customer_archived_at_first_sight_gets_an_inactive_create(con, raw):
    raw.wave_customer("w1", 0, name="Gone Ltd", email="info@gone.ca", is_archived=True)
    raw.exact_account("a1", 0, name="Blocked BV", blocked=True)
    raw.exact_account("a2", 0, name="Deleted BV")
    raw.exact_delete("a2", 1)
    transform(con)
    creates = {p["name"]: p for _s, _r, o, p in operations(con) if o == "create"}
    assert set(creates) == {"Gone Ltd", "Blocked BV", "Deleted BV"}
    assert all(p["active"] is False for p in creates.values())
    assert creates["Gone Ltd"]["external_refs"] == [{"system": "wave.customers", "id": "w1"}]
    assert creates["Deleted BV"]["external_refs"] == [{"system": "exact.accounts", "id": "a2"}]
    settle(con, raw, 2)
    assert cluster_of(con, *WAVE, "w1") is not None
    pms = con.execute("select count(*) from raw_custompms.customers where not active").fetchone()[0]
    assert pms == 3 and operations(con) == []


def test_archived_at_first_sight_gets_nothing_with_the_option_off(con, raw):
    ensure_state(con)
    con.execute("update sync.options set value = false where name = 'create_archived_at_first_sight'")
    raw.wave_customer("w1", 0, name="Gone Ltd", is_archived=True)
    raw.exact_account("a1", 0, name="Blocked BV", blocked=True)
    raw.exact_account("a2", 0, name="Deleted BV")
    raw.exact_delete("a2", 1)
    raw.exact_account("a3", 0, name="Live BV")
    transform(con)
    assert [p["name"] for _s, _r, o, p in operations(con) if o == "create"] == ["Live BV"]
    assert cluster_of(con, *WAVE, "w1") is None and cluster_of(con, *ACC, "a2") is None
    raw.exact_account("a1", 5, blocked=False)  # unblocked later: now it gets its customer
    transform(con)
    assert sorted(p["name"] for _s, _r, o, p in operations(con) if o == "create") == ["Blocked BV", "Live BV"]


def test_bad_custompms_records_are_flagged_and_invalid_values_do_not_contribute(con, raw):
    raw.custompms_customer("p1", 0, name=None, email="nobody@acme.nl")
    raw.custompms_customer("p2", 0, name="Zed Corp", country="ZZ", vat_number="NL2")
    raw.custompms_customer("p3", 0, name="L" * 300, currency="eur")
    raw.exact_account("a2", 1, name="Zed Corp", vat_number="NL2", country="NL")
    transform(con)
    flagged = {(r, p, rule): contributes for _s, r, p, _v, rule, _reason, contributes in source_violations(con)}
    assert flagged == {
        ("p1", "name", "required"): False,
        ("p2", "country", "iso_country"): False,
        ("p3", "name", "max_length"): True,
    }
    reasons = {r: reason for _s, r, _p, _v, _rule, reason, _c in source_violations(con)}
    assert "'ZZ' is not an ISO 3166-1 alpha-2 country code" == reasons["p2"]
    assert reasons["p3"] == "300 characters; custompms.customers takes at most 200 for name"
    # ZZ never reaches Exact; NL (valid) wins although older, and goes to CustomPMS
    assert golden(con, record=PMS + ("p2",))["country"] == "NL"
    [(system, record, _op, payload)] = operations(con)
    assert (system, record, payload["address"]) == ("custompms", "p2", {"country": "NL"})
    assert golden(con, record=PMS + ("p3",))["name"] == "L" * 300  # over-long, but a real value
    raw.custompms_customer("p2", 5, country="BE")
    transform(con)
    assert [row[1:3] for row in source_violations(con)] == [("p1", "name"), ("p3", "name")]


def test_a_rejected_value_is_held_back_until_its_quarantine_row_is_resolved(con, raw):
    linked_trio(con, raw)
    raw.custompms_customer("p1", 10, phone="+31 555")
    transform(con)
    assert {(s, r) for s, r, _o, _p in operations(con)} == {("exact", "a1"), ("wave", "w1")}
    con.execute(  # what helper S records when Wave refuses the value
        "insert into sync.quarantine (quarantine_id, kind, system, entity, record_id, property, value,"
        " value_hash, reason, first_seen, last_seen) values ('q1', 'target_rejection', 'wave', 'customers',"
        " 'w1', 'phone', '+31 555', md5('+31 555'), 'phone: Enter a valid phone number.', now(), now())"
    )
    transform(con)
    assert {(s, r) for s, r, _o, _p in operations(con)} == {("exact", "a1")}
    [(system, record, prop, kind, reason, _b)] = violations(con)
    assert (system, record, prop, kind) == ("wave", "w1", "phone", "target_rejection")
    assert "Enter a valid phone number" in reason
    con.execute("update sync.quarantine set status = 'ignored'")
    transform(con)
    assert {(s, r) for s, r, _o, _p in operations(con)} == {("exact", "a1")}
    con.execute("update sync.quarantine set status = 'resolved', resolved_at = now(), resolved_by = 'ann'")
    transform(con)
    assert {(s, r): p for s, r, _o, p in operations(con)}[("wave", "w1")] == {"phone": "+31 555"}
    assert violations(con) == []


def test_a_create_without_a_name_waits_whole(con, raw):
    raw.wave_customer("w1", 0, name=None, email="anon@acme.ca", phone="1")
    transform(con)
    assert [o for _s, _r, o, _p in operations(con)] == []
    [(system, record, prop, kind, reason, blocks)] = violations(con)
    assert (system, record, prop, kind, blocks) == ("custompms", None, "name", "target_constraint", True)
    assert "needs one to create" in reason
    raw.wave_customer("w1", 5, name="Anon Inc")
    transform(con)
    [(_s, _r, op, payload)] = operations(con)
    assert op == "create" and payload["name"] == "Anon Inc" and violations(con) == []


def test_an_unlinked_member_stays_unlinked_and_leaves_external_refs(con, raw):
    raw.exact_account("a1", 0, name="Acme", email="info@acme.nl")
    raw.wave_customer("w1", 0, name="Acme Inc", email="info@acme.nl")
    settle(con, raw, 1)
    cluster = cluster_of(con, *ACC, "a1")
    [pms] = con.execute(
        "select record_id from sync.links where cluster_id = ? and system = 'custompms'", [cluster]
    ).fetchone()
    refs = external_refs(con, pms)
    assert {"system": "wave.customers", "id": "w1"} in refs
    con.execute(  # what `unlink` (helper S) records
        "update sync.links set unlinked_at = now(), unlinked_reason = 'manual' where record_id = 'w1'"
    )
    transform(con)
    assert cluster_of(con, *WAVE, "w1") not in (None, cluster)  # its own customer now
    ops = {(s, r, o): p for s, r, o, p in operations(con)}
    assert ops[("custompms", pms, "update")] == {"external_refs": [{"system": "exact.accounts", "id": "a1"}]}
    settle(con, raw, 5)
    for _ in range(2):  # neither a rule (same email) nor the origin pass brings it back
        transform(con)
        assert operations(con) == []
        assert cluster_of(con, *WAVE, "w1") != cluster
    refs = external_refs(con, pms)
    assert refs == [{"system": "exact.accounts", "id": "a1"}]


def test_constraints_and_code_lists_are_data(con, raw):
    raw.exact_account("a1", 0, name="Acme")
    transform(con)
    limits = dict(
        con.execute(
            "select target_system || '.' || property, max_length from delta.target_constraints"
            " where property in ('name', 'notes', 'code')"
        ).fetchall()
    )
    assert limits == {  # Wave's internalNotes has no limit, Exact only pads Code to 18
        "custompms.name": 200, "custompms.notes": 4000, "custompms.code": 50,
        "wave.name": 255, "wave.code": 255, "exact.name": None, "exact.code": 18,
    }  # fmt: skip
    counts = dict(con.execute("select list_name, count(*) from reference.code_lists group by all").fetchall())
    assert counts["iso_3166_1_alpha2"] == 249 and counts["wave_currency"] == 161


def test_archived_at_first_sight_joins_the_customer_it_matches_instead_of_a_duplicate(con, raw):
    raw.custompms_customer("p1", 0, name="Acme", email="info@acme.ca", active=False)
    raw.wave_customer("w1", 0, name="Acme", email="info@acme.ca", is_archived=True)
    transform(con)
    assert cluster_of(con, *WAVE, "w1") == cluster_of(con, *PMS, "p1")
    assert operations(con) == []
