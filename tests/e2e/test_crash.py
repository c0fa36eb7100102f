"""Kill `sync` with SIGKILL at random moments, again and again, then let it finish: no system may end
up with a duplicate customer, and no edit may be lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from pipelines import settings

from .test_sync import exact_account, pms_by_ref, wave_customer


def start_sync(sandbox, command: str = "sync") -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "--quiet", "--db", str(sandbox.db), command],
        cwd=settings.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=os.environ | {"PYTHONPATH": str(settings.ROOT)},
    )


@pytest.mark.timeout(300)
def test_killed_syncs_rerun_to_one_customer_each_and_no_lost_update(sandbox):
    business = next(iter(sandbox.wave._businesses))
    for i in range(40):
        sandbox.wave.create_customer(business, {"name": f"Crash Test {i:02d} Ltd", "email": f"c{i}@crash.example"})
    for faults in sandbox.faults.values():  # every answer takes a while, so kills land mid-push
        faults.latency_ms = 80
    rng = random.Random(11)
    kills = caught_in_flight = 0
    edited = False
    for round_ in range(10):
        process = start_sync(sandbox)
        if round_ % 2 == 0:  # anywhere in a sync: extraction, transform or push
            time.sleep(rng.uniform(0.5, 3.5))
        else:  # right after CustomPMS applied the n-th create, before we may have recorded it
            target = len(sandbox.pms_customers()) + rng.randint(1, 8)
            deadline = time.monotonic() + 30
            while len(sandbox.pms_customers()) < target and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        if sandbox.sql("select count(*) from information_schema.tables where table_name = 'outbox'")[0][0]:
            caught_in_flight += sandbox.sql("select count(*) from sync.outbox where status = 'in_flight'")[0][0] > 0
        if kills and not edited:  # an edit between crashes must survive them
            acme = exact_account(sandbox, 101, "Acme")
            sandbox.exact.edit_account(101, acme["ID"], {"Phone": "+31 20 777 7777"})
            edited = True
    assert kills >= 5 and caught_in_flight >= 1  # some kills landed between a request and its record
    for _ in range(3):  # then runs that finish
        process = start_sync(sandbox)
        assert process.wait(timeout=120) in (0, 1), process.stderr.read()
    final = start_sync(sandbox)
    assert final.wait(timeout=120) == 0, final.stderr.read()
    deltas, sent = sandbox.sql("select deltas, ops_sent from sync.runs order by started_at desc limit 1")[0]
    assert (deltas, sent) == (0, 0)
    unfinished = sandbox.sql("select status, count(*) from sync.outbox "
                             "where status not in ('succeeded', 'skipped_stale', 'superseded') group by all")
    assert unfinished == []  # nothing stuck in_flight or dead: every crash-interrupted row was resent

    refs = Counter((ref["system"], ref["id"]) for c in sandbox.pms_customers() if not c["deleted"]
                   for ref in c.get("external_refs") or [])
    assert refs and max(refs.values()) == 1, [ref for ref, n in refs.items() if n > 1]
    names = Counter(c["name"] for c in sandbox.pms_customers() if c["name"].startswith("Crash Test"))
    assert len(names) == 40 and set(names.values()) == {1}
    acme = exact_account(sandbox, 101, "Acme")
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["phone"] == "+31 20 777 7777"
    assert wave_customer(sandbox, "Acme")["phone"] == "+31 20 777 7777"
