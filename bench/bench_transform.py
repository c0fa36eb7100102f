"""Transform benchmark: full run over N customers per system, then an incremental run after 1% edits.

    python bench/bench_transform.py [--rows 100000] [--db path] [--changed 0.01] [--memory-limit 8GB]

`make bench` runs the default 100,000 per system; the issue's 1,000,000 is `--rows 1000000`.

Raw tables are generated directly in DuckDB SQL (range() + hashing), shaped per the raw-layer
contract; every customer exists in all three systems (Exact and CustomPMS share the VAT number,
Wave and Exact the email), so identity links them into one cluster each. Prints wall times, peak
memory (max RSS) and the incremental/full ratio (goal: under 0.10).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.models.rawschema import create_raw  # noqa: E402
from pipelines.models.runner import run_models  # noqa: E402

GENERATE = {
    "raw_exact.accounts": """
        select lower(md5('acc' || i)) as id, 1 as division, i as timestamp, 'Company ' || i as name,
               lpad('C' || i, 18, ' ') as code, 'c' || i || '@example.com' as email,
               '+31 20 ' || (i % 9999999) as phone,
               null as fax, null as website, 'NL' || lpad(cast(i as varchar), 9, '0') || 'B01' as vat_number,
               null as chamber_of_commerce, 'Street ' || (i % 500) as address_line1, null as address_line2,
               null as address_line3, lpad(cast(i % 9999 as varchar), 4, '0') || 'AB' as postcode,
               'City ' || (i % 300) as city, null as state, 'NL' as country, null as remarks,
               false as blocked,
               'C' as status, '/Date(1700000000000)/' as created,
               '/Date(' || (1700000000000 + i) || ')/' as modified,
               now() as _extracted_at
        from range({n}) as t(i)""",
    "raw_wave.customers": """
        select 'wave' || i as id, 'biz1' as business_id, 'Company ' || i as name, 'Ann' as first_name,
               'Lee' || (i % 100) as last_name, 'W' || i as display_id, 'c' || i || '@example.com' as email,
               null as mobile, '+31 20 ' || (i % 9999999) as phone, null as fax, null as website,
               null as internal_notes, 'EUR' as currency_code, 'Street ' || (i % 500) as address_line1,
               null as address_line2, 'City ' || (i % 300) as city, null as province_code,
               'NL' as country_code,
               lpad(cast(i % 9999 as varchar), 4, '0') || 'AB' as postal_code,
               '2023-11-14T22:13:20.000Z' as created_at,
               strftime(timestamp '2023-11-14 22:13:20' + to_milliseconds(i), '%Y-%m-%dT%H:%M:%S.%gZ')
                   as modified_at,
               false as is_archived, now() as _extracted_at
        from range({n}) as t(i)""",
    "raw_custompms.customers": """
        select 'cus_' || i as id, 1 as version, 'Company ' || i as name, 'organisation' as kind, null as code,
               null as email, null as phone, null as mobile, null as fax, null as website, null as notes,
               'NL' || lpad(cast(i as varchar), 9, '0') || 'B01' as vat_number, null as registration_number,
               'EUR' as currency, null as address_line1, null as address_line2, null as address_line3,
               null as postal_code, null as city, null as region, 'NL' as country, null as contact_first_name,
               null as contact_last_name, true as active, null as external_refs,
               '2023-11-14T22:13:20.000Z' as created_at, '2023-11-14T22:13:20.000Z' as updated_at,
               false as deleted, now() as _extracted_at
        from range({n}) as t(i)""",
}

CHANGE = {  # a later version of 1% of the records: one property edited
    "raw_exact.accounts": (
        "phone = '+31 30 ' || i, modified = '/Date(1800000000000)/', timestamp = timestamp + {n}",
        "lower(md5('acc' || i))",
    ),
    "raw_wave.customers": ("city = 'Moved ' || i, modified_at = '2027-01-01T00:00:00.000Z'", "'wave' || i"),
    "raw_custompms.customers": (
        "notes = 'Note ' || i, version = 2, updated_at = '2027-01-02T00:00:00.000Z'",
        "'cus_' || i",
    ),
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(con: duckdb.DuckDBPyConnection, n: int) -> None:
    create_raw(con)
    for table, sql in GENERATE.items():
        con.execute(f"insert into {table} by name {sql.format(n=n)}")
        con.execute(f"insert into {table}_history by name select * from {table}")


def change(con: duckdb.DuckDBPyConnection, n: int, share: float) -> int:
    step = max(1, round(1 / share))
    for table, (assignments, key) in CHANGE.items():
        key_col = "id"
        con.execute(f"""
            update {table} set {assignments.format(n=n)}, _extracted_at = now()
            from range(0, {n}, {step}) as t(i) where {table}.{key_col} = {key}""")
        con.execute(f"""
            insert into {table}_history by name
            select c.* from {table} as c where c._extracted_at = (select max(_extracted_at) from {table})""")
    return len(range(0, n, step))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000, help="customers per system")
    parser.add_argument("--memory-limit", default="8GB", help="DuckDB memory_limit (it spills to disk past it)")
    parser.add_argument("--changed", type=float, default=0.01, help="share of records edited before run 2")
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        con = duckdb.connect(str(db), config={"memory_limit": args.memory_limit})
        started = time.perf_counter()
        generate(con, args.rows)
        print(f"generate   {args.rows:>9,} customers x 3 systems  {time.perf_counter() - started:8.2f} s")
        started = time.perf_counter()
        run_models(con)
        full = time.perf_counter() - started
        print(f"full       {full:8.2f} s   peak {peak_mb():8.0f} MB")
        edited = change(con, args.rows, args.changed)
        started = time.perf_counter()
        results = run_models(con)
        incremental = time.perf_counter() - started
        print(
            f"incremental ({edited:,} records edited per system) {incremental:8.2f} s"
            f"   peak {peak_mb():8.0f} MB"
        )
        print(f"ratio incremental/full = {incremental / full:.3f}  (goal < 0.10)")
        slow = sorted(results, key=lambda r: -r.seconds)[:5]
        print("slowest incremental models: " + ", ".join(f"{r.name} {r.seconds:.2f}s" for r in slow))
        ops = con.execute(
            "select operation, count(*) from delta.operations group by all order by all"
        ).fetchall()
        print(f"operations after the incremental run: {ops}")
        con.close()


if __name__ == "__main__":
    main()
