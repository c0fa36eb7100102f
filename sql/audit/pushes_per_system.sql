-- Everything pushed, per target system, operation and outcome.
select target_system, operation, status, count(*) as operations, max(sent_at) as last_sent
from sync.outbox
group by all
order by all
