-- materialized: incremental
-- unique_key: cluster_id
-- Every linked, present member's mapped property set against the golden value, in the member's
-- canonical form (staging normalised both sides, so equal canonical values are equal in the
-- target's format). The input of the delta and not-writable models.
-- golden_value is the cluster's value, projected_value what this member's entity would hold
-- (delta.projected_values: the golden value, or its truncation). current_invalid: the member's
-- own value breaks the canonical rules and contributes nothing (staging.source_violations).
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

members as (
    select l.cluster_id, s.system, s.entity, s.record_id, s.scope_id, s.source_version, s.record_hash
    from sync.links as l
    inner join scope as c on c.cluster_id = l.cluster_id
    inner join staging.stg_customers as s
        on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
    where l.unlinked_at is null and not s.is_deleted
),

invalid_values as (
    select distinct system, entity, record_id, property
    from staging.source_violations
    where not contributes
)

select
    m.cluster_id,
    m.system,
    m.entity,
    m.record_id,
    m.scope_id,
    m.source_version,
    m.record_hash,
    g.property,
    g.target_field,
    g.writable,
    p.value as current_value,
    p.changed_at as current_changed_at,
    v.property is not null as current_invalid,
    g.golden_value,
    g.value as projected_value,
    g.changed_at as golden_changed_at,
    g.source_system || '.' || g.source_entity || ':' || g.source_record_id as golden_source,
    getvariable('run_at') as _transformed_at
from members as m
inner join delta.projected_values as g
    on g.cluster_id = m.cluster_id and g.target_system = m.system and g.target_entity = m.entity
left join golden.record_properties as p
    on p.system = m.system and p.entity = m.entity and p.record_id = m.record_id and p.property = g.property
left join invalid_values as v
    on v.system = m.system and v.entity = m.entity and v.record_id = m.record_id and v.property = g.property
