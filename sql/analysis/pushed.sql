-- materialized: view
-- Everything the product pushed and why: per operation and property the value's hash, the change
-- time it carried (the edit that won, DESIGN.md section 5) and the cluster's winning source record.
select
    o.id as outbox_id,
    o.target_system,
    o.target_entity,
    coalesce(o.record_id, o.response_id) as record_id,
    o.cluster_id,
    o.operation,
    o.status,
    o.sent_at,
    o.run_id,
    w.property,
    w.change_time,
    p.value as golden_value,
    p.source_system as because_of_system,
    p.source_entity as because_of_entity,
    p.source_record_id as because_of_record
from sync.outbox as o
left join sync.write_ledger as w on w.outbox_id = o.id
left join golden.cluster_properties as p on p.cluster_id = o.cluster_id and p.property = w.property
