-- materialized: table
-- step: pipelines.models.identity:apply_links
-- writes: sync.links, sync.match_conflicts, sync.match_candidates
-- New links for records no active link covers (identity.link_candidates), for ONE pass:
-- getvariable('match_rule') names it. The step (pipelines/models/identity.py) evaluates this model
-- once per pass, in order:
-- 'origin' (a CustomPMS customer whose external_refs name a record), every enabled
-- auto-linking rule by priority, then 'unmatched' (each remaining record starts its own
-- cluster), appending each pass's links to sync.links before the next pass runs.
-- Guards: two records of one system and entity never share a cluster, and a record whose key
-- hits several existing clusters joins none of them (held as a conflict for a person).
with pass as (
    select rule_name, kind
    from sync.match_rules
    where rule_name = getvariable('match_rule') and enabled and auto_link
    union all
    select rule_name, rule_name as kind
    from (values ('origin'), ('unmatched')) as builtin (rule_name)
    where rule_name = getvariable('match_rule')
),

active_links as (
    -- outside a pass (the runner's own evaluation) nothing is read: a false condition is planned away
    select cluster_id, system, entity, record_id
    from sync.links
    where unlinked_at is null and getvariable('match_rule') is not null
),

held as (
    -- an ambiguous match waits for a person instead of starting a duplicate cluster
    select distinct system, entity, record_id
    from sync.match_conflicts
    where resolved_at is null and kind in ('ambiguous', 'different_custompms')
),

ended as (
    -- a record someone (or a CustomPMS delete) unlinked is not matched again by a rule
    select distinct system, entity, record_id
    from sync.links
    where unlinked_at is not null and getvariable('match_rule') is not null
),

unlinked as (
    -- what earlier passes of this run left (none outside a pass: the runner's own evaluation is empty)
    select s.system, s.entity, s.record_id
    from identity.link_candidates as s
    anti join active_links as l on l.system = s.system and l.entity = s.entity and l.record_id = s.record_id
    anti join held as h on h.system = s.system and h.entity = s.entity and h.record_id = s.record_id
    where getvariable('match_rule') is not null
),

rule_candidates as (
    select u.system, u.entity, u.record_id
    from unlinked as u
    anti join ended as e on e.system = u.system and e.entity = u.entity and e.record_id = u.record_id
),

exact_keys as (
    select k.system, k.entity, k.record_id, k.match_key
    from identity.match_keys as k
    inner join pass as p on p.rule_name = k.rule_name and p.kind = 'exact'
),

origin_refs as (
    select c.id as record_id, unnest(from_json(c.external_refs, '[{"system": "VARCHAR", "id": "VARCHAR"}]')) as ref
    from raw_custompms.customers as c
    where getvariable('match_rule') = 'origin' and c.external_refs is not null
        and c.id in (select record_id from rule_candidates where system = 'custompms' and entity = 'customers')
),

new_keys as (
    -- what each unlinked record offers in this pass
    select u.system, u.entity, u.record_id, k.match_key
    from rule_candidates as u
    inner join exact_keys as k on k.system = u.system and k.entity = u.entity and k.record_id = u.record_id
    union all
    select u.system, u.entity, u.record_id, o.ref.system || ':' || lower(o.ref.id) as match_key
    from rule_candidates as u
    inner join origin_refs as o on o.record_id = u.record_id
    where u.system = 'custompms' and u.entity = 'customers'
    union all
    -- an unlinked source record offers its own reference, so a CustomPMS customer naming it forms a
    -- new cluster with it even when our state is new (a lost state file must not mean duplicates)
    select u.system, u.entity, u.record_id, u.system || '.' || u.entity || ':' || lower(u.record_id)
    from rule_candidates as u
    where getvariable('match_rule') = 'origin' and u.system <> 'custompms'
    union all
    select u.system, u.entity, u.record_id, 'cluster:' || f.other_cluster_id as match_key
    from rule_candidates as u
    inner join identity.fuzzy_candidates as f
        on f.system = u.system and f.entity = u.entity and f.record_id = u.record_id
    inner join pass as p on p.rule_name = f.rule_name and p.kind = 'fuzzy'
),

offered_keys as (
    select distinct match_key
    from new_keys
),

linked_keys as (
    -- what the existing clusters offer in this pass, of the keys the unlinked records offer (a deleted
    -- member's keys attract nobody)
    select l.cluster_id, l.system, l.entity, l.record_id, k.match_key
    from active_links as l
    inner join exact_keys as k on k.system = l.system and k.entity = l.entity and k.record_id = l.record_id
    semi join offered_keys as o on o.match_key = k.match_key
    anti join staging.stg_customers as d
        on d.system = l.system and d.entity = l.entity and d.record_id = l.record_id and d.is_deleted
    union all
    select l.cluster_id, l.system, l.entity, l.record_id, l.system || '.' || l.entity || ':' || lower(l.record_id)
    from active_links as l
    where getvariable('match_rule') = 'origin' and l.system <> 'custompms'
        and l.system || '.' || l.entity || ':' || lower(l.record_id) in (select match_key from offered_keys)
    union all
    select l.cluster_id, l.system, l.entity, l.record_id, 'cluster:' || l.cluster_id
    from active_links as l
    where exists (select 1 from pass where kind = 'fuzzy')
        and 'cluster:' || l.cluster_id in (select match_key from offered_keys)
),

custompms_clusters as (
    select distinct cluster_id
    from active_links
    where system = 'custompms' and cluster_id in (select cluster_id from linked_keys)
),

cluster_hits as (
    -- each existing cluster a record's keys meet, once (its smallest key that meets it)
    select n.system, n.entity, n.record_id, l.cluster_id, min(n.match_key) as match_key
    from new_keys as n
    inner join linked_keys as l on l.match_key = n.match_key
    group by n.system, n.entity, n.record_id, l.cluster_id
),

hits as (
    -- records that meet existing clusters, and how many (distinct already: no distinct aggregates)
    select
        h.system,
        h.entity,
        h.record_id,
        min(h.match_key) as match_key,
        count(*) as clusters,
        count(c.cluster_id) as custompms_clusters,
        min(h.cluster_id) as cluster_id,
        to_json(list_sort(list(h.cluster_id))) as cluster_ids
    from cluster_hits as h
    left join custompms_clusters as c on c.cluster_id = h.cluster_id
    group by h.system, h.entity, h.record_id
),

single_hits as (
    -- one cluster: it must not hold this system and entity already, and of several newcomers of
    -- one system and entity only the first (by record id) may join it
    select
        h.system,
        h.entity,
        h.record_id,
        h.match_key,
        h.cluster_id,
        h.cluster_ids,
        exists (
            select 1 from active_links as l
            where l.cluster_id = h.cluster_id and l.system = h.system and l.entity = h.entity
        ) as system_taken,
        row_number() over (partition by h.cluster_id, h.system, h.entity order by h.record_id) as arrival
    from hits as h
    where h.clusters = 1
),

fresh_keys as (
    -- keys for new clusters, one per record. In the origin pass a CustomPMS customer offers one key
    -- per reference; anchoring them all on the customer keeps it (and each record it names) in one group
    select n.system, n.entity, n.record_id, n.match_key
    from new_keys as n
    where getvariable('match_rule') <> 'origin'
    union all
    select n.system, n.entity, n.record_id, 'custompms:' || min(coalesce(p.record_id, n.record_id)) as match_key
    from new_keys as n
    left join new_keys as p on p.match_key = n.match_key and p.system = 'custompms' and n.system <> 'custompms'
    where getvariable('match_rule') = 'origin' and (n.system = 'custompms' or p.record_id is not null)
    group by n.system, n.entity, n.record_id
),

fresh as (
    -- keys that meet no existing cluster: records sharing one form a new cluster
    select
        n.system,
        n.entity,
        n.record_id,
        n.match_key,
        row_number() over (partition by n.match_key, n.system, n.entity order by n.record_id) as rank_in_system,
        count(*) over (partition by n.match_key) as sharing
    from fresh_keys as n
    anti join hits as h on h.system = n.system and h.entity = n.entity and h.record_id = n.record_id
    where exists (select 1 from pass where kind in ('exact', 'origin'))
),

fresh_groups as (
    select
        match_key,
        count(*) as members,
        min(system || '.' || entity || ':' || record_id) as anchor
    from fresh
    where rank_in_system = 1
    group by match_key
    having count(*) >= 2
),

decisions as (
    select
        system, entity, record_id, match_key, cluster_id, false as new_cluster, 'link' as decision,
        cast(null as varchar) as conflict_kind, cluster_ids, cast(null as varchar) as detail
    from single_hits
    where not system_taken and arrival = 1
    union all
    select
        system, entity, record_id, match_key, null, false, 'conflict', 'same_system', cluster_ids,
        'cluster already has a ' || system || ' ' || entity || ' record'
    from single_hits
    where system_taken or arrival > 1
    union all
    select
        system, entity, record_id, match_key, null, false, 'conflict',
        case when custompms_clusters > 1 then 'different_custompms' else 'ambiguous' end,
        cluster_ids,
        'would join ' || clusters || ' existing clusters'
            || case when custompms_clusters > 1 then ' with different CustomPMS customers' else '' end
    from hits
    where clusters > 1
    union all
    select
        f.system, f.entity, f.record_id, f.match_key, 'cl_' || substr(md5(g.anchor), 1, 20), true, 'link',
        null, null, 'new cluster anchored at ' || g.anchor
    from fresh as f
    inner join fresh_groups as g on g.match_key = f.match_key
    where f.rank_in_system = 1
    union all
    select
        system, entity, record_id, match_key, null, false, 'conflict', 'same_system', null,
        'another ' || system || ' ' || entity || ' record has the same key'
    from fresh
    where rank_in_system > 1
    union all
    select
        u.system, u.entity, u.record_id, null,
        'cl_' || substr(md5(u.system || '.' || u.entity || ':' || u.record_id), 1, 20), true, 'link',
        null, null, 'unmatched: starts its own cluster'
    from unlinked as u
    where getvariable('match_rule') = 'unmatched'
),

used_cluster_ids as (
    select distinct cluster_id
    from sync.links
    where cluster_id in (select cluster_id from decisions)
)

select
    cast(getvariable('match_rule') as varchar) as pass,
    cast(d.system as varchar) as system,
    cast(d.entity as varchar) as entity,
    cast(d.record_id as varchar) as record_id,
    -- a derived id already taken (by a cluster this record once anchored) gets the run id mixed in
    cast(case
        when d.new_cluster and u.cluster_id is not null
            then 'cl_' || substr(md5(d.cluster_id || ':' || getvariable('run_id')), 1, 20)
        else d.cluster_id
    end as varchar) as cluster_id,
    cast(d.decision as varchar) as decision,
    cast(d.conflict_kind as varchar) as conflict_kind,
    cast(d.match_key as varchar) as match_key,
    cast(d.cluster_ids as json) as cluster_ids,
    cast(d.detail as varchar) as detail,
    cast(getvariable('run_id') as varchar) as run_id
from decisions as d
left join used_cluster_ids as u on u.cluster_id = d.cluster_id
