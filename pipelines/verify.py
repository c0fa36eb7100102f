"""`make verify`: reconcile the three systems live against the QA checklist.

Every Exact Account, Division and Department and every Wave Customer (not deleted or archived) must
have exactly one linked CustomPMS Customer, and every property the flow maps must agree after
normalisation. "Live" means a full, fresh extraction into a throw-away DuckDB file, run through the
very models the sync uses: links are what identity derives from the live data (origin links from
CustomPMS `external_refs`, rule links from VAT, registration number and email), and "equal" is what
staging's normalisation says. A property the source leaves empty is not a mismatch: it has nothing to carry
(DESIGN.md section 5, empty never overwrites). Exit 1 on any unlinked record or disagreement.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.console import Console
from pipelines.extract import extract
from pipelines.models.runner import run_models
from pipelines.runs import Run

FLOWS = ("exact.accounts", "exact.divisions", "exact.departments", "wave.customers")
PROPERTIES = ("name", "code", "email", "phone", "mobile", "fax", "website", "notes", "vat_number",
              "registration_number", "currency", "address_line1", "address_line2", "address_line3", "postal_code",
              "city", "region", "country", "contact_first_name", "contact_last_name")

COMPARISON = f"""
with custompms as (
    select * from staging.stg_customers where system = 'custompms' and not is_deleted
),

refs as (  -- the live CustomPMS customers in each source record's cluster: linked by origin (its
           -- external_refs name the record) or by a matching rule, as identity derives them from live data
    select s.system || '.' || s.entity as flow, lower(s.record_id) as record_id, p.record_id as pms_id
    from sync.links as s
    inner join sync.links as p
        on p.cluster_id = s.cluster_id and p.system = 'custompms' and p.unlinked_at is null
    semi join custompms as c on c.record_id = p.record_id
    where s.system <> 'custompms' and s.unlinked_at is null
),

sources as (
    select system || '.' || entity as flow, *
    from staging.stg_customers
    where system <> 'custompms' and not is_deleted and active
),

links as (
    select s.flow, s.record_id, list(distinct r.pms_id) filter (where r.pms_id is not null) as pms_ids
    from sources as s
    left join refs as r on r.flow = s.flow and r.record_id = lower(s.record_id)
    group by all
),

mapped as (  -- the properties each flow carries into CustomPMS
    select target_system || '.' || target_entity as flow, property
    from delta.target_fields
    where target_system || '.' || target_entity in {FLOWS}
),

source_values as (
    unpivot (select flow, record_id, {", ".join(f"cast({p} as varchar) as {p}" for p in PROPERTIES)} from sources)
    on {", ".join(PROPERTIES)} into name property value value
),

pms_values as (
    unpivot (select record_id, {", ".join(f"cast({p} as varchar) as {p}" for p in PROPERTIES)} from custompms)
    on {", ".join(PROPERTIES)} into name property value value
)

select
    l.flow, l.record_id, coalesce(len(l.pms_ids), 0) as linked_to, l.pms_ids[1] as pms_id, sv.property,
    sv.value as source_value, pv.value as custompms_value
from links as l
left join source_values as sv on sv.flow = l.flow and sv.record_id = l.record_id
    and sv.property in (select property from mapped as m where m.flow = l.flow)
    and nullif(trim(sv.value), '') is not null
left join pms_values as pv on pv.record_id = l.pms_ids[1] and pv.property = sv.property
"""


def reconcile(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:
    """(per-flow summary rows, disagreement examples) on a DuckDB file that holds a fresh extraction."""
    con.execute(f"create or replace temp table verify_rows as {COMPARISON}")
    summary = con.execute("""
        with per_record as (
            select flow, record_id, max(linked_to) as linked_to,
                   count(*) filter (where property is not null and custompms_value is distinct from source_value)
                       as disagreeing
            from verify_rows group by all
        )
        select flow, count(*) as records, count(*) filter (where linked_to > 0) as linked,
               count(*) filter (where linked_to > 1) as duplicated,
               count(*) filter (where linked_to = 1 and disagreeing = 0) as agreeing,
               count(*) filter (where linked_to > 0 and disagreeing > 0) as disagreeing
        from per_record group by flow order by flow""").fetchall()
    examples = con.execute("""
        with problems as (
            select distinct flow, record_id, '(no CustomPMS customer)' as property, null as source_value,
                   null as custompms_value
            from verify_rows where linked_to = 0
            union all
            select flow, record_id, property, source_value, custompms_value
            from verify_rows
            where linked_to > 0 and property is not null and custompms_value is distinct from source_value
        )
        select flow, record_id, property, source_value, custompms_value
        from problems
        qualify row_number() over (partition by flow order by record_id, property) <= 5
        order by flow, record_id, property""").fetchall()
    return summary, examples


def verify(console: Console, run: Run, workdir: Path | None = None) -> int:
    with tempfile.TemporaryDirectory(dir=workdir or settings.STATE_DIR, prefix="verify-") as tmp:
        db = Path(tmp) / "live.duckdb"
        extract(run, console, db_path=db, pipelines_dir=Path(tmp) / "dlt")
        if run.problems:
            return 1
        with duckdb.connect(str(db)) as con:
            run_models(con, run_id=run.run_id)
            summary, examples = reconcile(con)
    console.table("Reconciliation: every source record has a CustomPMS customer whose mapped properties agree",
                  ["flow", "records", "linked", "linked twice", "agreeing", "disagreeing"], summary)
    if examples:
        console.table("Examples (up to 5 per flow)", ["flow", "record", "property", "source value",
                                                      "CustomPMS value"], examples)
    bad = [row for row in summary if row[1] != row[2] or row[3] or row[5]]
    for flow, records, linked, twice, _, disagreeing in bad:
        run.problems.append(f"verify {flow}: {records - linked} unlinked, {twice} linked twice, "
                            f"{disagreeing} disagreeing")
        console.error(run.problems[-1])
    return 1 if bad else 0
