"""What one system's readers cannot read holds back nothing else.

- One Exact division that Exact blocks: the other division, Wave and CustomPMS sync in the same run, the
  run is partial and names the division, and the next run after the block reads the blocked division
  from where it stopped and delivers what waited for it. The block is Exact's own (the emulator's hourly
  error limit, reached by another tool's bad calls); the hour passes on the emulators' clock.
- A configured Exact division or Wave business the user no longer sees: the others are read, the run
  names the missing one.
"""

from __future__ import annotations

import json
import time

import httpx

from pipelines import clock as clocks

from .test_doctor import stepped
from .test_sync import exact_account, last_run, pms_by_ref, sync


def block_division(sandbox, division: int) -> None:
    """Someone else's bad calls, with this user's token, get the division's sync endpoint blocked."""
    access = json.loads((sandbox.tmp / "exact_tokens.json").read_text())["access_token"]
    for _ in range(11):
        httpx.get(f"{sandbox.servers['exact'].url}/api/v1/{division}/sync/CRM/Accounts", params={"$filter": "x"},
                  headers={"Authorization": f"Bearer {access}", "Accept": "application/json"})


def test_a_blocked_division_holds_back_neither_the_other_division_nor_the_other_systems(sandbox, capsys):
    clock = stepped(sandbox)
    with clocks.using(clock):
        sync(sandbox)
        acme, brugge = exact_account(sandbox, 101, "Acme"), exact_account(sandbox, 102, "Brugge")
        brugge_pms = pms_by_ref(sandbox, "exact.accounts", brugge["ID"])
        time.sleep(0.01)
        sandbox.exact.edit_account(101, acme["ID"], {"Phone": "+31 20 777 0101"})
        sandbox.exact.edit_account(102, brugge["ID"], {"Name": "Brugge Bikes Group BVBA"})
        sandbox.custompms.admin_edit(brugge_pms["id"], {"website": "https://bruggebikes.example"})
        block_division(sandbox, 102)

        code, _, err = sandbox.cli_out(capsys, "sync")
        run = last_run(sandbox)
        assert code == 1 and run["status"] == "partial"
        assert "exact division 102: accounts, deleted, departments not read this run" in err
        assert "exact division 102" in run["message"] and "blocked" in run["message"]
        # division 101 was read and its edit delivered; the CustomPMS edit reached Wave's side and waits
        # only for the blocked division's PUT
        assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["phone"] == "+31 20 777 0101"
        assert sandbox.sql("select phone from raw_exact.accounts where id = ?", [acme["ID"]]) == [("+31 20 777 0101",)]
        assert sandbox.sql("select name from raw_exact.accounts where id = ?", [brugge["ID"]]) == [
            ("Brugge Bikes BVBA",)]
        assert exact_account(sandbox, 102, "Brugge")["Website"] is None
        waiting = sandbox.sql("select status from sync.outbox where target_system = 'exact' and status <> 'succeeded'")
        assert waiting and {status for (status,) in waiting} <= {"pending", "deferred"}, waiting
        # nothing that was not read is taken for deleted
        assert sandbox.sql("select count(*) from raw_exact.accounts where division = 102") == [(1,)]

        clock.advance(3601)  # the block's hour is over
        code = sandbox.cli("sync")
        assert code == 0, last_run(sandbox)
        assert pms_by_ref(sandbox, "exact.accounts", brugge["ID"])["name"] == "Brugge Bikes Group BVBA"
        assert exact_account(sandbox, 102, "Brugge")["Website"] == "https://bruggebikes.example"
        assert sync(sandbox)["ops_sent"] == 0


def test_a_configured_division_or_business_that_is_not_visible_is_named_and_the_rest_syncs(sandbox, capsys,
                                                                                           monkeypatch):
    visible = [business["id"] for business in sandbox.wave.businesses()]
    monkeypatch.setenv("SOURCES__EXACT__DIVISIONS", "[101, 999]")
    monkeypatch.setenv("SOURCES__WAVE__BUSINESS_IDS", json.dumps([*visible, "QnVzaW5lc3M6Z29uZQ=="]))
    code, _, err = sandbox.cli_out(capsys, "sync")
    run = last_run(sandbox)
    assert code == 1 and run["status"] == "partial", run
    assert "exact division(s) [999] in sources.exact.divisions are not visible to this user" in err
    assert "Wave business(es) ['QnVzaW5lc3M6Z29uZQ=='] in sources.wave.business_ids are not visible" in err
    acme = exact_account(sandbox, 101, "Acme")
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["name"] == "Acme Trading BV"
    assert [c for c in sandbox.pms_customers() if c["name"] == "Northern Lights Ltd"]  # Wave was read
    assert sandbox.sql("select count(*) from raw_exact.accounts where division = 102") == [(0,)]
