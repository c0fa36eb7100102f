-- What did the last runs do, how long did each take, and how many API calls did they cost per system?
select
    run_id,
    command,
    status,
    started_at::timestamp(0) as started,
    round(epoch(ended_at - started_at), 1) as seconds,
    stage_seconds,
    rows_extracted,
    api_calls,
    quarantined,
    deltas,
    ops_sent,
    ops_succeeded,
    ops_failed,
    ops_skipped,
    message
from sync.runs
order by started_at desc
limit 20
