"""Fault soak: 10% 5xx, 5% of requests starting a burst of three 429s, 2% dropped connections (the answer
cut after the server acted) and 50-200 ms latency on all three emulators. A set of edits in every
system converges within two syncs: `verify` (the QA checklist, read live with the faults off) passes,
the next sync (faults on) writes nothing, and no record exists twice.

What makes it converge within the run: the one retry policy repeats idempotent writes (Exact PUT,
Wave customerPatch with absolute values, CustomPMS PATCH with If-Match, CustomPMS creates with an
Idempotency-Key) on 5xx, timeouts and dropped answers, and sits out 429 bursts with their Retry-After
(or Exact's minute reset) on a per-run wait budget, counted apart from the 5xx repeats.

The clock is stepped: waits cost no wall time, the latency is real. Exact's token endpoint gets no
faults: a dropped answer to a token call loses the rotated refresh token by Exact's design, which no
number of runs repairs (tests/exact/test_exact_client.py checks its message)."""

from __future__ import annotations

import pytest

from pipelines import clock as clocks

from .test_sync import exact_account, last_run, pms_by_ref, refs_of, wave_customer

EXTRA = 40  # clean records added per system, so a sync makes enough requests for the rates to matter
FAULTS = {"error_rate": 0.10, "burst_rate": 0.05, "burst_length": 3, "drop_rate": 0.02,
          "latency_ms": 50.0, "latency_max_ms": 200.0}
MAX_SYNCS = 2


def faults(sandbox, on: bool, seed: int = 0) -> None:
    for system, config in sandbox.faults.items():
        config.update(**(FAULTS if on else {key: 0 for key in FAULTS}), burst_429=0,
                      seed=seed * 10 + len(system))
    # Exact's token endpoint is spared: a lost answer to a refresh loses the rotated token by Exact's
    # design (the user must authorise again); tests/exact covers that message
    sandbox.faults["exact"].exempt_paths = "/api/oauth2/"


def populate(sandbox) -> None:
    for i in range(EXTRA):
        sandbox.exact.add_account(101 + i % 2, {"Name": f"Soak Account {i} BV", "Code": f"S{i:03d}",
                                                "Email": f"account{i}@soak.example", "City": "Utrecht",
                                                "Country": "NL", "Phone": "+31 30 000 0000"})
        sandbox.wave.create_customer(next(iter(sandbox.wave._businesses)), {
            "name": f"Soak Customer {i} Ltd", "email": f"customer{i}@soak.example", "phone": "+1 416 000 0000",
            "address": {"city": "Toronto", "provinceCode": "CA-ON", "countryCode": "CA"}})
        sandbox.custompms.admin_create({"name": f"Soak Client {i} BV", "kind": "organisation",
                                        "email": f"client{i}@soak.example", "address": {"country": "NL"}})


def edit_every_system(sandbox) -> dict[tuple[str, str], str]:
    """Edits made in every system, each travelling to one or two others: (system, record id) -> the
    phone every member of its cluster must end with."""
    wanted: dict[tuple[str, str], str] = {}
    for i in range(EXTRA):
        account = exact_account(sandbox, 101 + i % 2, f"Soak Account {i} BV")
        customer = wave_customer(sandbox, f"Soak Customer {i} Ltd")
        if i % 3 == 0:  # in Exact -> CustomPMS
            phone = f"+31 30 111 {i:04d}"
            sandbox.exact.edit_account(101 + i % 2, account["ID"], {"Phone": phone})
            wanted[("exact.accounts", account["ID"])] = phone
        elif i % 3 == 1:  # in Wave -> CustomPMS
            phone = f"+1 416 222 {i:04d}"
            sandbox.wave.patch_customer(customer["id"], {"phone": phone}, replace_address=False)
            wanted[("wave.customers", customer["id"])] = phone
        else:  # in CustomPMS -> the Exact account and the Wave customer linked to it
            for system, record_id, phone in (("exact.accounts", account["ID"], f"+31 20 333 {i:04d}"),
                                             ("wave.customers", customer["id"], f"+1 416 333 {i:04d}")):
                sandbox.custompms.admin_edit(pms_by_ref(sandbox, system, record_id)["id"], {"phone": phone})
                wanted[(system, record_id)] = phone
    return wanted


def injected_faults(sandbox) -> dict[str, int]:
    """Faults the three emulators injected so far (the FaultInjector's counts), summed by kind."""
    totals: dict[str, int] = {}
    for system in sandbox.servers:
        with sandbox.admin(system) as http:
            counts = http.get("/_sandbox/faults").json()
        for kind in ("injected_429", "injected_500", "injected_503", "dropped"):
            totals[kind] = totals.get(kind, 0) + counts.get(kind, 0)
    return totals


@pytest.mark.parametrize("seed", [1, 2])
def test_edits_in_every_system_converge_within_two_syncs_under_faults(sandbox, seed, capsys):
    clock = sandbox.exact.clock  # the three emulators share it; the clients get it too
    clock.instant_sleep = True
    populate(sandbox)
    with clocks.using(clock):
        assert sandbox.cli("sync") == 0  # the baseline, without faults
        acme = exact_account(sandbox, 101, "Acme")
        brugge = exact_account(sandbox, 102, "Brugge")
        northern = wave_customer(sandbox, "Northern")
        sandbox.exact.edit_account(101, acme["ID"], {"Phone": "+31 20 123 9999", "City": "Haarlem"})
        sandbox.custompms.admin_edit(pms_by_ref(sandbox, "exact.accounts", brugge["ID"])["id"],
                                     {"website": "https://bruggebikes.example", "phone": "+32 50 11 22 33"})
        sandbox.wave.patch_customer(northern["id"], {"email": "hello@northern.example"})
        edited = edit_every_system(sandbox)
        before = len(sandbox.pms_customers())

        syncs, agreed = 0, False
        while not agreed and syncs < MAX_SYNCS + 2:
            faults(sandbox, True, seed)
            sandbox.cli("sync")
            syncs += 1
            faults(sandbox, False)
            capsys.readouterr()
            agreed = sandbox.cli("verify") == 0
        injected = injected_faults(sandbox)
        print(f"\nseed {seed}: systems agree after {syncs} sync(s) under faults; injected {injected}")
        assert agreed and syncs <= MAX_SYNCS, f"not converged after {syncs} syncs"
        assert sum(injected.values()) > 0  # the soak did meet faults

        faults(sandbox, True, seed + 100)
        sandbox.cli("sync")
        quiet = last_run(sandbox)
        assert (quiet["deltas"], quiet["ops_sent"]) == (0, 0), quiet
        faults(sandbox, False)

    assert exact_account(sandbox, 101, "Acme")["Phone"] == "+31 20 123 9999"
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["address"]["city"] == "Haarlem"
    assert wave_customer(sandbox, "Acme")["phone"] == "+31 20 123 9999"
    assert exact_account(sandbox, 102, "Brugge")["Website"] == "https://bruggebikes.example"
    assert pms_by_ref(sandbox, "wave.customers", northern["id"])["email"] == "hello@northern.example"
    for (system, record_id), phone in edited.items():
        assert pms_by_ref(sandbox, system, record_id)["phone"] == phone, (system, record_id)
        if system == "exact.accounts":
            with sandbox.exact.lock:
                rows = [*sandbox.exact.division(101).accounts.rows.values(),
                        *sandbox.exact.division(102).accounts.rows.values()]
            assert next(row for row in rows if row["ID"] == record_id)["Phone"] == phone
        else:
            with sandbox.wave._lock:
                nodes = [sandbox.wave.public(record) for record in sandbox.wave._records.values()]
            assert next(node for node in nodes if node["id"] == record_id)["phone"] == phone
    customers = [c for c in sandbox.pms_customers() if not c.get("deleted")]
    assert len(customers) == before  # edits only: nothing created twice
    refs = [ref for customer in customers for ref in refs_of(customer)]
    assert len(refs) == len(set(refs))  # every source record is linked to one CustomPMS customer
