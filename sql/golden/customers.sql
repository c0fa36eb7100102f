-- materialized: incremental
-- unique_key: cluster_id
-- The golden record, one row per cluster, in canonical column names (what a CustomPMS create
-- sends, and what the dataflow documents trace back to the sources).
with scope as (
    select distinct cluster_id
    from golden.cluster_changes
    where getvariable('since') is null or changed_at > getvariable('since')
),

properties as (
    select p.cluster_id, p.property, p.value, p.changed_at
    from golden.cluster_properties as p
    semi join scope as s on s.cluster_id = p.cluster_id
)

select
    cluster_id,
    max(value) filter (where property = 'name') as name,
    max(value) filter (where property = 'code') as code,
    max(value) filter (where property = 'email') as email,
    max(value) filter (where property = 'phone') as phone,
    max(value) filter (where property = 'mobile') as mobile,
    max(value) filter (where property = 'fax') as fax,
    max(value) filter (where property = 'website') as website,
    max(value) filter (where property = 'notes') as notes,
    max(value) filter (where property = 'vat_number') as vat_number,
    max(value) filter (where property = 'registration_number') as registration_number,
    max(value) filter (where property = 'currency') as currency,
    max(value) filter (where property = 'address_line1') as address_line1,
    max(value) filter (where property = 'address_line2') as address_line2,
    max(value) filter (where property = 'address_line3') as address_line3,
    max(value) filter (where property = 'postal_code') as postal_code,
    max(value) filter (where property = 'city') as city,
    max(value) filter (where property = 'region') as region,
    max(value) filter (where property = 'country') as country,
    max(value) filter (where property = 'contact_first_name') as contact_first_name,
    max(value) filter (where property = 'contact_last_name') as contact_last_name,
    cast(max(value) filter (where property = 'active') as boolean) as active,
    max(changed_at) as changed_at,
    getvariable('run_at') as _transformed_at
from properties
group by cluster_id
