-- materialized: incremental
-- unique_key: system, entity, record_id
-- The normalised value each exact merge rule compares, per current record. Deleted and archived
-- records have keys too, so one archived before we first saw it joins its customer's cluster
-- instead of starting a duplicate (option create_archived_at_first_sight); link_proposals
-- ignores the keys of deleted members that are linked already.
-- Staging already normalised the values (VAT without separators, lower-case email), so a key
-- is the canonical value itself; rules name the property they compare (sync.match_rules).
with scope as (
    select system, entity, record_id
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
),

rules as (
    select rule_name, property
    from sync.match_rules
    where kind = 'exact' and enabled
),

keyed as (
    select
        s.system,
        s.entity,
        s.record_id,
        r.rule_name,
        case r.property
            when 'vat_number' then s.vat_number
            when 'registration_number' then s.registration_number
            when 'email' then s.email
            when 'code' then s.code
            when 'name' then lower(s.name)
            when 'phone' then s.phone
            when 'website' then lower(s.website)
        end as match_key
    from staging.stg_customers as s
    cross join rules as r
    where getvariable('since') is null or s._transformed_at > getvariable('since')
)

select
    system,
    entity,
    record_id,
    rule_name,
    match_key,
    getvariable('run_at') as _transformed_at
from keyed
where match_key is not null
