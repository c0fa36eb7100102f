-- materialized: view
-- Operations that failed (retried by the next push) or are dead (they used up their attempts: a
-- person must act), with the target system's answer in last_error; newest first.
select
    id as outbox_id,
    target_system,
    target_entity,
    record_id,
    scope_id,
    cluster_id,
    operation,
    status,
    attempts,
    last_error,
    payload,
    created_at,
    sent_at,
    updated_at,
    run_id
from sync.outbox
where status in ('failed', 'dead')
order by updated_at desc
