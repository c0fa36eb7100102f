"""CustomPMSClient against the CustomPMS emulator over real HTTP, faults included."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from pipelines import settings
from pipelines.custompms.client import (
    CustomPMSClient,
    IdempotencyConflict,
    NotFound,
    RateLimited,
    ServerError,
    TransportError,
    Unauthorized,
    ValidationFailed,
    VersionMismatch,
)
from pipelines.retry import RetryPolicy, WaitBudget
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread
from pipelines.sandbox.custompms import CustomPMSStore, create_app

KEY = settings.SANDBOX_CUSTOMPMS_KEY
START = 1_767_225_600.0  # 2026-01-01T00:00:00Z, for frozen clocks


class RecordingClock(Clock):
    """A fast clock that records the waits the client asks for; `on_sleep` lets a test change the
    faults between two attempts of one call."""

    def __init__(self) -> None:
        super().__init__(speed=1000.0)
        self.waits: list[float] = []
        self.on_sleep = None

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.waits.append(seconds)
            if self.on_sleep:
                self.on_sleep()
        super().sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        if seconds > 0:
            self.waits.append(seconds)
        await super().asleep(seconds)


def set_faults(config: FaultConfig, **changes) -> None:
    # set directly: FaultConfig.update casts a float to int while the current value is 0.0 (0.3 -> 0)
    for name, value in changes.items():
        setattr(config, name, value)


def customer(i: int, **extra) -> dict:
    return {
        "name": f"Customer {i}",
        "email": f"c{i}@example.com",
        "address": {"line1": f"Street {i}", "postal_code": "1011AB", "city": "Amsterdam", "country": "NL"},
        "contact": {"first_name": "Ann", "last_name": f"Lee{i}"},
        "external_refs": [{"system": "exact", "id": f"acc-{i}"}],
        **extra,
    }


@pytest.fixture
def sandbox():
    clock = Clock()
    store = CustomPMSStore(clock)
    store.load_seed({"customers": [customer(i) for i in range(1200)]})
    faults = FaultConfig(seed=11)
    server = ServerThread(create_app(store, faults=faults, clock=clock)).start()
    server.store, server.faults = store, faults
    yield server
    server.stop()


@pytest.fixture
def client(sandbox):
    with CustomPMSClient(sandbox.url, KEY, backoff_base=0.05, clock=RecordingClock()) as pms:
        yield pms


# ---------------------------------------------------------------------- reading


def test_list_follows_next_cursor(client):
    pages = list(client.list_customers(limit=500))
    ids = [row["id"] for page in pages for row in page]
    assert [len(page) for page in pages][:2] == [500, 500] and len(ids) == len(set(ids)) == 1200
    assert client.total_calls == len(pages) <= 4  # an empty last page is the most the contract allows
    stamps = [(row["updated_at"], row["id"]) for page in pages for row in page]
    assert stamps == sorted(stamps)  # oldest change first, as the contract promises


def test_updated_since_is_strictly_greater(client):
    rows = [row for page in client.list_customers() for row in page]
    pivot = rows[600]["updated_at"]
    later = [row for page in client.list_customers(updated_since=pivot) for row in page]
    assert later and all(row["updated_at"] > pivot for row in later)


def test_get_find_and_not_found(client):
    first = next(client.list_customers(limit=1))[0]
    assert client.get_customer(first["id"]) == first
    found = client.find_by_external_ref("exact", first["external_refs"][0]["id"])
    assert [row["id"] for row in found] == [first["id"]]
    assert client.find_by_external_ref("exact", "no-such-ref") == []
    with pytest.raises(NotFound) as caught:
        client.get_customer("cus_does_not_exist")
    assert caught.value.status == 404 and caught.value.code == "not_found"


# ---------------------------------------------------------------------- writing and typed errors


def test_create_patch_delete_round_trip(client):
    created = client.create_customer(customer(5000), idempotency_key="create-5000")
    assert created["version"] == 1 and created["id"]
    patched = client.patch_customer(created["id"], {"phone": "+31 20 123"}, if_match_version=1)
    assert patched["version"] == 2 and patched["phone"] == "+31 20 123"
    assert patched["address"]["city"] == "Amsterdam"  # absent properties stay as they are
    client.delete_customer(created["id"])
    assert client.get_customer(created["id"])["deleted"] is True


def test_stale_if_match_is_a_typed_412(client):
    created = client.create_customer(customer(5001))
    client.patch_customer(created["id"], {"notes": "edited elsewhere"}, if_match_version=1)
    with pytest.raises(VersionMismatch) as caught:
        client.patch_customer(created["id"], {"notes": "ours"}, if_match_version=1)
    assert (caught.value.status, caught.value.code, caught.value.maybe_applied) == (
        412,
        "version_mismatch",
        False,
    )
    assert client.get_customer(created["id"])["notes"] == "edited elsewhere"


def test_validation_fields_are_surfaced(client):
    with pytest.raises(ValidationFailed) as caught:
        client.create_customer(
            {"name": "Bad", "email": "not-an-email", "address": {"country": "Netherlands"}}
        )
    error = caught.value
    assert error.status == 422 and error.code == "validation_failed"
    assert any("email" in path for path in error.fields) and any("country" in path for path in error.fields)
    assert "email" in str(error)
    assert client.calls["POST"] == 1


def test_idempotency_key_reused_with_other_body_is_a_conflict(client):
    first = client.create_customer(customer(5002), idempotency_key="key-5002")
    again = client.create_customer(customer(5002), idempotency_key="key-5002")
    assert again["id"] == first["id"]  # a replay answers with the first response
    with pytest.raises(IdempotencyConflict) as caught:
        client.create_customer(customer(5003), idempotency_key="key-5002")
    assert caught.value.status == 409 and caught.value.code == "idempotency_conflict"


def test_api_key_never_leaks(sandbox, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "wrong-secret-key-123"
    with CustomPMSClient(sandbox.url, wrong, backoff_base=0.01) as pms:
        with pytest.raises(Unauthorized) as caught:
            pms.get_customer("cus_x")
        assert caught.value.status == 401
        for text in (str(caught.value), repr(caught.value), repr(pms), caplog.text):
            assert wrong not in text and KEY not in text


# ---------------------------------------------------------------------- retries


def test_get_survives_server_errors_and_drops(sandbox, client):
    set_faults(sandbox.faults, error_rate=0.3, drop_rate=0.2)
    rows = [row for page in client.list_customers(limit=100) for row in page]
    assert len({row["id"] for row in rows}) == 1200
    assert client.retries > 0 and client.total_calls == 12 + client.retries


def test_429_waits_retry_after(sandbox, client):
    set_faults(sandbox.faults, burst_429=2)
    first = next(client.list_customers(limit=5))
    assert len(first) == 5 and client.total_calls == 3
    assert len(client.clock.waits) == 2 and min(client.clock.waits) >= 1  # Retry-After is whole seconds


def test_a_429_burst_longer_than_the_5xx_retries_is_sat_out(sandbox):
    """429s are counted apart from 5xx/drops (a 429 is refused before processing): a burst of 8 outlasts
    max_retries=5 but not the policy's 10 throttled repeats. The issue's extraction failure."""
    set_faults(sandbox.faults, burst_429=8)
    clock = Clock.frozen(START)
    with CustomPMSClient(sandbox.url, KEY, max_retries=5, clock=clock) as pms:
        assert len(next(pms.list_customers(limit=5))) == 5
    assert pms.total_calls == 9 and pms.retries == 8
    assert clock.now() - START == 8  # Retry-After: 1, eight times, in virtual time


def test_429_without_retry_budget_is_typed(sandbox):
    set_faults(sandbox.faults, burst_429=3)
    clock = Clock.frozen(START)
    with CustomPMSClient(sandbox.url, KEY, retry=RetryPolicy(clock=clock, max_throttled=1), clock=clock) as pms:
        with pytest.raises(RateLimited) as caught:
            pms.get_customer("cus_x")
    assert caught.value.status == 429 and pms.total_calls == 2


def test_429_waits_are_bounded_by_the_runs_throttle_budget(sandbox):
    """A run spends at most its budget waiting on 429s, summed over all calls of the client."""
    set_faults(sandbox.faults, burst_429=10)
    clock = Clock.frozen(START)
    policy = RetryPolicy(clock=clock, throttle_budget=WaitBudget(3.0))
    with CustomPMSClient(sandbox.url, KEY, retry=policy, clock=clock) as pms:
        with pytest.raises(RateLimited):
            pms.get_customer("cus_x")
    assert pms.total_calls == 4 and policy.throttle_budget.spent == 3.0


def test_post_without_key_is_never_retried(sandbox, client):
    set_faults(sandbox.faults, error_rate=1.0)
    with pytest.raises(ServerError):
        client.create_customer(customer(6000))
    set_faults(sandbox.faults, error_rate=0.0, drop_rate=1.0)
    with pytest.raises(TransportError) as caught:
        client.create_customer(customer(6001))
    assert caught.value.maybe_applied  # the server may have created it: the writer must look first
    assert client.calls["POST"] == 2 and client.retries == 0


def test_post_with_key_is_retried_without_duplicates(sandbox, client):
    set_faults(sandbox.faults, drop_rate=0.6)
    names = [f"Keyed {i}" for i in range(8)]
    for i, name in enumerate(names):
        client.create_customer(customer(7000 + i, name=name), idempotency_key=f"keyed-{i}")
    assert client.retries > 0
    set_faults(sandbox.faults, drop_rate=0.0)
    for i in range(8):
        assert len(client.find_by_external_ref("exact", f"acc-{7000 + i}")) == 1


def test_patch_replay_after_applied_first_attempt_is_a_stale_412(sandbox, client):
    created = client.create_customer(customer(8000))
    set_faults(sandbox.faults, drop_rate=1.0)  # the first PATCH is applied, then its answer is cut
    client.clock.on_sleep = lambda: set_faults(sandbox.faults, drop_rate=0.0)
    with pytest.raises(VersionMismatch) as caught:
        client.patch_customer(created["id"], {"notes": "ours"}, if_match_version=1)
    assert caught.value.maybe_applied and client.calls["PATCH"] == 2
    assert client.get_customer(created["id"])["notes"] == "ours"


# ---------------------------------------------------------------------- async writes, bounded


class InFlight(httpx.AsyncBaseTransport):
    """Counts the requests in flight at once."""

    def __init__(self) -> None:
        self.inner, self.now, self.peak = httpx.AsyncHTTPTransport(), 0, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.now += 1
        self.peak = max(self.peak, self.now)
        try:
            response = await self.inner.handle_async_request(request)
            await response.aread()
            return response
        finally:
            self.now -= 1

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_async_writes_are_bounded_and_retried(sandbox):
    set_faults(sandbox.faults, latency_ms=20, error_rate=0.2)
    transport = InFlight()
    pms = CustomPMSClient(sandbox.url, KEY, max_concurrency=4, backoff_base=0.01, async_transport=transport)

    async def main() -> list[dict]:
        async with pms:
            made = await asyncio.gather(
                *(pms.acreate_customer(customer(9000 + i), idempotency_key=f"a-{i}") for i in range(20))
            )
            await asyncio.gather(
                *(pms.apatch_customer(row["id"], {"notes": "n"}, row["version"]) for row in made)
            )
            return await asyncio.gather(*(pms.aget_customer(row["id"]) for row in made))

    rows = asyncio.run(main())
    assert [row["notes"] for row in rows] == ["n"] * 20 and {row["version"] for row in rows} == {2}
    assert 1 < transport.peak <= 4
    assert pms.calls["POST"] >= 20 and pms.retries > 0


class Connections:
    """ASGI middleware in front of the emulator: requests in flight at once, and the client ports they came from."""

    def __init__(self, app) -> None:
        self.app, self.now, self.peak, self.ports = app, 0, 0, set()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        self.now += 1
        self.peak = max(self.peak, self.now)
        self.ports.add(scope["client"][1])
        try:
            await self.app(scope, receive, send)
        finally:
            self.now -= 1


def test_each_slot_keeps_one_connection_and_the_slots_bound_what_is_in_flight():
    """The async face's own pools (no transport given): `max_concurrency` single-connection slots. A slot
    whose connection was cut opens a new one, and no request waits for a slot it cannot get."""
    clock = Clock()
    store = CustomPMSStore(clock)
    faults = FaultConfig(seed=5, latency_ms=20)
    watch = Connections(create_app(store, faults=faults, clock=clock))
    server = ServerThread(watch).start()
    pms = CustomPMSClient(server.url, KEY, max_concurrency=3, backoff_base=0.01)

    async def creates(first: int) -> list[dict]:
        return await asyncio.gather(
            *(pms.acreate_customer(customer(first + i), idempotency_key=f"slot-{first + i}") for i in range(30)))

    async def main() -> tuple[list[dict], set[int], list[dict]]:
        async with pms:
            clean = await creates(0)
            clean_ports = set(watch.ports)
            set_faults(faults, drop_rate=0.2)
            return clean, clean_ports, await creates(100)

    try:
        clean, clean_ports, dropped = asyncio.run(main())
    finally:
        server.stop()
    assert len({row["id"] for row in clean + dropped}) == 60 and len(store.customers) == 60
    assert 1 < watch.peak <= 3
    assert len(clean_ports) == 3  # three connections, each kept alive for its slot's next requests
    assert len(watch.ports) > 3 and pms.retries > 0  # cut connections were replaced, the creates repeated


def test_a_spent_window_is_waited_for_by_the_next_process_not_bounced_off(tmp_path):
    """`RateLimit-Remaining: 0` pauses until `RateLimit-Reset`; the pause is kept in the sync state, so
    a new client (a new process) waits too instead of collecting a 429. Frozen clock shared with the
    emulator: the wait is what moves time."""
    from pipelines.budgets import ApiState

    clock = Clock.frozen(START + 1)
    store = CustomPMSStore(clock)
    store.load_seed({"customers": [customer(i) for i in range(3)]})
    store.rate_limit, store.rate_window = 3, 60
    server = ServerThread(create_app(store, clock=clock)).start()
    try:
        with CustomPMSClient(server.url, KEY, clock=clock, state=ApiState("custompms", tmp_path / "s.duckdb")) as a:
            for _ in range(3):
                next(a.list_customers(limit=1))
        with CustomPMSClient(server.url, KEY, clock=clock, state=ApiState("custompms", tmp_path / "s.duckdb")) as b:
            assert len(next(b.list_customers(limit=5))) == 3
        assert b.total_calls == 1 and b.retries == 0  # no 429: it waited for the window first
        assert clock.now() == START + 60  # the window's end
    finally:
        server.stop()
