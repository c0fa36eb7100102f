-- Why does a customer look the way it does? Per property: the winning value, the system and record it came from, and when it changed there.
-- Set the customer with `make sql` or `make audit NAME=customer_explain CUSTOMER=<name, email or VAT>`; default: the most recently changed one.
with wanted as (
    select cluster_id
    from golden.customers
    where getvariable('customer') is null
        or name ilike '%' || getvariable('customer') || '%'
        or email = lower(getvariable('customer'))
        or vat_number = upper(getvariable('customer'))
    order by changed_at desc
    limit 1
)

select
    g.name as customer,
    p.property,
    p.value,
    p.source_system || '.' || p.source_entity as won_in,
    p.changed_at
from golden.cluster_properties as p
inner join wanted as w on w.cluster_id = p.cluster_id
inner join golden.customers as g on g.cluster_id = p.cluster_id
order by p.property
