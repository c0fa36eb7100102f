"""Transform benchmark: the product's models against a bare reference query, full and incremental.

    python bench/bench_transform.py [--rows 100000] [--repeat 3] [--changed 0.01] [--memory-limit 3GB]

`make bench` runs the default 100,000 customers per system; the issue's 1,000,000 is `--rows 1000000`.

Raw tables are generated directly in DuckDB SQL (range() + hashing), shaped per the raw-layer
contract; every customer exists in all three systems (Exact and CustomPMS share the VAT number,
Wave and Exact the email), so identity links them into one cluster each. Each repeat, on fresh data:

1. full: every model, from nothing (`run_models`);
2. bare: the simplest correct SQL for the golden values on the same raw tables (REFERENCE below:
   wide rows, one window over each record's versions, the VAT link, the latest non-empty change per
   cluster and property), timed; then, untimed, a check that the product's golden value of every
   record's cluster equals the reference's (a mismatch fails the benchmark);
3. `--changed` of the records of each system get a later version with one property edited;
4. incremental: every model again; then the same equality check on the edited data.

Each phase runs in a fresh child process on the same DuckDB file with the same settings, so every
phase starts equally cold and its peak RSS (the child's ru_maxrss) is its own. Printed: the medians
of the repeats, full/bare and incremental/full (each repeat's ratio from its own side-by-side
measurements, then the median) with their goals, the same for the phases' CPU seconds (on a machine
shared with other work the wall times move with its load, CPU time much less), peak RSS, and the
slowest models.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.models.rawschema import create_raw  # noqa: E402
from pipelines.models.runner import run_models  # noqa: E402

GOAL_FULL_OVER_BARE = 2.5
GOAL_INCREMENTAL_OVER_FULL = 0.05
GOAL_PEAK_MB_AT_1M = 6 * 1024

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

PROPERTIES = [
    "name", "code", "email", "phone", "mobile", "fax", "website", "notes", "vat_number", "registration_number",
    "currency", "address_line1", "address_line2", "address_line3", "postal_code", "city", "region", "country",
    "contact_first_name", "contact_last_name", "active",
]  # fmt: skip

# The bare reference, in two statements (the second reads the first's temp table). Versions are the
# raw history rows mapped to canonical columns (the normalisations the product's staging applies);
# {changes} and {current} expand to one expression per property.
REFERENCE_RECORDS = r"""
create or replace temp table ref_records as
with versions as (
    select
        'exact' as system, 'accounts' as entity, lower(id) as record_id,
        to_timestamp(try_cast(regexp_extract(modified, '/Date\((-?\d+)', 1) as bigint) / 1000) as modified_at,
        _extracted_at,
        nullif(trim(name), '') as name, nullif(trim(code), '') as code, nullif(lower(trim(email)), '') as email,
        nullif(trim(phone), '') as phone, null as mobile, nullif(trim(fax), '') as fax,
        nullif(trim(website), '') as website, nullif(trim(remarks), '') as notes,
        nullif(upper(regexp_replace(vat_number, '[^A-Za-z0-9]', '', 'g')), '') as vat_number,
        nullif(upper(regexp_replace(chamber_of_commerce, '[^A-Za-z0-9]', '', 'g')), '') as registration_number,
        null as currency, nullif(trim(address_line1), '') as address_line1,
        nullif(trim(address_line2), '') as address_line2, nullif(trim(address_line3), '') as address_line3,
        nullif(trim(postcode), '') as postal_code, nullif(trim(city), '') as city, nullif(trim(state), '') as region,
        nullif(upper(trim(country)), '') as country, null as contact_first_name, null as contact_last_name,
        cast(not coalesce(blocked, false) as varchar) as active
    from raw_exact.accounts_history
    union all
    select
        'wave', 'customers', id, try_cast(modified_at as timestamptz), _extracted_at,
        nullif(trim(name), ''), nullif(trim(display_id), ''), nullif(lower(trim(email)), ''),
        nullif(trim(phone), ''), nullif(trim(mobile), ''), nullif(trim(fax), ''), nullif(trim(website), ''),
        nullif(trim(internal_notes), ''), null, null, nullif(upper(trim(currency_code)), ''),
        nullif(trim(address_line1), ''), nullif(trim(address_line2), ''), null, nullif(trim(postal_code), ''),
        nullif(trim(city), ''), nullif(regexp_replace(upper(trim(province_code)), '^[A-Z]{2}-', ''), ''),
        nullif(upper(trim(country_code)), ''), nullif(trim(first_name), ''), nullif(trim(last_name), ''),
        cast(not coalesce(is_archived, false) as varchar)
    from raw_wave.customers_history
    union all
    select
        'custompms', 'customers', id, try_cast(updated_at as timestamptz), _extracted_at,
        nullif(trim(name), ''), nullif(trim(code), ''), nullif(lower(trim(email)), ''), nullif(trim(phone), ''),
        nullif(trim(mobile), ''), nullif(trim(fax), ''), nullif(trim(website), ''), nullif(trim(notes), ''),
        nullif(upper(regexp_replace(vat_number, '[^A-Za-z0-9]', '', 'g')), ''),
        nullif(upper(regexp_replace(registration_number, '[^A-Za-z0-9]', '', 'g')), ''),
        nullif(upper(trim(currency)), ''), nullif(trim(address_line1), ''), nullif(trim(address_line2), ''),
        nullif(trim(address_line3), ''), nullif(trim(postal_code), ''), nullif(trim(city), ''),
        nullif(trim(region), ''), nullif(upper(trim(country)), ''), nullif(trim(contact_first_name), ''),
        nullif(trim(contact_last_name), ''), cast(coalesce(active, true) as varchar)
    from raw_custompms.customers_history
),

changes as (
    -- one window over each record's versions: a property changes where it differs from the one before
    select system, entity, record_id, row_number() over w as seq, {changes}
    from versions
    window w as (partition by system, entity, record_id order by modified_at asc nulls first, _extracted_at)
),

current_records as (
    select system, entity, record_id, {current}
    from changes
    group by system, entity, record_id
),

emails as (
    -- Wave has no VAT number: it meets the others through the email of a record that has one
    select email, min(vat_number) as vat_number
    from current_records
    where vat_number is not null and email is not null
    group by email
)

select
    r.*,
    coalesce(r.vat_number, e.vat_number, r.system || ':' || r.record_id) as cluster_key
from current_records as r
left join emails as e on r.vat_number is null and e.email = r.email
"""

REFERENCE_GOLDEN = """
create or replace temp table ref_golden as
with current_values as (
    select cluster_key, system, entity, record_id, unnest([{unpivot}], recursive := true)
    from ref_records
)

select cluster_key, property, value
from current_values
where value is not null
qualify row_number() over (
    partition by cluster_key, property
    order by changed_at desc nulls last,
        case system when 'custompms' then 1 when 'exact' then 2 when 'wave' then 3 end, system, entity, record_id
) = 1
"""

# Per record, a hash of its cluster's golden values, on both sides; the records that differ.
GOLDEN_CHECK = """
with product as (
    select l.system, l.entity, l.record_id,
           md5(string_agg(p.property || '=' || p.value, '|' order by p.property)) as golden
    from sync.links as l
    inner join golden.cluster_properties as p on p.cluster_id = l.cluster_id
    where l.unlinked_at is null
    group by all
),

reference as (
    select r.system, r.entity, r.record_id,
           md5(string_agg(g.property || '=' || g.value, '|' order by g.property)) as golden
    from ref_records as r
    inner join ref_golden as g on g.cluster_key = r.cluster_key
    group by all
)

select system, entity, record_id, p.golden as product, r.golden as reference
from product as p
full join reference as r using (system, entity, record_id)
where p.golden is distinct from r.golden
order by all
"""


def reference_sql() -> tuple[str, str]:
    changes = ", ".join(
        f"{p}, case when row_number() over w = 1 or {p} is distinct from lag({p}) over w then modified_at end"
        f" as {p}_changed"
        for p in PROPERTIES
    )
    current = ", ".join(f"arg_max_null({p}, seq) as {p}, max({p}_changed) as {p}_changed_at" for p in PROPERTIES)
    unpivot = ", ".join(
        f"{{'property': '{p}', 'value': {p}, 'changed_at': {p}_changed_at}}" for p in PROPERTIES
    )
    return (
        REFERENCE_RECORDS.replace("{changes}", changes).replace("{current}", current),
        REFERENCE_GOLDEN.replace("{unpivot}", unpivot),
    )


def generate(con: duckdb.DuckDBPyConnection, n: int) -> None:
    create_raw(con)
    for table, sql in GENERATE.items():  # as a load lands them: the history; `table` is its current view
        con.execute(f"insert into {table}_history by name {sql.format(n=n)}")


def change(con: duckdb.DuckDBPyConnection, n: int, share: float) -> int:
    step = max(1, round(1 / share))
    for table, (assignments, key) in CHANGE.items():
        con.execute(f"""
            create or replace temp table changed as
            select c.*, t.i from {table} as c inner join range(0, {n}, {step}) as t(i) on c.id = {key}""")
        con.execute(f"update changed set {assignments.format(n=n)}, _extracted_at = now()")
        con.execute(f"insert into {table}_history by name select * exclude (i) from changed")
    return len(range(0, n, step))


# ---------------------------------------------------------------------- phases (child processes)


def connect(args: argparse.Namespace) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(args.db), config={"memory_limit": args.memory_limit})


def cpu_seconds() -> float:
    """This process's CPU time (all its threads): beside the wall time, a figure other programs on a
    shared machine barely move."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def phase_transform(args: argparse.Namespace) -> dict:
    con = connect(args)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    results = run_models(con)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    operations = con.execute("select operation, count(*) from delta.operations group by all order by all").fetchall()
    con.close()
    slowest = sorted(results, key=lambda r: -r.seconds)[:6]
    return {
        "seconds": seconds,
        "cpu": cpu,
        "slowest": [(r.name, r.seconds) for r in slowest],
        "operations": operations,
    }


def phase_bare(args: argparse.Namespace) -> dict:
    con = connect(args)
    records, golden = reference_sql()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    con.execute(records)
    con.execute(golden)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    mismatches = con.execute(GOLDEN_CHECK).fetchall()
    checked = con.execute("select count(*) from ref_records").fetchone()[0]
    con.close()
    return {
        "seconds": seconds, "cpu": cpu, "checked": checked, "mismatches": len(mismatches), "examples": mismatches[:5],
    }


PHASES = {"transform": phase_transform, "bare": phase_bare}


def run_phase(name: str, args: argparse.Namespace) -> dict:
    """Run one phase in a fresh Python process; its result, with the child's own peak RSS."""
    command = [sys.executable, __file__, "--phase", name, "--db", str(args.db), "--memory-limit", args.memory_limit]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"phase {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------- the report


def median(values: list[float]) -> float:
    return statistics.median(values)


def check(label: str, result: dict) -> None:
    if result["mismatches"]:
        print(f"FAIL {label}: {result['mismatches']:,} of {result['checked']:,} records have other golden values "
              f"than the reference, e.g. {result['examples']}")
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000, help="customers per system")
    parser.add_argument("--repeat", type=int, default=3, help="repeats on fresh data; medians are printed")
    parser.add_argument(
        "--memory-limit", default="3GB",
        help="DuckDB memory_limit (it spills past it); the default keeps the 1M run under 6 GB of RSS",
    )
    parser.add_argument("--changed", type=float, default=0.01, help="share of records edited before run 2")
    parser.add_argument("--db", type=Path, default=None, help="DuckDB file (default: a temporary one)")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        result = PHASES[args.phase](args)
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result, default=str))
        return

    runs: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for repeat in range(1, args.repeat + 1):
            path = args.db or Path(tmp) / "bench.duckdb"
            path.unlink(missing_ok=True)
            run_args = argparse.Namespace(**{**vars(args), "db": path})
            con = duckdb.connect(str(path))
            started = time.perf_counter()
            generate(con, args.rows)
            con.close()
            generated = time.perf_counter() - started
            full = run_phase("transform", run_args)
            bare = run_phase("bare", run_args)
            check("full run", bare)
            con = duckdb.connect(str(path))
            edited = change(con, args.rows, args.changed)
            con.close()
            incremental = run_phase("transform", run_args)
            after = run_phase("bare", run_args)
            check("incremental run", after)
            runs.append({"full": full, "bare": bare, "incremental": incremental})
            print(
                f"repeat {repeat}: generated {args.rows:,} customers x 3 systems in {generated:.1f} s; "
                f"full {full['seconds']:.2f} s ({full['peak_mb']:,.0f} MB), bare {bare['seconds']:.2f} s "
                f"({bare['peak_mb']:,.0f} MB), incremental after {edited:,} edits per system "
                f"{incremental['seconds']:.2f} s ({incremental['peak_mb']:,.0f} MB); golden values equal the "
                f"reference's for all {bare['checked']:,} records, before and after the edits",
                flush=True,
            )
    report(args, runs)


def report(args: argparse.Namespace, runs: list[dict]) -> None:
    times = {phase: [r[phase]["seconds"] for r in runs] for phase in ("bare", "full", "incremental")}
    peaks = {phase: max(r[phase]["peak_mb"] for r in runs) for phase in ("bare", "full", "incremental")}
    full_over_bare = median([r["full"]["seconds"] / r["bare"]["seconds"] for r in runs])
    incremental_over_full = median([r["incremental"]["seconds"] / r["full"]["seconds"] for r in runs])
    print(f"\n{args.rows:,} customers per system, medians of {len(runs)} repeat(s), memory_limit {args.memory_limit}")
    for phase in ("bare", "full", "incremental"):
        listed = " ".join(f"{t:.2f}" for t in times[phase])
        print(f"  {phase:12} {median(times[phase]):8.2f} s   (runs: {listed})   peak RSS {peaks[phase]:,.0f} MB")
    print(f"  full/bare        = {full_over_bare:6.2f}   (goal <= {GOAL_FULL_OVER_BARE})")
    print(f"  incremental/full = {incremental_over_full:6.3f}   (goal <= {GOAL_INCREMENTAL_OVER_FULL})")
    cpu = {phase: median([r[phase]["cpu"] for r in runs]) for phase in ("bare", "full", "incremental")}
    print(f"  CPU seconds (medians): bare {cpu['bare']:.2f}, full {cpu['full']:.2f}, incremental "
          f"{cpu['incremental']:.2f}; full/bare {median([r['full']['cpu'] / r['bare']['cpu'] for r in runs]):.2f}, "
          f"incremental/full {median([r['incremental']['cpu'] / r['full']['cpu'] for r in runs]):.3f}")
    peak = max(peaks["full"], peaks["incremental"])
    print(f"  transform peak RSS {peak:,.0f} MB   (goal at 1,000,000 per system <= {GOAL_PEAK_MB_AT_1M:,} MB)")
    last = runs[-1]
    for phase in ("full", "incremental"):
        slow = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in last[phase]["slowest"])
        print(f"  slowest models ({phase}, last repeat): {slow}")
    print(f"  operations after the incremental run: {last['incremental']['operations']}")


if __name__ == "__main__":
    main()
