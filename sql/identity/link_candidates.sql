-- materialized: table
-- The records this run's identity passes consider: current, not deleted, without an active link and
-- not held by an open match conflict. Only a record restaged since the last run, or whose link ended
-- or whose conflict was resolved since, can be one: the last run's passes linked every other record
-- (its 'unmatched' pass links whatever is left), so the passes never look at all records again. A
-- full refresh looks at every record.
with changed as (
    select system, entity, record_id
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union
    select system, entity, record_id
    from sync.links
    where unlinked_at > getvariable('since')
    union
    select system, entity, record_id
    from sync.match_conflicts
    where resolved_at > getvariable('since')
),

active_links as (
    select system, entity, record_id
    from sync.links
    where unlinked_at is null
),

held as (
    -- an ambiguous match waits for a person
    select system, entity, record_id
    from sync.match_conflicts
    where resolved_at is null and kind in ('ambiguous', 'different_custompms')
)

select s.system, s.entity, s.record_id
from staging.stg_customers as s
semi join changed as c on c.system = s.system and c.entity = s.entity and c.record_id = s.record_id
anti join active_links as l on l.system = s.system and l.entity = s.entity and l.record_id = s.record_id
anti join held as h on h.system = s.system and h.entity = s.entity and h.record_id = s.record_id
where not s.is_deleted
