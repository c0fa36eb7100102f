-- What needs a person now: each open quarantine row, why, and since when (fix at the source, or make retry / resolve / ignore)?
-- CUSTOMER narrows it to a customer name, record id or cluster id.
select left(quarantine_id, 10) as id, kind, system || '.' || entity as target, record_id, customer, property, value,
       reason, first_seen::timestamp(0) as first_seen, last_seen::timestamp(0) as last_seen
from analysis.quarantine
where getvariable('customer') is null
    or customer ilike '%' || trim(getvariable('customer')) || '%'
    or lower(record_id) = lower(trim(getvariable('customer')))
    or cluster_id = getvariable('customer')
order by last_seen desc, kind
limit 100
