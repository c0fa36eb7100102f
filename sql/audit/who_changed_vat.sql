-- Who changed this VAT number, in which system and record, when, and when did the product push it on?
-- CUSTOMER: a VAT number (any separators), or a name, email or id of the customer; default: every VAT change.
with wanted as (
    select distinct k.cluster_id
    from analysis.customer_lookup as k
    where k.cluster_id = getvariable('customer')
        or lower(k.record_id) = lower(trim(getvariable('customer')))
        or k.customer ilike '%' || trim(getvariable('customer')) || '%'
        or k.name ilike '%' || trim(getvariable('customer')) || '%'
        or k.email = lower(trim(getvariable('customer')))
        or k.vat_number = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g'))
),

pushes as (
    select
        cluster_id,
        change_time,
        min(coalesce(sent_at, written_at)) as first_pushed_at,
        string_agg(target_system || '.' || target_entity || ' ' || operation || ' ' || status, '; '
                   order by target_system, target_entity) as pushed_to
    from analysis.pushed
    where property = 'vat_number'
    group by cluster_id, change_time
)

select
    h.cluster_id,
    case when h.change_source = 'ledger' then 'customer-sync (its own write)' else 'a person or app' end
        as changed_by,
    h.system || '.' || h.entity as changed_in,
    h.record_id,
    h.old_value,
    h.new_value,
    h.changed_at,
    h.run_id as seen_in_run,
    p.first_pushed_at,
    p.pushed_to
from analysis.customer_history as h
left join pushes as p on p.cluster_id = h.cluster_id and p.change_time = h.changed_at
where h.property = 'vat_number'
    and (h.first_seen or h.old_value is distinct from h.new_value)  -- not a new change time of the same value
    and (getvariable('customer') is null and not h.first_seen
         or h.cluster_id in (select cluster_id from wanted)
         or h.new_value = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g'))
         or h.old_value = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g')))
order by h.changed_at desc nulls last, h.recorded_at desc
limit 100
