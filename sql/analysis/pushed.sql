-- materialized: view
-- Everything the product pushed (or is about to push) and why: one row per operation and property.
-- The operation carries, per property, the hash of the golden value and the change time of the edit
-- that won (DESIGN.md section 5); the edit is found back in the property history of the cluster's
-- records (same change time, same value), which names the system, record and run behind the push.
-- written_at is when the write ledger recorded it (an update just before it was sent, a create
-- once CustomPMS answered with the new id).
with entries as (
    select
        o.id as outbox_id,
        o.target_system,
        o.target_entity,
        coalesce(o.record_id, o.response_id) as record_id,
        o.cluster_id,
        o.operation,
        o.status,
        o.attempts,
        o.last_error,
        o.created_at,
        o.sent_at,
        o.run_id,
        e.property,
        e.value_hash,
        try_cast(e.change_time as timestamptz) as change_time
    from sync.outbox as o,
        unnest(from_json(
            o.ledger_entries, '[{"property": "VARCHAR", "value_hash": "VARCHAR", "change_time": "VARCHAR"}]'
        )) as t(e)
),

drivers as (
    -- the edit that made the golden value: a cluster member's observed change with that time and value
    select
        e.outbox_id,
        e.property,
        h.value,
        h.system,
        h.entity,
        h.record_id,
        h.run_id
    from entries as e
    inner join sync.links as l on l.cluster_id = e.cluster_id
    inner join sync.property_history as h
        on h.system = l.system and h.entity = l.entity and h.record_id = l.record_id and h.property = e.property
        and h.changed_at = e.change_time and md5(h.value) = e.value_hash
    qualify row_number() over (
        partition by e.outbox_id, e.property
        order by h.change_source = 'observed' desc, h.recorded_at, h.system, h.entity, h.record_id
    ) = 1
),

written as (
    select outbox_id, property, min(written_at) as written_at
    from sync.write_ledger
    group by outbox_id, property
)

select
    e.outbox_id,
    e.target_system,
    e.target_entity,
    e.record_id,
    e.cluster_id,
    e.operation,
    e.status,
    e.attempts,
    e.last_error,
    e.property,
    d.value,
    e.change_time,
    d.system as because_of_system,
    d.entity as because_of_entity,
    d.record_id as because_of_record,
    d.run_id as observed_in_run,
    e.created_at,
    e.sent_at,
    w.written_at,
    e.run_id
from entries as e
left join drivers as d on d.outbox_id = e.outbox_id and d.property = e.property
left join written as w on w.outbox_id = e.outbox_id and w.property = e.property
