-- materialized: incremental
-- unique_key: cluster_id
-- One row per (writable target record, property) whose golden value differs from its current
-- value. The golden value is never empty (empty never overwrites), so a clear is never pushed.
-- target_value is the golden value in the target's format (Wave provinceCode is CA-ON).
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

differing as (
    select
        c.cluster_id, c.system, c.entity, c.record_id, c.scope_id, c.source_version, c.record_hash,
        c.property, c.target_field, c.current_value, c.golden_value, c.golden_changed_at, c.golden_source
    from delta.member_comparisons as c
    semi join scope as s on s.cluster_id = c.cluster_id
    -- the scope's comparisons were recomputed since this model last ran: only those rows are read
    where c.writable and (getvariable('since') is null or c._transformed_at > getvariable('since'))
),

golden_country as (
    select g.cluster_id, g.country.value as country
    from golden.cluster_values as g
    semi join differing as d on d.cluster_id = g.cluster_id
)

select
    d.system as target_system,
    d.entity as target_entity,
    d.record_id,
    d.scope_id,
    d.cluster_id,
    d.property,
    d.target_field,
    d.current_value as old_value,
    d.golden_value as new_value,
    case
        when d.target_field = 'address.provinceCode' and gc.country is not null and d.golden_value not like '%-%'
            then gc.country || '-' || d.golden_value
        else d.golden_value
    end as target_value,
    -- what the writer records in sync.write_ledger.value_hash once the write succeeds
    md5(d.golden_value) as new_value_hash,
    d.golden_changed_at,
    d.golden_source,
    d.source_version as base_version,
    d.record_hash as base_hash,
    getvariable('run_at') as _transformed_at
from differing as d
left join golden_country as gc on gc.cluster_id = d.cluster_id
