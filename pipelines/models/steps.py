"""Durable writes that follow a model (declared in its header with `-- step:`).

Each one is insert-if-absent, so a rerun after a crash records nothing twice.
"""

from __future__ import annotations

from pipelines import settings
from pipelines.models.runner import RunContext

S = settings.SYNC_SCHEMA


def record_property_history(ctx: RunContext) -> None:
    """Append (record, property) values whose value or change time differ from the last recorded."""
    ctx.con.execute(
        f"""
        insert into {S}.property_history
            (system, entity, record_id, property, value, changed_at, change_source, run_id, recorded_at)
        with last_recorded as (
            select system, entity, record_id, property,
                   arg_max(value, recorded_at) as value, max(changed_at) as changed_at, count(*) as n
            from {S}.property_history
            where (system, entity, record_id) in (
                select system, entity, record_id from golden.record_properties
                where _transformed_at = getvariable('run_at'))
            group by all
        )
        select r.system, r.entity, r.record_id, r.property, r.value, r.changed_at, r.change_source,
               getvariable('run_id'), getvariable('run_at')
        from golden.record_properties as r
        left join last_recorded as h
            on h.system = r.system and h.entity = r.entity and h.record_id = r.record_id
            and h.property = r.property
        where r._transformed_at = getvariable('run_at')
            and (h.n is null and r.value is not null
                 or h.n is not null and (h.value is distinct from r.value
                                         or h.changed_at is distinct from r.changed_at))
        """
    )


def record_not_writable(ctx: RunContext) -> None:
    """Record once per (read-only record, property, wanted value) an edit it cannot take."""
    ctx.con.execute(
        f"""
        insert into {S}.not_writable
            (system, entity, record_id, cluster_id, property, current_value, wanted_value, wanted_hash,
             run_id, recorded_at)
        select n.system, n.entity, n.record_id, n.cluster_id, n.property, n.current_value, n.wanted_value,
               n.wanted_hash, getvariable('run_id'), getvariable('run_at')
        from delta.not_writable as n
        where n._transformed_at = getvariable('run_at')
            and not exists (
                select 1 from {S}.not_writable as w
                where w.system = n.system and w.entity = n.entity and w.record_id = n.record_id
                    and w.property = n.property and w.wanted_hash = n.wanted_hash
            )
        """
    )
