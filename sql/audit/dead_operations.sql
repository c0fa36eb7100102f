-- Which operations failed or are dead (given up after their attempts), and what did the target system answer?
select target_system, target_entity, operation, record_id, status, attempts, last_error, updated_at, outbox_id
from analysis.failed_operations
order by status = 'dead' desc, updated_at desc
limit 50
