-- Why does this customer look the way it does: per property, which value won, from which system and record, changed when, and what do its other records hold?
-- CUSTOMER (make audit NAME=customer_explain CUSTOMER=...): a name, email, VAT or registration number, record id or cluster id; default: the customer changed last.
with wanted as (
    select g.cluster_id
    from golden.customers as g
    where getvariable('customer') is null
        or g.cluster_id in (
            select k.cluster_id from analysis.customer_lookup as k
            where k.cluster_id = getvariable('customer')
                or lower(k.record_id) = lower(trim(getvariable('customer')))
                or k.customer ilike '%' || trim(getvariable('customer')) || '%'
                or k.name ilike '%' || trim(getvariable('customer')) || '%'
                or k.email = lower(trim(getvariable('customer')))
                or k.vat_number = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g'))
                or k.registration_number = upper(regexp_replace(getvariable('customer'), '[^A-Za-z0-9]', '', 'g'))
        )
    order by g.changed_at desc nulls last, g.cluster_id
    limit 1
),

members as (
    select l.cluster_id, m.system, m.entity, m.record_id, m.property, m.value, m.changed_at, m.change_source
    from sync.links as l
    inner join wanted as w on w.cluster_id = l.cluster_id
    inner join golden.record_properties as m
        on m.system = l.system and m.entity = l.entity and m.record_id = l.record_id
    where l.unlinked_at is null and not m.is_deleted
)

select
    g.name as customer,
    p.property,
    p.value,
    p.source_system || '.' || p.source_entity as won_in,
    p.source_record_id as record_id,
    p.changed_at,
    (  -- where the edit was made: the winner may hold the value because the product wrote it there
        select string_agg(m.system || '.' || m.entity || ' ' || m.record_id, '; ' order by m.system, m.record_id)
        from members as m
        where m.cluster_id = p.cluster_id and m.property = p.property and m.value = p.value
            and m.changed_at = p.changed_at and m.change_source = 'observed'
    ) as edited_in,
    (
        select string_agg(m.system || '.' || m.entity || ': ' || coalesce(m.value, '(empty)'), '; '
                          order by m.system, m.entity, m.record_id)
        from members as m
        where m.cluster_id = p.cluster_id and m.property = p.property and m.value is distinct from p.value
            and (m.value is not null or exists (  -- empty, in a system that has the field
                select 1 from delta.target_fields as f
                where f.target_system = m.system and f.target_entity = m.entity and f.property = m.property))
    ) as other_records_hold,
    p.cluster_id
from golden.cluster_properties as p
inner join wanted as w on w.cluster_id = p.cluster_id
inner join golden.customers as g on g.cluster_id = p.cluster_id
order by p.property
