"""Incremental runs: after any edits, the models hold what a full refresh on the same data computes; a
run with nothing changed skips every model; any change to an input makes the next run do the work."""

from __future__ import annotations

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from modelkit import Raw, apply_operations, transform

# What each model table holds, without the run stamp (_transformed_at differs between the two runs).
# The identity tables are left out: they hold the last run's work on the records that needed a link.
MODELS = {
    "staging.stg_customers": "system, entity, record_id, scope_id, source_version, name, email, phone, city, "
    "vat_number, country, notes, active, modified_at, is_deleted, record_hash",
    "identity.match_keys": "system, entity, record_id, rule_name, match_key",
    "golden.record_properties": "system, entity, record_id, property, value, is_deleted, modified_at, "
    "observed_changed_at, changed_at, change_source",
    "golden.cluster_properties": "cluster_id, property, value, changed_at, source_system, source_entity, "
    "source_record_id",
    "golden.customers": "cluster_id, name, email, phone, city, vat_number, country, notes, active, changed_at",
    "delta.member_comparisons": "cluster_id, system, entity, record_id, property, target_field, writable, "
    "current_value, golden_value, golden_changed_at, golden_source",
    "delta.property_deltas": "target_system, target_entity, record_id, cluster_id, property, old_value, "
    "new_value, target_value, golden_changed_at, base_version, base_hash",
    "delta.not_writable": "system, entity, record_id, cluster_id, property, current_value, wanted_value",
    "delta.operations": "op_id, target_system, record_id, cluster_id, operation, cast(payload as varchar), "
    "base_version, cast(ledger_entries as varchar)",
}

SYSTEM_FIELDS = {  # canonical property -> raw column per system
    "exact": {"name": "name", "phone": "phone", "city": "city", "notes": "remarks", "email": "email",
              "vat": "vat_number", "country": "country"},
    "wave": {"name": "name", "phone": "phone", "city": "city", "notes": "internal_notes", "email": "email",
             "country": "country_code"},
    "custompms": {"name": "name", "phone": "phone", "city": "city", "notes": "notes", "email": "email",
                  "vat": "vat_number", "country": "country"},
    "division": {"name": "description", "phone": "phone", "city": "city", "email": "email", "vat": "vat_number",
                 "country": "country"},
}  # fmt: skip
RECORDS = {"exact": ["a1", "a2"], "wave": ["w1", "w2"], "custompms": ["p1", "p2"], "division": [101]}
VALUES = {
    "name": ["Acme", " Acme BV ", "Beta", ""],
    "phone": ["111", "222", ""],
    "city": ["Gent", "Toronto", ""],
    "notes": ["n1", "n2", ""],
    "email": ["info@acme.nl", "INFO@ACME.NL", "x@beta.io", ""],
    "vat": ["NL1", "nl 1", "BE2", ""],
    "country": ["nl", "CA", ""],
}

edit = st.tuples(
    st.sampled_from(sorted(RECORDS)),
    st.integers(min_value=0, max_value=1),  # which record of that system
    st.sampled_from(sorted(VALUES)),
    st.integers(min_value=0, max_value=3),  # which value
    st.integers(min_value=0, max_value=2),  # minutes after the previous edit (0: the same instant)
    st.sampled_from(["edit", "edit", "edit", "gone"]),  # gone: Exact delete, Wave archive, CustomPMS delete
)


def put(raw: Raw, system: str, index: int, at: float, prop: str, value_index: int, action: str) -> None:
    ids = RECORDS[system]
    record = ids[index % len(ids)]
    if system == "exact" and record in raw.exact_deleted:
        return  # Exact's deletes are final: a deleted account's ID never comes back (an edit of it would
        # make a full refresh date its re-appearance back to the delete, which Exact cannot produce)
    if action == "gone":
        if system == "exact" and ("raw_exact.accounts", (record,)) in raw.rows:
            raw.exact_delete(record, at)
            return
        if system == "wave":
            raw.wave_customer(record, at, is_archived=True)
            return
        if system == "custompms":
            raw.custompms_customer(record, at, deleted=True)
            return
    column = SYSTEM_FIELDS[system].get(prop)
    if column is None:
        return
    values = VALUES[prop]
    fields = {column: values[value_index % len(values)]}
    {
        "exact": raw.exact_account,
        "wave": raw.wave_customer,
        "custompms": raw.custompms_customer,
        "division": raw.division,
    }[system](record, at, **fields)


def snapshot(con) -> dict[str, list]:
    return {t: sorted(map(repr, con.execute(f"select {cols} from {t}").fetchall())) for t, cols in MODELS.items()}


def seeded(con) -> Raw:
    """One record per system and a division, all linked by name or VAT, transformed once."""
    raw = Raw(con)
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1", email="info@acme.nl", phone="111")
    raw.wave_customer("w1", 0, name="Acme", email="info@acme.nl", city="Gent")
    raw.custompms_customer("p1", 0, name="Acme", vat_number="NL1")
    raw.division(101, 0, description="Beta Holding", vat_number="BE2")
    transform(con)
    return raw


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rounds=st.lists(st.tuples(st.lists(edit, min_size=1, max_size=4), st.booleans()), min_size=1, max_size=4)
)
def test_incremental_runs_equal_a_full_refresh(tmp_path_factory, rounds):
    con = duckdb.connect(str(tmp_path_factory.mktemp("incr") / "i.duckdb"))
    raw = seeded(con)
    at = 1.0
    for edits, write_back in rounds:
        for system, index, prop, value_index, gap, action in edits:
            at += gap
            put(raw, system, index, at, prop, value_index, action)
        transform(con)
        incremental = snapshot(con)
        transform(con, full_refresh=True, run_id="full")
        assert snapshot(con) == incremental
        # the incremental run recorded every change: the full refresh finds none to record
        assert con.execute("select count(*) from sync.property_history where run_id = 'full'").fetchone() == (0,)
        if write_back:  # the writer's ledger entries and origin links are inputs of the next run too
            at += 1
            apply_operations(con, raw, at)
    con.close()


def model_runs(con) -> list[tuple]:
    sql = "select model, run_at from sync.model_runs where model not like 'input:%' order by all"
    return con.execute(sql).fetchall()


def test_a_run_with_nothing_changed_skips_every_model(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1")
    raw.custompms_customer("p1", 1, name="Acme BV", vat_number="NL1")
    assert transform(con)
    before, outputs = model_runs(con), snapshot(con)
    assert transform(con) == []  # nothing new: no model ran
    assert model_runs(con) == before and snapshot(con) == outputs
    assert transform(con, full_refresh=True)  # a full refresh always runs


def test_any_changed_input_runs_the_models(con, raw):
    raw.exact_account("a1", 0, name="Acme", vat_number="NL1")
    raw.custompms_customer("p1", 1, name="Acme BV", vat_number="NL1")
    transform(con)
    changes = [
        lambda: raw.exact_account("a1", 5, phone="123"),  # a raw row
        lambda: apply_operations(con, raw, 6, systems=("exact",)),  # ledger entries (and a raw row)
        lambda: con.execute("update sync.links set unlinked_at = now(), unlinked_reason = 'manual' "
                            "where record_id = 'a1'"),  # a person ends a link
        lambda: con.execute("update sync.options set value = not value where name = 'create_in_custompms'"),
    ]
    for change in changes:
        assert transform(con) == []
        change()
        assert transform(con), change
    assert con.execute("select count(*) from sync.links where record_id = 'a1' and unlinked_at is null"
                       ).fetchone()[0] == 1  # the unlinked record starts its own cluster again


PROPERTY_STATE = "select system, entity, record_id, property, value, changed_at from golden.record_properties"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rounds=st.lists(
        st.tuples(st.lists(edit, min_size=1, max_size=4), st.booleans(), st.booleans()), min_size=1, max_size=4
    )
)
def test_a_run_records_every_changed_property_once(tmp_path_factory, rounds):
    """What a run appends to sync.property_history is every (record, property) whose value or change time
    differs from before the run (a new record's non-empty values; an empty value whose change time moved
    only when the property has a history), whichever columns an incremental run compared, and the same
    when the run is a full refresh (which compares with the history itself)."""
    con = duckdb.connect(str(tmp_path_factory.mktemp("hist") / "h.duckdb"))
    raw = seeded(con)
    at = 1.0
    for number, (edits, write_back, full_refresh) in enumerate(rounds):
        for system, index, prop, value_index, gap, action in edits:
            at += gap
            put(raw, system, index, at, prop, value_index, action)
        before = {row[:4]: row[4:] for row in con.execute(PROPERTY_STATE).fetchall()}
        recorded = {row for row in con.execute(
            "select distinct system, entity, record_id, property from sync.property_history").fetchall()}
        known = {key[:3] for key in before}
        transform(con, run_id=f"round-{number}", full_refresh=full_refresh)
        expected = set()
        for *key, value, changed_at in con.execute(PROPERTY_STATE).fetchall():
            key = tuple(key)
            if key[:3] not in known:
                if value is not None:
                    expected.add((*key, value, changed_at))
            elif before[key] != (value, changed_at):
                if before[key][0] is not None or value is not None or key in recorded:
                    expected.add((*key, value, changed_at))
        appended = con.execute(
            "select system, entity, record_id, property, value, changed_at from sync.property_history "
            "where run_id = ?", [f"round-{number}"]).fetchall()
        assert sorted(appended, key=repr) == sorted(expected, key=repr)
        if write_back:
            at += 1
            apply_operations(con, raw, at)
    con.close()
