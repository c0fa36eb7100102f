-- materialized: incremental
-- unique_key: cluster_id
-- Every linked, present member's mapped property set against the golden value, in the member's
-- canonical form (staging normalised both sides, so equal canonical values are equal in the
-- target's format). The input of the delta and not-writable models.
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
)

select
    m.cluster_id,
    m.system,
    m.entity,
    m.record_id,
    m.scope_id,
    m.source_version,
    m.record_hash,
    f.property,
    f.target_field,
    f.writable,
    p.value as current_value,
    g.value as golden_value,
    g.changed_at as golden_changed_at,
    g.source_system || '.' || g.source_entity || ':' || g.source_record_id as golden_source,
    getvariable('run_at') as _transformed_at
from members as m
inner join delta.target_fields as f on f.target_system = m.system and f.target_entity = m.entity
inner join golden.cluster_properties as g on g.cluster_id = m.cluster_id and g.property = f.property
left join golden.record_properties as p
    on p.system = m.system and p.entity = m.entity and p.record_id = m.record_id and p.property = f.property
