-- Who changed a VAT number, where, when, and when did we push it? (set CUSTOMER to narrow it down)
select
    h.cluster_id,
    h.system || '.' || h.entity as changed_in,
    h.record_id,
    h.old_value,
    h.new_value,
    h.changed_at,
    h.change_source,
    (select min(p.sent_at) from analysis.pushed as p
     where p.cluster_id = h.cluster_id and p.property = 'vat_number' and p.sent_at >= h.changed_at) as pushed_at
from analysis.customer_history as h
where h.property = 'vat_number'
    and h.old_value is not null  -- a change, not the first observation
    and h.old_value is distinct from h.new_value
    and (getvariable('customer') is null or h.new_value = upper(getvariable('customer'))
         or h.old_value = upper(getvariable('customer')))
order by h.changed_at desc
limit 50
