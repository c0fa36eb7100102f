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

record_events as (
    select l.cluster_id, r._transformed_at as changed_at
    from staging.stg_customers as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
    where getvariable('since') is null or r._transformed_at > getvariable('since')
    union all
    select l.cluster_id, w.written_at
    from sync.write_ledger as w
    inner join sync.links as l
        on l.system = w.target_system and l.entity = w.target_entity and l.record_id = w.record_id
    where getvariable('since') is null or w.written_at > getvariable('since')
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
