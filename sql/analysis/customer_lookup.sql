-- materialized: view
-- Find a customer: one row per linked record with its cluster, the golden name and the record's
-- own name, email, VAT and registration number (normalised as staging does) and code, to search by
-- any of them (the canned audit queries filter on it with the `customer` variable).
select
    l.cluster_id,
    g.name as customer,
    l.system,
    l.entity,
    l.record_id,
    s.name,
    s.email,
    s.vat_number,
    s.registration_number,
    s.code,
    s.is_deleted
from sync.links as l
left join staging.stg_customers as s
    on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
left join golden.customers as g on g.cluster_id = l.cluster_id
where l.unlinked_at is null
