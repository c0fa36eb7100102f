"""The seed generator: deterministic, accepted by every emulator, and shaped to exercise matching."""

from __future__ import annotations

import re
from collections import Counter

from pipelines.sandbox import custompms, exact, seed, wave
from pipelines.sandbox.common import Clock


def _vat(value: str | None) -> str | None:
    return re.sub(r"[^A-Z0-9]", "", value.upper()) if value else None


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    assert seed.generate(300, seed=7) == seed.generate(300, seed=7)
    assert seed.generate(300, seed=7) != seed.generate(300, seed=8)


def test_every_emulator_accepts_its_part_and_sizes_are_per_system():
    data = seed.generate(250)
    clock = Clock()
    for module, cls, system in ((exact, exact.ExactStore, "exact"), (wave, wave.WaveStore, "wave"),
                                (custompms, custompms.CustomPMSStore, "custompms")):
        cls(clock).load_seed(data[system])  # the CustomPMS store validates against the OpenAPI schema
    assert sum(len(a) for a in data["exact"]["accounts"].values()) == 250
    assert sum(len(b["customers"]) for b in data["wave"]["businesses"]) == 250
    assert len(data["custompms"]["customers"]) == 250


def test_companies_are_shared_across_systems_by_vat_or_email_and_lookalikes_share_only_a_name():
    data = seed.generate(1000)
    accounts = [a for rows in data["exact"]["accounts"].values() for a in rows]
    wave_customers = [c for b in data["wave"]["businesses"] for c in b["customers"]]
    pms = data["custompms"]["customers"]
    exact_vats = {_vat(a["VATNumber"]) for a in accounts} - {None}
    pms_vats = {_vat(c.get("vat_number")) for c in pms} - {None}
    assert len(exact_vats & pms_vats) > 50
    assert any(c.get("vat_number") and " " in c["vat_number"] for c in pms)  # written differently
    exact_emails = {a["Email"].lower() for a in accounts}
    wave_emails = {c["email"].lower() for c in wave_customers}
    assert len(exact_emails & wave_emails) > 50
    assert any(c["email"] != c["email"].lower() for c in wave_customers)  # upper-case emails
    names = Counter(c["name"] for c in wave_customers)
    twins = [c for c in wave_customers if names[c["name"]] > 1]
    assert len({c["email"].lower() for c in twins}) > 1


def test_countries_formats_and_ugly_records():
    data = seed.generate(2000)
    accounts = [a for rows in data["exact"]["accounts"].values() for a in rows]
    assert {a["Country"] for a in accounts} == {"NL", "BE", "GB", "US", "CA"}
    for account in accounts:
        vat, country = account["VATNumber"], account["Country"]
        if country == "NL" and vat:
            assert re.fullmatch(r"NL\d{9}B\d{2}", vat) and re.fullmatch(r"\d{8}", account["ChamberOfCommerce"])
        if country == "BE" and vat:
            assert re.fullmatch(r"BE0\d{9}", vat) and account["ChamberOfCommerce"] == vat[2:]
        if country in ("US", "CA"):
            assert vat is None
    assert any(not a["Name"].isascii() for a in accounts)
    assert any(a["Remarks"] and len(a["Remarks"]) > 2500 for a in accounts)
    assert any(a["Phone"] == "" for a in accounts)
