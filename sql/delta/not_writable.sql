-- materialized: incremental
-- unique_key: cluster_id
-- step: pipelines.models.steps:record_not_writable
-- writes: sync.not_writable
-- Read-only members (Exact Divisions and Departments) whose value differs from the golden one:
-- an edit elsewhere that cannot reach them. The step records each (record, property, wanted
-- value) once in sync.not_writable.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
)

select
    c.system,
    c.entity,
    c.record_id,
    c.cluster_id,
    c.property,
    c.target_field,
    c.current_value,
    c.golden_value as wanted_value,
    md5(c.golden_value) as wanted_hash,
    c.golden_source,
    getvariable('run_at') as _transformed_at
from delta.member_comparisons as c
semi join scope as s on s.cluster_id = c.cluster_id
where not c.writable and c.golden_value is distinct from c.current_value
    and (getvariable('since') is null or c._transformed_at > getvariable('since'))
