-- The last runs: what each did, how long it took and how many API calls it cost.
select
    run_id,
    command,
    status,
    started_at::timestamp(0) as started,
    round(epoch(ended_at - started_at), 1) as seconds,
    rows_extracted,
    api_calls,
    deltas,
    ops_succeeded,
    ops_failed,
    ops_skipped,
    message
from sync.runs
order by started_at desc
limit 20
