-- How many operations went to each system, per operation and outcome, and when was the last one sent?
select target_system, target_entity, operation, status, count(*) as operations, max(sent_at) as last_sent
from sync.outbox
group by all
order by all
