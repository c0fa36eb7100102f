-- materialized: incremental
-- unique_key: record_id, _extracted_at
-- Every observed version of a CustomPMS Customer: it carries every canonical property.
with mapped as (
    select
        id as record_id,
        cast(null as varchar) as scope_id,
        cast(version as varchar) as source_version,
        nullif(trim(name), '') as name,
        nullif(trim(code), '') as code,
        nullif(lower(trim(email)), '') as email,
        nullif(trim(phone), '') as phone,
        nullif(trim(mobile), '') as mobile,
        nullif(trim(fax), '') as fax,
        nullif(trim(website), '') as website,
        nullif(trim(notes), '') as notes,
        nullif(upper(regexp_replace(vat_number, '[^A-Za-z0-9]', '', 'g')), '') as vat_number,
        nullif(upper(regexp_replace(registration_number, '[^A-Za-z0-9]', '', 'g')), '') as registration_number,
        nullif(upper(trim(currency)), '') as currency,
        nullif(trim(address_line1), '') as address_line1,
        nullif(trim(address_line2), '') as address_line2,
        nullif(trim(address_line3), '') as address_line3,
        nullif(trim(postal_code), '') as postal_code,
        nullif(trim(city), '') as city,
        nullif(trim(region), '') as region,
        nullif(upper(trim(country)), '') as country,
        nullif(trim(contact_first_name), '') as contact_first_name,
        nullif(trim(contact_last_name), '') as contact_last_name,
        coalesce(active, true) as active,
        coalesce(deleted, false) as is_deleted,
        try_cast(cast(updated_at as varchar) as timestamptz) as modified_at,
        _extracted_at
    from raw_custompms.customers_history
    where getvariable('since') is null or _extracted_at > getvariable('since')
)

select
    'custompms' as system,
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
    modified_at,
    is_deleted,
    _extracted_at,
    getvariable('run_at') as _transformed_at
from mapped
