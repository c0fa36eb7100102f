-- materialized: view
-- One row per (writable target record, property) whose golden value differs from its current
-- value. The golden value is never empty (empty never overwrites), so a clear is never pushed.
-- target_value is the golden value in the target's format (Wave provinceCode is CA-ON).
-- The comparison is with the value projected for the target (delta.projected_values: a truncation
-- where the oversize policy says so), and new_value_hash is the hash of that projection: what
-- the target will hold. A member's own invalid value (staging.source_violations) is not
-- overwritten by an older golden value: the person's edit stays, quarantined, until fixed or
-- overtaken by a later valid edit elsewhere (latest change wins; an invalid value never spreads).
select
    c.system as target_system,
    c.entity as target_entity,
    c.record_id,
    c.scope_id,
    c.cluster_id,
    c.property,
    c.target_field,
    c.current_value as old_value,
    c.projected_value as new_value,
    case
        when c.target_field = 'address.provinceCode' and c.golden_country is not null
            and c.projected_value not like '%-%'
            then c.golden_country || '-' || c.projected_value
        else c.projected_value
    end as target_value,
    -- what the writer records in sync.write_ledger.value_hash once the write succeeds
    md5(c.projected_value) as new_value_hash,
    c.golden_changed_at,
    c.golden_source,
    c.source_version as base_version,
    c.record_hash as base_hash,
    c._transformed_at
from delta.member_comparisons as c
where c.writable and c.projected_value is distinct from c.current_value
    and not (c.current_invalid and c.current_changed_at >= c.golden_changed_at)
