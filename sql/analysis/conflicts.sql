-- materialized: view
-- What waits for a person: open match conflicts (a rule would have merged what must stay apart)
-- and open fuzzy match candidates (never linked automatically).
select
    'conflict' as kind,
    rule_name,
    system,
    entity,
    record_id,
    cast(cluster_ids as varchar) as other,
    detail,
    detected_at as since
from sync.match_conflicts
where resolved_at is null
union all
select
    'candidate' as kind,
    rule_name,
    system,
    entity,
    record_id,
    other_system || '.' || other_entity || ':' || other_record_id as other,
    'score ' || round(score, 3) as detail,
    proposed_at as since
from sync.match_candidates
where decision is null
