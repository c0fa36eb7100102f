-- materialized: incremental
-- unique_key: system, entity, record_id
-- Every source record's current canonical row, all systems together: its latest observed version.
-- Rows are recomputed only for records with a version staged since this model last ran.
with changed as (
    select distinct system, entity, record_id
    from staging.stg_customer_versions
    where getvariable('since') is null or _transformed_at > getvariable('since')
),

ranked as (
    select
        system,
        entity,
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
        row_number() over (
            partition by system, entity, record_id
            order by modified_at desc nulls last, _extracted_at desc, is_deleted desc, source_version desc
        ) as version_rank
    from staging.stg_customer_versions
    where (system, entity, record_id) in (select system, entity, record_id from changed)
)

select
    system,
    entity,
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
    -- the writer's optimistic check: did the record change since we computed its delta?
    md5(concat_ws(
        '|',
        coalesce(name, ''), coalesce(code, ''), coalesce(email, ''), coalesce(phone, ''),
        coalesce(mobile, ''), coalesce(fax, ''), coalesce(website, ''), coalesce(notes, ''),
        coalesce(vat_number, ''), coalesce(registration_number, ''), coalesce(currency, ''), coalesce(address_line1, ''),
        coalesce(address_line2, ''), coalesce(address_line3, ''), coalesce(postal_code, ''), coalesce(city, ''),
        coalesce(region, ''), coalesce(country, ''), coalesce(contact_first_name, ''), coalesce(contact_last_name, ''),
        coalesce(cast(active as varchar), '')
    )) as record_hash,
    getvariable('run_at') as _transformed_at
from ranked
where version_rank = 1
