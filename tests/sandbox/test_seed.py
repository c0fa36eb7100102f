"""The seed generator: deterministic, accepted by every emulator, and shaped to exercise matching.

Copies of one company carry the same customer code in every system (Exact `Code`, Wave
`displayId`, CustomPMS `code`), so the tests can tell "the same company written differently"
from "two companies that share a key by accident" (which must never happen).
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from pipelines.sandbox import custompms, exact, seed, wave
from pipelines.sandbox.common import Clock

COUNTRIES = {"NL", "BE", "GB", "US", "CA"}


def _vat(value: str | None) -> str | None:  # as the staging models normalise it
    return re.sub(r"[^A-Z0-9]", "", value.upper()) or None if value else None


def _email(value: str | None) -> str | None:
    return value.strip().lower() or None if value else None


def _records(data: dict) -> list[dict]:
    """Every customer of the three systems in one canonical-ish shape."""
    out = []
    for rows in data["exact"]["accounts"].values():
        for a in rows:
            out.append({"system": "exact", "code": a["Code"], "name": a["Name"], "email": a["Email"],
                        "vat": a["VATNumber"], "reg": a["ChamberOfCommerce"], "country": a["Country"],
                        "notes": a["Remarks"], "phone": a["Phone"]})
    for business in data["wave"]["businesses"]:
        for c in business["customers"]:
            out.append({"system": "wave", "code": c["displayId"], "name": c["name"], "email": c["email"],
                        "vat": None, "reg": None, "country": c["address"]["countryCode"],
                        "notes": c["internalNotes"], "phone": c["phone"]})
    for c in data["custompms"]["customers"]:
        out.append({"system": "custompms", "code": c.get("code"), "name": c["name"], "email": c.get("email"),
                    "vat": c.get("vat_number"), "reg": c.get("registration_number"),
                    "country": c["address"]["country"], "notes": c.get("notes"), "phone": c.get("phone")})
    return out


@pytest.fixture(scope="module")
def data() -> dict:
    return seed.generate(1500)


@pytest.fixture(scope="module")
def records(data) -> list[dict]:
    return _records(data)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    assert seed.generate(300, seed=7) == seed.generate(300, seed=7)
    assert seed.generate(300, seed=7) != seed.generate(300, seed=8)
    assert seed.generate(0)["custompms"]["customers"] == []


def test_every_emulator_accepts_its_part_and_size_is_per_system():
    data = seed.generate(250, divisions=(7, 8, 9))
    clock = Clock()
    stores = {"exact": exact.ExactStore(clock), "wave": wave.WaveStore(clock),
              "custompms": custompms.CustomPMSStore(clock)}  # CustomPMS validates every CustomerInput
    for system, store in stores.items():
        store.load_seed(data[system])
    assert sum(len(rows) for rows in data["exact"]["accounts"].values()) == 250
    assert all(len(data["exact"]["accounts"][d]) > 40 for d in (7, 8, 9))
    assert sorted(stores["exact"].divisions) == [7, 8, 9]
    assert all(2 <= len(data["exact"]["departments"][d]) <= 4 for d in (7, 8, 9))
    assert sum(b["customers"] for b in stores["wave"].stats()) == 250
    assert len(stores["wave"].stats()) == 2
    assert stores["custompms"].stats()["customers"] == 250


def test_about_a_third_of_the_companies_are_in_several_systems_linked_by_vat_registration_or_email(records):
    by_code = defaultdict(set)
    for rec in records:
        if rec["code"]:
            by_code[rec["code"]].add(rec["system"])
    shared = [systems for systems in by_code.values() if len(systems) > 1]
    assert 0.2 < len(shared) / len(by_code) < 0.4
    assert sum(1 for systems in shared if len(systems) == 3) > 50

    def linked(key) -> set[frozenset]:  # pairs of systems that share a normalised key
        groups = defaultdict(set)
        for rec in records:
            if key(rec):
                groups[key(rec)].add(rec["system"])
        return {frozenset((a, b)) for systems in groups.values() for a in systems for b in systems if a < b}

    assert frozenset(("exact", "custompms")) in linked(lambda r: _vat(r["vat"]))
    assert frozenset(("exact", "custompms")) in linked(lambda r: r["reg"] and re.sub(r"\W", "", r["reg"]))
    assert linked(lambda r: _email(r["email"])) == {frozenset(p) for p in
                                                    (("exact", "wave"), ("exact", "custompms"), ("wave", "custompms"))}


def test_shared_keys_are_written_differently_but_normalise_equal(records):
    pms_vats = [r["vat"] for r in records if r["system"] == "custompms" and r["vat"]]
    assert any(re.fullmatch(r"NL \d{4}\.\d{2}\.\d{3}\.B\d{2}", v) for v in pms_vats)  # NL 1234.56.789.B01
    assert any(re.fullmatch(r"BE \d{4}\.\d{3}\.\d{3}", v) for v in pms_vats)  # BE 0123.456.749
    emails = [r["email"] for r in records if r["email"]]
    assert any(e != e.lower() for e in emails if e.isupper())
    # a CustomPMS copy with another mailbox or without VAT: only the VAT / registration rules link it
    by_code = defaultdict(dict)
    for rec in records:
        if rec["code"]:
            by_code[rec["code"]][rec["system"]] = rec
    pairs = [(c["exact"], c["custompms"]) for c in by_code.values() if {"exact", "custompms"} <= set(c)]
    assert any(_email(e["email"]) != _email(p["email"]) and _vat(e["vat"]) == _vat(p["vat"]) for e, p in pairs)
    assert any(e["vat"] and not p["vat"] and e["reg"] == p["reg"] for e, p in pairs)


def test_two_different_companies_never_share_a_match_key(records):
    for key in (lambda r: _vat(r["vat"]), lambda r: r["reg"] and re.sub(r"\W", "", r["reg"]),
                lambda r: _email(r["email"])):
        groups = defaultdict(list)
        for rec in records:
            if key(rec):
                groups[key(rec)].append(rec)
        for members in groups.values():
            if len(members) > 1:
                assert len({m["code"] for m in members}) == 1 and members[0]["code"], members


def test_lookalikes_share_a_name_and_nothing_else(records):
    by_name = defaultdict(list)
    for rec in records:
        by_name[rec["name"]].append(rec)
    lookalikes = [(a, b) for group in by_name.values() for a in group for b in group
                  if a["system"] < b["system"] and a["code"] != b["code"] and a["country"] != b["country"]]
    assert len(lookalikes) >= 10
    assert any(int(b["code"]) > 5_000_000 or int(a["code"]) > 5_000_000 for a, b in lookalikes if a["code"]
               and b["code"])
    for a, b in lookalikes:
        assert _email(a["email"]) != _email(b["email"]) or not a["email"]
        assert not a["vat"] or _vat(a["vat"]) != _vat(b["vat"])


def test_ugly_records(records):
    assert any(not r["name"].isascii() and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", r["name"]) for r in records)
    assert any(r["name"] != r["name"].strip() for r in records if r["system"] == "exact")
    assert any(len(r["name"]) > 150 for r in records)
    long_notes = [len(r["notes"]) for r in records if r["notes"] and len(r["notes"]) > 1000]
    assert long_notes and min(long_notes) >= 3800 and max(long_notes) <= 4000  # CustomPMS's notes maxLength
    assert any(r["phone"] == "" and r["email"] == "" for r in records if r["system"] == "exact")


def test_countries_and_identifier_formats(data, records):
    for system in ("exact", "wave", "custompms"):
        assert {r["country"] for r in records if r["system"] == system} == COUNTRIES
    for r in records:
        vat, reg, country = _vat(r["vat"]), r["reg"], r["country"]
        if country in ("US", "CA"):
            assert vat is None and reg is None
        elif country == "NL" and vat:
            assert re.fullmatch(r"NL\d{9}B0[1-3]", vat) and re.fullmatch(r"\d{8}", reg)
            assert sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2, -1), vat[2:11])) % 11 == 0
        elif country == "BE" and vat:
            assert re.fullmatch(r"BE[01]\d{9}", vat) and re.sub(r"\D", "", reg) == vat[2:]
            assert 97 - int(vat[2:10]) % 97 == int(vat[10:])
        elif country == "GB" and vat:
            assert re.fullmatch(r"GB\d{9}", vat)
            assert (sum(w * int(d) for w, d in zip((8, 7, 6, 5, 4, 3, 2), vat[2:9])) + int(vat[9:])) % 97 == 0
        if country == "GB" and reg:
            assert re.fullmatch(r"(\d{2}|SC|NI|OC)\d{6}", reg)
    wave_customers = {b["currency"]: b["customers"] for b in data["wave"]["businesses"]}
    assert {c["address"]["countryCode"] for c in wave_customers["EUR"]} == {"NL", "BE"}
    canadian = [c for c in wave_customers["CAD"] if c["address"]["countryCode"] == "CA"]
    assert all(re.fullmatch(r"CA-[A-Z]{2}", c["address"]["provinceCode"]) for c in canadian)
    assert all(re.fullmatch(r"[A-Z]\d[A-Z] \d[A-Z]\d", c["address"]["postalCode"]) for c in canadian)
    divisions = data["exact"]["divisions"]
    assert [d["Code"] for d in divisions] == [101, 102] and all(d["VATNumber"] for d in divisions)
