-- What waits for a person: open match conflicts (a rule merge that was not applied) and fuzzy match candidates to accept or reject?
select kind, detail_kind, rule_name, system, entity, record_id, match_key, other, detail, since
from analysis.conflicts
order by kind, since desc
limit 50
