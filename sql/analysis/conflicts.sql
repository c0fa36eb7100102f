-- materialized: view
-- What waits for a person: open match conflicts (a rule would have merged records that must stay
-- apart, or matched several clusters; not applied) and open fuzzy match candidates (proposals,
-- never linked automatically unless the fuzzy rule's auto_link is on).
select
    'conflict' as kind,
    kind as detail_kind,
    rule_name,
    system,
    entity,
    record_id,
    match_key,
    cast(cluster_ids as varchar) as other,
    detail,
    detected_at as since,
    run_id
from sync.match_conflicts
where resolved_at is null
union all
select
    'candidate' as kind,
    'fuzzy' as detail_kind,
    rule_name,
    system,
    entity,
    record_id,
    null as match_key,
    other_system || '.' || other_entity || ':' || other_record_id || ' (cluster ' || other_cluster_id || ')' as other,
    'score ' || round(score, 3) as detail,
    proposed_at as since,
    run_id
from sync.match_candidates
where decision is null
