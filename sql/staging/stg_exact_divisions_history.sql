-- materialized: incremental
-- unique_key: record_id, _extracted_at
-- Every observed version of an Exact Division (read-only in Exact: it feeds CustomPMS only).
-- Status: 0 inactive, 1 active, 2 archived; archived counts as gone for deactivation.
with mapped as (
    select
        cast(code as varchar) as record_id,
        cast(code as varchar) as scope_id,
        cast(modified as varchar) as source_version,
        nullif(trim(description), '') as name,
        nullif(trim(cast(code as varchar)), '') as code,
        nullif(lower(trim(email)), '') as email,
        nullif(trim(phone), '') as phone,
        nullif(trim(fax), '') as fax,
        nullif(trim(website), '') as website,
        nullif(upper(regexp_replace(vat_number, '[^A-Za-z0-9]', '', 'g')), '') as vat_number,
        nullif(upper(regexp_replace(chamber_of_commerce_number, '[^A-Za-z0-9]', '', 'g')), '')
            as registration_number,
        nullif(upper(trim(currency)), '') as currency,
        nullif(trim(address_line1), '') as address_line1,
        nullif(trim(address_line2), '') as address_line2,
        nullif(trim(address_line3), '') as address_line3,
        nullif(trim(postcode), '') as postal_code,
        nullif(trim(city), '') as city,
        nullif(trim(state), '') as region,
        nullif(upper(trim(country)), '') as country,
        coalesce(status = 1, true) as active,
        coalesce(status = 2, false) as is_deleted,
        coalesce(
            to_timestamp(try_cast(regexp_extract(cast(modified as varchar), '/Date\((-?\d+)', 1) as bigint) / 1000),
            try_cast(cast(modified as varchar) as timestamptz)
        ) as modified_at,
        _extracted_at
    from raw_exact.divisions_history
    where getvariable('since') is null or _extracted_at > getvariable('since')
)

select
    'exact' as system,
    'divisions' as entity,
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
    cast(null as varchar) as notes,
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
    cast(null as varchar) as contact_first_name,
    cast(null as varchar) as contact_last_name,
    active,
    modified_at,
    is_deleted,
    _extracted_at,
    getvariable('run_at') as _transformed_at
from mapped
