-- materialized: view
-- Everything that needs a person, open now (sync.quarantine without the resolved and ignored rows):
-- records a source sent that could not be read, source values and delta properties that break a
-- target's constraints, values a target rejected, oversized values and match conflicts; with the
-- cluster and golden name of the record, and the operation a target rejection came from.
select
    q.quarantine_id,
    q.kind,
    q.system,
    q.entity,
    q.record_id,
    coalesce(l.cluster_id, q.cluster_id) as cluster_id,
    g.name as customer,
    q.property,
    q.value,
    q.reason,
    q.outbox_id,
    q.first_seen,
    q.last_seen,
    q.run_id
from sync.quarantine as q
left join sync.links as l
    on l.system = q.system and l.entity = q.entity and l.record_id = q.record_id and l.unlinked_at is null
left join golden.customers as g on g.cluster_id = coalesce(l.cluster_id, q.cluster_id)
where q.status = 'open'
