-- Which edits could not reach a read-only record (Exact Divisions and Departments), and what value does the customer have elsewhere?
select system, entity, record_id, property, current_value, wanted_value, cluster_id, recorded_at, run_id
from sync.not_writable
order by recorded_at desc, system, entity, record_id, property
limit 50
