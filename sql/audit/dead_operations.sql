-- Operations that failed or were given up on, with the target system's own message.
select target_system, operation, record_id, status, attempts, last_error, updated_at
from analysis.failed_operations
limit 50
