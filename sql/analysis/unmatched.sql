-- materialized: view
-- Source records without a CustomPMS customer in their cluster (yet), and why they may wait.
with cluster_has_custompms as (
    select distinct cluster_id
    from sync.links
    where system = 'custompms' and unlinked_at is null
),

held as (
    select system, entity, record_id, any_value(kind) as conflict_kind
    from sync.match_conflicts
    where resolved_at is null
    group by all
)

select
    s.system,
    s.entity,
    s.record_id,
    s.name,
    s.email,
    s.vat_number,
    l.cluster_id,
    h.conflict_kind
from staging.stg_customers as s
left join sync.links as l
    on l.system = s.system and l.entity = s.entity and l.record_id = s.record_id and l.unlinked_at is null
left join held as h on h.system = s.system and h.entity = s.entity and h.record_id = s.record_id
where s.system <> 'custompms'
    and not s.is_deleted
    and (l.cluster_id is null or l.cluster_id not in (select cluster_id from cluster_has_custompms))
