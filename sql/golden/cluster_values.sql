-- materialized: incremental
-- unique_key: cluster_id
-- The golden record, per cluster, on one wide row: for each property the winning value, its change
-- time and the member it came from (its place in member_records, 'system.entity:record_id' in tie
-- order). The latest change wins (per property, not per record); empty never overwrites non-empty;
-- ties break by sync.system_priority, then by record. Deleted or archived members contribute
-- nothing, except that when every source member is gone (option deactivate_on_delete) their
-- active=false, timed at the delete, takes part; and a cluster with no CustomPMS customer whose
-- every source member is gone (archived or deleted when we first saw it: option
-- create_archived_at_first_sight) takes their last values, for an inactive create. A value
-- staging.source_violations says does not contribute (invalid email, unknown country or currency)
-- is skipped. A truncation the product wrote (ending in ' [truncated]', see delta.projected_values)
-- loses a tie against the value it was cut from. golden.cluster_properties (one row per cluster and
-- property) and golden.customers (canonical columns) are views of it.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

linked as (
    -- a member's place in a tie: lower priority first, then system, entity and record
    select
        l.cluster_id, l.system, l.entity, l.record_id,
        row_number() over (
            partition by l.cluster_id order by coalesce(sp.priority, 1000), l.system, l.entity, l.record_id
        ) as tie
    from sync.links as l
    inner join scope as c on c.cluster_id = l.cluster_id
    left join sync.system_priority as sp on sp.system = l.system and sp.entity = l.entity
    where l.unlinked_at is null
),

rewritten as (
    -- the records whose golden.record_values row was written since: its newest rows, which a filter on the
    -- stamp reads without the older row groups
    select system, entity, record_id
    from golden.record_values
    where _transformed_at > getvariable('since')
),

older_members as materialized (
    -- the scope's members not rewritten since (materialized, so the lookup below starts from them: when
    -- there are none, the older rows are not read)
    select k.cluster_id, k.tie, k.system, k.entity, k.record_id
    from linked as k
    anti join rewritten as n on n.system = k.system and n.entity = k.entity and n.record_id = k.record_id
    where getvariable('since') is not null
),

members as (
    -- a rewritten member's values come from those newest rows; only the other members are looked up in
    -- the older rows
    select
        k.cluster_id, k.tie, r.system, r.entity, r.record_id, r.is_deleted, r.observed_echoes,
        r.name, r.code, r.email, r.phone, r.mobile, r.fax, r.website,
        r.notes, r.vat_number, r.registration_number, r.currency, r.address_line1, r.address_line2, r.address_line3,
        r.postal_code, r.city, r.region, r.country, r.contact_first_name, r.contact_last_name, r.active
    from linked as k
    inner join golden.record_values as r
        on r.system = k.system and r.entity = k.entity and r.record_id = k.record_id
    where getvariable('since') is null or r._transformed_at > getvariable('since')
    union all
    select
        k.cluster_id, k.tie, r.system, r.entity, r.record_id, r.is_deleted, r.observed_echoes,
        r.name, r.code, r.email, r.phone, r.mobile, r.fax, r.website,
        r.notes, r.vat_number, r.registration_number, r.currency, r.address_line1, r.address_line2, r.address_line3,
        r.postal_code, r.city, r.region, r.country, r.contact_first_name, r.contact_last_name, r.active
    from older_members as k
    inner join golden.record_values as r
        on r.system = k.system and r.entity = k.entity and r.record_id = k.record_id
    where r._transformed_at <= getvariable('since')
),

gone_clusters as (
    select cluster_id
    from members
    where system <> 'custompms'
    group by cluster_id
    having bool_and(is_deleted)
        and (select coalesce(max(value), false) from sync.options where name = 'deactivate_on_delete')
),

gone_without_custompms as (
    -- gone before a CustomPMS customer was made for them: their last values make the create
    select cluster_id
    from members
    group by cluster_id
    having bool_and(is_deleted and system <> 'custompms')
        and (select coalesce(max(value), true) from sync.options where name = 'create_archived_at_first_sight')
),

invalid_values as (
    -- per record, the properties whose value breaks the canonical rules
    select system, entity, record_id, list(distinct property) as properties
    from staging.source_violations
    where not contributes
    group by system, entity, record_id
),

contributions as (
    -- present members offer every valid value; the source members of a gone cluster offer their active
    select
        m.cluster_id,
        m.tie,
        m.observed_echoes,
        m.name, m.code, m.email, m.phone, m.mobile, m.fax, m.website,
        m.notes, m.vat_number, m.registration_number, m.currency, m.address_line1, m.address_line2, m.address_line3,
        m.postal_code, m.city, m.region, m.country, m.contact_first_name, m.contact_last_name, m.active,
        not m.is_deleted or w.cluster_id is not null as present,
        m.system <> 'custompms' and g.cluster_id is not null as gone,
        coalesce(i.properties, []) as invalid,
        m.system || '.' || m.entity || ':' || m.record_id as source
    from members as m
    left join gone_clusters as g on g.cluster_id = m.cluster_id
    left join gone_without_custompms as w on w.cluster_id = m.cluster_id
    left join invalid_values as i on i.system = m.system and i.entity = m.entity and i.record_id = m.record_id
),

ranked as (
    -- per offered value one number that sorts the winner first: the newest change in microseconds (a
    -- missing change time after every other; times beyond some 1,500 years from 1970 count as that
    -- far), times 128, then our own truncation after the value it was cut from (64), then the place in
    -- a tie (a cluster has a member per system and entity)
    select
        cluster_id,
        tie,
        source,
        name.value as name_value, name.changed_at as name_changed_at,
        code.value as code_value, code.changed_at as code_changed_at,
        email.value as email_value, email.changed_at as email_changed_at,
        phone.value as phone_value, phone.changed_at as phone_changed_at,
        mobile.value as mobile_value, mobile.changed_at as mobile_changed_at,
        fax.value as fax_value, fax.changed_at as fax_changed_at,
        website.value as website_value, website.changed_at as website_changed_at,
        notes.value as notes_value, notes.changed_at as notes_changed_at,
        vat_number.value as vat_number_value, vat_number.changed_at as vat_number_changed_at,
        registration_number.value as registration_number_value, registration_number.changed_at as registration_number_changed_at,
        currency.value as currency_value, currency.changed_at as currency_changed_at,
        address_line1.value as address_line1_value, address_line1.changed_at as address_line1_changed_at,
        address_line2.value as address_line2_value, address_line2.changed_at as address_line2_changed_at,
        address_line3.value as address_line3_value, address_line3.changed_at as address_line3_changed_at,
        postal_code.value as postal_code_value, postal_code.changed_at as postal_code_changed_at,
        city.value as city_value, city.changed_at as city_changed_at,
        region.value as region_value, region.changed_at as region_changed_at,
        country.value as country_value, country.changed_at as country_changed_at,
        contact_first_name.value as contact_first_name_value, contact_first_name.changed_at as contact_first_name_changed_at,
        contact_last_name.value as contact_last_name_value, contact_last_name.changed_at as contact_last_name_changed_at,
        active.value as active_value, active.changed_at as active_changed_at,
        case when present and name.value is not null
                and not list_contains(invalid, 'name') then
            coalesce(least(greatest(-epoch_us(name.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'name') and name.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as name_rank,
        case when present and code.value is not null
                and not list_contains(invalid, 'code') then
            coalesce(least(greatest(-epoch_us(code.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'code') and code.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as code_rank,
        case when present and email.value is not null
                and not list_contains(invalid, 'email') then
            coalesce(least(greatest(-epoch_us(email.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'email') and email.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as email_rank,
        case when present and phone.value is not null
                and not list_contains(invalid, 'phone') then
            coalesce(least(greatest(-epoch_us(phone.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'phone') and phone.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as phone_rank,
        case when present and mobile.value is not null
                and not list_contains(invalid, 'mobile') then
            coalesce(least(greatest(-epoch_us(mobile.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'mobile') and mobile.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as mobile_rank,
        case when present and fax.value is not null
                and not list_contains(invalid, 'fax') then
            coalesce(least(greatest(-epoch_us(fax.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'fax') and fax.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as fax_rank,
        case when present and website.value is not null
                and not list_contains(invalid, 'website') then
            coalesce(least(greatest(-epoch_us(website.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'website') and website.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as website_rank,
        case when present and notes.value is not null
                and not list_contains(invalid, 'notes') then
            coalesce(least(greatest(-epoch_us(notes.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'notes') and notes.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as notes_rank,
        case when present and vat_number.value is not null
                and not list_contains(invalid, 'vat_number') then
            coalesce(least(greatest(-epoch_us(vat_number.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'vat_number') and vat_number.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as vat_number_rank,
        case when present and registration_number.value is not null
                and not list_contains(invalid, 'registration_number') then
            coalesce(least(greatest(-epoch_us(registration_number.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'registration_number') and registration_number.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as registration_number_rank,
        case when present and currency.value is not null
                and not list_contains(invalid, 'currency') then
            coalesce(least(greatest(-epoch_us(currency.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'currency') and currency.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as currency_rank,
        case when present and address_line1.value is not null
                and not list_contains(invalid, 'address_line1') then
            coalesce(least(greatest(-epoch_us(address_line1.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'address_line1') and address_line1.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as address_line1_rank,
        case when present and address_line2.value is not null
                and not list_contains(invalid, 'address_line2') then
            coalesce(least(greatest(-epoch_us(address_line2.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'address_line2') and address_line2.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as address_line2_rank,
        case when present and address_line3.value is not null
                and not list_contains(invalid, 'address_line3') then
            coalesce(least(greatest(-epoch_us(address_line3.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'address_line3') and address_line3.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as address_line3_rank,
        case when present and postal_code.value is not null
                and not list_contains(invalid, 'postal_code') then
            coalesce(least(greatest(-epoch_us(postal_code.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'postal_code') and postal_code.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as postal_code_rank,
        case when present and city.value is not null
                and not list_contains(invalid, 'city') then
            coalesce(least(greatest(-epoch_us(city.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'city') and city.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as city_rank,
        case when present and region.value is not null
                and not list_contains(invalid, 'region') then
            coalesce(least(greatest(-epoch_us(region.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'region') and region.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as region_rank,
        case when present and country.value is not null
                and not list_contains(invalid, 'country') then
            coalesce(least(greatest(-epoch_us(country.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'country') and country.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as country_rank,
        case when present and contact_first_name.value is not null
                and not list_contains(invalid, 'contact_first_name') then
            coalesce(least(greatest(-epoch_us(contact_first_name.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'contact_first_name') and contact_first_name.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as contact_first_name_rank,
        case when present and contact_last_name.value is not null
                and not list_contains(invalid, 'contact_last_name') then
            coalesce(least(greatest(-epoch_us(contact_last_name.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'contact_last_name') and contact_last_name.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as contact_last_name_rank,
        case when (present or gone) and active.value is not null
                and not list_contains(invalid, 'active') then
            coalesce(least(greatest(-epoch_us(active.changed_at), -50000000000000000), 50000000000000000), 50000000000000000 + 1) * 128
                + coalesce(map_contains(observed_echoes, 'active') and active.value like '% [truncated]', false)::integer * 64
                + least(tie, 63)
        end as active_rank
    from contributions
),

winners as (
    -- per property the offer ranked first: its value, change time and place in member_records
    select
        cluster_id,
        list(source order by tie) as member_records,
        arg_min({'value': name_value, 'changed_at': name_changed_at, 'member': least(tie, 63)}, name_rank) as name,
        arg_min({'value': code_value, 'changed_at': code_changed_at, 'member': least(tie, 63)}, code_rank) as code,
        arg_min({'value': email_value, 'changed_at': email_changed_at, 'member': least(tie, 63)}, email_rank) as email,
        arg_min({'value': phone_value, 'changed_at': phone_changed_at, 'member': least(tie, 63)}, phone_rank) as phone,
        arg_min({'value': mobile_value, 'changed_at': mobile_changed_at, 'member': least(tie, 63)}, mobile_rank) as mobile,
        arg_min({'value': fax_value, 'changed_at': fax_changed_at, 'member': least(tie, 63)}, fax_rank) as fax,
        arg_min({'value': website_value, 'changed_at': website_changed_at, 'member': least(tie, 63)}, website_rank) as website,
        arg_min({'value': notes_value, 'changed_at': notes_changed_at, 'member': least(tie, 63)}, notes_rank) as notes,
        arg_min({'value': vat_number_value, 'changed_at': vat_number_changed_at, 'member': least(tie, 63)}, vat_number_rank) as vat_number,
        arg_min({'value': registration_number_value, 'changed_at': registration_number_changed_at, 'member': least(tie, 63)}, registration_number_rank) as registration_number,
        arg_min({'value': currency_value, 'changed_at': currency_changed_at, 'member': least(tie, 63)}, currency_rank) as currency,
        arg_min({'value': address_line1_value, 'changed_at': address_line1_changed_at, 'member': least(tie, 63)}, address_line1_rank) as address_line1,
        arg_min({'value': address_line2_value, 'changed_at': address_line2_changed_at, 'member': least(tie, 63)}, address_line2_rank) as address_line2,
        arg_min({'value': address_line3_value, 'changed_at': address_line3_changed_at, 'member': least(tie, 63)}, address_line3_rank) as address_line3,
        arg_min({'value': postal_code_value, 'changed_at': postal_code_changed_at, 'member': least(tie, 63)}, postal_code_rank) as postal_code,
        arg_min({'value': city_value, 'changed_at': city_changed_at, 'member': least(tie, 63)}, city_rank) as city,
        arg_min({'value': region_value, 'changed_at': region_changed_at, 'member': least(tie, 63)}, region_rank) as region,
        arg_min({'value': country_value, 'changed_at': country_changed_at, 'member': least(tie, 63)}, country_rank) as country,
        arg_min({'value': contact_first_name_value, 'changed_at': contact_first_name_changed_at, 'member': least(tie, 63)}, contact_first_name_rank) as contact_first_name,
        arg_min({'value': contact_last_name_value, 'changed_at': contact_last_name_changed_at, 'member': least(tie, 63)}, contact_last_name_rank) as contact_last_name,
        arg_min({'value': active_value, 'changed_at': active_changed_at, 'member': least(tie, 63)}, active_rank) as active
    from ranked
    group by cluster_id
)

select
    cluster_id,
    member_records,
    name,
    code,
    email,
    phone,
    mobile,
    fax,
    website,
    notes,
    vat_number,
    registration_number,
    currency,
    address_line1,
    address_line2,
    address_line3,
    postal_code,
    city,
    region,
    country,
    contact_first_name,
    contact_last_name,
    active,
    getvariable('run_at') as _transformed_at
from winners
where coalesce(
    name, code, email, phone, mobile, fax, website, notes, vat_number, registration_number, currency,
    address_line1, address_line2, address_line3, postal_code, city, region, country, contact_first_name,
    contact_last_name, active
) is not null
