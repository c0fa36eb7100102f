-- materialized: view
-- What people decided through the stewardship commands (accept, reject, link, unlink, resolve,
-- retry, ignore): who, when and why, what it acted on, and the links it made or ended.
with link_changes as (
    select decision_id, string_agg('+' || system || ':' || entity || ':' || record_id || ' -> ' || cluster_id, ', ')
        as linked
    from sync.links
    where decision_id is not null
    group by decision_id
),

unlink_changes as (
    select
        unlinked_decision_id as decision_id,
        string_agg('-' || system || ':' || entity || ':' || record_id || ' <- ' || cluster_id, ', ') as unlinked
    from sync.links
    where unlinked_decision_id is not null
    group by unlinked_decision_id
)

select
    d.decision_id,
    d.action,
    d.subject,
    d.decided_by,
    d.decided_at,
    d.note,
    concat_ws(', ', u.unlinked, l.linked) as link_changes,
    d.detail
from sync.decisions as d
left join link_changes as l on l.decision_id = d.decision_id
left join unlink_changes as u on u.decision_id = d.decision_id
