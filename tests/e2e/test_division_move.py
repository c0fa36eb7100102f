"""A division move after an account was deleted must not cost a person's edit (issue 10 item 6).

After a move Exact's Timestamps restart low, but the deleted account's last row keeps its old, higher
Timestamp in raw_exact.accounts. The push's freshness check must ask from how far extraction read in the
division's *current* epoch, or it asks `Timestamp gt <old high>`, sees nothing, and overwrites an edit
made in Exact after extraction."""

from __future__ import annotations

import time

from .test_sync import exact_account, last_run, pms_by_ref, sync


def test_after_a_delete_and_a_division_move_an_edit_made_after_extraction_is_kept(sandbox):
    sync(sandbox)
    zoe = exact_account(sandbox, 101, "Zo")
    sandbox.exact.edit_account(101, zoe["ID"], {"Phone": "+31 30 000 0000"})  # now the highest Timestamp
    sync(sandbox)
    sandbox.exact.delete_account(101, zoe["ID"])
    sync(sandbox)
    sandbox.exact.move_division(101)  # Timestamps restart from 1
    sync(sandbox)  # the full resync of division 101
    stale_high, current = sandbox.sql("""
        select max("timestamp") filter (where division_move_date is null),
               max("timestamp") filter (where division_move_date is not null)
        from raw_exact.accounts where division = 101""")[0]
    assert stale_high > current  # the deleted account's old row outranks the current epoch

    acme = exact_account(sandbox, 101, "Acme")
    pms = pms_by_ref(sandbox, "exact.accounts", acme["ID"])
    sandbox.custompms.admin_edit(pms["id"], {"phone": "+31 20 222 2222"})  # to be pushed into Exact
    assert sandbox.cli("extract") == 0 and sandbox.cli("transform") == 0
    time.sleep(0.01)
    sandbox.exact.edit_account(101, acme["ID"], {"Phone": "+31 20 999 9999"})  # a person, after extraction
    assert sandbox.cli("push") == 0
    assert last_run(sandbox)["ops_skipped"] >= 1  # the update of Acme was found stale
    assert exact_account(sandbox, 101, "Acme")["Phone"] == "+31 20 999 9999"

    sync(sandbox)  # the person's edit is the latest change of the phone: it wins everywhere
    assert exact_account(sandbox, 101, "Acme")["Phone"] == "+31 20 999 9999"
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["phone"] == "+31 20 999 9999"
    assert sync(sandbox)["ops_sent"] == 0
