"""Stewardship commands end to end: each decision is recorded with who, when and why, and the next
sync does what it says (links, unlinks, conflicts, candidates); no rule undoes a person's unlink."""

from __future__ import annotations

import json

from .test_sync import exact_account, pms_by_ref, refs_of, wave_customer


def cluster_of(sandbox, system: str, entity: str, record_id: str) -> str | None:
    rows = sandbox.sql("""select cluster_id from sync.links where system = ? and entity = ? and record_id = ?
                          and unlinked_at is null""", [system, entity, record_id])
    return rows[0][0] if rows else None


def pms_of_cluster(sandbox, cluster_id: str) -> dict:
    (pms_id,), = sandbox.sql("""select record_id from sync.links where cluster_id = ? and system = 'custompms'
                                and unlinked_at is null""", [cluster_id])
    return next(c for c in sandbox.pms_customers() if c["id"] == pms_id)


def test_a_candidate_is_reviewed_side_by_side_and_accepting_it_links_the_records_on_the_next_sync(sandbox, capsys):
    # the same company in Exact, under another email: only the fuzzy name rule sees it (same country, postcode)
    assert sandbox.cli("sync") == 0
    sandbox.exact.add_account(101, {"Name": "Northern Lights Limited", "Code": "1004", "Email": "ap@northern.example",
                                    "Country": "CA", "Postcode": "M5H 1A1", "City": "Toronto"})
    assert sandbox.cli("sync") == 0  # a candidate is no problem: a proposal for a person
    account = exact_account(sandbox, 101, "Northern Lights")
    northern = wave_customer(sandbox, "Northern Lights")
    code, out, err = sandbox.cli_out(capsys, "status")
    assert code == 0 and "Match candidates to review (2" in out  # against the Wave customer and its CustomPMS one
    (cid,), = sandbox.sql("""select left(md5(concat_ws('|', rule_name, system, entity, record_id, other_system,
                             other_entity, other_record_id)), 10) from sync.match_candidates
                             where other_system = 'wave'""")

    code, out, _ = sandbox.cli_out(capsys, "candidates", cid)
    table = json.loads(next(line for line in out.splitlines() if line.startswith('{"table"')))
    assert table["table"].startswith(f"candidate {cid}")
    sides = {row["property"]: row for row in table["rows"]}
    mine, theirs = [key for key in table["rows"][0] if ":" in key]
    assert mine.startswith("exact:accounts:") and theirs == f"wave:customers:{northern['id']}"
    assert (sides["name"][mine], sides["name"][theirs]) == ("Northern Lights Limited", "Northern Lights Ltd")
    assert sides["postal_code"]["same"] == "=" and sides["email"]["same"] == ""
    assert sides["email"][mine] == "ap@northern.example" and account["ID"].lower() in mine.lower()

    made_for_it = pms_by_ref(sandbox, "exact.accounts", account["ID"])  # the sync made it a CustomPMS customer
    assert sandbox.cli("accept", cid, "--note", "same company, AP mailbox", "--by", "grace") == 0
    assert sandbox.cli("accept", cid) == 2  # decided already: refused, nothing changes
    assert sandbox.cli("sync") == 0
    record = sandbox.sql("select system, entity, record_id from sync.match_candidates")[0]
    wave_cluster = cluster_of(sandbox, "wave", "customers", northern["id"])
    assert cluster_of(sandbox, *record) == wave_cluster  # linked, by a person
    # the customer made for the Exact account alone now duplicates the cluster's: deactivated, not deleted,
    # and it names the account no more
    duplicate = next(c for c in sandbox.pms_customers() if c["id"] == made_for_it["id"])
    assert duplicate["active"] is False and refs_of(duplicate) == set()
    assert [c["id"] for c in sandbox.pms_customers() if c["name"].startswith("Northern") and c["active"]] == [
        pms_of_cluster(sandbox, wave_cluster)["id"]]
    for _ in range(2):
        assert sandbox.cli("sync") == 0
        (sent,), = sandbox.sql("select ops_sent from sync.runs order by started_at desc limit 1")
        assert sent == 0  # settled: the deactivation is the product's own write, not an edit
    assert sandbox.sql("select established_by from sync.links where record_id = ? and unlinked_at is null",
                       [record[2]]) == [("manual",)]
    assert ("exact.accounts", record[2]) in refs_of(pms_of_cluster(sandbox, wave_cluster))
    assert sandbox.sql("select decision, decided_at is not null from sync.match_candidates") == [
        ("accepted", True), ("accepted", True)]  # both asked the same question
    assert sandbox.sql("select action, subject, decided_by, note from sync.decisions") == [
        ("accept", f"candidate {cid}", "grace", "same company, AP mailbox")]
    code, out, _ = sandbox.cli_out(capsys, "audit", "decisions")
    assert f"wave:customers:{northern['id']}" in out or record[2] in out


def test_a_rejected_candidate_stays_apart_and_is_not_proposed_again(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    sandbox.exact.add_account(101, {"Name": "Northern Lights Limited", "Code": "1004", "Email": "ap@northern.example",
                                    "Country": "CA", "Postcode": "M5H 1A1", "City": "Toronto"})
    assert sandbox.cli("sync") == 0
    (cid, system, entity, record_id), = sandbox.sql("""
        select left(md5(concat_ws('|', rule_name, system, entity, record_id, other_system, other_entity,
               other_record_id)), 10), system, entity, record_id from sync.match_candidates
        where other_system = 'wave'""")
    before = cluster_of(sandbox, system, entity, record_id)
    assert sandbox.cli("reject", cid, "--note", "a namesake in the same building") == 0
    assert sandbox.cli("sync") == 0
    assert cluster_of(sandbox, system, entity, record_id) == before
    assert sandbox.sql("select decision, count(*) from sync.match_candidates group by 1") == [("rejected", 2)]
    code, out, _ = sandbox.cli_out(capsys, "status")
    assert code == 0 and "Match candidates to review" not in out


def test_link_puts_two_records_in_one_cluster_and_refuses_two_of_one_system(sandbox, capsys):
    business = next(iter(sandbox.wave._businesses))
    sandbox.wave.create_customer(business, {"name": "Zoe Aeroskobing KK", "email": "orders@zoe.example"})
    assert sandbox.cli("sync") == 0
    zoe = exact_account(sandbox, 101, "Zoë")
    zoe_wave = wave_customer(sandbox, "Zoe Aeroskobing")
    acme = exact_account(sandbox, 101, "Acme")
    exact_ref, wave_ref = f"exact:accounts:{zoe['ID']}", f"wave:customers:{zoe_wave['id']}"

    # refused: Acme's cluster has its Wave customer already; two Exact accounts never share a cluster
    code, _, err = sandbox.cli_out(capsys, "link", f"exact:accounts:{acme['ID']}", wave_ref)
    assert code == 2 and "already has a wave customers record" in err
    code, _, err = sandbox.cli_out(capsys, "link", exact_ref, f"exact:accounts:{acme['ID']}")
    assert code == 2 and "both exact accounts records" in err
    code, _, err = sandbox.cli_out(capsys, "link", exact_ref, "wave:customers:nope")
    assert code == 2 and "no record wave:customers:nope" in err
    assert sandbox.sql("select count(*) from sync.decisions")[0][0] == 0  # refusals change nothing

    assert sandbox.cli("link", exact_ref, wave_ref, "--note", "Zoë's Wave account", "--by", "ada") == 0
    assert sandbox.cli("sync") == 0
    cluster = cluster_of(sandbox, "exact", "accounts", zoe["ID"].lower())
    assert cluster_of(sandbox, "wave", "customers", zoe_wave["id"]) == cluster
    assert ("wave.customers", zoe_wave["id"]) in refs_of(pms_of_cluster(sandbox, cluster))
    assert wave_customer(sandbox, "Zo")["name"] == pms_of_cluster(sandbox, cluster)["name"]  # one golden name
    (changes,), = sandbox.sql("select link_changes from analysis.decisions")
    assert f"+wave:customers:{zoe_wave['id']} -> {cluster}" in changes


def test_unlink_gives_the_record_its_own_cluster_and_no_rule_links_it_back(sandbox):
    assert sandbox.cli("sync") == 0
    acme = exact_account(sandbox, 101, "Acme")
    acme_wave = wave_customer(sandbox, "Acme")
    together = cluster_of(sandbox, "exact", "accounts", acme["ID"].lower())
    assert cluster_of(sandbox, "wave", "customers", acme_wave["id"]) == together  # linked by the email rule
    assert sandbox.cli("unlink", f"wave:customers:{acme_wave['id']}", "--note", "a different Acme") == 0
    assert sandbox.sql("""select unlinked_reason, d.note from sync.links as l join sync.decisions as d
                          on d.decision_id = l.unlinked_decision_id""") == [("manual", "a different Acme")]
    for _ in range(3):  # every rule would match them again (same email): none may
        assert sandbox.cli("sync") == 0
        apart = cluster_of(sandbox, "wave", "customers", acme_wave["id"])
        assert apart is not None and apart != together
        assert cluster_of(sandbox, "exact", "accounts", acme["ID"].lower()) == together
    own = pms_of_cluster(sandbox, apart)  # it got its own CustomPMS customer
    assert refs_of(own) == {("wave.customers", acme_wave["id"])}
    assert sandbox.cli("unlink", "wave:customers:nope") == 2  # no such record: refused


def test_unlinking_a_clusters_custompms_customer_gives_the_cluster_a_new_one(sandbox):
    """A person says the CustomPMS customer is not this customer: the cluster (Exact and Wave Acme) gets a
    CustomPMS customer of its own, with a create of a new id (the first create's Idempotency-Key would
    bring the old one back), and the old customer stops naming the cluster's records."""
    assert sandbox.cli("sync") == 0
    assert sandbox.cli("sync") == 0  # the creates' ids come back: the CustomPMS customers are known records
    acme, acme_wave = exact_account(sandbox, 101, "Acme"), wave_customer(sandbox, "Acme")
    cluster = cluster_of(sandbox, "exact", "accounts", acme["ID"].lower())
    old = pms_of_cluster(sandbox, cluster)
    assert refs_of(old) == {("exact.accounts", acme["ID"]), ("wave.customers", acme_wave["id"])}
    assert sandbox.cli("unlink", f"custompms:customers:{old['id']}", "--note", "another Acme") == 0
    assert sandbox.cli("sync") == 0
    new = pms_of_cluster(sandbox, cluster)
    assert new["id"] != old["id"] and new["name"] == "Acme Trading BV"
    assert refs_of(new) == {("exact.accounts", acme["ID"]), ("wave.customers", acme_wave["id"])}
    kept = next(c for c in sandbox.pms_customers() if c["id"] == old["id"])
    assert refs_of(kept) == set() and kept["active"]  # apart, not deleted: a person said it is another one
    assert cluster_of(sandbox, "custompms", "customers", old["id"]) not in (None, cluster)
    for _ in range(2):  # settled: nothing links them back, nothing is created again
        assert sandbox.cli("sync") == 0
        (sent,), = sandbox.sql("select ops_sent from sync.runs order by started_at desc limit 1")
        assert sent == 0
    assert pms_of_cluster(sandbox, cluster)["id"] == new["id"]
    assert len([c for c in sandbox.pms_customers() if c["name"].startswith("Acme")]) == 2


def test_a_match_conflict_is_resolved_by_choosing_its_cluster(sandbox, capsys):
    assert sandbox.cli("sync") == 0
    acme = exact_account(sandbox, 101, "Acme")
    sandbox.exact.edit_account(101, acme["ID"], {"Email": "hello@bruggebikes.example"})  # two clusters share it
    assert sandbox.cli("sync") == 0
    business = next(iter(sandbox.wave._businesses))
    sandbox.wave.create_customer(business, {"name": "Brugge Bikes (Wave)", "email": "hello@bruggebikes.example"})
    code, out, err = sandbox.cli_out(capsys, "sync")
    assert code == 1 and "match conflict" in err
    newcomer = wave_customer(sandbox, "Brugge Bikes (Wave)")
    (qid, kind, reason), = sandbox.sql("""select quarantine_id, kind, reason from sync.quarantine
                                          where status = 'open'""")
    assert kind == "match_conflict" and "different_custompms" in reason
    assert cluster_of(sandbox, "wave", "customers", newcomer["id"]) is None  # held, not duplicated
    brugge = exact_account(sandbox, 102, "Brugge")
    target = cluster_of(sandbox, "exact", "accounts", brugge["ID"].lower())

    assert sandbox.cli("resolve", qid[:10]) == 2  # no choice given
    assert sandbox.cli("resolve", qid[:10], "--cluster", "cl_nope") == 2
    assert sandbox.cli("resolve", qid[:10], "--cluster", target, "--note", "the Brugge shop", "--by", "lin") == 0
    assert sandbox.cli("status") == 0  # resolved now, before any sync
    assert sandbox.cli("sync") == 0
    assert cluster_of(sandbox, "wave", "customers", newcomer["id"]) == target
    assert ("wave.customers", newcomer["id"]) in refs_of(pms_of_cluster(sandbox, target))
    assert sandbox.sql("select resolution like 'joined % by a person%' from sync.match_conflicts") == [(True,)]
    assert sandbox.sql("select action, decided_by from sync.decisions") == [("resolve", "lin")]
    assert sandbox.cli("sync") == 0  # settled: no new conflict


def test_a_same_system_conflict_is_kept_apart(sandbox):
    assert sandbox.cli("sync") == 0
    sandbox.exact.add_account(102, {"Name": "Acme Belgium", "Code": "2002", "Email": "info@acme.example"})
    assert sandbox.cli("sync") == 1  # Acme's cluster has its Exact account already
    (qid, reason), = sandbox.sql("select quarantine_id, reason from sync.quarantine where status = 'open'")
    assert "same_system" in reason
    acme = exact_account(sandbox, 101, "Acme")
    together = cluster_of(sandbox, "exact", "accounts", acme["ID"].lower())
    assert sandbox.cli("resolve", qid[:10], "--cluster", together) == 2  # two Exact accounts: refused
    assert sandbox.cli("resolve", qid[:10], "--apart", "--note", "the Belgian branch is its own customer") == 0
    assert sandbox.cli("sync") == 0 and sandbox.cli("status") == 0
    belgium = exact_account(sandbox, 102, "Acme Belgium")
    assert cluster_of(sandbox, "exact", "accounts", belgium["ID"].lower()) not in (None, together)
