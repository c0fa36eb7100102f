-- materialized: view
-- The clusters touched since a point: a link made or ended, or a member record restaged or
-- written to by the product. Incremental golden and delta models recompute exactly these.
with link_events as (
    select cluster_id, linked_at as changed_at
    from sync.links
    union all
    select cluster_id, unlinked_at
    from sync.links
    where unlinked_at is not null
),

record_events as (
    select l.cluster_id, r._transformed_at as changed_at
    from staging.stg_customers as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
    union all
    select l.cluster_id, w.written_at
    from sync.write_ledger as w
    inner join sync.links as l
        on l.system = w.target_system and l.entity = w.target_entity and l.record_id = w.record_id
)

select cluster_id, changed_at
from link_events
union all
select cluster_id, changed_at
from record_events
