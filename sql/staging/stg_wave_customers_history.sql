-- materialized: incremental
-- unique_key: record_id, _extracted_at
-- Every observed version of a Wave Customer, including its organisation (address) data.
-- Wave's provinceCode is "<country>-<subdivision>" (CA-ON); the canonical region is the
-- subdivision part (ON), which is what CustomPMS keeps, so the value round-trips: the Wave
-- delta writes it back as country || '-' || region.
with mapped as (
    select
        id as record_id,
        business_id as scope_id,
        cast(modified_at as varchar) as source_version,
        nullif(trim(name), '') as name,
        nullif(trim(display_id), '') as code,
        nullif(lower(trim(email)), '') as email,
        nullif(trim(phone), '') as phone,
        nullif(trim(mobile), '') as mobile,
        nullif(trim(fax), '') as fax,
        nullif(trim(website), '') as website,
        nullif(trim(internal_notes), '') as notes,
        nullif(upper(trim(currency_code)), '') as currency,
        nullif(trim(address_line1), '') as address_line1,
        nullif(trim(address_line2), '') as address_line2,
        nullif(trim(postal_code), '') as postal_code,
        nullif(trim(city), '') as city,
        nullif(regexp_replace(upper(trim(province_code)), '^[A-Z]{2}-', ''), '') as region,
        nullif(upper(trim(country_code)), '') as country,
        nullif(trim(first_name), '') as contact_first_name,
        nullif(trim(last_name), '') as contact_last_name,
        -- an archived customer is Wave's delete: inactive, and gone for deactivation
        not coalesce(is_archived, false) as active,
        coalesce(is_archived, false) as is_deleted,
        try_cast(cast(modified_at as varchar) as timestamptz) as modified_at,
        _extracted_at
    from raw_wave.customers_history
    where getvariable('since') is null or _extracted_at > getvariable('since')
)

select
    'wave' as system,
    'customers' as entity,
    record_id,
    scope_id,
    source_version,
    name,
    code,
    email,
    phone,
    mobile,
    fax,
    website,
    notes,
    cast(null as varchar) as vat_number,
    cast(null as varchar) as registration_number,
    currency,
    address_line1,
    address_line2,
    cast(null as varchar) as address_line3,
    postal_code,
    city,
    region,
    country,
    contact_first_name,
    contact_last_name,
    active,
    modified_at,
    is_deleted,
    _extracted_at,
    getvariable('run_at') as _transformed_at
from mapped
