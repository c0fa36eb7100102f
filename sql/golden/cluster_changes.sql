-- materialized: incremental
-- unique_key: cluster_id
-- When each cluster was last touched: a link made or ended, or a member record restaged or written
-- to by the product. Incremental golden and delta models recompute exactly the clusters touched since
-- their last run (changed_at > since); this run only adds the events since its own last run.
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

events as (
    select cluster_id, changed_at
    from link_events
    union all
    select cluster_id, changed_at
    from record_events
)

select cluster_id, max(changed_at) as changed_at, getvariable('run_at') as _transformed_at
from events
group by cluster_id
