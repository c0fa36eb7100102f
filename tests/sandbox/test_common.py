"""The fault injector and clock that every emulator shares, over real HTTP."""

import time

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from pipelines.sandbox.common import Clock, FaultConfig, FaultInjector, ServerThread, admin_routes


@pytest.fixture()
def served():
    config, clock, counts = FaultConfig(seed=1), Clock(), {"requests": 0, "faults": 0}

    async def hello(request):
        return JSONResponse({"hello": "x" * 2000})

    inner = Starlette(routes=[Route("/hello", hello), *admin_routes(config, clock, counts)])
    app = FaultInjector(inner, config, too_many=lambda request: JSONResponse({"e": 429}, status_code=429),
                        server_error=lambda status: JSONResponse({"e": status}, status_code=status),
                        clock=clock, counts=counts)
    server = ServerThread(app).start()
    with httpx.Client(base_url=server.url, timeout=5) as http:
        yield http, config, clock, app
    server.stop()


def test_no_fault_by_default(served):
    http, *_ = served
    assert http.get("/hello").json()["hello"] == "x" * 2000


def test_burst_of_429_then_normal(served):
    http, config, *_ = served
    http.put("/_sandbox/faults", json={"burst_429": 2})
    assert [http.get("/hello").status_code for _ in range(3)] == [429, 429, 200]


def test_server_errors_and_admin_is_never_faulted(served):
    http, *_ = served
    http.put("/_sandbox/faults", json={"error_rate": 1.0})
    assert {http.get("/hello").status_code for _ in range(6)} <= {500, 503}
    assert http.get("/_sandbox/faults").json()["faults"] >= 6


def test_dropped_connection_cuts_the_body(served):
    http, config, *_ = served
    config.update(drop_rate=1.0)
    with pytest.raises(httpx.RemoteProtocolError):
        http.get("/hello")


def test_latency_is_added(served):
    http, config, *_ = served
    config.update(latency_ms=150)
    started = time.perf_counter()
    http.get("/hello")
    assert time.perf_counter() - started >= 0.15


def test_unknown_fault_setting_is_refused(served):
    http, *_ = served
    response = http.put("/_sandbox/faults", json={"latency": 5})
    assert response.status_code == 400 and "latency" in response.json()["error"]


def test_clock_speeds_up_and_advances():
    clock = Clock(speed=60.0, start=1_000_000.0)
    clock.advance(3600)
    assert 1_003_600 <= clock.now() < 1_003_700
    started = time.perf_counter()
    clock.sleep(6)  # six clock seconds are a tenth of a real second at 60x
    assert time.perf_counter() - started < 1.0


def test_a_frozen_clock_moves_only_by_advance_and_sleeps_which_cost_no_wall_time():
    clock = Clock.frozen(start=1_000_000.0)
    time.sleep(0.02)
    assert clock.now() == 1_000_000.0
    started = time.perf_counter()
    clock.sleep(3600)  # an hour, at once
    assert clock.now() == 1_003_600.0 and time.perf_counter() - started < 0.5

    async def waits() -> None:
        await clock.asleep(60)

    import asyncio

    asyncio.run(waits())
    assert clock.now() == 1_003_660.0


def test_a_stepped_clock_runs_with_real_time_but_sleeps_at_once():
    clock = Clock.stepped(start=2_000_000.0)
    started = time.perf_counter()
    clock.sleep(120)
    assert time.perf_counter() - started < 0.5 and 2_000_120 <= clock.now() < 2_000_121
    time.sleep(0.02)
    assert clock.now() > 2_000_120.01  # time still flows: edits get distinct modified times
    running = Clock()
    running.instant_sleep = True  # the e2e tests switch a fixture's clock to stepped this way
    before = running.now()
    running.sleep(30)
    assert running.now() - before >= 30


def test_random_429_bursts_come_in_runs_of_burst_length(served):
    http, config, *_ = served
    config.update(burst_rate=0.2, burst_length=3, seed=4)
    codes = [http.get("/hello").status_code for _ in range(200)]
    runs, current = [], 0
    for code in codes + [200]:
        if code == 429:
            current += 1
        elif current:
            runs.append(current)
            current = 0
    complete = runs[:-1] if codes[-1] == 429 else runs  # the last one may be cut by the end of the loop
    assert complete and all(run % 3 == 0 for run in complete)  # whole bursts (two may follow each other)
    assert http.get("/_sandbox/faults").json()["injected_429"] == codes.count(429)


def test_latency_is_drawn_from_its_range(served):
    http, config, *_ = served
    config.update(latency_ms=50, latency_max_ms=120, seed=2)
    for _ in range(3):
        started = time.perf_counter()
        http.get("/hello")
        assert time.perf_counter() - started >= 0.05


def test_exempt_paths_get_no_faults(served):
    http, config, *_ = served
    config.update(error_rate=1.0, exempt_paths="/hel")
    assert http.get("/hello").status_code == 200
    config.update(exempt_paths="")
    assert http.get("/hello").status_code in (500, 503)
