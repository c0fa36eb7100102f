"""Exact Online writer: PUT only the changed fields of an Account, at the division's rate limit.

Exact has no ETags. Optimistic locking is one sync call per division before sending: every Account
whose Timestamp is newer than what extraction read was edited since (by a person, or by another
tool), so its operation is skipped as stale and recomputed next run. The client's rate schedule
spaces the PUTs to 60 a minute per division, so a normal push never sees a 429.
"""

from __future__ import annotations

from collections import defaultdict

from pipelines.exact.client import ExactApiError, ExactClient, ExactError
from pipelines.push.outbox import Operation
from pipelines.push.writer import AfterSend, BeforeSend, Outcome


class ExactWriter:
    system = "exact"

    def __init__(self, client: ExactClient) -> None:
        self.client = client

    @classmethod
    def from_config(cls, **overrides) -> ExactWriter:
        return cls(ExactClient.from_config(**overrides))

    @property
    def calls(self) -> int:
        return self.client.total_calls

    def stale(self, operations: list[Operation], marks: dict[str, object]) -> set[str]:
        by_division: dict[str, set[str]] = defaultdict(set)
        for op in operations:
            by_division[str(op.scope_id)].add(str(op.record_id).lower())
        changed: set[str] = set()
        for division, ids in by_division.items():
            since = int(marks.get(division) or 0)
            for page in self.client.sync_accounts(int(division), since):
                changed |= {str(row["ID"]).lower() for row in page} & ids
        return {op.record_id for op in operations if str(op.record_id).lower() in changed}

    def send_all(self, operations: list[Operation], before_send: BeforeSend, after_send: AfterSend) -> None:
        for op in operations:  # one at a time: the rate limit, not our bookkeeping, sets the pace
            before_send([op])
            after_send([(op, self._send(op))])

    def _send(self, op: Operation) -> Outcome:
        if op.operation != "update":  # deactivation is not pushed into Exact (DESIGN.md section 6)
            return Outcome("rejected", error=f"exact accounts take no {op.operation}")
        try:
            self.client.update_account(int(op.scope_id), op.record_id, op.payload)
            return Outcome("succeeded", response_id=op.record_id)
        except ExactApiError as exc:
            if exc.status in (400, 404, 409, 422):  # Exact refused the data itself
                return Outcome("rejected", error=str(exc))
            return Outcome("failed", error=str(exc))
        except ExactError as exc:
            return Outcome("failed", error=str(exc))

    def close(self) -> None:
        self.client.close()
