"""The one clock of the product: what the three clients, the retry policy and the rate schedules read
the time from and sleep in.

`SystemClock` is the real one. The sandbox's `pipelines.sandbox.common.Clock` has the same three
methods and can be frozen or stepped (a sleep there advances virtual time at once), so tests of
rate windows and token expiry never wait and never race a real minute boundary.

A client takes its clock as an argument; without one it takes `current()`, the system clock unless
a test has put the sandbox's clock in place with `using(clock)` (the product itself never does).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""

    def sleep(self, seconds: float) -> None: ...

    async def asleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        if seconds > 0:
            await asyncio.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"


SYSTEM = SystemClock()
_current: Clock = SYSTEM


def current() -> Clock:
    """The clock a client uses when it is given none."""
    return _current


@contextlib.contextmanager
def using(clock: Clock) -> Iterator[Clock]:
    """Make `clock` the default of every client built inside the block (tests: the sandbox's clock)."""
    global _current
    previous, _current = _current, clock
    try:
        yield clock
    finally:
        _current = previous
