-- materialized: incremental
-- unique_key: record_id, _extracted_at
-- Every observed version of an Exact Account as a canonical customer row (the mapping of
-- DESIGN.md section 3 lives here, once), plus one synthetic version per deletion seen in
-- sync/Deleted (EntityType 2), so a delete has a time in the property history.
with deletions as (
    select
        lower(entity_key) as record_id,
        coalesce(
            to_timestamp(try_cast(regexp_extract(cast(deleted_date as varchar), '/Date\((-?\d+)', 1) as bigint) / 1000),
            try_cast(cast(deleted_date as varchar) as timestamptz)
        ) as deleted_at,
        cast("timestamp" as varchar) as source_version,
        _extracted_at
    from raw_exact.deleted
    where entity_type = 2
        and (getvariable('since') is null or _extracted_at > getvariable('since'))
),

read_versions as (
    -- new versions (the newest rows, which a filter on the stamp finds without reading the older ones), and
    -- the older versions of a newly deleted account (its last one is copied below), read only when there is one
    select *
    from raw_exact.accounts_history
    where getvariable('since') is null or _extracted_at > getvariable('since')
    union all
    select h.*
    from raw_exact.accounts_history as h
    where h._extracted_at <= getvariable('since')
        and lower(h.id) in (select record_id from deletions)
),

mapped as (
    select
        lower(id) as record_id,
        cast(division as varchar) as scope_id,
        cast("timestamp" as varchar) as source_version,
        nullif(trim(name), '') as name,
        -- Exact left-pads Code with spaces to 18 characters
        nullif(trim(code), '') as code,
        nullif(lower(trim(email)), '') as email,
        nullif(trim(phone), '') as phone,
        nullif(trim(fax), '') as fax,
        nullif(trim(website), '') as website,
        -- VAT and registration numbers compare without separators, upper-case
        nullif(upper(regexp_replace(vat_number, '[^A-Za-z0-9]', '', 'g')), '') as vat_number,
        nullif(upper(regexp_replace(chamber_of_commerce, '[^A-Za-z0-9]', '', 'g')), '') as registration_number,
        nullif(trim(address_line1), '') as address_line1,
        nullif(trim(address_line2), '') as address_line2,
        nullif(trim(address_line3), '') as address_line3,
        nullif(trim(postcode), '') as postal_code,
        nullif(trim(city), '') as city,
        nullif(trim(state), '') as region,
        nullif(upper(trim(country)), '') as country,
        nullif(trim(remarks), '') as notes,
        not coalesce(blocked, false) as active,
        coalesce(
            to_timestamp(try_cast(regexp_extract(cast(modified as varchar), '/Date\((-?\d+)', 1) as bigint) / 1000),
            try_cast(cast(modified as varchar) as timestamptz)
        ) as modified_at,
        "timestamp" as row_version,
        _extracted_at
    from read_versions
),

observed as (
    select
        record_id, scope_id, source_version, name, code, email, phone, fax, website, vat_number,
        registration_number, address_line1, address_line2, address_line3, postal_code, city, region,
        country, notes, active, modified_at, false as is_deleted, _extracted_at
    from mapped
    where getvariable('since') is null or _extracted_at > getvariable('since')
),

last_observed as (
    select
        record_id,
        arg_max(m, (m.modified_at, m.row_version, m._extracted_at)) as v
    from mapped as m
    where record_id in (select record_id from deletions)
    group by record_id
),

deleted_versions as (
    -- a deleted account keeps its last observed values; only active and is_deleted change
    select
        d.record_id, l.v.scope_id, d.source_version, l.v.name, l.v.code, l.v.email, l.v.phone,
        l.v.fax, l.v.website, l.v.vat_number, l.v.registration_number, l.v.address_line1,
        l.v.address_line2, l.v.address_line3, l.v.postal_code, l.v.city, l.v.region, l.v.country,
        l.v.notes, false as active, coalesce(d.deleted_at, l.v.modified_at) as modified_at,
        true as is_deleted, d._extracted_at
    from deletions as d
    inner join last_observed as l on l.record_id = d.record_id
),

all_versions as (
    select
        record_id, scope_id, source_version, name, code, email, phone, fax, website, vat_number,
        registration_number, address_line1, address_line2, address_line3, postal_code, city, region,
        country, notes, active, modified_at, is_deleted, _extracted_at
    from observed
    union all
    select
        record_id, scope_id, source_version, name, code, email, phone, fax, website, vat_number,
        registration_number, address_line1, address_line2, address_line3, postal_code, city, region,
        country, notes, active, modified_at, is_deleted, _extracted_at
    from deleted_versions
)

select
    'exact' as system,
    'accounts' as entity,
    record_id,
    scope_id,
    source_version,
    name,
    code,
    email,
    phone,
    cast(null as varchar) as mobile,
    fax,
    website,
    notes,
    vat_number,
    registration_number,
    cast(null as varchar) as currency,
    address_line1,
    address_line2,
    address_line3,
    postal_code,
    city,
    region,
    country,
    cast(null as varchar) as contact_first_name,
    cast(null as varchar) as contact_last_name,
    active,
    modified_at,
    is_deleted,
    _extracted_at,
    getvariable('run_at') as _transformed_at
from all_versions
