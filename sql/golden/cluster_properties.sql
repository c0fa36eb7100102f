-- materialized: incremental
-- unique_key: cluster_id
-- The golden record, per cluster and property: the latest change wins (per property, not per
-- record); empty never overwrites non-empty; ties break by sync.system_priority, then by record.
-- Deleted or archived members contribute nothing, except that when every source member is gone
-- (option deactivate_on_delete) their active=false, timed at the delete, takes part; and a cluster
-- with no CustomPMS customer whose every source member is gone (archived or deleted when we first
-- saw it: option create_archived_at_first_sight) takes their last values, for an inactive create.
-- A value staging.source_violations says does not contribute (invalid email, unknown country or
-- currency) is skipped. A truncation the product wrote (ending in ' [truncated]', see
-- delta.projected_values) loses a tie against the value it was cut from.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

members as (
    select l.cluster_id, l.system, l.entity, l.record_id, s.is_deleted
    from sync.links as l
    inner join scope as c on c.cluster_id = l.cluster_id
    inner join staging.stg_customers as s
        on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
    where l.unlinked_at is null
),

gone_clusters as (
    select cluster_id
    from members
    where system <> 'custompms'
    group by cluster_id
    having bool_and(is_deleted)
        and (select coalesce(max(value), false) from sync.options where name = 'deactivate_on_delete')
),

gone_without_custompms as (
    -- gone before a CustomPMS customer was made for them: their last values make the create
    select cluster_id
    from members
    group by cluster_id
    having bool_and(is_deleted and system <> 'custompms')
        and (select coalesce(max(value), true) from sync.options where name = 'create_archived_at_first_sight')
),

invalid_values as (
    select distinct system, entity, record_id, property
    from staging.source_violations
    where not contributes
),

contributions as (
    select
        m.cluster_id,
        p.property,
        p.value,
        p.changed_at,
        m.system,
        m.entity,
        m.record_id,
        coalesce(sp.priority, 1000) as priority,
        p.change_source = 'ledger' and p.value like '% [truncated]' as our_truncation
    from members as m
    inner join golden.record_properties as p
        on p.system = m.system and p.entity = m.entity and p.record_id = m.record_id
    left join sync.system_priority as sp on sp.system = m.system and sp.entity = m.entity
    anti join invalid_values as v
        on v.system = m.system and v.entity = m.entity and v.record_id = m.record_id and v.property = p.property
    where p.value is not null
        and (
            not m.is_deleted
            or (p.property = 'active' and m.system <> 'custompms'
                and m.cluster_id in (select cluster_id from gone_clusters))
            or m.cluster_id in (select cluster_id from gone_without_custompms)
        )
),

ranked as (
    select
        cluster_id, property, value, changed_at, system, entity, record_id,
        row_number() over (
            partition by cluster_id, property
            order by changed_at desc nulls last, our_truncation asc, priority asc, system, entity, record_id
        ) as rank
    from contributions
)

select
    cluster_id,
    property,
    value,
    changed_at,
    system as source_system,
    entity as source_entity,
    record_id as source_record_id,
    getvariable('run_at') as _transformed_at
from ranked
where rank = 1
