-- materialized: table
-- What each target accepts, per system, entity and canonical property (beside the mapping in
-- delta.target_fields): a value that breaks it is held back (delta.property_violations), never
-- sent. The numbers come from the contracts and from what each emulator really refuses:
--   custompms  pipelines/custompms/openapi.yaml CustomerInput (name 1..200 required, email format
--              email, country ^[A-Z]{2}$ and a real ISO 3166-1 code, currency ^[A-Z]{3}$, lengths)
--   wave       pipelines/wave/public-schema.graphql and the emulator's inputErrors: name required,
--              every text at most 255 characters except internalNotes, email local@domain.tld,
--              countryCode and currency are enums (pipelines/sandbox/wave.py)
--   exact      docs/reference/exact-online-api.md and the emulator: Name mandatory, Code at most
--              18 characters (Exact pads it to 18); nothing else is refused
-- CustomPMS's rows are also the canonical customer's rules (staging.source_violations): every
-- record ends in a CustomPMS customer. Its currency uses the ISO 4217 list, stricter than the
-- contract's pattern. Not here: Wave's provinceCode must be an ISO 3166-2 code of the country;
-- a refusal of that comes back from Wave as a target rejection.
--
-- required         a create without it is held back whole
-- max_length       characters (code points, as the targets count them)
-- format           email (pattern: a full-match regex), iso_country or iso_currency (code_list:
--                  reference.code_lists.list_name)
-- oversize_policy  what a value longer than max_length becomes: 'quarantine' (default: held back,
--                  a violation of kind 'oversized') or 'truncate' (cut to max_length, ending in
--                  ' [truncated]'; delta.projected_values). A person switches one property with
--                  an option named truncate_oversized:<system>.<entity>.<property>, e.g.
--                    update sync.options set value = true
--                    where name = 'truncate_oversized:custompms.customers.notes'
--                  (or insert such a row for another property); false or no row means quarantine.
with constraints (target_system, target_entity, property, required, max_length, format, pattern, code_list) as (
    values
        ('custompms', 'customers', 'name', true, 200, null, null, null),
        ('custompms', 'customers', 'code', false, 50, null, null, null),
        ('custompms', 'customers', 'email', false, 254, 'email', '[^@\s]+@[^@\s.]+(\.[^@\s.]+)+', null),
        ('custompms', 'customers', 'phone', false, 50, null, null, null),
        ('custompms', 'customers', 'mobile', false, 50, null, null, null),
        ('custompms', 'customers', 'fax', false, 50, null, null, null),
        ('custompms', 'customers', 'website', false, 200, null, null, null),
        ('custompms', 'customers', 'notes', false, 4000, null, null, null),
        ('custompms', 'customers', 'vat_number', false, 50, null, null, null),
        ('custompms', 'customers', 'registration_number', false, 50, null, null, null),
        ('custompms', 'customers', 'currency', false, null, 'iso_currency', null, 'iso_4217'),
        ('custompms', 'customers', 'address_line1', false, 200, null, null, null),
        ('custompms', 'customers', 'address_line2', false, 200, null, null, null),
        ('custompms', 'customers', 'address_line3', false, 200, null, null, null),
        ('custompms', 'customers', 'postal_code', false, 20, null, null, null),
        ('custompms', 'customers', 'city', false, 100, null, null, null),
        ('custompms', 'customers', 'region', false, 100, null, null, null),
        ('custompms', 'customers', 'country', false, null, 'iso_country', null, 'iso_3166_1_alpha2'),
        ('custompms', 'customers', 'contact_first_name', false, 100, null, null, null),
        ('custompms', 'customers', 'contact_last_name', false, 100, null, null, null),
        ('wave', 'customers', 'name', true, 255, null, null, null),
        ('wave', 'customers', 'code', false, 255, null, null, null),
        ('wave', 'customers', 'email', false, 255, 'email', '[^@\s]+@[^@\s]+\.[^@\s.]{2,}', null),
        ('wave', 'customers', 'phone', false, 255, null, null, null),
        ('wave', 'customers', 'mobile', false, 255, null, null, null),
        ('wave', 'customers', 'fax', false, 255, null, null, null),
        ('wave', 'customers', 'website', false, 255, null, null, null),
        ('wave', 'customers', 'currency', false, null, 'iso_currency', null, 'wave_currency'),
        ('wave', 'customers', 'contact_first_name', false, 255, null, null, null),
        ('wave', 'customers', 'contact_last_name', false, 255, null, null, null),
        ('wave', 'customers', 'address_line1', false, 255, null, null, null),
        ('wave', 'customers', 'address_line2', false, 255, null, null, null),
        ('wave', 'customers', 'city', false, 255, null, null, null),
        ('wave', 'customers', 'region', false, 255, null, null, null),
        ('wave', 'customers', 'postal_code', false, 255, null, null, null),
        ('wave', 'customers', 'country', false, null, 'iso_country', null, 'iso_3166_1_alpha2'),
        ('exact', 'accounts', 'name', true, null, null, null, null),
        ('exact', 'accounts', 'code', false, 18, null, null, null)
),

truncating as (
    -- the properties a person switched to truncation
    select name
    from sync.options
    where name like 'truncate_oversized:%' and value
)

select
    c.target_system,
    c.target_entity,
    c.property,
    c.required,
    cast(c.max_length as integer) as max_length,
    c.format,
    c.pattern,
    c.code_list,
    case
        when c.max_length is null then null
        when t.name is not null then 'truncate'
        else 'quarantine'
    end as oversize_policy
from constraints as c
left join truncating as t
    on t.name = 'truncate_oversized:' || c.target_system || '.' || c.target_entity || '.' || c.property
