-- materialized: incremental
-- unique_key: cluster_id
-- What the writer puts in sync.outbox: one operation per target record (update, or deactivate
-- when active goes to false) carrying only the differing properties, and one create per cluster
-- with no CustomPMS member (golden values plus external_refs of its source members).
-- op_id is deterministic: a create's id depends on the cluster only (it is also the
-- Idempotency-Key), an update's on the record, its base version and its payload.
-- JSON objects and arrays are written as text: the same text to_json gives for a map (keys in
-- order) or a list of structs, without building maps or lists of structs. Members are sorted as
-- text: '"key":value' sorts by key and '{"property":"name",...}' by property (both fixed names);
-- references, whose ids can hold any character, with an ordered string_agg.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

changes as (
    select
        d.target_system, d.target_entity, d.record_id, d.scope_id, d.cluster_id, d.property,
        d.new_value, d.new_value_hash, d.golden_changed_at, d.base_version, d.base_hash,
        case when contains(d.target_field, '.') then split_part(d.target_field, '.', 1) end as parent,
        case when contains(d.target_field, '.') then split_part(d.target_field, '.', 2) else d.target_field end
            as field,
        case when d.property = 'active' then to_json(d.new_value = 'true') else to_json(d.target_value) end
            as json_value
    from delta.property_deltas as d
    semi join scope as s on s.cluster_id = d.cluster_id
    where getvariable('since') is null or d._transformed_at > getvariable('since')  -- the recomputed rows
),

nested as (
    -- address.* and contact.* travel as nested objects
    select
        target_system, target_entity, record_id, parent as field,
        '{' || array_to_string(list_sort(list(to_json(field) || ':' || json_value)), ',') || '}' as json_value
    from changes
    where parent is not null
    group by target_system, target_entity, record_id, parent
),

source_members as (
    select l.cluster_id, l.system, l.entity, l.record_id
    from sync.links as l
    inner join scope as c on c.cluster_id = l.cluster_id
    inner join staging.stg_customers as s
        on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
    where l.unlinked_at is null and not s.is_deleted and l.system <> 'custompms'
),

custompms_targets as (
    -- the CustomPMS customers of the scope's clusters that have a present source member
    select p.cluster_id, p.record_id, s.scope_id, s.source_version, s.record_hash
    from sync.links as p
    inner join staging.stg_customers as s
        on s.system = 'custompms' and s.entity = 'customers' and s.record_id = p.record_id
    where p.system = 'custompms' and p.unlinked_at is null and not s.is_deleted
        and p.cluster_id in (select cluster_id from source_members)
),

held_refs as (
    -- what each of them names in external_refs now
    select id as record_id, unnest(from_json(external_refs, '[{"system": "VARCHAR", "id": "VARCHAR"}]'), recursive := true)
    from raw_custompms.customers
    where id in (select record_id from custompms_targets)
),

member_refs as (
    -- what it should name: its cluster's present source members
    select t.record_id, m.system || '.' || m.entity as system, m.record_id as id
    from custompms_targets as t
    inner join source_members as m on m.cluster_id = t.cluster_id
),

ref_changes as (
    -- a member linked by a rule (or joined later) is added to the CustomPMS customer's external_refs,
    -- so CustomPMS shows where each customer comes from and a new state file finds the same links;
    -- the payload keeps what it names and adds the missing members, sorted
    select
        t.cluster_id, t.record_id, t.scope_id, t.source_version as base_version, t.record_hash as base_hash,
        '[' || string_agg(to_json({'system': r.system, 'id': r.id}), ',' order by r.system, r.id) || ']' as refs
    from custompms_targets as t
    inner join (
        select record_id, system, id from held_refs
        union
        select record_id, system, id from member_refs
    ) as r on r.record_id = t.record_id
    where t.record_id in (
        select m.record_id
        from member_refs as m
        anti join held_refs as h on h.record_id = m.record_id and h.system = m.system and h.id = m.id
    )
    group by t.cluster_id, t.record_id, t.scope_id, t.source_version, t.record_hash
),

payload_fields as (
    select target_system, target_entity, record_id, field, json_value
    from changes
    where parent is null
    union all
    select target_system, target_entity, record_id, field, json_value
    from nested
    union all
    select 'custompms', 'customers', record_id, 'external_refs', refs
    from ref_changes
),

payloads as (
    select
        target_system, target_entity, record_id,
        '{' || array_to_string(list_sort(list(to_json(field) || ':' || json_value)), ',') || '}' as payload
    from payload_fields
    group by target_system, target_entity, record_id
),

updates as (
    -- scope, cluster and base version are the record's own: the same on each of its rows
    select
        c.target_system,
        c.target_entity,
        c.record_id,
        any_value(c.scope_id) as scope_id,
        any_value(c.cluster_id) as cluster_id,
        case
            when bool_or(c.property = 'active' and c.new_value = 'false') then 'deactivate'
            else 'update'
        end as operation,
        any_value(c.base_version) as base_version,
        any_value(c.base_hash) as base_hash,
        '[' || array_to_string(list_sort(list(
            to_json({'property': c.property, 'value_hash': c.new_value_hash, 'change_time': c.golden_changed_at})
        )), ',') || ']' as ledger_entries
    from changes as c
    group by c.target_system, c.target_entity, c.record_id
    union all
    select
        'custompms', 'customers', r.record_id, r.scope_id, r.cluster_id, 'update', r.base_version, r.base_hash,
        '[]' as ledger_entries
    from ref_changes as r
    anti join changes as c
        on c.target_system = 'custompms' and c.target_entity = 'customers' and c.record_id = r.record_id
),

custompms_members as (
    -- a cluster whose CustomPMS customer exists, or was deleted by a person, gets no create
    select distinct cluster_id
    from sync.links
    where system = 'custompms' and (unlinked_at is null or unlinked_reason = 'custompms_deleted')
),

create_clusters as (
    select distinct m.cluster_id
    from source_members as m
    anti join custompms_members as p on p.cluster_id = m.cluster_id
    where (select coalesce(max(value), true) from sync.options where name = 'create_in_custompms')
),

create_clusters_golden as (
    select
        g.cluster_id, g.name, g.code, g.email, g.phone, g.mobile, g.fax, g.website, g.notes, g.vat_number,
        g.registration_number, g.currency, g.address_line1, g.address_line2, g.address_line3,
        g.postal_code, g.city, g.region, g.country, g.contact_first_name, g.contact_last_name, g.active
    from golden.cluster_values as g
    semi join create_clusters as c on c.cluster_id = g.cluster_id
),

create_golden as (
    unpivot create_clusters_golden
    on name, code, email, phone, mobile, fax, website, notes, vat_number, registration_number, currency,
        address_line1, address_line2, address_line3, postal_code, city, region, country,
        contact_first_name, contact_last_name, active
    into name property value g
),

create_fields as (
    select
        g.cluster_id, f.property, g.g.value as value, g.g.changed_at as changed_at,
        case when contains(f.target_field, '.') then split_part(f.target_field, '.', 1) end as parent,
        case when contains(f.target_field, '.') then split_part(f.target_field, '.', 2) else f.target_field end
            as field,
        case when f.property = 'active' then to_json(g.g.value = 'true') else to_json(g.g.value) end as json_value
    from create_golden as g
    inner join delta.target_fields as f
        on f.target_system = 'custompms' and f.target_entity = 'customers' and f.property = g.property
    where g.g.value is not null
),

create_nested as (
    select
        cluster_id, parent as field,
        '{' || array_to_string(list_sort(list(to_json(field) || ':' || json_value)), ',') || '}' as json_value
    from create_fields
    where parent is not null
    group by cluster_id, parent
),

create_refs as (
    select
        cluster_id,
        'external_refs' as field,
        '[' || string_agg(
            to_json({'system': system || '.' || entity, 'id': record_id}), ',' order by system, entity, record_id
        ) || ']' as json_value
    from source_members
    where cluster_id in (select cluster_id from create_clusters)
    group by cluster_id
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
        cluster_id,
        '{' || array_to_string(list_sort(list(to_json(field) || ':' || json_value)), ',') || '}' as payload
    from create_payload_fields
    group by cluster_id
),

create_ledger as (
    select
        cluster_id,
        '[' || array_to_string(list_sort(list(
            to_json({'property': property, 'value_hash': md5(value), 'change_time': changed_at})
        )), ',') || ']' as ledger_entries
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
