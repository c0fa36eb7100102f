"""Exact extraction benchmark: the dlt pipeline against a plain httpx loop fetching the same pages.

    .venv/bin/python -m bench.bench_extract_exact --accounts 100000 --divisions 1 --speed 60

Both sides run against the same seeded emulator (in this process, on a free port) and both respect
the 60-calls-a-minute window (the clock is sped up so a window lasts 60/speed real seconds). The
goal: pipeline time <= 1.5 x the plain loop. A second pipeline run with no changes must cost one call
per endpoint per division plus one system/Divisions call. `measure()` is importable by bench_extract.py.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import dlt
import httpx

from pipelines import settings
from pipelines.exact.client import ACCOUNT_FIELDS, ExactClient
from pipelines.exact.source import exact_source
from pipelines.sandbox.common import Clock, ServerThread
from pipelines.sandbox.exact import ExactStore, create_app


def seed(accounts: int, divisions: int) -> dict:
    codes = [101 + n for n in range(divisions)]
    return {
        "divisions": [{"Code": code, "Description": f"Division {code}", "Status": 1} for code in codes],
        "accounts": {
            code: [
                {
                    "Name": f"Account {code}-{i}",
                    "Code": f"C{i:06d}",
                    "Email": f"a{i}@example.com",
                    "City": "Amsterdam",
                    "Country": "NL",
                    "Phone": "+31 20 555 0000",
                }
                for i in range(accounts)
            ]
            for code in codes
        },
        "departments": {code: [{"Code": "D01", "Description": "Sales"}] for code in codes},
    }


def plain_loop(base_url: str, token: str, divisions: list[int], clock: Clock) -> tuple[float, int, int]:
    """The floor: GET + json() per page, following __next, waiting out the minute window."""
    started, rows, calls = time.perf_counter(), 0, 0
    with httpx.Client(
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"}, timeout=60
    ) as http:
        for division in divisions:
            url: str | None = (
                f"{base_url}/api/v1/{division}/sync/CRM/Accounts?$filter=Timestamp gt 0L"
                f"&$select={','.join(ACCOUNT_FIELDS)}"
            )
            while url:
                response = http.get(url)
                calls += 1
                if response.headers.get("X-RateLimit-Minutely-Remaining") == "0":
                    reset = float(response.headers["X-RateLimit-Minutely-Reset"]) / 1000
                    clock.sleep(reset - clock.now() + 0.05)
                response.raise_for_status()
                body = response.json()["d"]
                rows += len(body["results"])
                following = body.get("__next")
                url = str(httpx.URL(url).join(following)) if following else None
    return time.perf_counter() - started, rows, calls


def measure(accounts: int = 100_000, divisions: int = 1, speed: float = 60.0) -> dict:
    clock = Clock(speed=speed)
    store = ExactStore(clock)
    store.load_seed(seed(accounts, divisions))
    server = ServerThread(create_app(store, clock=clock)).start()
    codes = [101 + n for n in range(divisions)]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)

            def client() -> ExactClient:
                return ExactClient(
                    server.url,
                    settings.SANDBOX_EXACT_CLIENT_ID,
                    settings.SANDBOX_EXACT_CLIENT_SECRET,
                    settings.SANDBOX_EXACT_REFRESH_TOKEN,
                    work / "tokens.json",
                    clock=clock,
                )

            warm = client()
            warm.current_division()  # gets (and persists) a token pair outside the timings
            clock.sleep(61)  # a fresh minute window for the loop
            plain_s, plain_rows, plain_calls = plain_loop(server.url, warm._tokens.access_token, codes, clock)
            clock.sleep(61)

            pipeline = dlt.pipeline(
                pipeline_name="bench_exact",
                destination=dlt.destinations.duckdb(str(work / "bench.duckdb")),
                dataset_name="raw_exact",
                pipelines_dir=str(work / "dlt"),
            )
            first = exact_source(
                base_url=server.url,
                token_file=str(work / "tokens.json"),
                credentials={"client_id": "-", "client_secret": "-"},
                client=client(),
            )
            started = time.perf_counter()
            pipeline.run(first)
            pipeline_s = time.perf_counter() - started
            second = exact_source(
                base_url=server.url,
                token_file=str(work / "tokens.json"),
                credentials={"client_id": "-", "client_secret": "-"},
                client=client(),
            )
            started = time.perf_counter()
            pipeline.run(second)
            second_s = time.perf_counter() - started
            return {
                "accounts_per_division": accounts,
                "divisions": divisions,
                "clock_speed": speed,
                "plain_loop_s": round(plain_s, 2),
                "plain_rows": plain_rows,
                "plain_calls": plain_calls,
                "pipeline_s": round(pipeline_s, 2),
                "ratio": round(pipeline_s / plain_s, 2),
                "first_run_calls": {str(k): v for k, v in first.client.calls.items()},
                "second_run_s": round(second_s, 2),
                "second_run_calls": {str(k): v for k, v in second.client.calls.items()},
                "schedule_waited_s": round(first.client.schedule.waited_s, 1),
            }
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--divisions", type=int, default=1)
    parser.add_argument("--speed", type=float, default=60.0)
    args = parser.parse_args()
    print(json.dumps(measure(args.accounts, args.divisions, args.speed), indent=2))


if __name__ == "__main__":
    main()
