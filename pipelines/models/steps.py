"""Durable writes that follow a model (declared in its header with `-- step:`).

Each one is insert-if-absent, so a rerun after a crash records nothing twice.
"""

from __future__ import annotations

from pipelines import settings
from pipelines.models import parsecache
from pipelines.models.runner import RunContext, compressed_writes, parse_model

S = settings.SYNC_SCHEMA


HISTORY_COLUMNS = "system, entity, record_id, property, value, changed_at, change_source, run_id, recorded_at"


def _long_form(ctx: RunContext, table: str) -> str:
    """golden.record_properties (the long form of golden.record_values, a view next to it) over `table`,
    a table shaped like golden.record_values: the one definition of a property row, not a second copy."""
    view = parse_model(ctx.model.path.with_name("record_properties.sql"), ctx.model.path.parents[1])

    def generate() -> str:
        from sqlglot import exp

        tree = view.tree.copy()
        for node in list(tree.find_all(exp.Table)):
            if f"{node.db}.{node.name}" == ctx.model.qualified:
                node.replace(exp.to_table(table))
        return tree.sql(dialect="duckdb")

    return parsecache.get(f"long_form:{view.sql_hash}:{ctx.model.qualified}:{table}", generate)


def _property_columns(con, table: str) -> list[str]:
    """The property columns (value, changed_at structs) a temp table shaped like golden.record_values has."""
    return [name for (name,) in con.execute(
        "select column_name from duckdb_columns() where database_name = 'temp' and table_name = ? "
        "and data_type like 'STRUCT(%' order by column_index", [table]).fetchall()]


def changed_property_columns(con, increment: str, replaced: str) -> list[str] | None:
    """The columns of golden.record_values's replaced rows its history step compares: the properties the new
    rows of replaced records name in changed_properties (None, every column, when one names none)."""
    names, unnamed = con.execute(
        f"""
        select
            list_sort(list_distinct(flatten(
                list(n.changed_properties) filter (where n.changed_properties is not null)))),
            count(*) filter (where n.changed_properties is null)
        from {increment} as n
        semi join {replaced} as o on o.system = n.system and o.entity = n.entity and o.record_id = n.record_id
        """
    ).fetchone()
    return None if unnamed else (names or [])


def record_property_history(ctx: RunContext) -> None:
    """Append (record, property) values whose value or change time differ from the last recorded.

    After an incremental run the last recorded state of a changed record is the row the run replaced
    (each run records every difference), so the history itself is only read back for a property that
    stayed empty while its change time moved: it is recorded only when it has a history. A full
    refresh compares with the last recorded row of each property (by recorded_at; an empty value or
    change time included, so a cleared value is recorded once, not again on every run)."""
    con = ctx.con
    changed = f"select * from ({_long_form(ctx, ctx.model.qualified)}) where _transformed_at = getvariable('run_at')"
    if ctx.replaced is None:
        # The history is filtered by the records the model wrote, read from the model's own key columns. A
        # filter on current_properties would read those rows (one per record and property) a second time,
        # so DuckDB would materialise them all first: at 100,000 records per system this insert took 1.8 s
        # instead of 1.0 s on an empty history, and its select 9.3 s instead of 3.3 s on a full one.
        # A first sync's insert holds every non-empty property of every record: written with compression on,
        # as the table's DDL says per column, it takes a third of the space (at 100,000 records per system,
        # 2.7M rows: 378 blocks instead of 1,116, 95 MB instead of 280 MB), and the step is no slower.
        with compressed_writes(con):
            con.execute(
                f"""
                insert into {S}.property_history ({HISTORY_COLUMNS})
                with current_properties as ({changed}),

                last_recorded as (
                    select system, entity, record_id, property, arg_max_null(value, recorded_at) as value,
                           arg_max_null(changed_at, recorded_at) as changed_at, count(*) as n
                    from {S}.property_history
                    where (system, entity, record_id) in (
                        select system, entity, record_id from {ctx.model.qualified}
                        where _transformed_at = getvariable('run_at')
                    )
                    group by all
                )

                select r.system, r.entity, r.record_id, r.property, r.value, r.changed_at, r.change_source,
                       getvariable('run_id'), getvariable('run_at')
                from current_properties as r
                left join last_recorded as h
                    on h.system = r.system and h.entity = r.entity and h.record_id = r.record_id
                    and h.property = r.property
                where case
                    when h.n is null then r.value is not null
                    else h.value is distinct from r.value or h.changed_at is distinct from r.changed_at
                end
                """
            )
        return
    compared = _property_columns(con, ctx.replaced)
    keys = "o.system = r.system and o.entity = r.entity and o.record_id = r.record_id"
    replaced_properties = (
        f"""select system, entity, record_id, property, p.value as value, p.changed_at as changed_at
            from (unpivot (select system, entity, record_id, {", ".join(compared)} from {ctx.replaced})
                  on {", ".join(compared)} into name property value p)"""
        if compared else  # no property can have changed: nothing of the replaced rows to compare
        "select null::varchar as system, null::varchar as entity, null::varchar as record_id, "
        "null::varchar as property, null::varchar as value, null::timestamptz as changed_at where false"
    )
    con.execute(
        f"""
        create or replace temp table __property_changes as
        with flagged as (
            -- per new row: the properties it says can differ from the row it replaced (null: all of them), and
            -- whether it replaced one
            select n.system, n.entity, n.record_id, n.changed_properties, x.record_id is not null as replaced
            from {ctx.model.qualified} as n
            left join {ctx.replaced} as x on x.system = n.system and x.entity = n.entity and x.record_id = n.record_id
            where n._transformed_at = getvariable('run_at')
        ),

        current_properties as (
            -- a replaced record's other properties have the value and change time they had
            select r.*, f.replaced
            from ({changed}) as r
            inner join flagged as f on f.system = r.system and f.entity = r.entity and f.record_id = r.record_id
            where not f.replaced or coalesce(list_contains(f.changed_properties, r.property), true)
        ),

        replaced_properties as ({replaced_properties})

        select
            r.system, r.entity, r.record_id, r.property, r.value, r.changed_at, r.change_source,
            o.value is null and r.value is null as still_empty
        from current_properties as r
        left join replaced_properties as o on {keys} and o.property = r.property
        where case
            when not r.replaced then r.value is not null  -- a new record: nothing recorded yet
            else o.value is distinct from r.value or o.changed_at is distinct from r.changed_at
        end
        """
    )
    if con.execute("select count(*) from __property_changes where still_empty").fetchone()[0]:
        con.execute(
            f"""
            delete from __property_changes as c
            where c.still_empty and not exists (
                select 1 from {S}.property_history as h
                where h.system = c.system and h.entity = c.entity and h.record_id = c.record_id
                    and h.property = c.property
            )
            """
        )
    with compressed_writes(con):
        con.execute(
            f"""
            insert into {S}.property_history ({HISTORY_COLUMNS})
            select system, entity, record_id, property, value, changed_at, change_source,
                   getvariable('run_id'), getvariable('run_at')
            from __property_changes
            """
        )
    con.execute("drop table __property_changes")


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
