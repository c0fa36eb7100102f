"""One test per merge, identity and delta rule (DESIGN.md sections 4 to 6)."""

from __future__ import annotations

from modelkit import apply_operations, cluster_of, deltas, golden, transform

ACC = ("exact", "accounts")
WAVE = ("wave", "customers")
PMS = ("custompms", "customers")


def test_staging_normalises_code_vat_email_country_dates_and_empties(con, raw):
    raw.exact_account(
        "a1",
        5,
        name="  Acme BV ",
        code="             C0001",
        vat_number="nl 1234.56.789.b01",
        email=" Info@ACME.nl ",
        country="nl",
        phone="",
        city="  ",
    )
    raw.wave_customer("w1", 6, name="Maple", province_code="CA-ON", country_code="ca", email="X@Y.CA")
    transform(con)
    row = con.execute(
        "select name, code, vat_number, email, country, phone, city, modified_at, active "
        "from staging.stg_customers where system = 'exact' and entity = 'accounts'"
    ).fetchone()
    assert row[:7] == ("Acme BV", "C0001", "NL123456789B01", "info@acme.nl", "NL", None, None)
    assert row[7] == raw.at(5) and row[8] is True
    assert con.execute(
        "select region, country, email, modified_at from staging.stg_customers where system = 'wave'"
    ).fetchone() == ("ON", "CA", "x@y.ca", raw.at(6))


def test_latest_change_wins_per_property_not_per_record(con, raw):
    raw.exact_account("a1", 0, name="Acme Old", phone="111", vat_number="NL1")
    raw.custompms_customer("p1", 10, name="Acme New", phone="111", vat_number="NL1")
    raw.exact_account("a1", 20, phone="222")  # phone edited later; the name was not touched since minute 0
    transform(con)
    values = golden(con, record=("exact", "accounts", "a1"))
    assert values["name"] == "Acme New" and values["phone"] == "222"
    assert ("custompms", "p1", "phone", "111", "222") in deltas(con)
    assert ("exact", "a1", "name", "Acme Old", "Acme New") in deltas(con)


def test_empty_never_overwrites_non_empty(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1", website="acme.nl")
    raw.custompms_customer("p1", 1, name="Acme", vat_number="NL1", website="acme.nl")
    raw.custompms_customer("p1", 5, website="")  # cleared in CustomPMS, later than Exact's value
    transform(con)
    assert golden(con, record=("exact", "accounts", "a1"))["website"] == "acme.nl"
    assert not [d for d in deltas(con, "exact") if d[2] == "website"]


def test_tie_breaks_by_system_priority(con, raw):
    raw.exact_account("a1", 3, name="From Exact", vat_number="NL1")
    raw.wave_customer("w1", 3, name="From Wave", email="a@b.c")
    raw.custompms_customer("p1", 3, name="From PMS", vat_number="NL1", email="a@b.c")
    transform(con)
    assert golden(con, record=("exact", "accounts", "a1"))["name"] == "From PMS"
    con.execute("update sync.system_priority set priority = 0 where system = 'wave'")
    transform(con)  # a configuration change forces a full refresh
    assert golden(con, record=("exact", "accounts", "a1"))["name"] == "From Wave"


def test_echo_of_our_own_write_is_not_an_edit(con, raw):
    raw.exact_account("a1", 0, name="Acme", phone="111", vat_number="NL1")
    raw.custompms_customer("p1", 10, name="Acme", phone="222", vat_number="NL1")
    transform(con)
    apply_operations(con, raw, 30, systems=("exact",))  # exact gets phone 222 at 30, carrying change time 10
    raw.custompms_customer("p1", 20, name="Acme Renamed")  # a real edit at 20, before our write landed
    transform(con)
    props = dict(
        con.execute(
            "select property, changed_at from golden.record_properties "
            "where system = 'exact' and property in ('phone', 'name')"
        ).fetchall()
    )
    assert props["phone"] == raw.at(10)  # the ledger's carried time, not the observed 30
    assert golden(con, record=("exact", "accounts", "a1"))["name"] == "Acme Renamed"
    assert golden(con, record=("exact", "accounts", "a1"))["phone"] == "222"


def landed(con) -> None:
    """The writes apply_operations recorded are known to have landed (their outbox rows succeeded)."""
    con.execute("""insert into sync.outbox (id, target_system, target_entity, operation, status)
                   select distinct outbox_id, target_system, target_entity, 'update', 'succeeded'
                   from sync.write_ledger where outbox_id not in (select id from sync.outbox)""")


def test_an_old_value_typed_back_after_a_newer_write_landed_is_an_edit(con, raw):
    raw.exact_account("a1", 0, name="Acme", phone="111", vat_number="NL1")
    raw.custompms_customer("p1", 10, name="Acme", phone="222", vat_number="NL1")
    transform(con)
    apply_operations(con, raw, 30, systems=("exact",))  # exact gets 222, carrying change time 10
    landed(con)
    raw.custompms_customer("p1", 40, phone="333")
    transform(con)
    apply_operations(con, raw, 50, systems=("exact",))  # then 333, carrying 40
    landed(con)
    raw.exact_account("a1", 60, phone="222")  # a person types the old value back
    transform(con)
    (changed_at,) = con.execute("select changed_at from golden.record_properties "
                                "where system = 'exact' and property = 'phone'").fetchone()
    assert changed_at == raw.at(60)  # not the echo of the first write: a newer one landed after it
    assert golden(con, record=("exact", "accounts", "a1"))["phone"] == "222"


def test_same_system_records_never_share_a_cluster(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1")
    raw.exact_account("a2", 0, name="Acme too", vat_number="NL1")
    raw.wave_customer("w1", 0, name="Acme", email="x@acme.nl")
    raw.exact_account("a3", 0, name="Acme 3", email="x@acme.nl")
    transform(con)
    assert cluster_of(con, *ACC, "a1") != cluster_of(con, *ACC, "a2")
    conflicts = con.execute("select record_id, kind from sync.match_conflicts").fetchall()
    assert ("a2", "same_system") in conflicts
    # email joins w1 with a3 (a3 has no VAT), never a clash of two Exact accounts in one cluster
    assert cluster_of(con, *WAVE, "w1") == cluster_of(con, *ACC, "a3")
    per_cluster = con.execute(
        "select count(*) from sync.links group by cluster_id, system, entity having count(*) > 1"
    ).fetchall()
    assert per_cluster == []


def test_rule_joining_clusters_with_different_custompms_customers_is_a_conflict(con, raw):
    raw.custompms_customer("p1", 0, name="Acme NL", vat_number="NL1")
    raw.custompms_customer("p2", 0, name="Acme BE", email="info@acme.com")
    transform(con)
    raw.exact_account("a1", 5, name="Acme", vat_number="NL1", email="info@acme.com")
    raw.wave_customer("w1", 5, name="Acme", email="info@acme.com")
    transform(con)
    # a1 joins p1 by VAT (the stronger rule); w1's email hits p2's cluster and a1's: two clusters
    assert cluster_of(con, *ACC, "a1") == cluster_of(con, *PMS, "p1")
    assert cluster_of(con, *WAVE, "w1") is None
    kind = con.execute("select kind from sync.match_conflicts where record_id = 'w1'").fetchone()[0]
    assert kind == "different_custompms"
    transform(con)
    assert con.execute("select count(*) from sync.match_conflicts where record_id = 'w1'").fetchone()[0] == 1


def test_exact_delete_and_wave_archive_deactivate_custompms(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1", email="x@acme.nl")
    raw.wave_customer("w1", 0, name="Acme", email="x@acme.nl")
    raw.custompms_customer("p1", 0, name="Acme", vat_number="NL1")
    transform(con)
    raw.exact_delete("a1", 10)
    transform(con)
    assert golden(con, record=PMS + ("p1",)).get("active") == "true"  # Wave still has it
    raw.wave_customer("w1", 12, is_archived=True)
    transform(con)
    op = con.execute(
        "select operation, payload from delta.operations where target_system = 'custompms'"
    ).fetchone()
    assert op[0] == "deactivate" and '"active":false' in op[1].replace(" ", "")
    assert not deltas(con, "exact") and not deltas(con, "wave")
    # a person reactivating it later wins: the delete is an event, not a standing order
    apply_operations(con, raw, 13)
    raw.custompms_customer("p1", 20, active=True)
    transform(con)
    assert golden(con, record=PMS + ("p1",))["active"] == "true"
    assert con.execute("select count(*) from delta.operations").fetchone()[0] == 0


def test_custompms_delete_unlinks_and_is_not_pushed_or_recreated(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1")
    raw.custompms_customer("p1", 0, name="Acme", vat_number="NL1")
    transform(con)
    raw.custompms_customer("p1", 5, deleted=True)
    transform(con)
    assert cluster_of(con, *PMS, "p1") is None
    assert con.execute("select count(*) from delta.operations").fetchone()[0] == 0


def test_cluster_without_custompms_member_gets_one_create_with_external_refs(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1")
    raw.wave_customer("w1", 0, name="Acme Inc", email="x@acme.nl")
    raw.exact_account("a1", 1, email="x@acme.nl")
    transform(con)
    ops = con.execute(
        "select op_id, operation, payload from delta.operations where operation = 'create'"
    ).fetchall()
    assert len(ops) == 1
    assert '"external_refs"' in ops[0][2] and "exact.accounts" in ops[0][2] and "wave.customers" in ops[0][2]
    transform(con)
    assert con.execute("select op_id from delta.operations where operation = 'create'").fetchall() == [
        (ops[0][0],)
    ]


def test_read_only_divisions_get_no_delta_and_are_recorded_once(con, raw):
    raw.division(101, 0, description="Acme Holding", vat_number="NL1")
    raw.custompms_customer("p1", 1, name="Acme Holding", vat_number="NL1")
    transform(con)
    raw.custompms_customer("p1", 5, name="Acme Holding BV")
    transform(con)
    transform(con)
    assert not [d for d in deltas(con) if d[0] == "exact"]
    rows = con.execute("select record_id, property, wanted_value from sync.not_writable").fetchall()
    assert rows == [("101", "name", "Acme Holding BV")]


def test_quiescence_after_write_back(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1", phone="1", code="  C1")
    raw.wave_customer(
        "w1", 2, name="Acme", email="x@acme.nl", phone="2", province_code="CA-QC", country_code="CA"
    )
    raw.exact_account("a1", 3, email="x@acme.nl")
    raw.exact_account("a9", 4, name="Solo")
    transform(con)
    assert apply_operations(con, raw, 10) > 0
    transform(con)
    assert apply_operations(con, raw, 11) > 0 or True  # the creates' new ids settle here
    transform(con)
    assert con.execute("select count(*) from delta.operations").fetchone()[0] == 0
    transform(con)
    assert con.execute("select count(*) from delta.operations").fetchone()[0] == 0
