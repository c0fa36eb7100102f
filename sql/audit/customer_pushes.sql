-- What did the product push for this customer, to which system, with what outcome, and which edit made it push?
-- CUSTOMER: a name, email, VAT or registration number, record id or cluster id; default: the latest 100 pushed properties.
with wanted as (
    select distinct k.cluster_id
    from analysis.customer_lookup as k
    where k.cluster_id = getvariable('customer')
        or lower(k.record_id) = lower(trim(getvariable('customer')))
        or k.customer ilike '%' || trim(getvariable('customer')) || '%'
        or k.name ilike '%' || trim(getvariable('customer')) || '%'
        or k.email = lower(trim(getvariable('customer')))
        or k.vat_number = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g'))
        or k.registration_number = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g'))
)

select
    p.target_system || '.' || p.target_entity as target,
    p.record_id,
    p.operation,
    p.status,
    p.property,
    p.value,
    p.because_of_system || '.' || p.because_of_entity as because_of,
    p.because_of_record,
    p.change_time as edited_at,
    p.sent_at,
    p.last_error,
    p.cluster_id
from analysis.pushed as p
where getvariable('customer') is null or p.cluster_id in (select cluster_id from wanted)
order by p.created_at desc, p.outbox_id, p.property
limit 100
