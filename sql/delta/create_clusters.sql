-- materialized: incremental
-- unique_key: cluster_id
-- The clusters that get a CustomPMS create (option create_in_custompms): no CustomPMS member, and
-- none a person deleted. external_refs names the source members the create carries: the present
-- ones, or, when every one is gone (archived or deleted when we first saw them), all of them, and
-- the create goes inactive (golden active = false). Option create_archived_at_first_sight off:
-- a cluster whose golden active is false (every source archived, deleted or blocked before
-- CustomPMS had it) gets no create. The creates' fields, and which of them are held back, are in
-- delta.projected_values and delta.property_violations.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

scope_links as materialized (
    -- the links of the scope's clusters first (a few on an incremental run), read once for both uses below
    select l.cluster_id, l.system, l.entity, l.record_id, l.unlinked_at, l.unlinked_reason
    from sync.links as l
    semi join scope as c on c.cluster_id = l.cluster_id
    where l.unlinked_at is null or l.system = 'custompms'
),

custompms_members as (
    -- a cluster whose CustomPMS customer exists, or was deleted by a person, gets no create
    select distinct cluster_id
    from scope_links
    where system = 'custompms' and (unlinked_at is null or unlinked_reason = 'custompms_deleted')
),

source_members as (
    select l.cluster_id, l.system, l.entity, l.record_id, s.is_deleted
    from scope_links as l
    inner join staging.stg_customers as s
        on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
    where l.unlinked_at is null and l.system <> 'custompms'
),

gone_clusters as (
    select cluster_id
    from source_members
    group by cluster_id
    having bool_and(is_deleted)
),

inactive_clusters as (
    select g.cluster_id
    from golden.cluster_values as g
    semi join source_members as m on m.cluster_id = g.cluster_id
    where g.active.value = 'false'
        -- golden.cluster_values recomputed the scope's clusters in this run (its since is never later
        -- than ours): only its rows since are read, so the scan skips the older row groups
        and (getvariable('since') is null or g._transformed_at > getvariable('since'))
),

options as (
    select
        coalesce(max(value) filter (where name = 'create_in_custompms'), true) as create_in_custompms,
        coalesce(max(value) filter (where name = 'create_archived_at_first_sight'), true) as create_inactive
    from sync.options
),

create_sources as (
    select m.cluster_id, m.system, m.entity, m.record_id
    from source_members as m
    cross join options as o
    anti join custompms_members as p on p.cluster_id = m.cluster_id
    where o.create_in_custompms
        and (not m.is_deleted or (o.create_inactive and m.cluster_id in (select cluster_id from gone_clusters)))
        and (o.create_inactive or m.cluster_id not in (select cluster_id from inactive_clusters))
)

select
    cluster_id,
    to_json(list({'system': system || '.' || entity, 'id': record_id} order by system, entity, record_id))
        as external_refs,
    getvariable('run_at') as _transformed_at
from create_sources
group by cluster_id
