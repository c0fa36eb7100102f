"""Kill the product with SIGKILL 50 times, in extraction, in the transform and in the push, with edits in
all three systems between the kills, then let it finish: no system may end up with a duplicate customer,
no edit may be lost, no outbox row may stay unfinished, and no run may end in a traceback.

Most kills hit the stage commands (`make extract`, `make transform`, `make push`, run in turn as a
scheduler would, two of the three killed in a cycle), so each kill costs one stage instead of a whole sync;
every fifth cycle is a whole `sync`, killed at a random moment. A kill counts once the command holds the
lock and has recorded its run (the run the next command must then find and mark abandoned); for a `sync`,
its stage is read from its progress lines: no "extracted custompms" yet means extraction, no "outbox" yet
the transform, else the push.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipelines import settings
from pipelines.push.push import CRASH_ENV, CRASH_EXIT_CODE

from .test_sync import exact_account, pms_by_ref, wave_customer

KILLS = 50
CRASH_CUSTOMERS = 12
STAGES = ("extract", "transform", "push")


@dataclass
class Command:
    """One command as a subprocess and the progress lines it printed, read on a thread as they come."""

    name: str
    process: subprocess.Popen
    lock: Path
    lines: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, sandbox, name: str = "sync") -> Command:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "--log-json", "--db", str(sandbox.db), name],
            cwd=settings.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=os.environ | {"PYTHONPATH": str(settings.ROOT)},
        )
        command = cls(name, process, sandbox.db.parent / "sync.lock")
        threading.Thread(target=lambda: command.lines.extend(process.stdout), daemon=True).start()
        threading.Thread(target=lambda: command.stderr.extend(process.stderr), daemon=True).start()
        return command

    def messages(self) -> list[str]:
        found = []
        for line in list(self.lines):
            try:
                found.append(json.loads(line).get("message", ""))
            except (ValueError, AttributeError):
                continue
        return found

    def reached(self, message: str) -> bool:
        return any(m == message or m.startswith(message) for m in self.messages())

    def wait_for(self, message: str, timeout: float = 60) -> bool:
        deadline = time.monotonic() + timeout
        while not self.reached(message) and self.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.reached(message)

    def wait_until_in_its_run(self, timeout: float = 30) -> None:
        """Until the command holds the run lock (the lock file names its holder); a little more, and its
        run is recorded. Watching the file, not the state: a read would collide with the command's writes."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            if f"pid {self.process.pid} " in (self.lock.read_text() if self.lock.exists() else ""):
                time.sleep(0.1)
                return
            time.sleep(0.005)

    def stage(self) -> str:
        if self.name != "sync":
            return self.name
        if not self.reached("extracted custompms"):
            return "extract"
        return "transform" if not self.reached("outbox") else "push"

    def finish(self, timeout: float = 120) -> int:
        code = self.process.wait(timeout=timeout)
        time.sleep(0.05)  # the reader threads drain the pipes
        return code


def running(sandbox) -> int:
    """Runs recorded as running: a killed command that got as far as recording its run."""
    if not sandbox.sql("select count(*) from information_schema.tables where table_name = 'runs'")[0][0]:
        return 0
    return sandbox.sql("select count(*) from sync.runs where status = 'running'")[0][0]


class Edits:
    """Edits a person makes between the kills, each remembered with the value every system must end with."""

    def __init__(self, sandbox, rng: random.Random) -> None:
        self.sandbox, self.rng = sandbox, rng
        self.made = 0
        self.acme_phone: str | None = None
        self.wave_phones: dict[str, str] = {}  # Wave customer name -> phone (edited in Wave)
        self.pms_website: str | None = None  # Brugge's website (edited in CustomPMS)

    def one(self, n: int) -> None:
        kind = n % 3
        if kind == 0:  # Exact: Acme's phone, again and again
            self.acme_phone = f"+31 20 {n:03d} {self.rng.randint(1000, 9999)}"
            acme = exact_account(self.sandbox, 101, "Acme")
            self.sandbox.exact.edit_account(101, acme["ID"], {"Phone": self.acme_phone})
        elif kind == 1:  # Wave: a crash-test customer's phone
            name = f"Crash Test {self.rng.randrange(CRASH_CUSTOMERS):02d} Ltd"
            phone = f"+1 416 555 {n:04d}"
            customer = wave_customer(self.sandbox, name)
            self.sandbox.wave.patch_customer(customer["id"], {"phone": phone}, replace_address=False)
            self.wave_phones[name] = phone
        else:  # CustomPMS: the seeded Brugge customer's website (linked to an Exact account by VAT)
            self.pms_website = f"https://brugge{n}.example"
            brugge = next(c for c in self.sandbox.pms_customers() if c["name"].startswith("Brugge"))
            self.sandbox.custompms.admin_edit(brugge["id"], {"website": self.pms_website})
        self.made += 1
        time.sleep(0.002)  # the next edit is strictly later


@pytest.mark.timeout(600)
def test_50_kills_across_extract_transform_and_push_lose_nothing_and_duplicate_nothing(sandbox):
    business = next(iter(sandbox.wave._businesses))
    for i in range(CRASH_CUSTOMERS):
        sandbox.wave.create_customer(business, {"name": f"Crash Test {i:02d} Ltd", "email": f"c{i}@crash.example"})
    for faults in sandbox.faults.values():  # every answer takes a while, so kills land inside each stage
        faults.latency_ms = 5
    rng = random.Random(11)
    edits = Edits(sandbox, rng)
    kills: Counter[str] = Counter()
    # how long each stage runs inside its run when nobody kills it (the latest one): a kill waits a random
    # part of that (a sync: of all three), so it lands inside the run however fast the stages get
    lasts = {"extract": 1.0, "transform": 1.0, "push": 1.0}
    finished = caught_in_flight = cycles = 0
    tracebacks: list[str] = []
    while sum(kills.values()) < KILLS:
        cycles += 1
        assert cycles < KILLS * 2, (kills, finished)
        # a cycle runs the stages in turn; the two stages with the fewest kills so far are killed, the third
        # runs to the end (so each stage finishes every third cycle or so: a push only has work to be killed
        # in once a transform finished), and every fifth cycle is one whole `sync`, killed at a random moment
        killed = sorted(STAGES, key=lambda s: (kills[s], STAGES.index(s)))[:2]
        plan = [("sync", True)] if cycles % 5 == 0 else [(stage, stage in killed) for stage in STAGES]
        if cycles == 1:  # the first extraction lands every raw dataset (a transform needs them to exist)
            plan[0] = ("extract", False)
        for name, kill in plan:
            # a push to be killed gets slow answers: a cycle's few writes would otherwise be done within
            # milliseconds, and the kill must often land between a request and its record
            for faults in sandbox.faults.values():
                faults.latency_ms = 100 if kill and name == "push" else 5
            command = Command.start(sandbox, name)
            command.wait_until_in_its_run()
            in_run = time.monotonic()
            if kill:
                if name == "push":
                    command.wait_for("push ")  # "push <system>": its writer is built, the sends begin
                    time.sleep(rng.uniform(0, 0.3))
                else:
                    time.sleep(rng.uniform(0.02, 0.9) * (lasts[name] if name in lasts else sum(lasts.values())))
                if command.process.poll() is None:
                    command.process.send_signal(signal.SIGKILL)
            code = command.finish()
            if not kill and name in lasts:
                lasts[name] = max(0.2, time.monotonic() - in_run)
            if kill and running(sandbox):  # it died inside its run: the next command must find it
                kills[command.stage()] += 1
            else:
                finished += 1
                assert code in (0, 1) or kill, "".join(command.stderr)
            if any("Traceback" in line for line in command.stderr):
                tracebacks.append(f"{name} (killed: {kill}): " + "".join(command.stderr))
            if sandbox.sql("select count(*) from information_schema.tables where table_name = 'outbox'")[0][0]:
                in_flight = sandbox.sql("select count(*) from sync.outbox where status = 'in_flight'")[0][0]
                caught_in_flight += bool(kill and in_flight)
        edits.one(cycles)
    print(f"\nkills per stage {dict(kills)}, cycles {cycles}, commands that ran to the end {finished}, "
          f"kills that left operations in flight {caught_in_flight}, edits {edits.made}")
    assert min(kills[stage] for stage in STAGES) >= 10, kills
    assert caught_in_flight >= 3  # some kills landed between a request and its record

    for faults in sandbox.faults.values():
        faults.latency_ms = 5
    for _ in range(3):  # then runs that finish
        sync = Command.start(sandbox)
        code = sync.finish()
        if any("Traceback" in line for line in sync.stderr):
            tracebacks.append("".join(sync.stderr))
        assert code in (0, 1), "".join(sync.stderr)
    final = Command.start(sandbox)
    assert final.finish() == 0, "".join(final.stderr)
    assert tracebacks == []
    deltas, sent = sandbox.sql("select deltas, ops_sent from sync.runs order by started_at desc limit 1")[0]
    assert (deltas, sent) == (0, 0)

    # 0 stuck rows: nothing left in flight, pending, failing or dead, nothing open in the quarantine
    unfinished = sandbox.sql("select status, count(*) from sync.outbox "
                             "where status not in ('succeeded', 'skipped_stale', 'superseded') group by all")
    assert unfinished == []
    assert sandbox.sql("select count(*) from sync.quarantine where status = 'open'") == [(0,)]
    # every killed run was found and marked abandoned by the run after it; none ended in a failure
    runs = Counter(status for (status,) in sandbox.sql("select status from sync.runs"))
    assert runs["abandoned"] == sum(kills.values()) and runs["running"] == 0 and runs["failed"] == 0, (
        runs, sandbox.sql("select command, status, message from sync.runs where status in ('failed', 'partial')"))

    # 0 duplicates: one CustomPMS customer per source record
    refs = Counter((ref["system"], ref["id"]) for c in sandbox.pms_customers() if not c["deleted"]
                   for ref in c.get("external_refs") or [])
    assert refs and max(refs.values()) == 1, [ref for ref, n in refs.items() if n > 1]
    names = Counter(c["name"] for c in sandbox.pms_customers() if c["name"].startswith("Crash Test"))
    assert len(names) == CRASH_CUSTOMERS and set(names.values()) == {1}

    # 0 lost updates: every edit's last value reached every system that holds the property
    acme = exact_account(sandbox, 101, "Acme")
    assert pms_by_ref(sandbox, "exact.accounts", acme["ID"])["phone"] == edits.acme_phone
    assert wave_customer(sandbox, "Acme")["phone"] == edits.acme_phone
    for name, phone in edits.wave_phones.items():
        assert pms_by_ref(sandbox, "wave.customers", wave_customer(sandbox, name)["id"])["phone"] == phone, name
    brugge = exact_account(sandbox, 102, "Brugge")
    assert brugge["Website"] == edits.pms_website
    assert pms_by_ref(sandbox, "exact.accounts", brugge["ID"])["website"] == edits.pms_website
    assert edits.made >= KILLS // 3 and edits.wave_phones and edits.acme_phone


# the Wave pipeline of `extract`, killed (SIGKILL) once its rows are normalized but not yet loaded
KILLED_AFTER_NORMALIZE = """
import os, signal, sys
from pathlib import Path
from pipelines import extract

db = Path(sys.argv[1])
pipeline = extract.pipeline_for("wave", db, db.parent / "dlt")
pipeline.extract(extract._source("wave"))
pipeline.normalize()
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_an_edit_fetched_before_a_transform_and_loaded_after_it_still_arrives(sandbox):
    assert sandbox.cli("sync") == 0
    northern = wave_customer(sandbox, "Northern Lights")
    sandbox.wave.patch_customer(northern["id"], {"phone": "+1 416 555 0199"}, replace_address=False)
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_NORMALIZE, str(sandbox.db)], cwd=settings.ROOT,
                            env=os.environ | {"PYTHONPATH": str(settings.ROOT)}, capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert sandbox.cli("transform") == 0  # `make transform` before the extraction is rerun
    sandbox.cli("sync")  # loads the pending package, then transforms and pushes
    sandbox.cli("sync")
    assert pms_by_ref(sandbox, "wave.customers", northern["id"])["phone"] == "+1 416 555 0199"


def test_a_create_answered_but_never_recorded_does_not_outrank_an_edit_made_before_it_landed(sandbox):
    """A create carries the values of its plan. When the source is edited after the plan and the create
    lands after that edit, and the push dies before recording the answer, the next transform finds the new
    CustomPMS customer by its external_refs (the origin pass) before any push records the create. Its
    values are then the product's own write, stamped later than the edit: they must count as the echo of
    the create (the change time its plan carried), not as a newer edit, or the edit is lost everywhere."""
    assert sandbox.cli("sync") == 0
    business = next(iter(sandbox.wave._businesses))
    made = sandbox.wave.create_customer(business, {"name": "Late Landing Ltd", "email": "late@landing.example",
                                                   "phone": "+1 416 555 0101"})
    assert sandbox.cli("extract") == 0 and sandbox.cli("transform") == 0  # the create is planned with 0101
    time.sleep(0.002)
    sandbox.wave.patch_customer(made["id"], {"phone": "+1 416 555 0202"}, replace_address=False)
    time.sleep(0.002)  # the create lands strictly after the edit
    push_dying(sandbox, "after_send:1")
    assert pms_by_ref(sandbox, "wave.customers", made["id"])["phone"] == "+1 416 555 0101"  # landed, unrecorded

    assert sandbox.cli("sync") == 0  # extract sees the customer, transform links it by origin, push settles
    assert sandbox.cli("sync") == 0
    assert pms_by_ref(sandbox, "wave.customers", made["id"])["phone"] == "+1 416 555 0202"
    assert wave_customer(sandbox, "Late Landing")["phone"] == "+1 416 555 0202"
    deltas, sent = sandbox.sql("select deltas, ops_sent from sync.runs order by started_at desc limit 1")[0]
    assert (deltas, sent) == (0, 0)


def push_dying(sandbox, crash: str) -> None:
    """`push` in a subprocess that dies at `crash` (CRASH_ENV)."""
    pushed = subprocess.run([sys.executable, "-m", "pipelines.cli", "--quiet", "--db", str(sandbox.db), "push"],
                            cwd=settings.ROOT, capture_output=True, text=True, timeout=120,
                            env=os.environ | {"PYTHONPATH": str(settings.ROOT), CRASH_ENV: crash})
    assert pushed.returncode == CRASH_EXIT_CODE, pushed.stderr


def test_an_older_write_that_landed_is_an_echo_though_a_newer_one_was_marked_sent(sandbox):
    """An update computed before a source edit can land after it (extract ran, the transform did not, then a
    push), and the next update, marked in_flight, can die before it leaves. The target then shows the older
    write's value, stamped after the edit: it is still the product's echo, not a person's newer edit."""
    assert sandbox.cli("sync") == 0
    northern = wave_customer(sandbox, "Northern Lights")
    sandbox.wave.patch_customer(northern["id"], {"phone": "+1 416 555 0301"}, replace_address=False)
    assert sandbox.cli("extract") == 0 and sandbox.cli("transform") == 0  # CustomPMS gets 0301 planned
    time.sleep(0.002)
    sandbox.wave.patch_customer(northern["id"], {"phone": "+1 416 555 0302"}, replace_address=False)
    time.sleep(0.002)
    assert sandbox.cli("extract") == 0 and sandbox.cli("push") == 0  # 0301 lands after the 0302 edit
    assert pms_by_ref(sandbox, "wave.customers", northern["id"])["phone"] == "+1 416 555 0301"
    assert sandbox.cli("transform") == 0  # CustomPMS gets 0302 planned
    push_dying(sandbox, "before_send:1")  # marked in_flight, never sent

    assert sandbox.cli("sync") == 0
    assert sandbox.cli("sync") == 0
    assert pms_by_ref(sandbox, "wave.customers", northern["id"])["phone"] == "+1 416 555 0302"
    assert wave_customer(sandbox, "Northern Lights")["phone"] == "+1 416 555 0302"
