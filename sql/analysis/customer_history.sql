-- materialized: view
-- A customer's full history across systems: per record and property every value change the runs
-- observed, with the value before it, where and when it changed, and which run saw it.
with changes as (
    select
        l.cluster_id,
        h.system,
        h.entity,
        h.record_id,
        h.property,
        lag(h.value) over (
            partition by h.system, h.entity, h.record_id, h.property order by h.recorded_at, h.changed_at
        ) as old_value,
        h.value as new_value,
        h.changed_at,
        h.change_source,
        h.run_id
    from sync.property_history as h
    left join sync.links as l
        on l.system = h.system and l.entity = h.entity and l.record_id = h.record_id and l.unlinked_at is null
)

select
    cluster_id, system, entity, record_id, property, old_value, new_value, changed_at, change_source, run_id
from changes
