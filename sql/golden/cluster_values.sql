-- materialized: incremental
-- unique_key: cluster_id
-- The golden record, per cluster, on one wide row: for each property the winning value, its change
-- time and the record it came from. The latest change wins (per property, not per record); empty
-- never overwrites non-empty; ties break by sync.system_priority, then by record. Deleted or archived
-- members contribute nothing, except that when every source member is gone (option
-- deactivate_on_delete) their active=false, timed at the delete, takes part.
-- golden.cluster_properties (one row per cluster and property) and golden.customers (canonical
-- columns) are views of it.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

members as (
    select
        l.cluster_id, r.system, r.entity, r.record_id, r.is_deleted, coalesce(sp.priority, 1000) as priority,
        r.name, r.code, r.email, r.phone, r.mobile, r.fax, r.website, r.notes, r.vat_number,
        r.registration_number, r.currency, r.address_line1, r.address_line2, r.address_line3, r.postal_code,
        r.city, r.region, r.country, r.contact_first_name, r.contact_last_name, r.active
    from sync.links as l
    inner join scope as c on c.cluster_id = l.cluster_id
    inner join golden.record_values as r
        on r.system = l.system and r.entity = l.entity and r.record_id = l.record_id
    left join sync.system_priority as sp on sp.system = l.system and sp.entity = l.entity
    where l.unlinked_at is null
),

gone_clusters as (
    select cluster_id
    from members
    where system <> 'custompms'
    group by cluster_id
    having bool_and(is_deleted)
        and (select coalesce(max(value), false) from sync.options where name = 'deactivate_on_delete')
),

contributions as (
    -- present members offer every value; the source members of a gone cluster offer their active
    select
        m.cluster_id, m.system, m.entity, m.record_id,
        not m.is_deleted as present,
        m.system <> 'custompms' and g.cluster_id is not null as gone,
        -- the order of a tie: lower priority first, then system, entity and record
        {'priority': m.priority, 'system': m.system, 'entity': m.entity, 'record_id': m.record_id} as tie,
        m.name, m.code, m.email, m.phone, m.mobile, m.fax,
        m.website, m.notes, m.vat_number, m.registration_number, m.currency, m.address_line1,
        m.address_line2, m.address_line3, m.postal_code, m.city, m.region,
        m.country, m.contact_first_name, m.contact_last_name, m.active
    from members as m
    left join gone_clusters as g on g.cluster_id = m.cluster_id
),

winners as (
    -- per property the newest change (a missing change time loses), then the tie order
    select
        cluster_id,
        arg_min(
            {
                'property': 'name', 'value': name.value, 'changed_at': name.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(name.changed_at), 'tie': tie}
        ) filter (where present and name.value is not null) as name,
        arg_min(
            {
                'property': 'code', 'value': code.value, 'changed_at': code.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(code.changed_at), 'tie': tie}
        ) filter (where present and code.value is not null) as code,
        arg_min(
            {
                'property': 'email', 'value': email.value, 'changed_at': email.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(email.changed_at), 'tie': tie}
        ) filter (where present and email.value is not null) as email,
        arg_min(
            {
                'property': 'phone', 'value': phone.value, 'changed_at': phone.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(phone.changed_at), 'tie': tie}
        ) filter (where present and phone.value is not null) as phone,
        arg_min(
            {
                'property': 'mobile', 'value': mobile.value, 'changed_at': mobile.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(mobile.changed_at), 'tie': tie}
        ) filter (where present and mobile.value is not null) as mobile,
        arg_min(
            {
                'property': 'fax', 'value': fax.value, 'changed_at': fax.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(fax.changed_at), 'tie': tie}
        ) filter (where present and fax.value is not null) as fax,
        arg_min(
            {
                'property': 'website', 'value': website.value, 'changed_at': website.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(website.changed_at), 'tie': tie}
        ) filter (where present and website.value is not null) as website,
        arg_min(
            {
                'property': 'notes', 'value': notes.value, 'changed_at': notes.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(notes.changed_at), 'tie': tie}
        ) filter (where present and notes.value is not null) as notes,
        arg_min(
            {
                'property': 'vat_number', 'value': vat_number.value, 'changed_at': vat_number.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(vat_number.changed_at), 'tie': tie}
        ) filter (where present and vat_number.value is not null) as vat_number,
        arg_min(
            {
                'property': 'registration_number', 'value': registration_number.value, 'changed_at': registration_number.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(registration_number.changed_at), 'tie': tie}
        ) filter (where present and registration_number.value is not null) as registration_number,
        arg_min(
            {
                'property': 'currency', 'value': currency.value, 'changed_at': currency.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(currency.changed_at), 'tie': tie}
        ) filter (where present and currency.value is not null) as currency,
        arg_min(
            {
                'property': 'address_line1', 'value': address_line1.value, 'changed_at': address_line1.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(address_line1.changed_at), 'tie': tie}
        ) filter (where present and address_line1.value is not null) as address_line1,
        arg_min(
            {
                'property': 'address_line2', 'value': address_line2.value, 'changed_at': address_line2.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(address_line2.changed_at), 'tie': tie}
        ) filter (where present and address_line2.value is not null) as address_line2,
        arg_min(
            {
                'property': 'address_line3', 'value': address_line3.value, 'changed_at': address_line3.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(address_line3.changed_at), 'tie': tie}
        ) filter (where present and address_line3.value is not null) as address_line3,
        arg_min(
            {
                'property': 'postal_code', 'value': postal_code.value, 'changed_at': postal_code.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(postal_code.changed_at), 'tie': tie}
        ) filter (where present and postal_code.value is not null) as postal_code,
        arg_min(
            {
                'property': 'city', 'value': city.value, 'changed_at': city.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(city.changed_at), 'tie': tie}
        ) filter (where present and city.value is not null) as city,
        arg_min(
            {
                'property': 'region', 'value': region.value, 'changed_at': region.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(region.changed_at), 'tie': tie}
        ) filter (where present and region.value is not null) as region,
        arg_min(
            {
                'property': 'country', 'value': country.value, 'changed_at': country.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(country.changed_at), 'tie': tie}
        ) filter (where present and country.value is not null) as country,
        arg_min(
            {
                'property': 'contact_first_name', 'value': contact_first_name.value, 'changed_at': contact_first_name.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(contact_first_name.changed_at), 'tie': tie}
        ) filter (where present and contact_first_name.value is not null) as contact_first_name,
        arg_min(
            {
                'property': 'contact_last_name', 'value': contact_last_name.value, 'changed_at': contact_last_name.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(contact_last_name.changed_at), 'tie': tie}
        ) filter (where present and contact_last_name.value is not null) as contact_last_name,
        arg_min(
            {
                'property': 'active', 'value': active.value, 'changed_at': active.changed_at,
                'source_system': system, 'source_entity': entity, 'source_record_id': record_id
            },
            {'newest': -epoch_us(active.changed_at), 'tie': tie}
        ) filter (where (present or gone) and active.value is not null) as active
    from contributions
    group by cluster_id
)

select
    cluster_id,
    name, code, email, phone, mobile, fax, website,
    notes, vat_number, registration_number, currency, address_line1,
    address_line2, address_line3, postal_code, city, region,
    country, contact_first_name, contact_last_name, active,
    getvariable('run_at') as _transformed_at
from winners
where coalesce(
    name, code, email, phone, mobile, fax, website,
    notes, vat_number, registration_number, currency, address_line1,
    address_line2, address_line3, postal_code, city, region,
    country, contact_first_name, contact_last_name, active
) is not null
