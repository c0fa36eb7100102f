"""Wave writer: customerPatch with only the changed fields, checking didSucceed and inputErrors.

- A patch's `address` REPLACES the whole address (fields left out are cleared), so the changed address
  fields are laid over the address as extracted (merge_address), which the freshness check has just
  shown to be current, and the full address is sent.
- Optimistic locking without ETags: one `customers(modifiedAtAfter: <newest modifiedAt extraction
  read>)` query per business before sending (one page of 100 changes: one call in practice). A customer
  among the answers was edited after extraction: its operation is `stale`, skipped and recomputed next
  run, unless an earlier push already sent it (its outcome unknown after a crash) and the customer now
  holds exactly our values: then it succeeded, and is recorded so without a second patch.
- Patches go in batches of settings.WAVE_PUSH_BATCH: marked in_flight together, sent one after another,
  recorded together (a crash inside a batch leaves it in_flight, and the check above settles it next
  run, as for one patch). An authorisation refusal stops the system; the batch's unsent rest is pending
  again, its attempt not counted.
- customerPatch sets absolute values, so the client repeats it after a 5xx, a timeout or a dropped
  answer within the run (the one retry policy, pipelines/retry.py). A patch Wave refuses (didSucceed
  false, inputErrors, a GraphQL error about the input) is `rejected` with Wave's messages; the other
  operations carry on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from pipelines import settings
from pipelines.push.outbox import Operation
from pipelines.push.writer import AfterSend, BeforeSend, Outcome
from pipelines.wave.client import (
    WaveAuthError,
    WaveClient,
    WaveGraphQLError,
    WaveTransportError,
    address_input,
    merge_address,
)


class WaveWriter:
    system = "wave"

    def __init__(self, client: WaveClient) -> None:
        self.client = client
        self.addresses: dict[str, dict[str, Any]] = {}  # record id -> address as extracted (Wave's read shape)
        self._confirmed: set[str] = set()

    @classmethod
    def from_config(cls, **overrides: Any) -> WaveWriter:
        return cls(WaveClient.from_config(**overrides))

    @property
    def calls(self) -> int:
        return self.client.calls

    def prepare(self, con: duckdb.DuckDBPyConnection, operations: list[Operation]) -> None:
        """Read the extracted address of every customer whose patch changes part of it."""
        ids = [op.record_id for op in operations if op.record_id and "address" in op.payload]
        if not ids or not con.execute("select count(*) from information_schema.tables where table_schema = "
                                      "'raw_wave' and table_name = 'customers'").fetchone()[0]:
            return
        rows = con.execute("""
            select id, address_line1, address_line2, city, province_code, country_code, postal_code
            from raw_wave.customers where list_contains(?, id)""", [ids]).fetchall()
        self.addresses.update({
            rid: {"addressLine1": a1, "addressLine2": a2, "city": city, "province": {"code": province},
                  "country": {"code": country}, "postalCode": postal}
            for rid, a1, a2, city, province, country, postal in rows
        })

    def stale(self, operations: list[Operation], marks: dict[str, object]) -> set[str]:
        by_business: dict[str, list[Operation]] = {}
        for op in operations:
            by_business.setdefault(str(op.scope_id), []).append(op)
        stale: set[str] = set()
        for business, ops in by_business.items():
            since = marks.get(business) or min((op.base_version for op in ops if op.base_version), default=None)
            if since is None:
                continue  # nothing tells how far extraction read: no check possible (and no delta either)
            changed = {node["id"]: node for page in self.client.customers(business, modified_after=since)
                       for node in page if isinstance(node, dict) and node.get("id")}
            for op in ops:
                node = changed.get(op.record_id)
                if node is None:
                    continue
                if op.attempts > 0 and holds(node, op.payload):
                    self._confirmed.add(op.id)  # our own earlier patch, applied before a crash
                else:
                    stale.add(op.record_id)
        return stale

    def send_all(self, operations: list[Operation], before_send: BeforeSend, after_send: AfterSend) -> None:
        confirmed = [op for op in operations if op.id in self._confirmed]
        if confirmed:
            after_send([(op, Outcome("succeeded", response_id=op.record_id)) for op in confirmed])
        pending = [op for op in operations if op.id not in self._confirmed]
        for start in range(0, len(pending), settings.WAVE_PUSH_BATCH):
            batch = pending[start:start + settings.WAVE_PUSH_BATCH]
            before_send(batch)
            results: list[tuple[Operation, Outcome]] = []
            try:
                for op in batch:
                    results.append((op, self._send(op)))
            except WaveAuthError as exc:  # refused at the door: this patch and the rest never applied
                unsent = batch[len(results):]
                after_send(results + [(op, Outcome("deferred", error=f"not sent: {exc}")) for op in unsent])
                raise
            after_send(results)

    def patch_body(self, op: Operation) -> dict[str, Any]:
        """The CustomerPatchInput: the changed fields, with a changed address completed from the extracted one."""
        patch = {"id": op.record_id, **op.payload}
        if "address" in patch:
            if op.record_id not in self.addresses:  # not extracted (yet): read it, one call
                current = self.client.customer(str(op.scope_id), op.record_id) or {}
                self.addresses[op.record_id] = current.get("address") or {}
            patch["address"] = merge_address(self.addresses[op.record_id], patch["address"])
        return patch

    def _send(self, op: Operation) -> Outcome:
        if op.operation != "update":  # deactivation is not pushed into Wave (DESIGN.md section 6)
            return Outcome("rejected", error=f"wave customers take no {op.operation}")
        try:
            patch = self.patch_body(op)
        except (ValueError, WaveGraphQLError) as exc:
            return Outcome("rejected", error=str(exc))
        except WaveTransportError as exc:
            return Outcome("failed", error=str(exc))
        try:
            customer, errors = self.client.patch_customer(patch)
        except WaveAuthError:
            raise  # every other request would fail the same way: stop this system, keep the rows
        except WaveTransportError as exc:  # the client's retries are used up: the next push resends it
            return Outcome("failed", error=str(exc))
        except WaveGraphQLError as exc:  # the input itself (or an unknown customer): not transient
            return Outcome("rejected", error=str(exc))
        if customer is None or errors:
            reasons = "; ".join(f"{'.'.join(map(str, e.get('path') or [])) or 'input'}: {e.get('message')}"
                                for e in errors) or "didSucceed false"
            return Outcome("rejected", error=f"Wave customerPatch refused: {reasons}", fields=blamed_fields(errors))
        return Outcome("succeeded", response_id=customer.get("id") or op.record_id)

    def close(self) -> None:
        self.client.close()


def blamed_fields(errors: list[dict[str, Any]]) -> tuple[str, ...]:
    """The fields inputErrors blame, as paths without the leading "input" (["input", "address",
    "countryCode"] -> "address.countryCode"); an error without a path blames nothing."""
    fields = []
    for error in errors:
        path = [str(part) for part in error.get("path") or []]
        if path and path[0] == "input":
            path = path[1:]
        if path and ".".join(path) not in fields:
            fields.append(".".join(path))
    return tuple(fields)


def _same(have: Any, wanted: Any) -> bool:
    if isinstance(have, str) or isinstance(wanted, str):
        return str(have or "").strip() == str(wanted or "").strip()
    return have == wanted


def holds(node: Mapping[str, Any], payload: Mapping[str, Any]) -> bool:
    """Does the customer (as Customers returns it) carry every value of the patch payload?"""
    for key, wanted in payload.items():
        if key == "address":
            have = address_input(node.get("address"))
            if not all(_same(have.get(k), v) for k, v in (wanted or {}).items()):
                return False
        elif key == "currency":
            if not _same((node.get("currency") or {}).get("code"), wanted):
                return False
        elif not _same(node.get(key), wanted):
            return False
    return True
