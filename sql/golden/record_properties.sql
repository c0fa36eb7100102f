-- materialized: view
-- Per record and property: its current value and when that value last changed (see
-- golden.record_values, which keeps them on one wide row per record; this is its long form).
with unpivoted as (
    select
        system,
        entity,
        record_id,
        is_deleted,
        modified_at,
        _transformed_at,
        unnest([
            name, code, email, phone, mobile, fax, website, notes, vat_number, registration_number, currency,
            address_line1, address_line2, address_line3, postal_code, city, region, country,
            contact_first_name, contact_last_name, active
        ]) as p
    from golden.record_values
)

select
    system,
    entity,
    record_id,
    p.property as property,
    p.value as value,
    is_deleted,
    modified_at,
    p.observed_changed_at as observed_changed_at,
    p.changed_at as changed_at,
    p.change_source as change_source,
    _transformed_at
from unpivoted
