"""The whole push path from raw tables: raw (as extraction lands it) → run_models → enqueue → push →
emulators, with the payload shapes operations.sql really produces."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib
sys.path.insert(0, str(Path(__file__).parents[1] / "models"))

from modelkit import Raw  # noqa: E402
from pushkit import DIV, sql, statuses  # noqa: E402

from pipelines.models.runner import run_models  # noqa: E402
from pipelines.push import outbox  # noqa: E402


def test_raw_tables_to_models_to_outbox_to_the_emulators(emu):
    accounts = list(emu.exact.division(DIV).accounts.rows.values())
    matched, lonely = accounts[0], accounts[1]
    existing = next(c for c in emu.pms.customers.values() if c["name"] == "Existing 0")
    with duckdb.connect(str(emu.db)) as con:
        raw = Raw(con)
        # an Exact account and a CustomPMS customer with the same VAT number: one cluster; CustomPMS
        # changed the phone later, so the golden phone goes to Exact, and Exact's VAT/code to CustomPMS
        raw.exact_account(matched["ID"], 0, division=DIV, timestamp=matched["_ts"], name=matched["Name"],
                          code=matched["Code"], email=existing["email"], phone=matched["Phone"],
                          city="Utrecht", country="NL", vat_number="NL123456789B01")
        raw.custompms_customer(existing["id"], 10, version=existing["version"], name=matched["Name"],
                               kind="organisation", email=existing["email"], phone="+31 30 765 4321",
                               address_line1=existing["address"]["line1"], city="Utrecht", country="NL",
                               vat_number="NL 1234.56.789 B01")
        # an Exact account with no CustomPMS customer: created there
        raw.exact_account(lonely["ID"], 1, division=DIV, timestamp=lonely["_ts"], name=lonely["Name"],
                          code=lonely["Code"], email=lonely["Email"], phone=lonely["Phone"], city="Amsterdam",
                          country="NL")
        run_models(con, run_id="run-1")
        planned = dict(con.execute("select target_system || ' ' || operation, count(*) from delta.operations "
                                   "group by 1").fetchall())
    assert planned == {"custompms create": 1, "custompms update": 1, "exact update": 1}

    run = emu.push(("custompms", "exact"))
    assert not run.problems and statuses(emu.db) == {"succeeded": 3}
    assert run.ops == {"sent": 3, "succeeded": 3, "failed": 0, "skipped": 0}
    # the create: in CustomPMS with the source's values and external_refs, linked to its cluster by origin
    (created,) = emu.pms_by_ref("exact.accounts", lonely["ID"])
    assert created["name"] == lonely["Name"] and created["address"]["city"] == "Amsterdam"
    assert created["code"] == lonely["Code"].strip() and created["active"] is True
    assert sql(emu.db, "select established_by from sync.links where record_id = ?", [created["id"]]) == [("origin",)]
    # the update into Exact: only the phone, at CustomPMS's newer value
    account = emu.exact.division(DIV).accounts.rows[matched["ID"].lower()]
    assert account["Phone"] == "+31 30 765 4321" and account["Name"] == matched["Name"]
    # the update into CustomPMS: what Exact had and CustomPMS lacked, plus where it comes from
    customer = emu.pms.customers[existing["id"]]
    assert customer["version"] == existing["version"] + 1 and customer["code"] == matched["Code"].strip()
    assert {"system": "exact.accounts", "id": matched["ID"]} in customer["external_refs"]
    # every written value is in the ledger, under the record it was written to
    ledger = dict(sql(emu.db, "select record_id, count(*) from sync.write_ledger group by 1"))
    assert set(ledger) == {created["id"], matched["ID"], existing["id"]}

    # the same deltas again (a rerun before the next extraction): nothing new, nothing sent twice
    with duckdb.connect(str(emu.db)) as con:
        assert outbox.enqueue_from_deltas(con, "run-2")["new"] == 0
    again = emu.push(("custompms", "exact"))
    assert again.ops["sent"] == 0 and len(emu.pms_by_ref("exact.accounts", lonely["ID"])) == 1
