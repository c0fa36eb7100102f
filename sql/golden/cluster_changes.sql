-- materialized: incremental
-- unique_key: cluster_id
-- When each cluster was last touched: a link made or ended, a member record restaged or written to
-- by the product, or a target rejection recorded or resolved in sync.quarantine (it holds a property
-- back, or releases it). Incremental golden and delta models recompute exactly the clusters touched
-- since their last run (changed_at > since); this run only adds the events since its own last run.
with link_events as (
    select cluster_id, linked_at as changed_at
    from sync.links
    where getvariable('since') is null or linked_at > getvariable('since')
    union all
    select cluster_id, unlinked_at
    from sync.links
    where unlinked_at is not null and (getvariable('since') is null or unlinked_at > getvariable('since'))
),

touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

quarantine_events as (
    select coalesce(q.cluster_id, l.cluster_id) as cluster_id, greatest(q.last_seen, q.resolved_at) as changed_at
    from sync.quarantine as q
    left join sync.links as l
        on l.system = q.system and l.entity = q.entity and l.record_id = q.record_id and l.unlinked_at is null
    where q.kind = 'target_rejection'
        and (getvariable('since') is null or greatest(q.last_seen, q.resolved_at) > getvariable('since'))
),

events as (
    select cluster_id, changed_at
    from link_events
    union all
    select cluster_id, changed_at
    from record_events
    union all
    select cluster_id, changed_at
    from quarantine_events
    where cluster_id is not null
)

select cluster_id, max(changed_at) as changed_at, getvariable('run_at') as _transformed_at
from events
group by cluster_id
