touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ztouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

:touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

qtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

:touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

Wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

:touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ptouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

Itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ptouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

xtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

-touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

>touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

;touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

>touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

>touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

jtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

=touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

=touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

=touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

>touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

jtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

=touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

=touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

=touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

.touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

wtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

>touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ktouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

xtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

htouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

,touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

(touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

'touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

)touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

atouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ftouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

mtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

vtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ntouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

gtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

otouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ptouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

btouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ytouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

 touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ctouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ltouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

utouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

stouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

ttouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

etouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

rtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

_touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

itouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

dtouched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),


touched_records as (
    -- restaged, or written to by the product
    select system, entity, record_id, _transformed_at as changed_at
    from staging.stg_customers
    where getvariable('since') is null or _transformed_at > getvariable('since')
    union all
    select target_system, target_entity, record_id, written_at
    from sync.write_ledger
    where getvariable('since') is null or written_at > getvariable('since')
),

record_events as (
    select l.cluster_id, r.changed_at
    from touched_records as r
    inner join sync.links as l on l.system = r.system and l.entity = r.entity and l.record_id = r.record_id
),

