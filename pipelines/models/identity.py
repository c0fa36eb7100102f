"""The durable half of identity: append what `identity.link_proposals` decides to `sync.links`.

Models only SELECT; this step (declared in the model's header) is the one place links are
written. It runs inside the runner's transaction for the model, so a crash leaves no half-linked
pass behind. Passes run one after another because each rule must see the clusters the stronger
rules before it formed: 'origin', then the enabled auto-linking rules by priority, then
'unmatched'. The passes only consider identity.link_candidates (the records that can need a link
this run); when there are none, no pass runs. Fuzzy proposals that no pass applied are recorded in
sync.match_candidates.
"""

from __future__ import annotations

from pipelines import settings
from pipelines.models.runner import RunContext, compressed_writes, set_variable

S = settings.SYNC_SCHEMA


def passes(ctx: RunContext) -> list[str]:
    rules = [
        r
        for (r,) in ctx.con.execute(
            f"select rule_name from {S}.match_rules where enabled and auto_link order by priority, rule_name"
        ).fetchall()
    ]
    return ["origin", *rules, "unmatched"]


def _option(ctx: RunContext, name: str) -> bool:
    row = ctx.con.execute(f"select value from {S}.options where name = ?", [name]).fetchone()
    return bool(row and row[0])


def unlink_deleted_custompms(ctx: RunContext) -> None:
    """A CustomPMS customer deleted by a person ends its link (option custompms_delete_unlinks)."""
    if not _option(ctx, "custompms_delete_unlinks"):
        return
    ctx.con.execute(
        f"""
        update {S}.links as l
        set unlinked_at = getvariable('run_at'), unlinked_reason = 'custompms_deleted'
        from staging.stg_customers as c
        where l.unlinked_at is null and l.system = 'custompms' and l.entity = 'customers'
            and c.system = 'custompms' and c.entity = 'customers' and l.record_id = c.record_id and c.is_deleted
        """
    )


def apply_links(ctx: RunContext) -> None:
    con, model = ctx.con, ctx.model
    body = model.sql.rstrip().rstrip(";")
    unlink_deleted_custompms(ctx)
    con.execute(f"delete from {model.qualified}")  # the runner's evaluation had no pass set
    if con.execute("select count(*) from identity.link_candidates").fetchone()[0] == 0:
        rules = []  # every record is linked or held: no pass can link anything
    else:
        rules = passes(ctx)
    for name in rules:
        set_variable(con, "match_rule", name)
        con.execute(f"insert into {model.qualified} by name {body}")
        with compressed_writes(con):  # as sync.links's DDL says per column
            con.execute(
                f"""
                insert into {S}.links
                    (cluster_id, system, entity, record_id, established_by, rule, run_id, linked_at)
                select p.cluster_id, p.system, p.entity, p.record_id,
                       case when p.pass = 'origin' then 'origin' else 'rule:' || p.pass end,
                       p.pass, p.run_id, getvariable('run_at')
                from {model.qualified} as p
                where p.pass = ? and p.decision = 'link'
                    and not exists (
                        select 1 from {S}.links as l
                        where l.unlinked_at is null and l.system = p.system and l.entity = p.entity
                            and l.record_id = p.record_id
                    )
                """,
                [name],
            )
        con.execute(
            f"""
            insert into {S}.match_conflicts
                (rule_name, kind, system, entity, record_id, match_key, cluster_ids, detail, run_id,
                 detected_at)
            select distinct p.pass, p.conflict_kind, p.system, p.entity, p.record_id, p.match_key,
                   p.cluster_ids, p.detail, p.run_id, getvariable('run_at')
            from {model.qualified} as p
            where p.pass = ? and p.decision = 'conflict'
                and not exists (
                    select 1 from {S}.match_conflicts as c
                    where c.rule_name = p.pass and c.kind = p.conflict_kind and c.system = p.system
                        and c.entity = p.entity and c.record_id = p.record_id and c.resolved_at is null
                )
            """,
            [name],
        )
    set_variable(con, "match_rule", None)
    # fuzzy proposals whose record ended up elsewhere: a person decides
    con.execute(
        f"""
        insert into {S}.match_candidates
            (rule_name, system, entity, record_id, other_cluster_id, other_system, other_entity,
             other_record_id, score, run_id, proposed_at)
        select f.rule_name, f.system, f.entity, f.record_id, f.other_cluster_id, f.other_system,
               f.other_entity, f.other_record_id, f.score, getvariable('run_id'), getvariable('run_at')
        from identity.fuzzy_candidates as f
        where not exists (
                select 1 from {S}.links as l
                where l.unlinked_at is null and l.system = f.system and l.entity = f.entity
                    and l.record_id = f.record_id and l.cluster_id = f.other_cluster_id
            )
            and not exists (
                select 1 from {S}.match_candidates as m
                where m.rule_name = f.rule_name and m.system = f.system and m.entity = f.entity
                    and m.record_id = f.record_id and m.other_record_id = f.other_record_id
            )
        """
    )
