-- materialized: view
-- The golden record, one row per cluster, in canonical column names (what a CustomPMS create
-- sends, and what the dataflow documents trace back to the sources).
select
    cluster_id,
    name.value as name,
    code.value as code,
    email.value as email,
    phone.value as phone,
    mobile.value as mobile,
    fax.value as fax,
    website.value as website,
    notes.value as notes,
    vat_number.value as vat_number,
    registration_number.value as registration_number,
    currency.value as currency,
    address_line1.value as address_line1,
    address_line2.value as address_line2,
    address_line3.value as address_line3,
    postal_code.value as postal_code,
    city.value as city,
    region.value as region,
    country.value as country,
    contact_first_name.value as contact_first_name,
    contact_last_name.value as contact_last_name,
    cast(active.value as boolean) as active,
    greatest(
        name.changed_at, code.changed_at, email.changed_at, phone.changed_at, mobile.changed_at, fax.changed_at,
        website.changed_at, notes.changed_at, vat_number.changed_at, registration_number.changed_at,
        currency.changed_at, address_line1.changed_at, address_line2.changed_at, address_line3.changed_at,
        postal_code.changed_at, city.changed_at, region.changed_at, country.changed_at,
        contact_first_name.changed_at, contact_last_name.changed_at, active.changed_at
    ) as changed_at,
    _transformed_at
from golden.cluster_values
