-- materialized: table
-- The records this run's identity passes consider: current, without an active link and not held by
-- an open match conflict; not deleted, or, while option create_archived_at_first_sight is on, a
-- source record archived or deleted before we ever linked it (it still gets a cluster and an
-- inactive CustomPMS customer; one deleted after it was linked, or unlinked since, does not come
-- back this way). Only a record restaged since the last run, or whose link ended
-- or whose conflict was resolved since, can be one: the last run's passes linked every other record
-- (its 'unmatched' pass links whatever is left), so the passes never look at all records again. A
-- full refresh looks at every record.
with released as (
    -- records whose link ended, or whose conflict was resolved, since
    select system, entity, record_id
    from sync.links
    where unlinked_at > getvariable('since')
    union
    select system, entity, record_id
    from sync.match_conflicts
    where resolved_at > getvariable('since')
),

changed as (
    select s.system, s.entity, s.record_id, s.is_deleted
    from staging.stg_customers as s
    where getvariable('since') is null or s._transformed_at > getvariable('since')
    union all
    select s.system, s.entity, s.record_id, s.is_deleted
    from staging.stg_customers as s
    semi join released as r on r.system = s.system and r.entity = s.entity and r.record_id = s.record_id
    where s._transformed_at <= getvariable('since')  -- not restaged since
),

changed_links as materialized (
    -- the links of the changed records, ended ones too (the links of every other record need not be read)
    select l.system, l.entity, l.record_id, l.unlinked_at
    from sync.links as l
    semi join changed as c on c.system = l.system and c.entity = l.entity and c.record_id = l.record_id
),

active_links as (
    select system, entity, record_id
    from changed_links
    where unlinked_at is null
),

held as (
    -- an ambiguous match waits for a person
    select system, entity, record_id
    from sync.match_conflicts
    where resolved_at is null and kind in ('ambiguous', 'different_custompms')
),

ever_linked as (
    select distinct system, entity, record_id
    from changed_links
)

select c.system, c.entity, c.record_id
from changed as c
anti join active_links as l on l.system = c.system and l.entity = c.entity and l.record_id = c.record_id
anti join held as h on h.system = c.system and h.entity = c.entity and h.record_id = c.record_id
where not c.is_deleted
    or (
        c.system <> 'custompms'
        and (select coalesce(max(value), true) from sync.options where name = 'create_archived_at_first_sight')
        and not exists (
            select 1 from ever_linked as e
            where e.system = c.system and e.entity = c.entity and e.record_id = c.record_id
        )
    )
