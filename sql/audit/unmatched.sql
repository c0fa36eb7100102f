-- Source records with no CustomPMS customer yet, and conflicts holding them back.
select system, entity, record_id, name, email, vat_number, conflict_kind
from analysis.unmatched
order by system, entity, name
limit 50
