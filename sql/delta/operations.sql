-- materialized: incremental
-- unique_key: cluster_id
-- What the writer puts in sync.outbox: one operation per target record (update, or deactivate
-- when active goes to false) carrying only the differing properties, and one create per cluster
-- with no CustomPMS member (golden values plus external_refs of its source members).
-- Properties in delta.property_violations are left out (the rest still goes); a create it marks
-- blocks_create waits whole. Values are the target's projection (delta.projected_values). A
-- member a person unlinked is removed from its former cluster's external_refs.
-- op_id is deterministic: a create's id depends on the cluster only (it is also the
-- Idempotency-Key), an update's on the record, its base version and its payload.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

changes as (
    select
        d.target_system, d.target_entity, d.record_id, d.scope_id, d.cluster_id, d.property,
        d.target_field, d.new_value, d.target_value, d.new_value_hash, d.golden_changed_at,
        d.base_version, d.base_hash,
        case when contains(d.target_field, '.') then split_part(d.target_field, '.', 1) end as parent,
        case when contains(d.target_field, '.') then split_part(d.target_field, '.', 2) else d.target_field end
            as field,
        case when d.property = 'active' then to_json(d.new_value = 'true') else to_json(d.target_value) end
            as json_value
    from delta.property_deltas as d
    semi join scope as s on s.cluster_id = d.cluster_id
    -- a held-back property stays out; the record's other properties still go
    anti join delta.property_violations as v
        on v.target_system = d.target_system and v.target_entity = d.target_entity and v.record_id = d.record_id
        and v.property = d.property
),

nested as (
    -- address.* and contact.* travel as nested objects
    select target_system, target_entity, record_id, parent as field, to_json(map_from_entries(list({'k': field, 'v': json_value} order by field))) as json_value
    from changes
    where parent is not null
    group by target_system, target_entity, record_id, parent
),

member_refs as (
    -- what a cluster's CustomPMS customer should name in external_refs: its present source members
    select
        l.cluster_id,
        list({'system': l.system || '.' || l.entity, 'id': l.record_id} order by l.system, l.entity, l.record_id)
            as refs
    from sync.links as l
    semi join scope as c on c.cluster_id = l.cluster_id
    inner join staging.stg_customers as s
        on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
    where l.unlinked_at is null and not s.is_deleted and l.system <> 'custompms'
    group by l.cluster_id
),

unlinked_refs as (
    -- members a person unlinked from the cluster (and not linked to it again): their references
    -- leave its CustomPMS customer, so the origin pass can never bring them back
    select
        l.cluster_id,
        list(distinct {'system': l.system || '.' || l.entity, 'id': l.record_id}) as refs
    from sync.links as l
    semi join scope as c on c.cluster_id = l.cluster_id
    where l.unlinked_at is not null and l.unlinked_reason = 'manual' and l.system <> 'custompms'
        and not exists (
            select 1 from sync.links as a
            where a.unlinked_at is null and a.cluster_id = l.cluster_id and a.system = l.system
                and a.entity = l.entity and a.record_id = l.record_id
        )
    group by l.cluster_id
),

ref_changes as (
    -- a member linked by a rule (or joined later) is added to the CustomPMS customer's external_refs,
    -- so CustomPMS shows where each customer comes from and a new state file finds the same links;
    -- an unlinked one is removed
    select
        p.cluster_id, p.record_id, s.scope_id, s.source_version as base_version, s.record_hash as base_hash,
        list_sort(list_filter(
            list_distinct(list_concat(r.existing, coalesce(m.refs, []))),
            lambda ref: not list_contains(coalesce(u.refs, []), ref)
        )) as refs
    from sync.links as p
    left join member_refs as m on m.cluster_id = p.cluster_id
    left join unlinked_refs as u on u.cluster_id = p.cluster_id
    inner join staging.stg_customers as s
        on s.system = 'custompms' and s.entity = 'customers' and s.record_id = p.record_id
    inner join (
        select id, coalesce(from_json(external_refs, '[{"system": "VARCHAR", "id": "VARCHAR"}]'), []) as existing
        from raw_custompms.customers
    ) as r on r.id = p.record_id
    semi join scope as c on c.cluster_id = p.cluster_id
    where p.system = 'custompms' and p.unlinked_at is null and not s.is_deleted
        and (m.refs is not null or u.refs is not null)
        and (len(list_intersect(coalesce(m.refs, []), r.existing)) < len(coalesce(m.refs, []))
             or len(list_intersect(coalesce(u.refs, []), r.existing)) > 0)
),

payload_fields as (
    select target_system, target_entity, record_id, field, json_value
    from changes
    where parent is null
    union all
    select target_system, target_entity, record_id, field, json_value
    from nested
    union all
    select 'custompms', 'customers', record_id, 'external_refs', to_json(refs)
    from ref_changes
),

payloads as (
    select target_system, target_entity, record_id, to_json(map_from_entries(list({'k': field, 'v': json_value} order by field))) as payload
    from payload_fields
    group by target_system, target_entity, record_id
),

updates as (
    select
        c.target_system,
        c.target_entity,
        c.record_id,
        c.scope_id,
        c.cluster_id,
        case
            when bool_or(c.property = 'active' and c.new_value = 'false') then 'deactivate'
            else 'update'
        end as operation,
        c.base_version,
        c.base_hash,
        to_json(list({'property': c.property, 'value_hash': c.new_value_hash, 'change_time': c.golden_changed_at}
            order by c.property)) as ledger_entries
    from changes as c
    group by c.target_system, c.target_entity, c.record_id, c.scope_id, c.cluster_id, c.base_version, c.base_hash
    union all
    select
        'custompms', 'customers', r.record_id, r.scope_id, r.cluster_id, 'update', r.base_version, r.base_hash,
        to_json([]) as ledger_entries
    from ref_changes as r
    anti join changes as c
        on c.target_system = 'custompms' and c.target_entity = 'customers' and c.record_id = r.record_id
),

create_clusters as (
    -- a create whose required property is missing or held back waits whole
    select c.cluster_id, c.external_refs
    from delta.create_clusters as c
    semi join scope as s on s.cluster_id = c.cluster_id
    anti join delta.property_violations as v on v.cluster_id = c.cluster_id and v.blocks_create
),

create_fields as (
    select
        g.cluster_id, g.property, g.target_field, g.value, g.changed_at,
        case when contains(g.target_field, '.') then split_part(g.target_field, '.', 1) end as parent,
        case when contains(g.target_field, '.') then split_part(g.target_field, '.', 2) else g.target_field end
            as field,
        case when g.property = 'active' then to_json(g.value = 'true') else to_json(g.value) end as json_value
    from delta.projected_values as g
    inner join create_clusters as c on c.cluster_id = g.cluster_id
    anti join delta.property_violations as v
        on v.record_id is null and v.cluster_id = g.cluster_id and v.property = g.property
    where g.target_system = 'custompms' and g.target_entity = 'customers'
),

create_nested as (
    select cluster_id, parent as field, to_json(map_from_entries(list({'k': field, 'v': json_value} order by field))) as json_value
    from create_fields
    where parent is not null
    group by cluster_id, parent
),

create_refs as (
    select cluster_id, 'external_refs' as field, external_refs as json_value
    from create_clusters
),

create_payload_fields as (
    select cluster_id, field, json_value
    from create_fields
    where parent is null
    union all
    select cluster_id, field, json_value
    from create_nested
    union all
    select cluster_id, field, json_value
    from create_refs
),

creates as (
    select
        p.cluster_id,
        to_json(map_from_entries(list({'k': p.field, 'v': p.json_value} order by p.field))) as payload
    from create_payload_fields as p
    group by p.cluster_id
),

create_ledger as (
    select
        cluster_id,
        to_json(list({'property': property, 'value_hash': md5(value), 'change_time': changed_at}
            order by property)) as ledger_entries
    from create_fields
    group by cluster_id
),

operations as (
    select
        u.target_system, u.target_entity, u.record_id, u.scope_id, u.cluster_id, u.operation,
        cast(p.payload as json) as payload, u.base_version, u.base_hash, cast(u.ledger_entries as json)
            as ledger_entries
    from updates as u
    inner join payloads as p
        on p.target_system = u.target_system and p.target_entity = u.target_entity and p.record_id = u.record_id
    union all
    select
        'custompms', 'customers', null, null, c.cluster_id, 'create', cast(c.payload as json), null, null,
        cast(l.ledger_entries as json)
    from creates as c
    left join create_ledger as l on l.cluster_id = c.cluster_id
)

select
    case
        when operation = 'create' then 'op_' || md5('create|custompms|customers|' || cluster_id)
        else 'op_' || md5(concat_ws('|', target_system, target_entity, record_id, operation,
            coalesce(base_version, ''), cast(payload as varchar)))
    end as op_id,
    target_system,
    target_entity,
    record_id,
    scope_id,
    cluster_id,
    operation,
    payload,
    base_version,
    base_hash,
    ledger_entries,
    getvariable('run_at') as _transformed_at
from operations
