-- materialized: view
-- The golden value of every mapped property as each target entity would hold it: the golden
-- value itself, or, where the property's oversize policy is 'truncate' and the value is longer
-- than the target takes, its first max_length - 12 characters followed by ' [truncated]'.
-- Deltas compare a target's current value with this projection, so a truncated value the
-- product wrote counts as in sync (no ping-pong), and the write ledger records its hash.
-- (golden.cluster_properties knows the marker too: a truncation never wins a tie.) A view:
-- delta.member_comparisons applies the same rule on its wide rows, the creates read it per cluster.
with per_target as (
    select
        g.cluster_id, f.target_system, f.target_entity, g.property, f.target_field, f.writable,
        g.value as golden_value, g.changed_at, g.source_system, g.source_entity, g.source_record_id,
        c.max_length,
        coalesce(c.oversize_policy = 'truncate' and length(g.value) > c.max_length, false) as truncated,
        g._transformed_at
    from golden.cluster_properties as g
    inner join delta.target_fields as f on f.property = g.property
    left join delta.target_constraints as c
        on c.target_system = f.target_system and c.target_entity = f.target_entity and c.property = g.property
)

select
    cluster_id,
    target_system,
    target_entity,
    property,
    target_field,
    writable,
    golden_value,
    case
        when truncated then left(golden_value, max_length - length(' [truncated]')) || ' [truncated]'
        else golden_value
    end as value,
    truncated,
    changed_at,
    source_system,
    source_entity,
    source_record_id,
    _transformed_at
from per_target
