"""Exact Online writer: PUT only the changed fields of an Account, at each division's rate limit.

Optimistic locking without ETags: before sending, one `sync/CRM/Accounts` call per division asks for
every account with a Timestamp above the highest one extraction read (one page holds 1,000 changes, so
it is one call in practice). An operation whose account is among them was edited after extraction (by
a person or another tool): it is `stale`, skipped and recomputed next run. Exception: an operation an
earlier push already sent (its outcome unknown after a crash) whose account now holds exactly our
values was applied by us; it is recorded as succeeded without a second PUT.

At 60 calls a minute a long push takes minutes per division, so the check is repeated every
`recheck_seconds` (in the client's clock) with the highest Timestamp the previous check saw: a person's
edit during the push still stops our pending PUT on that account. Accounts we already wrote show up in
the recheck too and are ignored. Cost: one call per division per `recheck_seconds`.

Pace: the client's limits spend each division's minute window and then sleep until it resets, so a
normal push never sees a 429 (and the windows are kept in the sync state, so a push right after an
extract knows what is left). With several divisions the writer takes the next operation from a division
whose window is open, so one division's wait does not idle the others (one request in flight at a time,
as Exact asks). A PUT answered 5xx, or whose answer was lost, is repeated within the run by the client
(a PUT of absolute values is idempotent).

Exact blocks an endpoint for an hour after more than 10 errors (400/401/403/404) in an hour. The client
counts them per division and endpoint across runs and refuses, without sending, the call that could be
the 10th; a 403 or a 429 without rate-limit headers blocks the division. When that happens (or the
day's budget is used up), the operation and the rest of its division are `deferred`: back to pending
with the reason, their attempt not counted, and a note in the run's problems; the next push after the
limit has passed sends them.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from pipelines.exact.client import ExactApiError, ExactAuthError, ExactClient, ExactError
from pipelines.exact.errors import LIMITS
from pipelines.push.outbox import Operation
from pipelines.push.writer import AfterSend, BeforeSend, Outcome

REJECTED_STATUSES = (400, 404, 409, 422)


class ExactWriter:
    system = "exact"

    def __init__(self, client: ExactClient, *, recheck_seconds: float = 60.0) -> None:
        self.client = client
        self.recheck_seconds = recheck_seconds
        self._marks: dict[str, int] = {}  # division -> highest Timestamp the last check saw
        self._checked_at: dict[str, float] = {}  # division -> clock time of the last check
        self._confirmed: set[str] = set()  # op ids found already applied by an earlier attempt
        self.stale_during_push = 0
        self.limited: dict[str, str] = {}  # division -> why nothing more is sent there in this push
        self.notes: list[str] = []  # work left undone, for the run's problems

    @classmethod
    def from_config(cls, **overrides: Any) -> ExactWriter:
        return cls(ExactClient.from_config(**overrides))

    @property
    def calls(self) -> int:
        return self.client.total_calls

    # ------------------------------------------------------------------ freshness

    def stale(self, operations: list[Operation], marks: dict[str, object]) -> set[str]:
        by_division: dict[str, list[Operation]] = {}
        for op in operations:
            by_division.setdefault(str(op.scope_id), []).append(op)
        stale: set[str] = set()
        for division, ops in by_division.items():
            try:
                changed, confirmed = self._check(division, int(marks.get(division) or 0), ops)
            except LIMITS as exc:  # the check itself was refused: the division's operations wait
                self.limited[division] = str(exc)
                continue
            stale |= {op.record_id for op in changed}
            self._confirmed |= {op.id for op in confirmed}
        return stale

    def _check(self, division: str, since: int, operations: Iterable[Operation]
               ) -> tuple[list[Operation], list[Operation]]:
        """One sync call. Returns (stale, confirmed): the operations whose account changed after `since`,
        split into others' edits and our own earlier (crashed) attempts that hold our values."""
        changed: dict[str, dict[str, Any]] = {}
        highest = since
        for page in self.client.sync_accounts(int(division), since):
            for row in page:
                changed[str(row.get("ID")).lower()] = row
                highest = max(highest, int(row.get("Timestamp") or 0))
        self._marks[division] = highest
        self._checked_at[division] = self.client.clock.now()
        stale, confirmed = [], []
        for op in operations:
            row = changed.get(str(op.record_id).lower())
            if row is None:
                continue
            if op.attempts > 0 and holds(row, op.payload):
                confirmed.append(op)
            else:
                stale.append(op)
        return stale, confirmed

    # ------------------------------------------------------------------ sending

    def send_all(self, operations: list[Operation], before_send: BeforeSend, after_send: AfterSend) -> None:
        confirmed = [op for op in operations if op.id in self._confirmed]
        if confirmed:
            after_send([(op, Outcome("succeeded", response_id=op.record_id)) for op in confirmed])
        queues: dict[str, deque[Operation]] = {}
        for op in operations:
            if op.id not in self._confirmed:
                queues.setdefault(str(op.scope_id), deque()).append(op)
        for division in [d for d in queues if d in self.limited]:
            self._defer(division, list(queues.pop(division)), self.limited[division], before_send, after_send)
        while queues:
            division = self._next_division(queues)
            if self._recheck_due(division):
                try:
                    self._recheck(division, queues, after_send)
                except LIMITS as exc:
                    self._defer(division, list(queues.pop(division)), str(exc), before_send, after_send)
                    continue
                if not queues.get(division):
                    queues.pop(division, None)
                    continue
            queue = queues[division]
            op = queue.popleft()
            before_send([op])
            outcome = self._send(op)
            after_send([(op, outcome)])
            if outcome.status == "deferred":  # a limit: nothing more goes to this division in this push
                self._defer(division, list(queue), outcome.error or "deferred", before_send, after_send, op)
                queue.clear()
            if not queue:
                del queues[division]
            else:  # round robin: the next division gets its turn
                queues[division] = queues.pop(division)

    def _defer(self, division: str, operations: list[Operation], reason: str, before_send: BeforeSend,
               after_send: AfterSend, first: Operation | None = None) -> None:
        """Leave the operations pending with the reason (attempt not counted) and say so in the run."""
        if operations:
            before_send(operations)
            after_send([(op, Outcome("deferred", error=reason)) for op in operations])
        count = len(operations) + (first is not None)
        if count:
            self.notes.append(f"exact division {division}: {count} operation(s) deferred to the next push: "
                              f"{reason}"[:500])

    def _recheck(self, division: str, queues: dict[str, deque[Operation]], after_send: AfterSend) -> None:
        """The freshness check again, from where the last one ended, for the operations still queued."""
        queue = queues[division]
        stale, confirmed = self._check(division, self._marks[division], queue)
        if not stale and not confirmed:
            return
        done = {op.id for op in stale} | {op.id for op in confirmed}
        queues[division] = deque(op for op in queue if op.id not in done)
        self.stale_during_push += len(stale)
        after_send([(op, Outcome("stale", error="exact account changed during the push; recomputed next run"))
                    for op in stale] + [(op, Outcome("succeeded", response_id=op.record_id)) for op in confirmed])

    def _next_division(self, queues: Mapping[str, deque[Operation]]) -> str:
        """The first division (in turn order) whose minute window has calls left, else the one whose
        window resets first (the client then sleeps until it does)."""
        now = self.client.clock.now()
        best, best_ready = None, None
        for division in queues:
            window = self.client.limits.window(int(division))
            ready = 0.0
            if window.minute_remaining is not None and window.minute_remaining <= 0:
                ready = window.minute_reset or 0.0
            if ready <= now:
                return division
            if best_ready is None or ready < best_ready:
                best, best_ready = division, ready
        return best  # type: ignore[return-value]

    def _recheck_due(self, division: str) -> bool:
        checked = self._checked_at.get(division)
        if checked is None or division not in self._marks:
            return False
        return self.client.clock.now() - checked >= self.recheck_seconds

    def _send(self, op: Operation) -> Outcome:
        if op.operation != "update":  # deactivation is not pushed into Exact (DESIGN.md section 6)
            return Outcome("rejected", error=f"exact accounts take no {op.operation}")
        try:
            self.client.update_account(int(op.scope_id), op.record_id, op.payload)
            return Outcome("succeeded", response_id=op.record_id)
        except ExactAuthError:
            raise  # every other call would fail the same way: stop this system, keep the rows
        except LIMITS as exc:  # refused before it was applied (a block, the error budget, the day's budget)
            return Outcome("deferred", error=str(exc))
        except ExactApiError as exc:
            if exc.status in REJECTED_STATUSES:  # Exact refused the data itself
                return Outcome("rejected", error=str(exc), fields=blamed_fields(exc.message, op.payload))
            return Outcome("failed", error=str(exc))
        except ExactError as exc:
            return Outcome("failed", error=str(exc))

    def close(self) -> None:
        self.client.close()


def blamed_fields(message: str, payload: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields of the PUT that Exact's message names ("Mandatory: Name", "Code '1001' already exists.",
    "Error converting value for property 'Email' ..."); none when it names none of them, and then the
    push quarantines the whole operation instead of probing field by field (errors count against us)."""
    return tuple(key for key in payload if re.search(rf"(?<![\w.]){re.escape(key)}(?![\w.])", message or ""))


def holds(row: Mapping[str, Any], payload: Mapping[str, Any]) -> bool:
    """Does the account (as sync/CRM/Accounts returns it) carry every value of the payload? Exact pads
    Code to 18 characters; empty and null are the same."""
    for key, wanted in payload.items():
        have = row.get(key)
        if isinstance(have, str) or isinstance(wanted, str):
            if (str(have or "")).strip() != (str(wanted or "")).strip():
                return False
        elif have != wanted:
            return False
    return True
