"""`verify` reads the three systems live and proves (or disproves) the QA checklist."""

from __future__ import annotations

from .test_sync import exact_account, sync


def test_verify_passes_after_a_sync_and_catches_a_broken_property_and_an_unlinked_record(sandbox, capsys):
    sync(sandbox)
    capsys.readouterr()
    assert sandbox.cli("verify") == 0
    assert "wave.customers" in capsys.readouterr().out

    acme = exact_account(sandbox, 101, "Acme")
    sandbox.exact.edit_account(101, acme["ID"], {"City": "Haarlem"})  # not synced yet: CustomPMS disagrees
    business = next(iter(sandbox.wave._businesses))
    sandbox.wave.create_customer(business, {"name": "Nobody Links Me Inc", "email": "nobody@links.example"})
    assert sandbox.cli("verify") == 1
    captured = capsys.readouterr()
    assert "city" in captured.out, captured.err
    assert "haarlem" in captured.out.lower()
    assert "(no CustomPMS" in captured.out
    assert "verify exact.accounts: 0 unlinked, 0 linked twice, 1 disagreeing" in captured.err
    assert "verify wave.customers: 1 unlinked" in captured.err

    sync(sandbox)  # the sync repairs both
    assert sandbox.cli("verify") == 0
