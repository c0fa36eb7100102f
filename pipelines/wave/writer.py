"""Wave writer: customerPatch with only the changed fields, checking didSucceed and inputErrors.

A patch's `address` replaces the whole address, so a changed address field is laid over the
address as extracted (which the freshness check has just shown to be current). Optimistic locking:
one `modifiedAtAfter` query per business before sending; customers modified after what extraction
read are skipped as stale and recomputed next run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from pipelines.push.outbox import Operation
from pipelines.push.writer import AfterSend, BeforeSend, Outcome
from pipelines.wave.client import WaveClient, WaveError, merge_address


class WaveWriter:
    system = "wave"

    def __init__(self, client: WaveClient) -> None:
        self.client = client
        self.addresses: Mapping[str, Mapping[str, Any]] = {}  # record id -> address as read (set by push)

    @classmethod
    def from_config(cls, **overrides) -> WaveWriter:
        return cls(WaveClient.from_config(**overrides))

    @property
    def calls(self) -> int:
        return self.client.calls

    def stale(self, operations: list[Operation], marks: dict[str, object]) -> set[str]:
        by_business: dict[str, set[str]] = defaultdict(set)
        for op in operations:
            by_business[str(op.scope_id)].add(op.record_id)
        changed: set[str] = set()
        for business, ids in by_business.items():
            for page in self.client.customers(business, modified_after=marks.get(business)):
                changed |= {node["id"] for node in page} & ids
        return changed

    def send_all(self, operations: list[Operation], before_send: BeforeSend, after_send: AfterSend) -> None:
        for op in operations:  # one at a time: the rate limit, not our bookkeeping, sets the pace
            before_send([op])
            after_send([(op, self._send(op))])

    def _send(self, op: Operation) -> Outcome:
        if op.operation != "update":  # deactivation is not pushed into Wave (DESIGN.md section 6)
            return Outcome("rejected", error=f"wave customers take no {op.operation}")
        patch = {"id": op.record_id, **op.payload}
        if "address" in patch:
            patch["address"] = merge_address(self.addresses.get(op.record_id), patch["address"])
        try:
            customer, errors = self.client.patch_customer(patch)
        except WaveError as exc:
            return Outcome("failed", error=str(exc))
        if customer is None or errors:
            reasons = "; ".join(f"{'.'.join(map(str, e.get('path') or []))}: {e.get('message')}" for e in errors)
            return Outcome("rejected", error=f"Wave customerPatch inputErrors: {reasons}")
        return Outcome("succeeded", response_id=customer["id"])

    def close(self) -> None:
        self.client.close()
