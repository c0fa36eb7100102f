"""What every system's writer promises the push stage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from pipelines.push.outbox import Operation


@dataclass
class Outcome:
    status: str  # succeeded | stale (target changed since extraction) | rejected (the target refused
    #              the data: retrying cannot help) | failed (transient: retried next push) | deferred
    #              (never sent: a budget is used up; pending for the next push, attempt not counted)
    response_id: str | None = None
    error: str | None = None
    # for a rejection: the target's own field names it blamed (CustomPMS 422 `fields` keys such as
    # "email" or "address.country", Wave inputErrors `path` such as "input.email" -> "email", the
    # Exact field its message names such as "Email"); empty when the answer names none
    fields: tuple[str, ...] = ()


BeforeSend = Callable[[list[Operation]], None]  # marks them in_flight (one transaction)
AfterSend = Callable[[list[tuple[Operation, Outcome]]], None]  # records the outcomes (one transaction)


class Writer(Protocol):
    system: str

    @property
    def calls(self) -> int:
        """API calls made so far."""

    def stale(self, operations: list[Operation], marks: dict[str, object]) -> set[str]:
        """Record ids among `operations` whose target changed after extraction. `marks` holds, per
        division or business, how far extraction read (Exact Timestamp, Wave modifiedAt): one call
        per division or business, never one per record."""

    def send_all(self, operations: list[Operation], before_send: BeforeSend, after_send: AfterSend) -> None:
        """Send each operation: before_send(batch) just before the batch's requests leave,
        after_send([(op, outcome), ...]) once they are answered."""

    def close(self) -> None: ...
