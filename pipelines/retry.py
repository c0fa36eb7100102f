"""One retry policy for the three clients (tenacity underneath).

Each client decides, per attempt, *whether* what just happened may be repeated: it raises `Retryable`
(naming the error to raise if no repeat is left) or its own typed error, or returns. Only that
judgement is per API (a PATCH with If-Match is safe to repeat, a POST without an Idempotency-Key is
not; Exact's 429 names its window's reset). The policy decides the rest, the same for all three:
- how long to wait: what the server asked for (Retry-After, Exact's X-RateLimit-Minutely-Reset) when
  it said so, else exponential backoff with "equal jitter" (never zero, never in step);
- how many repeats: `max_retries` after 5xx, timeouts and dropped connections, and `max_throttled`
  after 429s, counted apart (a 429 is refused before processing, so it costs nothing to repeat);
- how much waiting on 429s one client may spend in a run (`throttle_budget`), and the longest single
  wait worth sitting out (`max_wait`);
- where to sleep: the client's clock (pipelines/clock.py), so on the sandbox's frozen or stepped clock
  a backoff costs no wall time.

Why tenacity: it is already installed with dlt, well kept, has one rule set for sync and asyncio code,
takes the sleep function (our clock) and lets the wait be computed from the failed attempt. stamina
is a thinner, opinionated layer over tenacity that hides exactly those hooks.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import tenacity

from pipelines import clock as clocks
from pipelines import settings

T = TypeVar("T")
log = logging.getLogger("pipelines.retry")


class Retryable(Exception):
    """Raised by an attempt that may be repeated. `error` is what the call raises when no repeat is left;
    `wait` the seconds the server asked for (None: backoff); `throttled` marks a 429."""

    def __init__(self, reason: str, *, error: BaseException, wait: float | None = None,
                 throttled: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.error, self.wait, self.throttled = reason, error, wait, throttled


class WaitBudget:
    """Seconds of 429 waits one client may still spend (thread-safe)."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.spent = seconds, 0.0
        self._lock = threading.Lock()

    def take(self, seconds: float) -> bool:
        with self._lock:
            if self.spent + seconds > self.seconds:
                return False
            self.spent += seconds
            return True

    @property
    def remaining(self) -> float:
        return max(0.0, self.seconds - self.spent)


@dataclass
class _Tally:
    failures: int = 0
    throttled: int = 0


@dataclass
class RetryPolicy:
    """How the calls of one client are repeated. `retries` counts the repeats made."""

    clock: clocks.Clock = field(default_factory=clocks.current)
    max_retries: int = settings.RETRY_MAX
    max_throttled: int = settings.RETRY_MAX_THROTTLED
    backoff_base: float = settings.RETRY_BACKOFF_BASE
    backoff_cap: float = settings.RETRY_BACKOFF_CAP
    max_wait: float = settings.RETRY_MAX_WAIT
    throttle_budget: WaitBudget = field(default_factory=lambda: WaitBudget(settings.THROTTLE_BUDGET_SECONDS))
    rng: random.Random = field(default_factory=random.Random)
    logger: logging.Logger = log
    retries: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def call(self, attempt: Callable[[], T], what: str) -> T:
        """Run `attempt` until it returns, raises something other than Retryable, or the policy stops.
        The first attempt runs before tenacity is set up (most calls need no repeat, and building the
        retrying object cost a push 7% of its CPU); its failure is replayed to tenacity as attempt 1."""
        try:
            return attempt()
        except Retryable as exc:
            first = exc
        return tenacity.Retrying(sleep=self.clock.sleep, **self._rules(what))(_replaying(first, attempt))

    async def acall(self, attempt: Callable[[], Awaitable[T]], what: str) -> T:
        try:
            return await attempt()
        except Retryable as exc:
            first = exc
        return await tenacity.AsyncRetrying(sleep=self.clock.asleep, **self._rules(what))(
            _areplaying(first, attempt))

    def backoff(self, failures: int) -> float:
        """Seconds before repeat number `failures` (1, 2, ...): base * 2^(n-1), capped, equal jitter."""
        delay = min(self.backoff_cap, self.backoff_base * 2 ** max(0, failures - 1))
        return delay / 2 + self.rng.uniform(0, delay / 2)

    def _rules(self, what: str) -> dict[str, Any]:
        tally = _Tally()  # per call: tenacity keeps its own per-call state, this is ours

        def wait(state: tenacity.RetryCallState) -> float:
            failed = _retryable(state)
            if failed.throttled:
                tally.throttled += 1
            else:
                tally.failures += 1
            if failed.wait is not None:
                return max(0.0, failed.wait)
            return self.backoff(tally.throttled if failed.throttled else tally.failures)

        def stop(state: tenacity.RetryCallState) -> bool:
            failed, seconds = _retryable(state), state.upcoming_sleep
            if seconds > self.max_wait:
                return True
            if failed.throttled:
                return tally.throttled > self.max_throttled or not self.throttle_budget.take(seconds)
            return tally.failures > self.max_retries

        def before_sleep(state: tenacity.RetryCallState) -> None:
            with self._lock:
                self.retries += 1
            self.logger.warning("%s: %s; repeat %d in %.2fs", what, _retryable(state).reason,
                                state.attempt_number, state.upcoming_sleep)

        def give_up(state: tenacity.RetryCallState) -> Any:
            raise _retryable(state).error from None

        return {"retry": tenacity.retry_if_exception_type(Retryable), "wait": wait, "stop": stop,
                "before_sleep": before_sleep, "retry_error_callback": give_up}


def _replaying(first: Retryable, attempt: Callable[[], T]) -> Callable[[], T]:
    """`attempt`, whose first call raises `first` again instead of repeating the request."""
    pending = [first]

    def replay() -> T:
        if pending:
            raise pending.pop()
        return attempt()

    return replay


def _areplaying(first: Retryable, attempt: Callable[[], Awaitable[T]]) -> Callable[[], Awaitable[T]]:
    pending = [first]

    async def replay() -> T:
        if pending:
            raise pending.pop()
        return await attempt()

    return replay


def _retryable(state: tenacity.RetryCallState) -> Retryable:
    failed = state.outcome.exception() if state.outcome is not None else None
    assert isinstance(failed, Retryable)
    return failed
