-- materialized: view
-- One row per (writable target record, property) whose golden value differs from its current
-- value. The golden value is never empty (empty never overwrites), so a clear is never pushed.
-- target_value is the golden value in the target's format (Wave provinceCode is CA-ON).
select
    c.system as target_system,
    c.entity as target_entity,
    c.record_id,
    c.scope_id,
    c.cluster_id,
    c.property,
    c.target_field,
    c.current_value as old_value,
    c.golden_value as new_value,
    case
        when c.target_field = 'address.provinceCode' and c.golden_country is not null and c.golden_value not like '%-%'
            then c.golden_country || '-' || c.golden_value
        else c.golden_value
    end as target_value,
    -- what the writer records in sync.write_ledger.value_hash once the write succeeds
    md5(c.golden_value) as new_value_hash,
    c.golden_changed_at,
    c.golden_source,
    c.source_version as base_version,
    c.record_hash as base_hash,
    c._transformed_at
from delta.member_comparisons as c
where c.writable
