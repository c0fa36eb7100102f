-- materialized: table
-- Fuzzy name matches of unlinked records (the identity passes' candidates, and records an open
-- conflict holds) against linked ones: same country and postcode, jaro_winkler_similarity of
-- normalised names at or above the rule's threshold. These are only proposals
-- (sync.match_candidates) unless the fuzzy rule's auto_link is switched on. Only the linked records
-- in an unlinked record's country and postcode are compared.
with rules as (
    select rule_name, threshold
    from sync.match_rules
    where kind = 'fuzzy' and enabled
),

active_links as not materialized (
    -- inlined into its two joins (the held records' anti join, the linked records in the unlinked
    -- ones' postcodes): materialized once, it held every active link (300k rows at 100k per system,
    -- 24.8 ms of the model's time against 7.3 ms inlined, one edit)
    select cluster_id, system, entity, record_id
    from sync.links
    where unlinked_at is null
),

held as (
    select distinct system, entity, record_id
    from sync.match_conflicts
    where resolved_at is null and kind in ('ambiguous', 'different_custompms')
),

unlinked_records as (
    select system, entity, record_id
    from identity.link_candidates
    union
    select h.system, h.entity, h.record_id
    from held as h
    anti join active_links as l on l.system = h.system and l.entity = h.entity and l.record_id = h.record_id
),

unlinked as (
    select s.system, s.entity, s.record_id, s.country, s.postal_code, s.name
    from staging.stg_customers as s
    semi join unlinked_records as u on u.system = s.system and u.entity = s.entity and u.record_id = s.record_id
    where not s.is_deleted and s.name is not null and s.country is not null and s.postal_code is not null
        and exists (select 1 from rules)
),

linked as (
    select l.cluster_id, s.system, s.entity, s.record_id, s.country, s.postal_code, s.name
    from staging.stg_customers as s
    inner join active_links as l on l.system = s.system and l.entity = s.entity and l.record_id = s.record_id
    semi join unlinked as u on u.country = s.country and u.postal_code = s.postal_code
    where not s.is_deleted and s.name is not null
),

both_sides as (
    select cast(null as varchar) as cluster_id, system, entity, record_id, country, postal_code, name
    from unlinked
    union all
    select cluster_id, system, entity, record_id, country, postal_code, name
    from linked
),

comparable as (
    -- legal-form noise and punctuation do not make two names different
    select
        cluster_id,
        system,
        entity,
        record_id,
        country,
        postal_code,
        trim(regexp_replace(
            regexp_replace(lower(name), '[^a-z0-9 ]', ' ', 'g'),
            '\b(bv|b v|nv|ltd|limited|inc|llc|gmbh|sa|sarl|co|company|corp)\b|\s+', ' ', 'g'
        )) as norm_name
    from both_sides
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
    from comparable as u
    inner join comparable as k on k.country = u.country and k.postal_code = u.postal_code
    cross join rules as r
    where u.cluster_id is null and k.cluster_id is not null
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
