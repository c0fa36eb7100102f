"""The one retry policy of the three clients (pipelines/retry.py), on the sandbox's frozen clock.
(The clients' own tests check it over HTTP against the emulators; these pin the policy's arithmetic.)"""

from __future__ import annotations

import asyncio
import logging
import random

import pytest

from pipelines.retry import Retryable, RetryPolicy, WaitBudget
from pipelines.sandbox.common import Clock

START = 1_767_225_600.0


def policy(**kwargs) -> RetryPolicy:
    kwargs.setdefault("clock", Clock.frozen(START))
    kwargs.setdefault("rng", random.Random(1))
    return RetryPolicy(**kwargs)


def failing(times: int, **retryable) -> tuple[list[int], object]:
    calls: list[int] = []

    def attempt() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise Retryable("boom", error=ValueError(f"gave up after {len(calls)}"), **retryable)
        return "done"

    return calls, attempt


def test_backoff_doubles_with_equal_jitter_up_to_the_cap():
    p = policy(backoff_base=1.0, backoff_cap=8.0)
    for n, delay in ((1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)):
        waits = [p.backoff(n) for _ in range(50)]
        assert all(delay / 2 <= w <= delay for w in waits), n  # never zero, never more than the delay


def test_repeats_until_success_sleeping_in_the_clock():
    p = policy(max_retries=5)
    calls, attempt = failing(3)
    assert p.call(attempt, "test") == "done"
    assert len(calls) == 4 and p.retries == 3
    assert 0.5 * (0.5 + 1 + 2) <= p.clock.now() - START <= 0.5 + 1 + 2  # the three backoffs, in virtual time


def test_gives_up_with_the_named_error_and_no_chained_context(caplog):
    caplog.set_level(logging.WARNING)
    p = policy(max_retries=2)
    calls, attempt = failing(10)
    with pytest.raises(ValueError, match="gave up after 3") as err:
        p.call(attempt, "GET /x")
    assert len(calls) == 3 and err.value.__cause__ is None and err.value.__suppress_context__
    assert "GET /x: boom; repeat 1" in caplog.text


def test_429s_are_counted_apart_and_wait_what_the_server_asked():
    p = policy(max_retries=1, max_throttled=4)
    calls, attempt = failing(4, wait=7.0, throttled=True)
    assert p.call(attempt, "test") == "done"  # four 429s although only one 5xx repeat is allowed
    assert p.clock.now() - START == 28.0 and p.throttle_budget.spent == 28.0


def test_the_runs_429_budget_is_shared_by_all_calls():
    p = policy(throttle_budget=WaitBudget(10.0))
    _, first = failing(1, wait=6.0, throttled=True)
    assert p.call(first, "a") == "done"
    calls, second = failing(1, wait=6.0, throttled=True)
    with pytest.raises(ValueError):
        p.call(second, "b")  # 6 + 6 > 10: not waited
    assert len(calls) == 1 and p.throttle_budget.remaining == 4.0


def test_a_wait_longer_than_max_wait_is_not_sat_out():
    p = policy(max_wait=60.0)
    calls, attempt = failing(1, wait=3600.0, throttled=True)
    with pytest.raises(ValueError):
        p.call(attempt, "test")
    assert len(calls) == 1 and p.clock.now() == START


def test_other_exceptions_pass_through_at_once():
    p = policy()
    calls: list[int] = []

    def attempt() -> None:
        calls.append(1)
        raise KeyError("not retryable")

    with pytest.raises(KeyError):
        p.call(attempt, "test")
    assert len(calls) == 1 and p.retries == 0


def test_the_async_face_follows_the_same_rules():
    p = policy(max_retries=5)
    calls: list[int] = []

    async def attempt() -> int:
        calls.append(1)
        if len(calls) < 3:
            raise Retryable("boom", error=ValueError("x"))
        return len(calls)

    async def main() -> list[int]:
        return await asyncio.gather(p.acall(attempt, "a"))

    assert asyncio.run(main()) == [3] and p.retries == 2 and p.clock.now() > START
