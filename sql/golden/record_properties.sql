-- materialized: incremental
-- unique_key: system, entity, record_id
-- step: pipelines.models.steps:record_property_history
-- writes: sync.property_history
-- Per record and property: its current value and when that value last changed. The change time
-- is the source modified time of the first version in the latest run of equal values, so a
-- record that edited its phone yesterday does not "change" its name. When the current value is
-- what the product itself wrote (sync.write_ledger, same value hash), the change is an echo and
-- carries the ledger's change time instead of the observed one.
with changed as (
    select distinct system, entity, record_id
    from staging.stg_customer_versions
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union
    select distinct target_system, target_entity, record_id
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

scope as (
    select system, entity, record_id
    from changed
),

versions as (
    select
        v.system, v.entity, v.record_id, v.source_version, v.modified_at, v._extracted_at, v.is_deleted,
        v.name, v.code, v.email, v.phone, v.mobile, v.fax, v.website, v.notes, v.vat_number,
        v.registration_number, v.currency, v.address_line1, v.address_line2, v.address_line3,
        v.postal_code, v.city, v.region, v.country, v.contact_first_name, v.contact_last_name, v.active
    from staging.stg_customer_versions as v
    semi join changed as c on c.system = v.system and c.entity = v.entity and c.record_id = v.record_id
),

property_versions as (
    -- one row per version and property (values as text, booleans as 'true'/'false')
    select
        system, entity, record_id, source_version, modified_at, _extracted_at, is_deleted,
        unnest([
            {'property': 'name', 'value': name},
            {'property': 'code', 'value': code},
            {'property': 'email', 'value': email},
            {'property': 'phone', 'value': phone},
            {'property': 'mobile', 'value': mobile},
            {'property': 'fax', 'value': fax},
            {'property': 'website', 'value': website},
            {'property': 'notes', 'value': notes},
            {'property': 'vat_number', 'value': vat_number},
            {'property': 'registration_number', 'value': registration_number},
            {'property': 'currency', 'value': currency},
            {'property': 'address_line1', 'value': address_line1},
            {'property': 'address_line2', 'value': address_line2},
            {'property': 'address_line3', 'value': address_line3},
            {'property': 'postal_code', 'value': postal_code},
            {'property': 'city', 'value': city},
            {'property': 'region', 'value': region},
            {'property': 'country', 'value': country},
            {'property': 'contact_first_name', 'value': contact_first_name},
            {'property': 'contact_last_name', 'value': contact_last_name},
            {'property': 'active', 'value': cast(active as varchar)}
        ]) as pv
    from versions
),

sequenced as (
    select
        system,
        entity,
        record_id,
        pv.property as property,
        pv.value as value,
        modified_at,
        is_deleted,
        lag(pv.value) over observed_order as previous_value,
        row_number() over observed_order as seq,
        row_number() over (
            partition by system, entity, record_id, pv.property
            order by modified_at desc nulls last, _extracted_at desc, is_deleted desc, source_version desc
        ) as recency
    from property_versions
    window observed_order as (
        partition by system, entity, record_id, pv.property
        order by modified_at asc nulls first, _extracted_at asc, is_deleted asc, source_version asc
    )
),

last_change as (
    -- the first version of the latest run of equal values
    select system, entity, record_id, property, max(seq) as change_seq
    from sequenced
    where seq = 1 or value is distinct from previous_value
    group by system, entity, record_id, property
),

observed as (
    select
        cur.system,
        cur.entity,
        cur.record_id,
        cur.property,
        cur.value,
        cur.is_deleted,
        cur.modified_at,
        chg.modified_at as observed_changed_at
    from sequenced as cur
    inner join last_change as lc
        on lc.system = cur.system and lc.entity = cur.entity and lc.record_id = cur.record_id
        and lc.property = cur.property
    inner join sequenced as chg
        on chg.system = cur.system and chg.entity = cur.entity and chg.record_id = cur.record_id
        and chg.property = cur.property and chg.seq = lc.change_seq
    where cur.recency = 1
),

last_written as (
    -- what the product last wrote per target record and property
    select
        target_system,
        target_entity,
        record_id,
        property,
        arg_max(value_hash, written_at) as value_hash,
        arg_max(change_time, written_at) as change_time
    from sync.write_ledger
    semi join changed as c
        on c.system = target_system and c.entity = target_entity and c.record_id = write_ledger.record_id
    group by target_system, target_entity, record_id, property
)

select
    o.system,
    o.entity,
    o.record_id,
    o.property,
    o.value,
    o.is_deleted,
    o.modified_at,
    o.observed_changed_at,
    case when w.value_hash = md5(o.value) then w.change_time else o.observed_changed_at end as changed_at,
    case when w.value_hash = md5(o.value) then 'ledger' else 'observed' end as change_source,
    getvariable('run_at') as _transformed_at
from observed as o
left join last_written as w
    on w.target_system = o.system and w.target_entity = o.entity and w.record_id = o.record_id
    and w.property = o.property
