-- materialized: incremental
-- unique_key: record_id, _extracted_at
-- Every observed version of an Exact Department (read-only in Exact: it feeds CustomPMS only).
with mapped as (
    select
        lower(id) as record_id,
        cast(division as varchar) as scope_id,
        cast(modified as varchar) as source_version,
        nullif(trim(description), '') as name,
        nullif(trim(code), '') as code,
        nullif(trim(notes), '') as notes,
        not coalesce(is_deleted, false) as active,
        coalesce(is_deleted, false) as is_deleted,
        coalesce(
            to_timestamp(try_cast(regexp_extract(cast(modified as varchar), '/Date\((-?\d+)', 1) as bigint) / 1000),
            try_cast(cast(modified as varchar) as timestamptz)
        ) as modified_at,
        _extracted_at
    from raw_exact.departments_history
    where getvariable('since') is null or _extracted_at > getvariable('since')
)

select
    'exact' as system,
    'departments' as entity,
    record_id,
    scope_id,
    source_version,
    name,
    code,
    cast(null as varchar) as email,
    cast(null as varchar) as phone,
    cast(null as varchar) as mobile,
    cast(null as varchar) as fax,
    cast(null as varchar) as website,
    notes,
    cast(null as varchar) as vat_number,
    cast(null as varchar) as registration_number,
    cast(null as varchar) as currency,
    cast(null as varchar) as address_line1,
    cast(null as varchar) as address_line2,
    cast(null as varchar) as address_line3,
    cast(null as varchar) as postal_code,
    cast(null as varchar) as city,
    cast(null as varchar) as region,
    cast(null as varchar) as country,
    cast(null as varchar) as contact_first_name,
    cast(null as varchar) as contact_last_name,
    active,
    modified_at,
    is_deleted,
    _extracted_at,
    getvariable('run_at') as _transformed_at
from mapped
