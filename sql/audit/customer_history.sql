-- What changed in this customer's records, across systems: which value, where, when, and which run saw it?
-- CUSTOMER: a name, email, VAT or registration number, record id or cluster id; default: the latest 100 changes of all customers.
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
    h.cluster_id,
    h.system || '.' || h.entity as system,
    h.record_id,
    h.property,
    h.old_value,
    h.new_value,
    h.changed_at,
    h.change_source,
    h.first_seen,
    h.run_id
from analysis.customer_history as h
where (h.first_seen or h.old_value is distinct from h.new_value)  -- not a new change time of the same value
    and (getvariable('customer') is null and not h.first_seen or h.cluster_id in (select cluster_id from wanted))
order by h.changed_at desc nulls last, h.recorded_at desc, h.property
limit 100
