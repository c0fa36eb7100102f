"""The floor of a no-op sync (run by bench_noop.py): start Python, open the DuckDB state file, make the
API calls a sync with nothing to do makes, and exit. Nothing is parsed beyond what the next request
needs and nothing is written.

    .venv/bin/python bench/noop_floor.py --db STATE.duckdb --token-file TOKENS.json \
        --exact URL --wave URL --custompms URL

The calls, written from the API references with the cursors read from the state file's raw tables:
Exact system/Divisions, then per division sync/CRM/Accounts and sync/Deleted (`Timestamp gt` the
highest seen) and hrm/Departments (`Modified ge` the newest seen minus the source's overlap); Wave the
business list, then per business the customers modified after the newest seen minus the overlap
window (page by page, as they come); CustomPMS the customers updated since the newest seen minus
1 ms. Prints the number of calls per system as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines import settings  # noqa: E402  (constants only: page sizes, sandbox credentials)

ACCOUNTS = "ID,Timestamp,Division,Name,Code,Email,Phone,Fax,Website,VATNumber,ChamberOfCommerce,AddressLine1," \
           "AddressLine2,AddressLine3,Postcode,City,State,Country,Remarks,Blocked,Status,Created,Modified"
DIVISIONS = "Code,Description,Status,Email,Phone,Fax,Website,VATNumber,ChamberOfCommerceNumber,AddressLine1," \
            "AddressLine2,AddressLine3,Postcode,City,State,Country,Currency,Created,Modified,DivisionMoveDate"
DELETED = "EntityKey,EntityType,DeletedDate,Timestamp,Division,ID"
DEPARTMENTS = "ID,Division,Code,Description,Notes,Created,Modified"
NODE = ("id name firstName lastName displayId email mobile phone fax website internalNotes currency { code } "
        "address { addressLine1 addressLine2 city province { code } country { code } postalCode } "
        "createdAt modifiedAt isArchived")
BUSINESSES = "query($page: Int!, $pageSize: Int!) { businesses(page: $page, pageSize: $pageSize) { " \
             "pageInfo { totalPages } edges { node { id name currency { code } modifiedAt } } } }"
CUSTOMERS = ("query($businessId: ID!, $page: Int!, $pageSize: Int!, $after: DateTime) { business(id: $businessId) "
             "{ id customers(page: $page, pageSize: $pageSize, sort: [MODIFIED_AT_DESC], modifiedAtAfter: $after) "
             "{ pageInfo { totalCount } edges { node { " + NODE + " } } } } }")


def cursors(db: Path) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        def rows(sql: str) -> list:
            return con.execute(sql).fetchall()

        return {
            "divisions": [code for (code,) in rows("select code from raw_exact.divisions order by code")],
            "accounts": dict(rows("select division, max(timestamp) from raw_exact.accounts group by 1")),
            "deleted": dict(rows("select division, max(timestamp) from raw_exact.deleted group by 1")),
            "departments": dict(rows("select division, max(regexp_extract(modified, '\\d+')::bigint) "
                                     "from raw_exact.departments group by 1")),
            "wave": dict(rows("select business_id, max(modified_at::timestamptz) from raw_wave.customers group by 1")),
            "custompms": rows("select max(updated_at::timestamptz) from raw_custompms.customers")[0][0],
        }


def exact(url: str, token_file: Path, marks: dict) -> int:
    token = json.loads(token_file.read_text())["access_token"]
    calls = 0
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"}) as http:
        def get(path: str, params: dict) -> None:
            nonlocal calls
            calls += 1
            http.get(path, params=params).raise_for_status().json()

        get(f"/api/v1/{marks['divisions'][0]}/system/Divisions", {"$select": DIVISIONS})
        for code in marks["divisions"]:
            get(f"/api/v1/{code}/sync/CRM/Accounts",
                {"$filter": f"Timestamp gt {marks['accounts'].get(code) or 0}L", "$select": ACCOUNTS})
            get(f"/api/v1/{code}/sync/Deleted", {"$filter": f"Timestamp gt {marks['deleted'].get(code) or 0}L and "
                                                 f"EntityType eq {settings.EXACT_ACCOUNT_ENTITY_TYPE}",
                                                 "$select": DELETED})
            since = datetime.fromtimestamp(((marks["departments"].get(code) or 0) - 600_000) / 1000, UTC)
            stamp = since.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
            get(f"/api/v1/{code}/hrm/Departments",
                {"$select": DEPARTMENTS, "$filter": f"Modified ge datetime'{stamp}'"})
    return calls


def wave(url: str, marks: dict) -> int:
    calls = 0
    with httpx.Client(headers={"Authorization": f"Bearer {settings.SANDBOX_WAVE_TOKEN}"}) as http:
        def post(query: str, variables: dict) -> dict:
            nonlocal calls
            calls += 1
            return http.post(url, json={"query": query, "variables": variables}).raise_for_status().json()["data"]

        businesses = post(BUSINESSES, {"page": 1, "pageSize": settings.WAVE_PAGE_SIZE})["businesses"]["edges"]
        for edge in businesses:
            business_id = edge["node"]["id"]
            newest = marks["wave"].get(business_id)
            after = None
            if newest is not None:
                moment = (newest - timedelta(seconds=settings.WAVE_OVERLAP_SECONDS)).astimezone(UTC)
                after = moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
            page = 1
            while True:
                variables = {"businessId": business_id, "page": page, "pageSize": settings.WAVE_PAGE_SIZE,
                             "after": after}
                customers = post(CUSTOMERS, variables)["business"]["customers"]
                if page * settings.WAVE_PAGE_SIZE >= customers["pageInfo"]["totalCount"] or not customers["edges"]:
                    break
                page += 1
    return calls


def custompms(url: str, marks: dict) -> int:
    newest = marks["custompms"]
    params = {"limit": str(settings.CUSTOMPMS_PAGE_SIZE), "include_deleted": "true"}
    if newest is not None:
        since = (newest - timedelta(milliseconds=1)).astimezone(UTC)
        params["updated_since"] = since.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    calls = 0
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {settings.SANDBOX_CUSTOMPMS_KEY}"}) as http:
        cursor = None
        while True:
            calls += 1
            body = http.get("/api/v1/customers", params=params | ({"cursor": cursor} if cursor else {}))
            cursor = body.raise_for_status().json().get("next_cursor")
            if not cursor:
                return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("--db", "--token-file", "--exact", "--wave", "--custompms"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    marks = cursors(Path(args.db))
    calls = {"exact": exact(args.exact, Path(args.token_file), marks), "wave": wave(args.wave, marks),
             "custompms": custompms(args.custompms, marks)}
    print(json.dumps(calls))


if __name__ == "__main__":
    main()
