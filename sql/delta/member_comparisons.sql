-- materialized: incremental
-- unique_key: cluster_id
-- Every linked, present member's mapped property whose current value differs from the golden value
-- or from its projection, in the member's canonical form (staging normalised both sides, so equal
-- canonical values are equal in the target's format). The input of the delta and not-writable models.
-- golden_value is the cluster's value, projected_value what this member's entity would hold: the
-- golden value, or, where the entity's oversize policy truncates the property and the value is
-- longer than it takes, its first max_length - 12 characters and ' [truncated]' (the rule of
-- delta.projected_values). current_invalid: the member's own value breaks the canonical rules and
-- contributes nothing (staging.source_violations). Each member is compared on one wide row beside
-- its cluster's golden row; only the differing properties become rows.
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

scope_members as materialized (
    select l.cluster_id, l.system, l.entity, l.record_id
    from sync.links as l
    inner join scope as c on c.cluster_id = l.cluster_id
    where l.unlinked_at is null
),

-- A member's staged row and its golden.record_values row are looked up in two parts of each table: the
-- rows written since (the newest, which a filter on the stamp reads without the older row groups) for
-- the records written since, the older rows only for the others (materialized, so the lookup starts
-- from them: when there are none, the older rows are not read).

restaged as (
    select system, entity, record_id
    from staging.stg_customers
    where _transformed_at > getvariable('since')
),

older_staged as materialized (
    select m.cluster_id, m.system, m.entity, m.record_id
    from scope_members as m
    anti join restaged as n on n.system = m.system and n.entity = m.entity and n.record_id = m.record_id
    where getvariable('since') is not null
),

members as materialized (
    select m.cluster_id, s.system, s.entity, s.record_id, s.scope_id, s.source_version, s.record_hash
    from scope_members as m
    inner join staging.stg_customers as s
        on s.system = m.system and s.entity = m.entity and s.record_id = m.record_id
    where not s.is_deleted and (getvariable('since') is null or s._transformed_at > getvariable('since'))
    union all
    select m.cluster_id, s.system, s.entity, s.record_id, s.scope_id, s.source_version, s.record_hash
    from older_staged as m
    inner join staging.stg_customers as s
        on s.system = m.system and s.entity = m.entity and s.record_id = m.record_id
    where not s.is_deleted and s._transformed_at <= getvariable('since')
),

rewritten as (
    select system, entity, record_id
    from golden.record_values
    where _transformed_at > getvariable('since')
),

older_values as materialized (
    select m.system, m.entity, m.record_id
    from members as m
    anti join rewritten as n on n.system = m.system and n.entity = m.entity and n.record_id = m.record_id
    where getvariable('since') is not null
),

member_values as (
    select
        r.system, r.entity, r.record_id,
        r.name, r.code, r.email, r.phone, r.mobile, r.fax, r.website, r.notes, r.vat_number,
        r.registration_number, r.currency, r.address_line1, r.address_line2, r.address_line3, r.postal_code,
        r.city, r.region, r.country, r.contact_first_name, r.contact_last_name, r.active
    from golden.record_values as r
    semi join members as m on m.system = r.system and m.entity = r.entity and m.record_id = r.record_id
    where getvariable('since') is null or r._transformed_at > getvariable('since')
    union all
    select
        r.system, r.entity, r.record_id,
        r.name, r.code, r.email, r.phone, r.mobile, r.fax, r.website, r.notes, r.vat_number,
        r.registration_number, r.currency, r.address_line1, r.address_line2, r.address_line3, r.postal_code,
        r.city, r.region, r.country, r.contact_first_name, r.contact_last_name, r.active
    from golden.record_values as r
    semi join older_values as m on m.system = r.system and m.entity = r.entity and m.record_id = r.record_id
    where r._transformed_at <= getvariable('since')
),

truncations as (
    -- per target entity, the properties its oversize policy truncates, and their maximum length
    select target_system, target_entity, map_from_entries(list({'key': property, 'value': max_length})) as max_lengths
    from delta.target_constraints
    where oversize_policy = 'truncate'
    group by target_system, target_entity
),

differing as (
    -- the golden value is never empty, so a property the cluster has no value for never differs
    select
        m.cluster_id, m.system, m.entity, m.record_id, m.scope_id, m.source_version, m.record_hash,
        g.country.value as golden_country,
        g.member_records,
        unnest(list_filter([
            {
                'property': 'name', 'current': r.name, 'golden': g.name,
                'projected': case when length(g.name.value) > t.max_lengths['name']
                    then left(g.name.value, t.max_lengths['name'] - length(' [truncated]')) || ' [truncated]'
                    else g.name.value end
            },
            {
                'property': 'code', 'current': r.code, 'golden': g.code,
                'projected': case when length(g.code.value) > t.max_lengths['code']
                    then left(g.code.value, t.max_lengths['code'] - length(' [truncated]')) || ' [truncated]'
                    else g.code.value end
            },
            {
                'property': 'email', 'current': r.email, 'golden': g.email,
                'projected': case when length(g.email.value) > t.max_lengths['email']
                    then left(g.email.value, t.max_lengths['email'] - length(' [truncated]')) || ' [truncated]'
                    else g.email.value end
            },
            {
                'property': 'phone', 'current': r.phone, 'golden': g.phone,
                'projected': case when length(g.phone.value) > t.max_lengths['phone']
                    then left(g.phone.value, t.max_lengths['phone'] - length(' [truncated]')) || ' [truncated]'
                    else g.phone.value end
            },
            {
                'property': 'mobile', 'current': r.mobile, 'golden': g.mobile,
                'projected': case when length(g.mobile.value) > t.max_lengths['mobile']
                    then left(g.mobile.value, t.max_lengths['mobile'] - length(' [truncated]')) || ' [truncated]'
                    else g.mobile.value end
            },
            {
                'property': 'fax', 'current': r.fax, 'golden': g.fax,
                'projected': case when length(g.fax.value) > t.max_lengths['fax']
                    then left(g.fax.value, t.max_lengths['fax'] - length(' [truncated]')) || ' [truncated]'
                    else g.fax.value end
            },
            {
                'property': 'website', 'current': r.website, 'golden': g.website,
                'projected': case when length(g.website.value) > t.max_lengths['website']
                    then left(g.website.value, t.max_lengths['website'] - length(' [truncated]')) || ' [truncated]'
                    else g.website.value end
            },
            {
                'property': 'notes', 'current': r.notes, 'golden': g.notes,
                'projected': case when length(g.notes.value) > t.max_lengths['notes']
                    then left(g.notes.value, t.max_lengths['notes'] - length(' [truncated]')) || ' [truncated]'
                    else g.notes.value end
            },
            {
                'property': 'vat_number', 'current': r.vat_number, 'golden': g.vat_number,
                'projected': case when length(g.vat_number.value) > t.max_lengths['vat_number']
                    then left(g.vat_number.value, t.max_lengths['vat_number'] - length(' [truncated]')) || ' [truncated]'
                    else g.vat_number.value end
            },
            {
                'property': 'registration_number', 'current': r.registration_number, 'golden': g.registration_number,
                'projected': case when length(g.registration_number.value) > t.max_lengths['registration_number']
                    then left(g.registration_number.value, t.max_lengths['registration_number'] - length(' [truncated]')) || ' [truncated]'
                    else g.registration_number.value end
            },
            {
                'property': 'currency', 'current': r.currency, 'golden': g.currency,
                'projected': case when length(g.currency.value) > t.max_lengths['currency']
                    then left(g.currency.value, t.max_lengths['currency'] - length(' [truncated]')) || ' [truncated]'
                    else g.currency.value end
            },
            {
                'property': 'address_line1', 'current': r.address_line1, 'golden': g.address_line1,
                'projected': case when length(g.address_line1.value) > t.max_lengths['address_line1']
                    then left(g.address_line1.value, t.max_lengths['address_line1'] - length(' [truncated]')) || ' [truncated]'
                    else g.address_line1.value end
            },
            {
                'property': 'address_line2', 'current': r.address_line2, 'golden': g.address_line2,
                'projected': case when length(g.address_line2.value) > t.max_lengths['address_line2']
                    then left(g.address_line2.value, t.max_lengths['address_line2'] - length(' [truncated]')) || ' [truncated]'
                    else g.address_line2.value end
            },
            {
                'property': 'address_line3', 'current': r.address_line3, 'golden': g.address_line3,
                'projected': case when length(g.address_line3.value) > t.max_lengths['address_line3']
                    then left(g.address_line3.value, t.max_lengths['address_line3'] - length(' [truncated]')) || ' [truncated]'
                    else g.address_line3.value end
            },
            {
                'property': 'postal_code', 'current': r.postal_code, 'golden': g.postal_code,
                'projected': case when length(g.postal_code.value) > t.max_lengths['postal_code']
                    then left(g.postal_code.value, t.max_lengths['postal_code'] - length(' [truncated]')) || ' [truncated]'
                    else g.postal_code.value end
            },
            {
                'property': 'city', 'current': r.city, 'golden': g.city,
                'projected': case when length(g.city.value) > t.max_lengths['city']
                    then left(g.city.value, t.max_lengths['city'] - length(' [truncated]')) || ' [truncated]'
                    else g.city.value end
            },
            {
                'property': 'region', 'current': r.region, 'golden': g.region,
                'projected': case when length(g.region.value) > t.max_lengths['region']
                    then left(g.region.value, t.max_lengths['region'] - length(' [truncated]')) || ' [truncated]'
                    else g.region.value end
            },
            {
                'property': 'country', 'current': r.country, 'golden': g.country,
                'projected': case when length(g.country.value) > t.max_lengths['country']
                    then left(g.country.value, t.max_lengths['country'] - length(' [truncated]')) || ' [truncated]'
                    else g.country.value end
            },
            {
                'property': 'contact_first_name', 'current': r.contact_first_name, 'golden': g.contact_first_name,
                'projected': case when length(g.contact_first_name.value) > t.max_lengths['contact_first_name']
                    then left(g.contact_first_name.value, t.max_lengths['contact_first_name'] - length(' [truncated]')) || ' [truncated]'
                    else g.contact_first_name.value end
            },
            {
                'property': 'contact_last_name', 'current': r.contact_last_name, 'golden': g.contact_last_name,
                'projected': case when length(g.contact_last_name.value) > t.max_lengths['contact_last_name']
                    then left(g.contact_last_name.value, t.max_lengths['contact_last_name'] - length(' [truncated]')) || ' [truncated]'
                    else g.contact_last_name.value end
            },
            {
                'property': 'active', 'current': r.active, 'golden': g.active,
                'projected': case when length(g.active.value) > t.max_lengths['active']
                    then left(g.active.value, t.max_lengths['active'] - length(' [truncated]')) || ' [truncated]'
                    else g.active.value end
            }
        ], lambda d: d.golden.value is not null
            and (d.golden.value is distinct from d.current.value or d.projected is distinct from d.current.value)
        )) as d
    from members as m
    inner join member_values as r on r.system = m.system and r.entity = m.entity and r.record_id = m.record_id
    inner join golden.cluster_values as g on g.cluster_id = m.cluster_id
    left join truncations as t on t.target_system = m.system and t.target_entity = m.entity
    -- golden.cluster_values recomputed every cluster of the scope in this run (its since is never
    -- later than ours): reading only its rows since lets the scan skip all older row groups
    where getvariable('since') is null or g._transformed_at > getvariable('since')
),

invalid_values as (
    select distinct system, entity, record_id, property
    from staging.source_violations
    where not contributes
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
    d.d.current.value as current_value,
    d.d.current.changed_at as current_changed_at,
    v.property is not null as current_invalid,
    d.d.golden.value as golden_value,
    d.d.projected as projected_value,
    d.d.golden.changed_at as golden_changed_at,
    d.member_records[d.d.golden.member] as golden_source,
    -- a target that writes a region with its country (Wave provinceCode CA-ON) needs the golden country
    d.golden_country,
    getvariable('run_at') as _transformed_at
from differing as d
inner join delta.target_fields as f
    on f.target_system = d.system and f.target_entity = d.entity and f.property = d.d.property
left join invalid_values as v
    on v.system = d.system and v.entity = d.entity and v.record_id = d.record_id and v.property = d.d.property
