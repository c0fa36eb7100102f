-- materialized: view
-- The golden record, per cluster and property: the winning value, its change time and the record
-- it came from (golden.cluster_values keeps them on one wide row per cluster; this is its long form,
-- with the source record, member_records[member] = 'system.entity:record_id', in its parts).
with unpivoted as (
    unpivot golden.cluster_values
    on name, code, email, phone, mobile, fax, website, notes, vat_number, registration_number, currency,
        address_line1, address_line2, address_line3, postal_code, city, region, country,
        contact_first_name, contact_last_name, active
    into name property value p
),

sourced as (
    select cluster_id, property, p, member_records[p.member] as source, _transformed_at
    from unpivoted
)

select
    cluster_id,
    property,
    p.value as value,
    p.changed_at as changed_at,
    split_part(source, '.', 1) as source_system,
    split_part(split_part(source, ':', 1), '.', 2) as source_entity,
    substr(source, strpos(source, ':') + 1) as source_record_id,
    _transformed_at
from sourced
where p.value is not null
