"""The push stage across systems: each system pushes on its own thread, so a slow one (Exact's 60 calls a
minute) holds back no other."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from pushkit import DIV, set_deltas, statuses, update_op  # noqa: E402


def test_a_slow_system_holds_back_no_other(emu):
    accounts = emu.land_exact()
    customers = emu.land_wave()
    exact_ids, wave_ids = list(accounts)[:2], list(customers)[:3]
    set_deltas(emu.db, [
        *(update_op("exact", i, {"Phone": f"+31 20 555 000{n}"}, scope=DIV, base_version=accounts[i]["_ts"])
          for n, i in enumerate(exact_ids)),
        *(update_op("wave", i, {"website": f"https://site{n}.example"}, scope=customers[i]["business_id"],
                    base_version=customers[i]["modifiedAt"]) for n, i in enumerate(wave_ids)),
    ])
    wave_done = threading.Event()
    patched: list[str] = []
    patch = emu.wave.patch_customer

    def counted_patch(customer_id, *args, **kwargs):
        result = patch(customer_id, *args, **kwargs)
        patched.append(customer_id)
        if len(patched) == len(wave_ids):
            wave_done.set()
        return result

    emu.wave.patch_customer = counted_patch
    waited: list[bool] = []

    class HeldPuts(httpx.HTTPTransport):
        """Exact as slow as it gets: each PUT waits until Wave's patches are all applied (or 30 s)."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "PUT":
                waited.append(wave_done.wait(timeout=30))
            return super().handle_request(request)

    # Exact is listed first: pushed one system after another, Wave would wait for Exact's last PUT
    run = emu.push(("exact", "wave"), exact={"transport": HeldPuts()})
    assert waited == [True, True], "Exact's PUTs waited for Wave's patches that never came"
    assert statuses(emu.db) == {"succeeded": 5} and not run.problems, run.problems
    assert run.ops == {"sent": 5, "succeeded": 5, "failed": 0, "skipped": 0}
    assert set(run.api_calls) == {"exact", "wave"}
