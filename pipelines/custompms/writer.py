"""CustomPMS writer: creates with an Idempotency-Key, PATCHes with If-Match, bounded concurrency.

CustomPMS has versions, so optimistic locking needs no extra call: a PATCH carries the version the
delta was computed from and a 412 means a person edited the customer since; the row is skipped as
stale and recomputed next run.
"""

from __future__ import annotations

import asyncio

from pipelines.custompms.client import (
    BadRequest,
    CustomPMSClient,
    CustomPMSError,
    IdempotencyConflict,
    NotFound,
    ValidationFailed,
    VersionMismatch,
)
from pipelines.push.outbox import Operation
from pipelines.push.writer import AfterSend, BeforeSend, Outcome

REJECTED = (ValidationFailed, BadRequest, IdempotencyConflict, NotFound)
BATCH_PER_SLOT = 8


class CustomPMSWriter:
    system = "custompms"

    def __init__(self, client: CustomPMSClient) -> None:
        self.client = client

    @classmethod
    def from_config(cls, **overrides) -> CustomPMSWriter:
        return cls(CustomPMSClient.from_config(**overrides))

    @property
    def calls(self) -> int:
        return self.client.total_calls

    def stale(self, operations: list[Operation], marks: dict[str, object]) -> set[str]:
        return set()  # If-Match does it per request, for free

    def send_all(self, operations: list[Operation], before_send: BeforeSend, after_send: AfterSend) -> None:
        asyncio.run(self._send_all(operations, before_send, after_send))

    async def _send_all(self, operations: list[Operation], before_send: BeforeSend, after_send: AfterSend) -> None:
        # Batches of BATCH_PER_SLOT x max_concurrency: marked in_flight together, sent with the client's
        # semaphore bounding the requests in flight, recorded together. The bookkeeping then costs two
        # commits per batch instead of two per operation.
        size = max(1, self.client.max_concurrency * BATCH_PER_SLOT)
        try:
            for start in range(0, len(operations), size):
                batch = operations[start:start + size]
                before_send(batch)
                outcomes = await asyncio.gather(*(self._send(op) for op in batch))
                after_send(list(zip(batch, outcomes)))
        finally:
            await self.client.aclose()

    async def _send(self, op: Operation) -> Outcome:
        try:
            if op.operation == "create":
                created = await self.client.acreate_customer(op.payload, idempotency_key=op.idempotency_key)
                return Outcome("succeeded", response_id=created["id"])
            version = int(op.base_version) if op.base_version else None
            updated = await self.client.apatch_customer(op.record_id, op.payload, if_match_version=version)
            return Outcome("succeeded", response_id=updated["id"])
        except VersionMismatch:
            return Outcome("stale", error="edited in CustomPMS since extraction (412)")
        except REJECTED as exc:
            return Outcome("rejected", error=str(exc))
        except CustomPMSError as exc:
            return Outcome("failed", error=str(exc))

    def close(self) -> None:
        self.client.close()
