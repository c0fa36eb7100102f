-- materialized: incremental
-- unique_key: cluster_id
-- The delta properties held back (recomputed for the clusters touched since the last run), one row per (target record or create, property, reason).
-- delta.operations leaves them out and sends the record's other properties; a create whose
-- required property (CustomPMS name) is missing or held back waits whole (blocks_create).
-- Helper S copies these rows into sync.quarantine after each transform and resolves rows that
-- disappear. Columns:
--   target_system, target_entity  where the value would go
--   record_id      the target record; null for a create (cluster_id says which)
--   cluster_id     the cluster the value is golden for
--   property       canonical property; target_field: its name in the target
--   value          the value we would send (the projection of delta.projected_values), whole
--   value_hash     md5(value): the same hash as the operation's ledger entry would carry
--   reason         for a person
--   kind           target_constraint (format, code list, required), oversized (longer than the
--                  target takes, oversize policy quarantine), or target_rejection (the target
--                  already refused this exact value: a sync.quarantine row of kind
--                  target_rejection, status open or ignored, same target, record, or cluster for a
--                  create, property and value_hash; S writes those, these rows only mirror them)
--   blocks_create  the create waits for this property
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

update_values as (
    -- a full run reads every delta (each is one of the scope's: the branch with the semi join is planned
    -- away); an incremental run the scope's recomputed rows
    select target_system, target_entity, record_id, cluster_id, property, target_field, new_value as value
    from delta.property_deltas
    where getvariable('since') is null
    union all
    select
        d.target_system, d.target_entity, d.record_id, d.cluster_id, d.property, d.target_field, d.new_value as value
    from delta.property_deltas as d
    semi join scope as s on s.cluster_id = d.cluster_id
    where getvariable('since') is not null and d._transformed_at > getvariable('since')
),

creating as (
    select c.cluster_id
    from delta.create_clusters as c
    semi join scope as s on s.cluster_id = c.cluster_id
),

create_values as (
    select
        v.target_system, v.target_entity, cast(null as varchar) as record_id, v.cluster_id, v.property,
        v.target_field, v.value
    from delta.projected_values as v
    semi join creating as c on c.cluster_id = v.cluster_id
    where v.target_system = 'custompms' and v.target_entity = 'customers'
),

candidates as (
    select target_system, target_entity, record_id, cluster_id, property, target_field, value
    from update_values
    union all
    select target_system, target_entity, record_id, cluster_id, property, target_field, value
    from create_values
),

checked as (
    select
        v.target_system, v.target_entity, v.record_id, v.cluster_id, v.property, v.target_field, v.value,
        c.required, c.max_length, c.format, c.pattern, c.code_list, c.oversize_policy
    from candidates as v
    inner join delta.target_constraints as c
        on c.target_system = v.target_system and c.target_entity = v.target_entity and c.property = v.property
),

malformed as (
    select target_system, target_entity, record_id, cluster_id, property, target_field, value,
        '''' || value || ''' is not an email address ' || target_system || ' accepts' as reason
    from checked
    where format = 'email' and not case pattern
        -- a pattern read from a column is compiled for every row; the ones delta.target_constraints
        -- has are spelled out so each is compiled once (any other still works, row by row)
        when '[^@\s]+@[^@\s.]+(\.[^@\s.]+)+' then regexp_full_match(value, '[^@\s]+@[^@\s.]+(\.[^@\s.]+)+')
        when '[^@\s]+@[^@\s]+\.[^@\s.]{2,}' then regexp_full_match(value, '[^@\s]+@[^@\s]+\.[^@\s.]{2,}')
        else regexp_full_match(value, pattern)
    end
),

unknown_codes as (
    select c.target_system, c.target_entity, c.record_id, c.cluster_id, c.property, c.target_field, c.value,
        '''' || c.value || ''' is not in ' || c.target_system || '''s list of '
        || case c.format when 'iso_country' then 'country' else 'currency' end || ' codes (' || c.code_list || ')'
            as reason
    from checked as c
    anti join reference.code_lists as k on k.list_name = c.code_list and k.code = c.value
    where c.code_list is not null
),

oversized as (
    select target_system, target_entity, record_id, cluster_id, property, target_field, value,
        length(value) || ' characters; ' || target_system || '.' || target_entity || ' takes at most '
        || max_length || ' for ' || property || ' (oversize policy quarantine: not sent; option truncate_oversized:'
        || target_system || '.' || target_entity || '.' || property || ' truncates instead)' as reason
    from checked
    where length(value) > max_length
),

missing as (
    -- a create without a required property (the golden record has no value for it)
    select
        c.target_system, c.target_entity, cast(null as varchar) as record_id, k.cluster_id, c.property,
        f.target_field, cast(null as varchar) as value,
        'no ' || c.property || ': ' || c.target_system || ' needs one to create the customer' as reason
    from creating as k
    cross join delta.target_constraints as c
    inner join delta.target_fields as f
        on f.target_system = c.target_system and f.target_entity = c.target_entity and f.property = c.property
    anti join create_values as v on v.cluster_id = k.cluster_id and v.property = c.property
    where c.target_system = 'custompms' and c.target_entity = 'customers' and c.required
),

rejected as (
    -- the target refused this exact value before; it waits until the value changes or a person
    -- resolves the quarantine row
    select v.target_system, v.target_entity, v.record_id, v.cluster_id, v.property, v.target_field, v.value,
        'refused by ' || v.target_system || ' before: ' || q.reason as reason
    from candidates as v
    inner join sync.quarantine as q
        on q.kind = 'target_rejection' and q.status in ('open', 'ignored')
        and q.system = v.target_system and q.entity = v.target_entity and q.property = v.property
        and q.value_hash = md5(v.value)
        and (q.record_id = v.record_id or (v.record_id is null and q.record_id is null and q.cluster_id = v.cluster_id))
),

violations as (
    select target_system, target_entity, record_id, cluster_id, property, target_field, value, reason,
        'target_constraint' as kind
    from malformed
    union all
    select target_system, target_entity, record_id, cluster_id, property, target_field, value, reason,
        'target_constraint'
    from unknown_codes
    union all
    select target_system, target_entity, record_id, cluster_id, property, target_field, value, reason, 'oversized'
    from oversized
    union all
    select target_system, target_entity, record_id, cluster_id, property, target_field, value, reason,
        'target_constraint'
    from missing
    union all
    select distinct target_system, target_entity, record_id, cluster_id, property, target_field, value, reason,
        'target_rejection'
    from rejected
)

select
    v.target_system,
    v.target_entity,
    v.record_id,
    v.cluster_id,
    v.property,
    v.target_field,
    v.value,
    md5(v.value) as value_hash,
    v.reason,
    v.kind,
    coalesce(v.record_id is null and c.required, false) as blocks_create,
    getvariable('run_at') as _transformed_at
from violations as v
left join delta.target_constraints as c
    on c.target_system = v.target_system and c.target_entity = v.target_entity and c.property = v.property
