-- materialized: view
-- Source records (not deleted) without a live CustomPMS customer, and why: not linked yet, held by
-- an open match conflict, unlinked by a person, their CustomPMS customer deleted (never recreated),
-- or their cluster's create planned but not pushed yet, or pending or failing in the outbox (its status
-- and last error).
with custompms_members as (
    select
        cluster_id,
        bool_or(unlinked_at is null) as live,
        bool_or(unlinked_reason = 'custompms_deleted') as deleted
    from sync.links
    where system = 'custompms'
    group by cluster_id
),

held as (
    select system, entity, record_id, string_agg(distinct kind || ' (' || rule_name || ')', ', ') as conflict
    from sync.match_conflicts
    where resolved_at is null
    group by system, entity, record_id
),

ended as (
    select system, entity, record_id, arg_max(unlinked_reason, unlinked_at) as unlinked_reason
    from sync.links
    where unlinked_at is not null
    group by system, entity, record_id
),

creates as (
    select
        cluster_id,
        arg_max(status, updated_at) as create_status,
        arg_max(attempts, updated_at) as create_attempts,
        arg_max(last_error, updated_at) as create_error
    from sync.outbox
    where operation = 'create'
    group by cluster_id
),

planned as (
    select distinct cluster_id
    from delta.operations
    where operation = 'create'
)

select
    s.system,
    s.entity,
    s.record_id,
    s.scope_id,
    s.name,
    s.email,
    s.vat_number,
    l.cluster_id,
    case
        when l.cluster_id is null and h.conflict is not null then 'held by an open match conflict: ' || h.conflict
        when l.cluster_id is null and e.unlinked_reason is not null then 'unlinked: ' || e.unlinked_reason
        when l.cluster_id is null then 'not linked yet (the next transform links it)'
        when p.deleted and not coalesce(p.live, false) then 'its CustomPMS customer was deleted (not recreated)'
        when c.create_status is not null then 'create ' || c.create_status
        when c.cluster_id is null and l.cluster_id in (select cluster_id from planned)
            then 'create planned: the next push sends it'
        else 'no create planned (option create_in_custompms off?)'
    end as reason,
    c.create_attempts,
    c.create_error,
    s.modified_at
from staging.stg_customers as s
left join sync.links as l
    on l.system = s.system and l.entity = s.entity and l.record_id = s.record_id and l.unlinked_at is null
left join custompms_members as p on p.cluster_id = l.cluster_id
left join held as h on h.system = s.system and h.entity = s.entity and h.record_id = s.record_id
left join ended as e on e.system = s.system and e.entity = s.entity and e.record_id = s.record_id
left join creates as c on c.cluster_id = l.cluster_id
where s.system <> 'custompms'
    and not s.is_deleted
    and (l.cluster_id is null or not coalesce(p.live, false))
