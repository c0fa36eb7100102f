-- materialized: incremental
-- unique_key: cluster_id
-- One row per (writable target record, property) whose golden value differs from its current
-- value. The golden value is never empty (empty never overwrites), so a clear is never pushed.
-- target_value is the golden value in the target's format (Wave provinceCode is CA-ON).
-- The comparison is with the value projected for the target (delta.projected_values: a truncation
-- where the oversize policy says so), and new_value_hash is the hash of that projection: what
-- the target will hold. A member's own invalid value (staging.source_violations) is not
-- overwritten by an older golden value: the person's edit stays, quarantined, until fixed or
-- overtaken by a later valid edit elsewhere (latest change wins; an invalid value never spreads).
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

differing as (
    select
        c.cluster_id, c.system, c.entity, c.record_id, c.scope_id, c.source_version, c.record_hash,
        c.property, c.target_field, c.current_value, c.golden_value, c.projected_value, c.golden_changed_at,
        c.golden_source
    from delta.member_comparisons as c
    semi join scope as s on s.cluster_id = c.cluster_id
    where c.writable and c.projected_value is distinct from c.current_value
        and not (c.current_invalid and c.current_changed_at >= c.golden_changed_at)
),

golden_country as (
    select cluster_id, value as country
    from golden.cluster_properties
    where property = 'country' and cluster_id in (select cluster_id from differing)
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
    d.projected_value as new_value,
    case
        when d.target_field = 'address.provinceCode' and gc.country is not null and d.projected_value not like '%-%'
            then gc.country || '-' || d.projected_value
        else d.projected_value
    end as target_value,
    -- what the writer records in sync.write_ledger.value_hash once the write succeeds
    md5(d.projected_value) as new_value_hash,
    d.golden_changed_at,
    d.golden_source,
    d.source_version as base_version,
    d.record_hash as base_hash,
    getvariable('run_at') as _transformed_at
from differing as d
left join golden_country as gc on gc.cluster_id = d.cluster_id
