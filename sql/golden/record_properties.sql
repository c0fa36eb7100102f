-- materialized: view
-- Per record and property: its current value and when that value last changed (see
-- golden.record_values, which keeps them on one wide row per record; this is its long form). The
-- change source is 'ledger' when the value is an echo of the product's own write (its change time
-- is the write's; observed_changed_at is when the source showed it), else 'observed'.
with unpivoted as (
    unpivot golden.record_values
    on name, code, email, phone, mobile, fax, website, notes, vat_number, registration_number, currency,
        address_line1, address_line2, address_line3, postal_code, city, region, country,
        contact_first_name, contact_last_name, active
    into name property value p
)

select
    system,
    entity,
    record_id,
    property,
    p.value as value,
    is_deleted,
    modified_at,
    case
        when map_contains(observed_echoes, property) then observed_echoes[property] else p.changed_at
    end as observed_changed_at,
    p.changed_at as changed_at,
    case when map_contains(observed_echoes, property) then 'ledger' else 'observed' end as change_source,
    _transformed_at
from unpivoted
