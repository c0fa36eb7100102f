-- Which source records have no CustomPMS customer, and why (not linked yet, held by a conflict, create pending or failing)?
-- CUSTOMER narrows it to a name, email, VAT number or record id.
select system, entity, record_id, name, email, vat_number, reason, create_attempts, create_error
from analysis.unmatched
where getvariable('customer') is null
    or name ilike '%' || trim(getvariable('customer')) || '%'
    or email = lower(trim(getvariable('customer')))
    or vat_number = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g'))
    or lower(record_id) = lower(trim(getvariable('customer')))
order by system, entity, name
limit 50
