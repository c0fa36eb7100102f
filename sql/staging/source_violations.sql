-- materialized: incremental
-- unique_key: system, entity, record_id
-- Current source records (not deleted) whose values break what the canonical customer needs, one
-- row per record, property and broken rule. Helper of sync.quarantine (kind source_value).
--   system, entity, record_id  the source record
--   property                   canonical property
--   value                      the offending value (whole; null when a required one is missing)
--   rule                       required, email, iso_country, iso_currency or max_length
--   reason                     for a person
--   contributes                whether the value still takes part in the golden record
-- The canonical rules are CustomPMS's constraints (delta.target_constraints): every record ends in
-- a CustomPMS customer. A missing name, a malformed email, an unknown country or currency does not
-- contribute: golden.cluster_properties skips it, so it never propagates, and the other members'
-- values (or none) stand. Length is judged against the record's own system (a CustomPMS name of
-- 300 characters slipped past CustomPMS's own limit of 200): an over-long value is still a real
-- value, so it contributes, and each target's oversize policy decides what it receives. A
-- 5,000-character note in Exact or Wave, which allow it, is not a source problem at all.
with scope as (
    -- the records recomputed since this model last ran
    select system, entity, record_id
    from golden.record_values
    where getvariable('since') is null or _transformed_at > getvariable('since')
),

canonical as (
    select property, required, format, pattern, code_list
    from delta.target_constraints
    where target_system = 'custompms' and target_entity = 'customers'
),

record_values as (
    -- each of their current values, one row per property (golden.record_properties already has them);
    -- an empty one only where it is required (no other rule can fail on it)
    select p.system, p.entity, p.record_id, p.property, p.value
    from golden.record_properties as p
    where not p.is_deleted and p.property <> 'active'
        and (getvariable('since') is null or p._transformed_at > getvariable('since'))
        and (p.value is not null or p.property in (select property from canonical where required))
),

own_limits as (
    select target_system as system, target_entity as entity, property, max_length
    from delta.target_constraints
    where max_length is not null
),

codes as (
    select list_name, code
    from reference.code_lists
),

missing as (
    select v.system, v.entity, v.record_id, v.property, v.value, 'required' as rule,
        'no ' || v.property || ': a customer needs one' as reason
    from record_values as v
    inner join canonical as c on c.property = v.property
    where c.required and v.value is null
),

malformed as (
    select v.system, v.entity, v.record_id, v.property, v.value, 'email' as rule,
        '''' || v.value || ''' is not an email address' as reason
    from record_values as v
    inner join canonical as c on c.property = v.property
    where c.format = 'email' and v.value is not null and not case c.pattern
        -- a pattern read from a column is compiled for every row; the ones delta.target_constraints
        -- has are spelled out so each is compiled once (any other still works, row by row)
        when '[^@\s]+@[^@\s.]+(\.[^@\s.]+)+' then regexp_full_match(v.value, '[^@\s]+@[^@\s.]+(\.[^@\s.]+)+')
        when '[^@\s]+@[^@\s]+\.[^@\s.]{2,}' then regexp_full_match(v.value, '[^@\s]+@[^@\s]+\.[^@\s.]{2,}')
        else regexp_full_match(v.value, c.pattern)
    end
),

unknown_codes as (
    select v.system, v.entity, v.record_id, v.property, v.value, c.format as rule,
        '''' || v.value || ''' is not an '
        || case c.format when 'iso_country' then 'ISO 3166-1 alpha-2 country' else 'ISO 4217 currency' end
        || ' code' as reason
    from record_values as v
    inner join canonical as c on c.property = v.property
    anti join codes as k on k.list_name = c.code_list and k.code = v.value
    where c.code_list is not null and v.value is not null
),

too_long as (
    select v.system, v.entity, v.record_id, v.property, v.value, 'max_length' as rule,
        length(v.value) || ' characters; ' || v.system || '.' || v.entity || ' takes at most '
        || l.max_length || ' for ' || v.property as reason
    from record_values as v
    inner join own_limits as l on l.system = v.system and l.entity = v.entity and l.property = v.property
    where length(v.value) > l.max_length
),

violations as (
    select system, entity, record_id, property, value, rule, reason, false as contributes
    from missing
    union all
    select system, entity, record_id, property, value, rule, reason, false
    from malformed
    union all
    select system, entity, record_id, property, value, rule, reason, false
    from unknown_codes
    union all
    select system, entity, record_id, property, value, rule, reason, true
    from too_long
)

select
    system,
    entity,
    record_id,
    property,
    value,
    rule,
    reason,
    contributes,
    getvariable('run_at') as _transformed_at
from violations
