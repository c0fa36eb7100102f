-- materialized: view
-- The clusters touched since a point: a link made or ended, or a member record restaged or
-- written to by the product, or a target rejection recorded or resolved in sync.quarantine (it
-- holds a property back, or releases it). Incremental golden and delta models recompute exactly these.
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
),

quarantine_events as (
    select coalesce(q.cluster_id, l.cluster_id) as cluster_id, greatest(q.last_seen, q.resolved_at) as changed_at
    from sync.quarantine as q
    left join sync.links as l
        on l.system = q.system and l.entity = q.entity and l.record_id = q.record_id and l.unlinked_at is null
    where q.kind = 'target_rejection'
)

select cluster_id, changed_at
from link_events
union all
select cluster_id, changed_at
from record_events
union all
select cluster_id, changed_at
from quarantine_events
where cluster_id is not null
