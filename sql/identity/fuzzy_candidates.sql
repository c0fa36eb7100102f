-- materialized: table
-- Fuzzy name matches of unlinked records against linked ones: same country and postcode,
-- jaro_winkler_similarity of normalised names at or above the rule's threshold. These are only
-- proposals (sync.match_candidates) unless the fuzzy rule's auto_link is switched on.
with rules as (
    select rule_name, threshold
    from sync.match_rules
    where kind = 'fuzzy' and enabled
),

active_links as (
    select cluster_id, system, entity, record_id
    from sync.links
    where unlinked_at is null
),

comparable as (
    -- legal-form noise and punctuation do not make two names different
    select
        system,
        entity,
        record_id,
        country,
        postal_code,
        trim(regexp_replace(
            regexp_replace(lower(name), '[^a-z0-9 ]', ' ', 'g'),
            '\b(bv|b v|nv|ltd|limited|inc|llc|gmbh|sa|sarl|co|company|corp)\b|\s+', ' ', 'g'
        )) as norm_name
    from staging.stg_customers
    where not is_deleted and name is not null and country is not null and postal_code is not null
),

unlinked as (
    select c.system, c.entity, c.record_id, c.country, c.postal_code, c.norm_name
    from comparable as c
    anti join active_links as l on l.system = c.system and l.entity = c.entity and l.record_id = c.record_id
),

linked as (
    select l.cluster_id, c.system, c.entity, c.record_id, c.country, c.postal_code, c.norm_name
    from comparable as c
    inner join active_links as l on l.system = c.system and l.entity = c.entity and l.record_id = c.record_id
),

scored as (
    select
        r.rule_name,
        u.system,
        u.entity,
        u.record_id,
        k.cluster_id as other_cluster_id,
        k.system as other_system,
        k.entity as other_entity,
        k.record_id as other_record_id,
        jaro_winkler_similarity(u.norm_name, k.norm_name) as score,
        r.threshold
    from unlinked as u
    inner join linked as k on k.country = u.country and k.postal_code = u.postal_code
    cross join rules as r
)

select
    rule_name,
    system,
    entity,
    record_id,
    other_cluster_id,
    other_system,
    other_entity,
    other_record_id,
    score
from scored
where score >= threshold
