-- Who decided what about which records, when and why (accept, reject, link, unlink, resolve, retry, ignore)?
-- CUSTOMER narrows it to decisions naming a record id, cluster id or a word of the note.
select decision_id, action, subject, decided_by, decided_at::timestamp(0) as decided_at, note, link_changes
from analysis.decisions
where getvariable('customer') is null
    or subject ilike '%' || trim(getvariable('customer')) || '%'
    or note ilike '%' || trim(getvariable('customer')) || '%'
    or link_changes ilike '%' || trim(getvariable('customer')) || '%'
order by decided_at desc
limit 50
