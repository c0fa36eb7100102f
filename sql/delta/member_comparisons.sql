-- materialized: incremental
-- unique_key: cluster_id
-- Every linked, present member's mapped property whose current value differs from the golden value,
-- in the member's canonical form (staging normalised both sides, so equal canonical values are
-- equal in the target's format). The input of the delta and not-writable models. Each member is
-- compared on one wide row beside its cluster's golden row; only the differing properties become rows.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

members as (
    select
        l.cluster_id, s.system, s.entity, s.record_id, s.scope_id, s.source_version, s.record_hash,
        s.name, s.code, s.email, s.phone, s.mobile, s.fax, s.website, s.notes, s.vat_number,
        s.registration_number, s.currency, s.address_line1, s.address_line2, s.address_line3, s.postal_code,
        s.city, s.region, s.country, s.contact_first_name, s.contact_last_name, cast(s.active as varchar) as active
    from sync.links as l
    inner join scope as c on c.cluster_id = l.cluster_id
    inner join staging.stg_customers as s
        on s.system = l.system and s.entity = l.entity and s.record_id = l.record_id
    where l.unlinked_at is null and not s.is_deleted
),

differing as (
    -- the golden value is never empty, so a property the cluster has no value for never differs
    select
        m.cluster_id, m.system, m.entity, m.record_id, m.scope_id, m.source_version, m.record_hash,
        g.country.value as golden_country,
        g.member_records,
        unnest(list_filter([
            {'property': 'name', 'current_value': m.name, 'golden': g.name},
            {'property': 'code', 'current_value': m.code, 'golden': g.code},
            {'property': 'email', 'current_value': m.email, 'golden': g.email},
            {'property': 'phone', 'current_value': m.phone, 'golden': g.phone},
            {'property': 'mobile', 'current_value': m.mobile, 'golden': g.mobile},
            {'property': 'fax', 'current_value': m.fax, 'golden': g.fax},
            {'property': 'website', 'current_value': m.website, 'golden': g.website},
            {'property': 'notes', 'current_value': m.notes, 'golden': g.notes},
            {'property': 'vat_number', 'current_value': m.vat_number, 'golden': g.vat_number},
            {'property': 'registration_number', 'current_value': m.registration_number, 'golden': g.registration_number},
            {'property': 'currency', 'current_value': m.currency, 'golden': g.currency},
            {'property': 'address_line1', 'current_value': m.address_line1, 'golden': g.address_line1},
            {'property': 'address_line2', 'current_value': m.address_line2, 'golden': g.address_line2},
            {'property': 'address_line3', 'current_value': m.address_line3, 'golden': g.address_line3},
            {'property': 'postal_code', 'current_value': m.postal_code, 'golden': g.postal_code},
            {'property': 'city', 'current_value': m.city, 'golden': g.city},
            {'property': 'region', 'current_value': m.region, 'golden': g.region},
            {'property': 'country', 'current_value': m.country, 'golden': g.country},
            {'property': 'contact_first_name', 'current_value': m.contact_first_name, 'golden': g.contact_first_name},
            {'property': 'contact_last_name', 'current_value': m.contact_last_name, 'golden': g.contact_last_name},
            {'property': 'active', 'current_value': m.active, 'golden': g.active}
        ], lambda d: d.golden.value is not null and d.golden.value is distinct from d.current_value)) as d
    from members as m
    inner join golden.cluster_values as g on g.cluster_id = m.cluster_id
)

select
    d.cluster_id,
    d.system,
    d.entity,
    d.record_id,
    d.scope_id,
    d.source_version,
    d.record_hash,
    f.property,
    f.target_field,
    f.writable,
    d.d.current_value as current_value,
    d.d.golden.value as golden_value,
    d.d.golden.changed_at as golden_changed_at,
    d.member_records[d.d.golden.member] as golden_source,
    -- a target that writes a region with its country (Wave provinceCode CA-ON) needs the golden country
    d.golden_country,
    getvariable('run_at') as _transformed_at
from differing as d
inner join delta.target_fields as f
    on f.target_system = d.system and f.target_entity = d.entity and f.property = d.d.property
