-- materialized: view
-- Operations that failed (retried on the next push) or are dead (a person must act), newest first.
select
    id as outbox_id,
    target_system,
    target_entity,
    record_id,
    cluster_id,
    operation,
    status,
    attempts,
    last_error,
    payload,
    updated_at
from sync.outbox
where status in ('failed', 'dead')
order by updated_at desc
