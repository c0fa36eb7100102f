"""Kill `push` (the CLI, in a subprocess) at random points, again and again, then let it finish: every
operation must be applied exactly once in its target, no create may be duplicated, no update lost, and
the outbox must end with every row succeeded.

Kill points: the process exits by itself right after N operations were answered but before their
outcomes were recorded (the target applied them, we do not know it), or right after N operations were
marked in_flight but before their requests left, or it gets SIGKILL at a random moment while every
answer takes a while (so kills land mid-request)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

import pytest  # noqa: E402
from pushkit import DIV, create_op, set_deltas, sql, statuses, update_op  # noqa: E402

from pipelines import settings  # noqa: E402
from pipelines.push.push import CRASH_ENV, CRASH_EXIT_CODE  # noqa: E402

CREATES = 150


def count_calls(counter: Counter, method, key_of):
    """Wrap an emulator store method (the servers run in this process) to count what it applies."""

    def counted(*args, **kwargs):
        result = method(*args, **kwargs)
        counter[key_of(args, kwargs, result)] += 1
        return result

    return counted


def env_for(emu) -> dict[str, str]:
    return os.environ | {
        "PYTHONPATH": str(settings.ROOT),
        "SOURCES__EXACT__BASE_URL": emu.url("exact"),
        "SOURCES__EXACT__TOKEN_FILE": str(emu.exact_token_file),
        "SOURCES__WAVE__GRAPHQL_URL": emu.url("wave") + "/graphql/public",
        "SOURCES__CUSTOMPMS__BASE_URL": emu.url("custompms"),
        "SOURCES__EXACT__CREDENTIALS__CLIENT_ID": settings.SANDBOX_EXACT_CLIENT_ID,
        "SOURCES__EXACT__CREDENTIALS__CLIENT_SECRET": settings.SANDBOX_EXACT_CLIENT_SECRET,
        "SOURCES__EXACT__CREDENTIALS__REFRESH_TOKEN": settings.SANDBOX_EXACT_REFRESH_TOKEN,
        "SOURCES__WAVE__CREDENTIALS__ACCESS_TOKEN": settings.SANDBOX_WAVE_TOKEN,
        "SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY": settings.SANDBOX_CUSTOMPMS_KEY,
    }


def start_push(emu, env: dict[str, str], crash: str | None = None) -> subprocess.Popen:
    env = env | ({CRASH_ENV: crash} if crash else {})
    env.pop(CRASH_ENV, None) if not crash else None
    return subprocess.Popen([sys.executable, "-m", "pipelines.cli", "--quiet", "--db", str(emu.db), "push"],
                            cwd=settings.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.timeout(180)
def test_killed_pushes_rerun_to_every_operation_applied_exactly_once(emu):
    emu.exact.minute_limit = 10_000  # this test is about crashes, not about Exact's pace
    for i in range(20):
        emu.exact.add_account(DIV, {"Name": f"More Account {i}", "Code": f"M{i:03d}"})
    business = emu.wave.businesses()[0]["id"]
    for i in range(14):
        emu.wave.create_customer(business, {"name": f"More Maple {i}", "address": {"addressLine1": f"{i} Bay St",
                                                                                   "countryCode": "CA"}})
    accounts = emu.land_exact(DIV) | emu.land_exact(102)
    customers = emu.land_wave()
    existing = emu.land_custompms()
    ops = [create_op(f"cl{i}", {"name": f"Crash Customer {i}", "email": f"crash{i}@example.com",
                                "external_refs": [{"system": "wave.customers", "id": f"x{i}"}]})
           for i in range(CREATES)]
    ops += [update_op("custompms", cid, {"email": f"patched-{n}@example.com"}, base_version=c["version"])
            for n, (cid, c) in enumerate(existing.items())]
    ops += [update_op("exact", aid, {"Phone": f"+31 20 700 {n:04d}"}, scope=a["Division"], base_version=a["_ts"])
            for n, (aid, a) in enumerate(accounts.items())]
    ops += [update_op("wave", cid, {"name": f"Renamed {n}", "address": {"city": "Ottawa"}},
                      scope=c["business_id"], base_version=c["modifiedAt"])
            for n, (cid, c) in enumerate(customers.items())]
    set_deltas(emu.db, ops)

    created, patched, put, wave_patched = Counter(), Counter(), Counter(), Counter()
    emu.pms.create = count_calls(created, emu.pms.create, lambda a, k, r: r["external_refs"][0]["id"])
    emu.pms.patch = count_calls(patched, emu.pms.patch, lambda a, k, r: r["id"])
    emu.exact.edit_account = count_calls(put, emu.exact.edit_account, lambda a, k, r: r["ID"])
    emu.wave.patch_customer = count_calls(wave_patched, emu.wave.patch_customer, lambda a, k, r: r["id"])
    for faults in emu.faults.values():
        faults.latency_ms = 40  # every answer takes a while, so kills land mid-push

    # A kill inside Exact's token call can lose the rotated refresh token (inherent to rotation: the user
    # connects again, and the other systems push on meanwhile). This test is about the operations, so
    # the pushes start from a valid access token and make no token call
    with emu.exact_client() as client:
        client.me()
    token_calls = emu.exact.token_calls["count"]
    env = env_for(emu)
    rng = random.Random(int(os.environ.get("PUSH_CRASH_SEED", "20240611")))
    plans = ["after_send", "before_send", "kill"] * 4
    rng.shuffle(plans)
    killed = caught_in_flight = 0
    for plan in plans:
        if plan == "kill":
            process = start_push(emu, env)
            time.sleep(rng.uniform(0.8, 2.0))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
        else:
            process = start_push(emu, env, f"{plan}:{rng.randint(1, 12)}")
        code = process.wait(timeout=60)
        killed += code in (-signal.SIGKILL, CRASH_EXIT_CODE)
        assert code in (-signal.SIGKILL, CRASH_EXIT_CODE, 0), process.stderr.read()
        caught_in_flight += statuses(emu.db).get("in_flight", 0) > 0
    assert killed >= 8 and caught_in_flight >= 4  # kills landed between a request and its record
    assert emu.exact.token_calls["count"] == token_calls

    for faults in emu.faults.values():
        faults.latency_ms = 0
    for _ in range(3):  # then pushes that finish
        process = start_push(emu, env)
        assert process.wait(timeout=60) in (0, 1), process.stderr.read()
        if statuses(emu.db) == {"succeeded": len(ops)}:
            break
    assert statuses(emu.db) == {"succeeded": len(ops)}, sql(emu.db, "select status, last_error from sync.outbox "
                                                                     "where status <> 'succeeded'")

    # creates: one customer per source record, each created once, linked once by origin
    assert all(created[f"x{i}"] == 1 for i in range(CREATES)), created
    for i in range(CREATES):
        (customer,) = emu.pms_by_ref("wave.customers", f"x{i}")
        assert sql(emu.db, "select cluster_id from sync.links where record_id = ?", [customer["id"]]) == [(f"cl{i}",)]
    assert len(emu.pms.customers) == len(existing) + CREATES
    # updates: each applied exactly once, none lost
    for n, (cid, before) in enumerate(existing.items()):
        after = emu.pms.customers[cid]
        assert after["email"] == f"patched-{n}@example.com" and after["version"] == before["version"] + 1
    assert set(put) == set(accounts) and set(put.values()) == {1}, put
    for n, (aid, account) in enumerate(accounts.items()):
        assert emu.exact.division(account["Division"]).accounts.rows[aid.lower()]["Phone"] == f"+31 20 700 {n:04d}"
    assert set(wave_patched) == set(customers) and set(wave_patched.values()) == {1}, wave_patched
    for n, cid in enumerate(customers):
        node = emu.wave.public(emu.wave.customer(cid))
        assert node["name"] == f"Renamed {n}" and node["address"]["city"] == "Ottawa"
        assert node["address"]["addressLine1"] == customers[cid]["address"]["addressLine1"]
    # the ledger: one entry per written property, however often the row was resent
    assert sql(emu.db, "select count(*) from (select outbox_id, property from sync.write_ledger "
                       "group by all having count(*) > 1)") == [(0,)]
