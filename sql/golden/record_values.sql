-- materialized: incremental
-- unique_key: system, entity, record_id
-- step: pipelines.models.steps:record_property_history
-- writes: sync.property_history
-- replaced_columns: pipelines.models.steps:changed_property_columns
-- Per record, on one wide row: each property's current value and when that value last changed.
-- The change time is the source modified time of the first version in the latest run of equal
-- values, so a record that edited its phone yesterday does not "change" its name. When the current
-- value is what the product itself wrote (sync.write_ledger, same value hash; its latest write known to
-- have landed or a later one), the change is an echo and carries the ledger's change time instead of the observed one (observed_echoes keeps the
-- observed times of those: property -> time). Each property is a struct (value, changed_at);
-- golden.record_properties shows them one row per record and property. Change times come from the
-- wide versions of the records seen more than once, each joined to the one before it (numbered by
-- one window), not from a row per version and property. The row is kept narrow: writing it is most of its cost.
-- changed_properties (an incremental run's rows; null on a full refresh or for a record's first version:
-- every property) names the properties that can differ from the row this one replaces: those a version
-- staged since changes, and those the product wrote to since. The history step compares only those, so it
-- reads only their columns of the replaced rows (steps.changed_property_columns).
with written_since as (
    -- records the product wrote to since
    select distinct target_system as system, target_entity as entity, record_id
    from sync.write_ledger
    where written_at > getvariable('since')
),

changed as (
    select
        s.system, s.entity, s.record_id, s.is_deleted, s.modified_at, s.name, s.code, s.email, s.phone,
        s.mobile, s.fax, s.website, s.notes, s.vat_number, s.registration_number, s.currency,
        s.address_line1, s.address_line2, s.address_line3, s.postal_code, s.city, s.region, s.country,
        s.contact_first_name, s.contact_last_name, s.active, true as restaged
    from staging.stg_customers as s
    where getvariable('since') is null or s._transformed_at > getvariable('since')
    union all
    select
        s.system, s.entity, s.record_id, s.is_deleted, s.modified_at, s.name, s.code, s.email, s.phone,
        s.mobile, s.fax, s.website, s.notes, s.vat_number, s.registration_number, s.currency,
        s.address_line1, s.address_line2, s.address_line3, s.postal_code, s.city, s.region, s.country,
        s.contact_first_name, s.contact_last_name, s.active, false
    from staging.stg_customers as s
    semi join written_since as w on w.system = s.system and w.entity = s.entity and w.record_id = s.record_id
    where s._transformed_at <= getvariable('since')  -- not restaged since
        -- a join on one column filters the scan through a Bloom filter (see sequenced)
        and s.record_id in (select record_id from written_since)
),

current_values as (
    -- the current version (staging picked it); values as text, booleans as 'true'/'false'
    select
        system, entity, record_id, is_deleted, modified_at, name, code, email, phone, mobile, fax, website,
        notes, vat_number, registration_number, currency, address_line1, address_line2, address_line3,
        postal_code, city, region, country, contact_first_name, contact_last_name, cast(active as varchar) as active,
        restaged
    from changed
),

record_versions as (
    -- every version on a full refresh; else the versions of the changed records (a branch whose
    -- condition is false is planned away, so a full refresh does not join the whole history)
    select v.system, v.entity, v.record_id
    from staging.stg_customer_versions as v
    where getvariable('since') is null
    union all
    select v.system, v.entity, v.record_id
    from staging.stg_customer_versions as v
    semi join current_values as c on c.system = v.system and c.entity = v.entity and c.record_id = v.record_id
    where getvariable('since') is not null
        and v.record_id in (select record_id from current_values)  -- see sequenced
),

seen_again as (
    -- only a record seen in more than one version has a history to read
    select system, entity, record_id
    from record_versions
    group by system, entity, record_id
    having count(*) > 1
),

sequenced as (
    -- each version of a record seen again, numbered in the order observed
    select
        v.system, v.entity, v.record_id, v.modified_at, row_number() over observed_order as seq,
        v.name, v.code, v.email, v.phone, v.mobile, v.fax, v.website, v.notes, v.vat_number,
        v.registration_number, v.currency, v.address_line1, v.address_line2, v.address_line3, v.postal_code,
        v.city, v.region, v.country, v.contact_first_name, v.contact_last_name, v.active, v._transformed_at
    from staging.stg_customer_versions as v
    semi join seen_again as a on a.system = v.system and a.entity = v.entity and a.record_id = v.record_id
    -- a join on one column filters the scan through a Bloom filter, so the history's wide columns are read
    -- for the rows that may match only (a join on several columns does not); a full refresh reads all
    where getvariable('since') is null or v.record_id in (select record_id from seen_again)
    window observed_order as (
        partition by v.system, v.entity, v.record_id
        order by v.modified_at asc nulls first, v._extracted_at asc, v.is_deleted asc, v.source_version asc
    )
),

history_changes as (
    -- a value changes where it differs from the version before (b; the first version counts as a
    -- change); the latest change is when the current value appeared. The version before is found by its
    -- number: one join instead of a lag per property over the window (which carries every row through
    -- each of them)
    select
        a.system, a.entity, a.record_id,
        max(a.modified_at) filter (where a.seq = 1 or a.name is distinct from b.name) as name,
        max(a.modified_at) filter (where a.seq = 1 or a.code is distinct from b.code) as code,
        max(a.modified_at) filter (where a.seq = 1 or a.email is distinct from b.email) as email,
        max(a.modified_at) filter (where a.seq = 1 or a.phone is distinct from b.phone) as phone,
        max(a.modified_at) filter (where a.seq = 1 or a.mobile is distinct from b.mobile) as mobile,
        max(a.modified_at) filter (where a.seq = 1 or a.fax is distinct from b.fax) as fax,
        max(a.modified_at) filter (where a.seq = 1 or a.website is distinct from b.website) as website,
        max(a.modified_at) filter (where a.seq = 1 or a.notes is distinct from b.notes) as notes,
        max(a.modified_at) filter (where a.seq = 1 or a.vat_number is distinct from b.vat_number) as vat_number,
        max(a.modified_at) filter (where a.seq = 1 or a.registration_number is distinct from b.registration_number) as registration_number,
        max(a.modified_at) filter (where a.seq = 1 or a.currency is distinct from b.currency) as currency,
        max(a.modified_at) filter (where a.seq = 1 or a.address_line1 is distinct from b.address_line1) as address_line1,
        max(a.modified_at) filter (where a.seq = 1 or a.address_line2 is distinct from b.address_line2) as address_line2,
        max(a.modified_at) filter (where a.seq = 1 or a.address_line3 is distinct from b.address_line3) as address_line3,
        max(a.modified_at) filter (where a.seq = 1 or a.postal_code is distinct from b.postal_code) as postal_code,
        max(a.modified_at) filter (where a.seq = 1 or a.city is distinct from b.city) as city,
        max(a.modified_at) filter (where a.seq = 1 or a.region is distinct from b.region) as region,
        max(a.modified_at) filter (where a.seq = 1 or a.country is distinct from b.country) as country,
        max(a.modified_at) filter (where a.seq = 1 or a.contact_first_name is distinct from b.contact_first_name) as contact_first_name,
        max(a.modified_at) filter (where a.seq = 1 or a.contact_last_name is distinct from b.contact_last_name) as contact_last_name,
        max(a.modified_at) filter (where a.seq = 1 or a.active is distinct from b.active) as active
    from sequenced as a
    left join sequenced as b
        on b.system = a.system and b.entity = a.entity and b.record_id = a.record_id and b.seq = a.seq - 1
    group by a.system, a.entity, a.record_id
),

staged_changes as (
    -- an incremental run's versions staged since, and the properties they change (differ from the version
    -- before, or the record's first version): only these can have a new value or change time (a full
    -- refresh replaces nothing, and the branch is planned away)
    select
        a.system, a.entity, a.record_id,
        list_distinct(flatten(list(list_filter([
            case when a.seq = 1 or a.name is distinct from b.name then 'name' end,
            case when a.seq = 1 or a.code is distinct from b.code then 'code' end,
            case when a.seq = 1 or a.email is distinct from b.email then 'email' end,
            case when a.seq = 1 or a.phone is distinct from b.phone then 'phone' end,
            case when a.seq = 1 or a.mobile is distinct from b.mobile then 'mobile' end,
            case when a.seq = 1 or a.fax is distinct from b.fax then 'fax' end,
            case when a.seq = 1 or a.website is distinct from b.website then 'website' end,
            case when a.seq = 1 or a.notes is distinct from b.notes then 'notes' end,
            case when a.seq = 1 or a.vat_number is distinct from b.vat_number then 'vat_number' end,
            case when a.seq = 1 or a.registration_number is distinct from b.registration_number then 'registration_number' end,
            case when a.seq = 1 or a.currency is distinct from b.currency then 'currency' end,
            case when a.seq = 1 or a.address_line1 is distinct from b.address_line1 then 'address_line1' end,
            case when a.seq = 1 or a.address_line2 is distinct from b.address_line2 then 'address_line2' end,
            case when a.seq = 1 or a.address_line3 is distinct from b.address_line3 then 'address_line3' end,
            case when a.seq = 1 or a.postal_code is distinct from b.postal_code then 'postal_code' end,
            case when a.seq = 1 or a.city is distinct from b.city then 'city' end,
            case when a.seq = 1 or a.region is distinct from b.region then 'region' end,
            case when a.seq = 1 or a.country is distinct from b.country then 'country' end,
            case when a.seq = 1 or a.contact_first_name is distinct from b.contact_first_name then 'contact_first_name' end,
            case when a.seq = 1 or a.contact_last_name is distinct from b.contact_last_name then 'contact_last_name' end,
            case when a.seq = 1 or a.active is distinct from b.active then 'active' end
        ], lambda p: p is not null)))) as properties
    from sequenced as a
    left join sequenced as b
        on b.system = a.system and b.entity = a.entity and b.record_id = a.record_id and b.seq = a.seq - 1
    where getvariable('since') is not null and a._transformed_at > getvariable('since')
    group by a.system, a.entity, a.record_id
),

observed as (
    -- a record seen once changed every property at its one version
    select
        c.system, c.entity, c.record_id,
        case when h.record_id is null then c.modified_at else h.name end as name,
        case when h.record_id is null then c.modified_at else h.code end as code,
        case when h.record_id is null then c.modified_at else h.email end as email,
        case when h.record_id is null then c.modified_at else h.phone end as phone,
        case when h.record_id is null then c.modified_at else h.mobile end as mobile,
        case when h.record_id is null then c.modified_at else h.fax end as fax,
        case when h.record_id is null then c.modified_at else h.website end as website,
        case when h.record_id is null then c.modified_at else h.notes end as notes,
        case when h.record_id is null then c.modified_at else h.vat_number end as vat_number,
        case when h.record_id is null then c.modified_at else h.registration_number end as registration_number,
        case when h.record_id is null then c.modified_at else h.currency end as currency,
        case when h.record_id is null then c.modified_at else h.address_line1 end as address_line1,
        case when h.record_id is null then c.modified_at else h.address_line2 end as address_line2,
        case when h.record_id is null then c.modified_at else h.address_line3 end as address_line3,
        case when h.record_id is null then c.modified_at else h.postal_code end as postal_code,
        case when h.record_id is null then c.modified_at else h.city end as city,
        case when h.record_id is null then c.modified_at else h.region end as region,
        case when h.record_id is null then c.modified_at else h.country end as country,
        case when h.record_id is null then c.modified_at else h.contact_first_name end as contact_first_name,
        case when h.record_id is null then c.modified_at else h.contact_last_name end as contact_last_name,
        case when h.record_id is null then c.modified_at else h.active end as active,
        h.record_id is null as seen_once
    from current_values as c
    left join history_changes as h on h.system = c.system and h.entity = c.entity and h.record_id = c.record_id
),

ledger as (
    -- the product's writes to the changed records, each beside the hash of the property's current value,
    -- and whether it is known to have landed (its outbox row succeeded)
    select
        l.target_system as system,
        l.target_entity as entity,
        l.record_id,
        l.property,
        l.value_hash,
        l.change_time,
        l.written_at,
        coalesce(o.status = 'succeeded', false) as landed,
        md5(case l.property
            when 'name' then c.name
            when 'code' then c.code
            when 'email' then c.email
            when 'phone' then c.phone
            when 'mobile' then c.mobile
            when 'fax' then c.fax
            when 'website' then c.website
            when 'notes' then c.notes
            when 'vat_number' then c.vat_number
            when 'registration_number' then c.registration_number
            when 'currency' then c.currency
            when 'address_line1' then c.address_line1
            when 'address_line2' then c.address_line2
            when 'address_line3' then c.address_line3
            when 'postal_code' then c.postal_code
            when 'city' then c.city
            when 'region' then c.region
            when 'country' then c.country
            when 'contact_first_name' then c.contact_first_name
            when 'contact_last_name' then c.contact_last_name
            when 'active' then c.active
        end) as current_hash
    from sync.write_ledger as l
    inner join current_values as c
        on c.system = l.target_system and c.entity = l.target_entity and c.record_id = l.record_id
    left join sync.outbox as o on o.id = l.outbox_id
),

showable as (
    -- a write the target can show now: its latest one known to have landed, and every later one (sent
    -- with no answer recorded, or not sent yet). An older write can land after a newer one was marked sent:
    -- extract ran, the transform did not, a push sent it; then the newer one died before it left
    select
        system, entity, record_id, property, value_hash, change_time, written_at,
        written_at >= coalesce(max(written_at) filter (where landed) over record_property, written_at)
            and value_hash = current_hash as shown
    from ledger
    window record_property as (partition by system, entity, record_id, property)
),

last_written as (
    -- per target record and property, the write the current value echoes (the newest showable one with
    -- its hash), else the last one written (the current value is then no echo)
    select
        system,
        entity,
        record_id,
        property,
        coalesce(arg_max(value_hash, written_at) filter (where shown), arg_max(value_hash, written_at))
            as value_hash,
        coalesce(arg_max(change_time, written_at) filter (where shown), arg_max(change_time, written_at))
            as change_time,
        bool_or(written_at > getvariable('since')) as written_since
    from showable
    group by system, entity, record_id, property
),

written as (
    -- the same, one row per record
    select
        system, entity, record_id,
        max(value_hash) filter (where property = 'name') as name_hash,
        max(change_time) filter (where property = 'name') as name_time,
        max(value_hash) filter (where property = 'code') as code_hash,
        max(change_time) filter (where property = 'code') as code_time,
        max(value_hash) filter (where property = 'email') as email_hash,
        max(change_time) filter (where property = 'email') as email_time,
        max(value_hash) filter (where property = 'phone') as phone_hash,
        max(change_time) filter (where property = 'phone') as phone_time,
        max(value_hash) filter (where property = 'mobile') as mobile_hash,
        max(change_time) filter (where property = 'mobile') as mobile_time,
        max(value_hash) filter (where property = 'fax') as fax_hash,
        max(change_time) filter (where property = 'fax') as fax_time,
        max(value_hash) filter (where property = 'website') as website_hash,
        max(change_time) filter (where property = 'website') as website_time,
        max(value_hash) filter (where property = 'notes') as notes_hash,
        max(change_time) filter (where property = 'notes') as notes_time,
        max(value_hash) filter (where property = 'vat_number') as vat_number_hash,
        max(change_time) filter (where property = 'vat_number') as vat_number_time,
        max(value_hash) filter (where property = 'registration_number') as registration_number_hash,
        max(change_time) filter (where property = 'registration_number') as registration_number_time,
        max(value_hash) filter (where property = 'currency') as currency_hash,
        max(change_time) filter (where property = 'currency') as currency_time,
        max(value_hash) filter (where property = 'address_line1') as address_line1_hash,
        max(change_time) filter (where property = 'address_line1') as address_line1_time,
        max(value_hash) filter (where property = 'address_line2') as address_line2_hash,
        max(change_time) filter (where property = 'address_line2') as address_line2_time,
        max(value_hash) filter (where property = 'address_line3') as address_line3_hash,
        max(change_time) filter (where property = 'address_line3') as address_line3_time,
        max(value_hash) filter (where property = 'postal_code') as postal_code_hash,
        max(change_time) filter (where property = 'postal_code') as postal_code_time,
        max(value_hash) filter (where property = 'city') as city_hash,
        max(change_time) filter (where property = 'city') as city_time,
        max(value_hash) filter (where property = 'region') as region_hash,
        max(change_time) filter (where property = 'region') as region_time,
        max(value_hash) filter (where property = 'country') as country_hash,
        max(change_time) filter (where property = 'country') as country_time,
        max(value_hash) filter (where property = 'contact_first_name') as contact_first_name_hash,
        max(change_time) filter (where property = 'contact_first_name') as contact_first_name_time,
        max(value_hash) filter (where property = 'contact_last_name') as contact_last_name_hash,
        max(change_time) filter (where property = 'contact_last_name') as contact_last_name_time,
        max(value_hash) filter (where property = 'active') as active_hash,
        max(change_time) filter (where property = 'active') as active_time,
        list(property) filter (where written_since) as written_properties
    from last_written
    group by system, entity, record_id
),

echoes as (
    -- a current value with the hash of our last write there is an echo of that write: it carries the
    -- write's change time; the observed one is kept beside it (property -> observed change time)
    select
        c.system, c.entity, c.record_id,
        w.name_hash = md5(c.name) as name_echo,
        w.name_time,
        w.code_hash = md5(c.code) as code_echo,
        w.code_time,
        w.email_hash = md5(c.email) as email_echo,
        w.email_time,
        w.phone_hash = md5(c.phone) as phone_echo,
        w.phone_time,
        w.mobile_hash = md5(c.mobile) as mobile_echo,
        w.mobile_time,
        w.fax_hash = md5(c.fax) as fax_echo,
        w.fax_time,
        w.website_hash = md5(c.website) as website_echo,
        w.website_time,
        w.notes_hash = md5(c.notes) as notes_echo,
        w.notes_time,
        w.vat_number_hash = md5(c.vat_number) as vat_number_echo,
        w.vat_number_time,
        w.registration_number_hash = md5(c.registration_number) as registration_number_echo,
        w.registration_number_time,
        w.currency_hash = md5(c.currency) as currency_echo,
        w.currency_time,
        w.address_line1_hash = md5(c.address_line1) as address_line1_echo,
        w.address_line1_time,
        w.address_line2_hash = md5(c.address_line2) as address_line2_echo,
        w.address_line2_time,
        w.address_line3_hash = md5(c.address_line3) as address_line3_echo,
        w.address_line3_time,
        w.postal_code_hash = md5(c.postal_code) as postal_code_echo,
        w.postal_code_time,
        w.city_hash = md5(c.city) as city_echo,
        w.city_time,
        w.region_hash = md5(c.region) as region_echo,
        w.region_time,
        w.country_hash = md5(c.country) as country_echo,
        w.country_time,
        w.contact_first_name_hash = md5(c.contact_first_name) as contact_first_name_echo,
        w.contact_first_name_time,
        w.contact_last_name_hash = md5(c.contact_last_name) as contact_last_name_echo,
        w.contact_last_name_time,
        w.active_hash = md5(c.active) as active_echo,
        w.active_time,
        map_from_entries(list_transform(list_filter([
            {'key': 'name', 'value': o.name, 'echo': w.name_hash = md5(c.name)},
            {'key': 'code', 'value': o.code, 'echo': w.code_hash = md5(c.code)},
            {'key': 'email', 'value': o.email, 'echo': w.email_hash = md5(c.email)},
            {'key': 'phone', 'value': o.phone, 'echo': w.phone_hash = md5(c.phone)},
            {'key': 'mobile', 'value': o.mobile, 'echo': w.mobile_hash = md5(c.mobile)},
            {'key': 'fax', 'value': o.fax, 'echo': w.fax_hash = md5(c.fax)},
            {'key': 'website', 'value': o.website, 'echo': w.website_hash = md5(c.website)},
            {'key': 'notes', 'value': o.notes, 'echo': w.notes_hash = md5(c.notes)},
            {'key': 'vat_number', 'value': o.vat_number, 'echo': w.vat_number_hash = md5(c.vat_number)},
            {'key': 'registration_number', 'value': o.registration_number, 'echo': w.registration_number_hash = md5(c.registration_number)},
            {'key': 'currency', 'value': o.currency, 'echo': w.currency_hash = md5(c.currency)},
            {'key': 'address_line1', 'value': o.address_line1, 'echo': w.address_line1_hash = md5(c.address_line1)},
            {'key': 'address_line2', 'value': o.address_line2, 'echo': w.address_line2_hash = md5(c.address_line2)},
            {'key': 'address_line3', 'value': o.address_line3, 'echo': w.address_line3_hash = md5(c.address_line3)},
            {'key': 'postal_code', 'value': o.postal_code, 'echo': w.postal_code_hash = md5(c.postal_code)},
            {'key': 'city', 'value': o.city, 'echo': w.city_hash = md5(c.city)},
            {'key': 'region', 'value': o.region, 'echo': w.region_hash = md5(c.region)},
            {'key': 'country', 'value': o.country, 'echo': w.country_hash = md5(c.country)},
            {'key': 'contact_first_name', 'value': o.contact_first_name, 'echo': w.contact_first_name_hash = md5(c.contact_first_name)},
            {'key': 'contact_last_name', 'value': o.contact_last_name, 'echo': w.contact_last_name_hash = md5(c.contact_last_name)},
            {'key': 'active', 'value': o.active, 'echo': w.active_hash = md5(c.active)}
        ], lambda x: x.echo), lambda x: {'key': x.key, 'value': x.value})) as observed_echoes,
        w.written_properties
    from current_values as c
    inner join written as w on w.system = c.system and w.entity = c.entity and w.record_id = c.record_id
    inner join observed as o on o.system = c.system and o.entity = c.entity and o.record_id = c.record_id
)

select
    c.system,
    c.entity,
    c.record_id,
    c.is_deleted,
    c.modified_at,
    {'value': c.name, 'changed_at': case when e.name_echo then e.name_time else o.name end} as name,
    {'value': c.code, 'changed_at': case when e.code_echo then e.code_time else o.code end} as code,
    {'value': c.email, 'changed_at': case when e.email_echo then e.email_time else o.email end} as email,
    {'value': c.phone, 'changed_at': case when e.phone_echo then e.phone_time else o.phone end} as phone,
    {'value': c.mobile, 'changed_at': case when e.mobile_echo then e.mobile_time else o.mobile end} as mobile,
    {'value': c.fax, 'changed_at': case when e.fax_echo then e.fax_time else o.fax end} as fax,
    {'value': c.website, 'changed_at': case when e.website_echo then e.website_time else o.website end} as website,
    {'value': c.notes, 'changed_at': case when e.notes_echo then e.notes_time else o.notes end} as notes,
    {'value': c.vat_number, 'changed_at': case when e.vat_number_echo then e.vat_number_time else o.vat_number end} as vat_number,
    {'value': c.registration_number, 'changed_at': case when e.registration_number_echo then e.registration_number_time else o.registration_number end} as registration_number,
    {'value': c.currency, 'changed_at': case when e.currency_echo then e.currency_time else o.currency end} as currency,
    {'value': c.address_line1, 'changed_at': case when e.address_line1_echo then e.address_line1_time else o.address_line1 end} as address_line1,
    {'value': c.address_line2, 'changed_at': case when e.address_line2_echo then e.address_line2_time else o.address_line2 end} as address_line2,
    {'value': c.address_line3, 'changed_at': case when e.address_line3_echo then e.address_line3_time else o.address_line3 end} as address_line3,
    {'value': c.postal_code, 'changed_at': case when e.postal_code_echo then e.postal_code_time else o.postal_code end} as postal_code,
    {'value': c.city, 'changed_at': case when e.city_echo then e.city_time else o.city end} as city,
    {'value': c.region, 'changed_at': case when e.region_echo then e.region_time else o.region end} as region,
    {'value': c.country, 'changed_at': case when e.country_echo then e.country_time else o.country end} as country,
    {'value': c.contact_first_name, 'changed_at': case when e.contact_first_name_echo then e.contact_first_name_time else o.contact_first_name end} as contact_first_name,
    {'value': c.contact_last_name, 'changed_at': case when e.contact_last_name_echo then e.contact_last_name_time else o.contact_last_name end} as contact_last_name,
    {'value': c.active, 'changed_at': case when e.active_echo then e.active_time else o.active end} as active,
    e.observed_echoes,
    case
        when getvariable('since') is null or (o.seen_once and c.restaged) then null
        else list_distinct(coalesce(n.properties, []) || coalesce(e.written_properties, []))
    end as changed_properties,
    getvariable('run_at') as _transformed_at
from current_values as c
inner join observed as o on o.system = c.system and o.entity = c.entity and o.record_id = c.record_id
left join echoes as e on e.system = c.system and e.entity = c.entity and e.record_id = c.record_id
left join staged_changes as n on n.system = c.system and n.entity = c.entity and n.record_id = c.record_id
