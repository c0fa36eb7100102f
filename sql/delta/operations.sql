-- materialized: incremental
-- unique_key: cluster_id
-- What the writer puts in sync.outbox: one operation per target record (update, or deactivate
-- when active goes to false) carrying only the differing properties, and one create per cluster
-- with no CustomPMS member (golden values plus external_refs of its source members).
-- Properties in delta.property_violations are left out (the rest still goes); a create it marks
-- blocks_create waits whole. Values are the target's projection (delta.projected_values). A
-- member a person unlinked is removed from its former cluster's external_refs, and so are a former
-- cluster's records from a CustomPMS customer a person unlinked; a CustomPMS customer the sync made
-- for records a person moved elsewhere is deactivated.
-- op_id is deterministic: a create's id depends on the cluster only (it is also the
-- Idempotency-Key), and on the decision that unlinked the cluster's earlier CustomPMS customer, if a
-- person did; an update's on the record, its base version and its payload.
-- JSON objects and arrays are written as text: the same text to_json gives for a map (keys in
-- order) or a list of structs, without building maps or lists of structs. Members are sorted as
-- text: '"key":value' sorts by key and '{"property":"name",...}' by property (both fixed names);
-- references, whose ids can hold any character, as structs. A nested field (address.city) is sorted
-- as an object of its own, '"address":{"city":...}' closed by chr(31) and its parent's key (a character
-- JSON text never holds unescaped); after the sort, neighbours of one parent merge into one object.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

scope_links as materialized (
    -- every link of the scope's clusters, ended ones too: read once for the members, targets and
    -- unlinked references below
    select
        l.cluster_id, l.system, l.entity, l.record_id, l.established_by, l.unlinked_at, l.unlinked_reason,
        l.unlinked_decision_id
    from sync.links as l
    semi join scope as c on c.cluster_id = l.cluster_id
),

payload_fields as (
    -- where a target field goes in a payload, as JSON text, once per field instead of once per value: the
    -- key of the object it is nested in ('"address"' for address.city) and its member's key ('"city":')
    select
        target_system, target_entity, property,
        case when contains(target_field, '.') then to_json(split_part(target_field, '.', 1)) end as parent,
        to_json(case when contains(target_field, '.') then split_part(target_field, '.', 2) else target_field end)
            || ':' as member_key
    from delta.target_fields
),

payload_parents as (
    -- per target entity, the keys of its nested objects
    select target_system, target_entity, list(distinct parent) as parents
    from payload_fields
    where parent is not null
    group by target_system, target_entity
),

recomputed_deltas as (
    -- a full run reads every delta (each is one of the scope's: the branch with the semi join is planned
    -- away); an incremental run the scope's recomputed rows
    select
        target_system, target_entity, record_id, scope_id, cluster_id, property, new_value, new_value_hash,
        target_value, golden_changed_at, base_version, base_hash
    from delta.property_deltas
    where getvariable('since') is null
    union all
    select
        d.target_system, d.target_entity, d.record_id, d.scope_id, d.cluster_id, d.property, d.new_value,
        d.new_value_hash, d.target_value, d.golden_changed_at, d.base_version, d.base_hash
    from delta.property_deltas as d
    semi join scope as s on s.cluster_id = d.cluster_id
    where getvariable('since') is not null and d._transformed_at > getvariable('since')
),

changes as (
    select
        d.target_system, d.target_entity, d.record_id, d.scope_id, d.cluster_id, d.property,
        d.new_value, d.new_value_hash, d.golden_changed_at, d.base_version, d.base_hash,
        f.parent,
        f.member_key
        || case when d.property = 'active' then to_json(d.new_value = 'true') else to_json(d.target_value) end
            as member
    from recomputed_deltas as d
    inner join payload_fields as f
        on f.target_system = d.target_system and f.target_entity = d.target_entity and f.property = d.property
    -- a held-back property stays out; the record's other properties still go
    anti join delta.property_violations as v
        on v.target_system = d.target_system and v.target_entity = d.target_entity and v.record_id = d.record_id
        and v.property = d.property
),

source_members as (
    select l.cluster_id, l.system, l.entity, l.record_id
    from scope_links as l
    inner join staging.stg_customers as s
        on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
    where l.unlinked_at is null and not s.is_deleted and l.system <> 'custompms'
),

custompms_targets as (
    -- the CustomPMS customers of the scope's clusters
    select p.cluster_id, p.record_id, p.established_by, s.scope_id, s.source_version, s.record_hash, s.active
    from scope_links as p
    inner join staging.stg_customers as s
        on s.system = 'custompms' and s.entity = 'customers' and s.record_id = p.record_id
    where p.system = 'custompms' and p.unlinked_at is null and not s.is_deleted
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

unlinked_refs as (
    -- members a person unlinked from the cluster (and not linked to it again): their references
    -- leave its CustomPMS customer, so the origin pass can never bring them back
    select distinct t.record_id, l.system || '.' || l.entity as system, l.record_id as id
    from custompms_targets as t
    inner join scope_links as l on l.cluster_id = t.cluster_id
    anti join scope_links as a
        on a.unlinked_at is null and a.cluster_id = l.cluster_id and a.system = l.system
        and a.entity = l.entity and a.record_id = l.record_id
    where l.unlinked_at is not null and l.unlinked_reason = 'manual' and l.system <> 'custompms'
    union
    -- a CustomPMS customer a person unlinked from its cluster: that cluster's source records leave it
    -- (the cluster gets a CustomPMS customer of its own), unless one is in its new cluster
    select t.record_id, m.system || '.' || m.entity as system, m.record_id as id
    from custompms_targets as t
    inner join sync.links as p
        on p.system = 'custompms' and p.entity = 'customers' and p.record_id = t.record_id
        and p.cluster_id <> t.cluster_id and p.unlinked_reason = 'manual'
    inner join sync.links as m on m.cluster_id = p.cluster_id and m.system <> 'custompms'
    anti join sync.links as a
        on a.unlinked_at is null and a.cluster_id = t.cluster_id and a.system = m.system
        and a.entity = m.entity and a.record_id = m.record_id
),

refs_to_change as (
    -- a member linked by a rule (or joined later) is missing, or an unlinked one is still named
    select m.record_id
    from member_refs as m
    anti join held_refs as h on h.record_id = m.record_id and h.system = m.system and h.id = m.id
    union
    select u.record_id
    from unlinked_refs as u
    semi join held_refs as h on h.record_id = u.record_id and h.system = u.system and h.id = u.id
),

wanted_refs as (
    -- what it names and its present members, without the unlinked ones
    select record_id, system, id from held_refs
    union
    select record_id, system, id from member_refs
    except
    select record_id, system, id from unlinked_refs
),

ref_changes as (
    -- the CustomPMS customer's external_refs follow its cluster, so CustomPMS shows where each
    -- customer comes from and a new state file finds the same links; the payload holds them sorted
    -- (a CustomPMS customer has one active link: its cluster, scope and version are its own)
    select
        t.record_id,
        any_value(t.cluster_id) as cluster_id,
        any_value(t.scope_id) as scope_id,
        any_value(t.source_version) as base_version,
        any_value(t.record_hash) as base_hash,
        '[' || array_to_string(list_transform(
            list_sort(coalesce(list({'system': r.system, 'id': r.id}) filter (where r.id is not null), [])),
            lambda ref: to_json(ref)
        ), ',') || ']' as refs
    from custompms_targets as t
    semi join refs_to_change as c on c.record_id = t.record_id
    left join wanted_refs as r on r.record_id = t.record_id
    group by t.record_id
),

orphaned_customers as (
    -- a CustomPMS customer the sync made for records a person has since moved to other clusters: its
    -- cluster holds no source record any more, so it duplicates theirs. It is deactivated, never
    -- deleted, as the customer of a deleted source record is (DESIGN §6), in one operation with the
    -- removal of the moved records from its external_refs; the ledger makes the write no new edit
    select
        'custompms' as target_system, 'customers' as target_entity, t.record_id, t.scope_id, t.cluster_id,
        'active' as property, 'false' as new_value, md5('false') as new_value_hash,
        max(l.unlinked_at) as golden_changed_at, t.source_version as base_version, t.record_hash as base_hash,
        f.parent, f.member_key || 'false' as member
    from custompms_targets as t
    inner join scope_links as l on l.cluster_id = t.cluster_id
    inner join payload_fields as f
        on f.target_system = 'custompms' and f.target_entity = 'customers' and f.property = 'active'
    anti join source_members as m on m.cluster_id = t.cluster_id
    -- unless its golden active went false this run anyway (every source deleted): one change, not two
    anti join recomputed_deltas as d
        on d.target_system = 'custompms' and d.record_id = t.record_id and d.property = 'active'
    where t.established_by = 'origin' and t.active
        and l.system <> 'custompms' and l.unlinked_reason = 'manual'
    group by all
),

all_changes as (
    select
        target_system, target_entity, record_id, scope_id, cluster_id, property, new_value, new_value_hash,
        golden_changed_at, base_version, base_hash, parent, member
    from changes
    union all
    select
        target_system, target_entity, record_id, scope_id, cluster_id, property, new_value, new_value_hash,
        golden_changed_at, base_version, base_hash, parent, member
    from orphaned_customers
),

record_changes as (
    -- one pass per target record: its payload's members and ledger entries; scope, cluster and base
    -- version are the record's own
    select
        target_system,
        target_entity,
        record_id,
        any_value(scope_id) as scope_id,
        any_value(cluster_id) as cluster_id,
        any_value(base_version) as base_version,
        any_value(base_hash) as base_hash,
        bool_or(property = 'active' and new_value = 'false') as deactivates,
        -- '"field":value', or a nested field's '"parent":{"field":value' chr(31) '"parent"}'
        list(case when parent is null then member else parent || ':{' || member || chr(31) || parent || '}' end)
            as members,
        list(to_json({'property': property, 'value_hash': new_value_hash, 'change_time': golden_changed_at}))
            as ledger_entries
    from all_changes
    group by target_system, target_entity, record_id
),

updates as (
    -- address.* and contact.* travel as nested objects; a CustomPMS customer's external_refs join its
    -- other fields (or make an update of their own)
    select
        coalesce(c.target_system, 'custompms') as target_system,
        coalesce(c.target_entity, 'customers') as target_entity,
        coalesce(c.record_id, r.record_id) as record_id,
        coalesce(c.scope_id, r.scope_id) as scope_id,
        coalesce(c.cluster_id, r.cluster_id) as cluster_id,
        case when c.deactivates then 'deactivate' else 'update' end as operation,
        coalesce(c.members, []) || case when r.refs is not null then ['"external_refs":' || r.refs] else [] end
            as members,
        coalesce(c.base_version, r.base_version) as base_version,
        coalesce(c.base_hash, r.base_hash) as base_hash,
        '[' || array_to_string(list_sort(coalesce(c.ledger_entries, [])), ',') || ']' as ledger_entries
    from record_changes as c
    full join ref_changes as r
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
        g.cluster_id, g.property, g.value, g.changed_at, f.parent,
        f.member_key || case when g.property = 'active' then to_json(g.value = 'true') else to_json(g.value) end
            as member
    from delta.projected_values as g
    inner join create_clusters as c on c.cluster_id = g.cluster_id
    inner join payload_fields as f
        on f.target_system = g.target_system and f.target_entity = g.target_entity and f.property = g.property
    anti join delta.property_violations as v
        on v.record_id is null and v.cluster_id = g.cluster_id and v.property = g.property
    where g.target_system = 'custompms' and g.target_entity = 'customers'
),

creates as (
    -- one pass per create: the golden fields (written as the updates' are) and its external_refs; ledger
    -- entries for the fields
    select
        c.cluster_id,
        coalesce(
            list(case when f.parent is null then f.member else f.parent || ':{' || f.member || chr(31) || f.parent || '}' end)
                filter (where f.member is not null),
            []
        ) || ['"external_refs":' || cast(any_value(c.external_refs) as varchar)] as members,
        '[' || array_to_string(list_sort(list(
            to_json({'property': f.property, 'value_hash': md5(f.value), 'change_time': f.changed_at})
        ) filter (where f.member is not null)), ',') || ']' as ledger_entries
    from create_clusters as c
    left join create_fields as f on f.cluster_id = c.cluster_id
    group by c.cluster_id
),

create_generations as (
    -- a cluster whose CustomPMS customer a person unlinked gets a new create: its id (and so its
    -- Idempotency-Key) names that decision, so neither the outbox nor CustomPMS takes it for the first
    select cluster_id, arg_max(unlinked_decision_id, unlinked_at) as decision_id
    from scope_links
    where system = 'custompms' and unlinked_reason = 'manual'
    group by cluster_id
),

operations as (
    select target_system, target_entity, record_id, scope_id, cluster_id, operation, members, base_version, base_hash,
        ledger_entries, null as generation
    from updates
    union all
    select 'custompms', 'customers', null, null, c.cluster_id, 'create', c.members, null, null, c.ledger_entries,
        g.decision_id
    from creates as c
    left join create_generations as g on g.cluster_id = c.cluster_id
),

payloads as (
    -- the members sorted once; then the neighbours of each parent (chr(31) and its key closing one, its key
    -- opening the next) become one object
    select
        o.target_system, o.target_entity, o.record_id, o.scope_id, o.cluster_id, o.operation,
        cast('{' || list_reduce(
            coalesce(p.parents, []),
            lambda text, parent: replace(
                replace(text, chr(31) || parent || '},' || parent || ':{', ','), chr(31) || parent || '}', '}'
            ),
            array_to_string(list_sort(o.members), ',')
        ) || '}' as json) as payload,
        o.base_version, o.base_hash, cast(o.ledger_entries as json) as ledger_entries, o.generation
    from operations as o
    left join payload_parents as p on p.target_system = o.target_system and p.target_entity = o.target_entity
)

select
    case
        when operation = 'create'
            then 'op_' || md5('create|custompms|customers|' || cluster_id || coalesce('|' || generation, ''))
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
from payloads
