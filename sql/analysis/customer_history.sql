-- materialized: view
-- A customer's full history across systems: per record and property every value the runs observed,
-- the value before it, where (system, entity, record) and when it changed there, whether it was
-- an edit (change_source observed) or the product's own write coming back (ledger), and the run
-- that saw it. first_seen marks a record's first observation of a property (no old value existed).
select
    l.cluster_id,
    h.system,
    h.entity,
    h.record_id,
    h.property,
    lag(h.value) over per_property as old_value,
    h.value as new_value,
    h.changed_at,
    h.change_source,
    h.run_id,
    h.recorded_at,
    row_number() over per_property = 1 as first_seen
from sync.property_history as h
left join sync.links as l
    on l.system = h.system and l.entity = h.entity and l.record_id = h.record_id and l.unlinked_at is null
window per_property as (
    partition by h.system, h.entity, h.record_id, h.property order by h.recorded_at, h.changed_at
)
