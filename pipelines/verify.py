"""`make verify`: reconcile the three systems LIVE against the product's QA checklist.

Every Exact Account, Division and Department and every Wave Customer (not deleted, archived or, for a
Division, Status 2) must have one linked CustomPMS Customer, and every property its flow maps must
agree after normalisation. Nothing is read from the sync state: verify reads the APIs, so it also
catches what the state got wrong.

How, and what is reused rather than written twice:
- read: one full pass per collection at the largest page each API allows (see `calls_needed`);
- parse: each page goes through its dlt source's own record checks and Arrow conversion (an
  unreadable record is reported, as the extraction would quarantine it) into raw tables shaped like
  the extraction's, in an in-memory DuckDB;
- normalise: the staging models' `*_history` SQL (sql/staging/) runs on those tables, so "equal"
  is what staging says (trimmed codes, lower-case emails, VAT without separators, upper-case ISO
  countries, Wave's CA-ON region as ON, ...);
- map: which properties a flow carries comes from the models' column lineage
  (pipelines/models/docs.py, the same rows as docs/dataflows/*.rst);
- link: the CustomPMS customer whose `external_refs` names the record, in the writer's format
  (`{"system": "<system>.<entity>", "id": <staging record_id>}`, sql/delta/operations.sql; ids
  compared case-insensitively, as identity does). A record no reference names is linked when
  exactly one live CustomPMS customer has its key under the first default merge rule that finds any
  (pipelines/state.py DEFAULT_RULES: VAT, registration number, email; DESIGN.md section 4b): the
  writer records external_refs only on the create, so a record linked by a rule to an existing
  CustomPMS customer has none. `require_refs=True` counts those as unlinked.
- compare: in SQL. A property the source leaves empty is not a mismatch (DESIGN.md section 5:
  empty never overwrites non-empty).

Exit 0 when every record is linked once and agrees, 1 on any unlinked, doubly linked, unreadable or
disagreeing record.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from pipelines import settings
from pipelines.console import Console
from pipelines.custompms.client import MAX_LIMIT as CUSTOMPMS_MAX_PAGE
from pipelines.custompms.client import CustomPMSClient, CustomPMSError
from pipelines.exact.client import ExactClient, ExactError
from pipelines.models.rawschema import create_raw
from pipelines.runs import Run
from pipelines.state import DEFAULT_RULES
from pipelines.wave.client import WaveClient, WaveError

HISTORY_MODELS = (  # the staging models holding each system's mapping and normalisation
    "stg_exact_accounts_history",
    "stg_exact_divisions_history",
    "stg_exact_departments_history",
    "stg_wave_customers_history",
    "stg_custompms_customers_history",
)
PROPERTIES = (
    "name", "code", "email", "phone", "mobile", "fax", "website", "notes", "vat_number", "registration_number",
    "currency", "address_line1", "address_line2", "address_line3", "postal_code", "city", "region", "country",
    "contact_first_name", "contact_last_name", "active",
)
EXAMPLES = 5
WAVE_PAGE = settings.WAVE_PAGE_SIZE  # the product's Wave page size (the emulator has no upper bound)
EXACT_SYNC_PAGE, EXACT_PAGE = settings.EXACT_SYNC_PAGE_SIZE, settings.EXACT_PAGE_SIZE  # set by Exact, not us
API_ERRORS = (ExactError, WaveError, CustomPMSError)


# ---------------------------------------------------------------------- the clients


@dataclass
class Clients:
    """The three API clients verify reads through, and the scope to read (None: all the user sees)."""

    exact: ExactClient
    wave: WaveClient
    custompms: CustomPMSClient
    divisions: Sequence[int] | None = None
    business_ids: Sequence[str] | None = None

    @classmethod
    def from_config(cls) -> Clients:
        """From dlt's config and secrets, with the same division and business scope as extraction."""
        import dlt

        return cls(
            ExactClient.from_config(),
            WaveClient.from_config(),
            CustomPMSClient.from_config(),
            dlt.config.get("sources.exact.divisions"),
            dlt.config.get("sources.wave.business_ids"),
        )

    def calls(self) -> dict[str, int]:
        """API calls so far per system (retries included; Exact token refreshes not included)."""
        return {"exact": self.exact.total_calls, "wave": self.wave.calls, "custompms": self.custompms.total_calls}

    def close(self) -> None:
        self.exact.close()
        self.wave.close()
        self.custompms.close()


def calls_needed(divisions: int, accounts: Sequence[int], departments: Sequence[int], businesses: int,
                 customers: Sequence[int], custompms: int) -> dict[str, int]:
    """The calls one verify costs without retries: per division its account and department counts,
    per Wave business its customer count. Exact: /current/Me, system/Divisions (60 a page), then per
    division sync/CRM/Accounts (1,000 a page) and hrm/Departments (60 a page); Wave: the business list
    and per business its customers (WAVE_PAGE a page); CustomPMS: the customer list (500 a page)."""
    def pages(n: int, size: int) -> int:
        return max(1, math.ceil(n / size))  # an empty list still costs its one call

    return {
        "exact": 1 + pages(divisions, EXACT_PAGE) + sum(pages(n, EXACT_SYNC_PAGE) for n in accounts)
        + sum(pages(n, EXACT_PAGE) for n in departments),
        "wave": pages(businesses, WAVE_PAGE) + sum(pages(n, WAVE_PAGE) for n in customers),
        "custompms": pages(custompms, CUSTOMPMS_MAX_PAGE),
    }


# ---------------------------------------------------------------------- reading live into raw tables


@dataclass
class Unreadable:
    system: str
    entity: str
    record_id: str | None
    reason: str


@dataclass
class LiveData:
    con: duckdb.DuckDBPyConnection
    rows: dict[str, int] = field(default_factory=dict)  # records read per system
    unreadable: list[Unreadable] = field(default_factory=list)


def _insert(con: duckdb.DuckDBPyConnection, table: str, page: pa.Table | None) -> None:
    if page is None or not page.num_rows:
        return
    con.register("__page", page)
    try:
        con.execute(f"insert into {table} by name select * from __page")
    finally:
        con.unregister("__page")


def _bad(rows: Iterable[dict[str, Any]]) -> list[Unreadable]:
    return [Unreadable(r["system"], r["entity"], r.get("record_id"), r["reason"]) for r in rows]


def read_live(clients: Clients, con: duckdb.DuckDBPyConnection | None = None) -> LiveData:
    """Every record of the three systems, as raw tables shaped like extraction's (only the history
    tables are filled: they are what the staging models read)."""
    from pipelines.custompms import extraction as pms_source
    from pipelines.exact import extraction as exact_source
    from pipelines.wave import extraction as wave_source

    con = con or duckdb.connect()
    create_raw(con)
    live = LiveData(con)
    now = datetime.now(UTC)
    ignored: Counter[str] = Counter()  # the sources' own quarantine counters; verify keeps the rows

    # Exact: the division list (it is also the Division records), then each division's accounts
    # (the sync API: every current account, deleted ones are gone from it) and departments
    exact = clients.exact
    division_rows = exact.divisions(exact.current_division())
    if clients.divisions:
        wanted = {int(code) for code in clients.divisions}
        division_rows = [row for row in division_rows if isinstance(row, dict) and row.get("Code") in wanted]
    good, bad = exact_source.split(division_rows, "divisions", exact_source.DIVISION_SPEC, None, now, ignored)
    live.unreadable += _bad(bad)
    if good:
        _insert(con, "raw_exact.divisions_history",
                exact_source.to_table(good, exact_source.DIVISION_SPEC, exact_source.DIVISIONS_SCHEMA, now))
    read = len(good)
    for code in [row["Code"] for row in good]:
        for page in exact.sync_accounts(code, 0):
            table, bad = exact_source.page_table(page, "accounts", exact_source.ACCOUNT_SPEC,
                                                 exact_source.ACCOUNTS_SCHEMA, code, now, ignored)
            _insert(con, "raw_exact.accounts_history", table)
            live.unreadable += _bad(bad)
            read += len(page)
        for page in exact.departments(code):
            good_departments, bad = exact_source.split(page, "departments", exact_source.DEPARTMENT_SPEC, code,
                                                       now, ignored)
            live.unreadable += _bad(bad)
            if good_departments:
                _insert(con, "raw_exact.departments_history", exact_source.to_table(
                    good_departments, exact_source.DEPARTMENT_SPEC, exact_source.DEPARTMENTS_SCHEMA, now,
                    {"is_deleted": False}))
            read += len(page)
    live.rows["exact"] = read

    # Wave: every business the token sees (or the configured ones), all customers incl. archived
    businesses, bad, _ = wave_source.split(clients.wave.businesses(WAVE_PAGE), "businesses", now)
    live.unreadable += _bad(bad)
    read = 0
    for business in businesses:
        if clients.business_ids and business["id"] not in clients.business_ids:
            continue
        for page in clients.wave.customers(business["id"], None, WAVE_PAGE):
            good, bad, converted = wave_source.split(page, "customers", now)
            live.unreadable += _bad(bad)
            if good:
                _insert(con, "raw_wave.customers_history",
                        wave_source.CUSTOMER_API.to_raw(good, now, {"business_id": business["id"]}, converted))
            read += len(page)
    live.rows["wave"] = read

    # CustomPMS: every customer, deleted ones too (a reference from a deleted customer is reported)
    read = 0
    for page in clients.custompms.list_customers(None, include_deleted=True, limit=CUSTOMPMS_MAX_PAGE):
        table, bad = pms_source.parse_page(page, now)
        _insert(con, "raw_custompms.customers_history", table)
        live.unreadable += _bad(bad)
        read += len(page)
    live.rows["custompms"] = read
    return live


# ---------------------------------------------------------------------- mapping and rules


@dataclass(frozen=True)
class FlowMapping:
    key: str  # exact.accounts, wave.customers, wave.customers.organisation
    title: str  # ExactOnline Accounts
    system: str
    entity: str
    properties: tuple[tuple[str, str, str], ...]  # (canonical property, source field, CustomPMS field)


def flow_mappings() -> list[FlowMapping]:
    """Per QA flow the properties it carries, from the staging models' column lineage: the same rows as
    the dataflow documents (pipelines/models/docs.py)."""
    root = settings.SQL_DIR
    return list(_flow_mappings(tuple((root / "staging" / f"{name}.sql").read_text() for name in HISTORY_MODELS)))


@functools.lru_cache(maxsize=4)
def _flow_mappings(sources: tuple[str, ...]) -> tuple[FlowMapping, ...]:
    """Lineage takes about a second: computed once per version of the staging SQL."""
    from pipelines.models import docs
    from pipelines.models.runner import Model, parse_model

    del sources  # the cache key; the files are parsed below
    root = settings.SQL_DIR
    models: dict[str, Model] = {name: parse_model(root / "staging" / f"{name}.sql", root) for name in HISTORY_MODELS}
    types = docs.openapi_types()
    pms: dict[str, tuple[str, str]] = {}
    for canonical, leaves in docs.mapped_lineage(models["stg_custompms_customers_history"].sql).items():
        for table, column in leaves:
            if table.endswith("customers_history") and column not in ("updated_at", "_extracted_at"):
                name = docs.api_name(table, column)
                pms[canonical] = (name, types.get(name, "string"))
    mappings = []
    for flow in docs.FLOWS:
        key = f"{flow.system}.{flow.entity}" + (".organisation" if flow.only == "address" else "")
        rows = tuple(sorted({(canonical, source, target) for source, canonical, (target, _type)
                             in docs.flow_rows(flow, models, pms)}, key=lambda r: PROPERTIES.index(r[0])))
        mappings.append(FlowMapping(key, flow.title, flow.system, flow.entity, rows))
    return tuple(mappings)


def default_rules() -> list[tuple[str, str, int]]:
    """(rule, property, priority) of the default exact merge rules that link automatically."""
    return [(name, prop, priority) for name, prop, kind, priority, enabled, auto, _ in DEFAULT_RULES
            if kind == "exact" and enabled and auto]


# ---------------------------------------------------------------------- the comparison, in SQL

_TEXT = ", ".join(f"cast({p} as varchar) as {p}" for p in PROPERTIES)

COMPARISON = """
create or replace temp table verify_records as
with canonical as (  -- the latest version read of each record (a list may return a record twice)
    select * from verify_canonical
    qualify row_number() over (partition by system, entity, record_id
                               order by modified_at desc nulls last, _extracted_at desc, source_version desc) = 1
),

sources as (
    select * from canonical where system <> 'custompms' and not is_deleted
),

pms as (
    select record_id, is_deleted from canonical where system = 'custompms'
),

refs as (  -- what each CustomPMS customer's external_refs name (the writer's format)
    select c.id as pms_id, r.system as ref_system, lower(r.id) as ref_id
    from (select id, external_refs from raw_custompms.customers_history
          qualify row_number() over (partition by id order by version desc) = 1) as c,
         unnest(from_json(c.external_refs, '[{"system": "VARCHAR", "id": "VARCHAR"}]')) as t(r)
),

by_ref as (
    select s.system, s.entity, s.record_id,
           list(distinct p.record_id order by p.record_id) filter (where not p.is_deleted) as live_ids,
           count(distinct p.record_id) filter (where p.is_deleted) as deleted_ids
    from sources as s
    inner join refs as r on r.ref_system = s.system || '.' || s.entity and r.ref_id = lower(s.record_id)
    inner join pms as p on p.record_id = r.pms_id
    group by all
),

rule_hits as (  -- live CustomPMS customers with the record's key, per default merge rule
    select sv.system, sv.entity, sv.record_id, ru.rule_name, ru.priority,
           list(distinct pv.record_id order by pv.record_id) as ids
    from verify_values as sv
    inner join verify_rules as ru on ru.property = sv.property
    inner join verify_values as pv on pv.system = 'custompms' and pv.property = sv.property and pv.value = sv.value
    semi join pms as p on p.record_id = pv.record_id and not p.is_deleted
    where sv.system <> 'custompms'
    group by all
),

first_rule as (
    select * from rule_hits
    qualify row_number() over (partition by system, entity, record_id order by priority) = 1
)

select
    s.system, s.entity, s.record_id, s.name,
    coalesce(len(b.live_ids), 0) as named_by,
    coalesce(b.deleted_ids, 0) as named_by_deleted,
    case when len(b.live_ids) > 0 then 'external_refs'
         when not getvariable('require_refs') and len(f.ids) = 1 then 'rule:' || f.rule_name end as linked_by,
    case when len(b.live_ids) > 0 then b.live_ids[1]
         when not getvariable('require_refs') and len(f.ids) = 1 then f.ids[1] end as pms_id,
    case when coalesce(len(b.live_ids), 0) = 0 and len(f.ids) > 1
         then len(f.ids) || ' CustomPMS customers share its ' || f.rule_name end as ambiguous
from sources as s
left join by_ref as b on b.system = s.system and b.entity = s.entity and b.record_id = s.record_id
left join first_rule as f on f.system = s.system and f.entity = s.entity and f.record_id = s.record_id;

create or replace temp table verify_differences as
select m.flow, r.system, r.entity, r.record_id, m.property, m.source_field, m.custompms_field,
       sv.value as source_value, pv.value as custompms_value
from verify_records as r
inner join verify_mapping as m on m.system = r.system and m.entity = r.entity
inner join verify_values as sv  -- unpivot drops nulls: an empty source value has nothing to carry
    on sv.system = r.system and sv.entity = r.entity and sv.record_id = r.record_id and sv.property = m.property
left join verify_values as pv on pv.system = 'custompms' and pv.record_id = r.pms_id and pv.property = m.property
where r.pms_id is not null and sv.value is distinct from pv.value;
"""

SUMMARY = """
with flows as (select distinct flow, title, system, entity, position from verify_mapping),
per_record as (
    select f.flow, r.record_id, r.pms_id is not null as linked, r.linked_by like 'rule:%' as by_rule,
           r.named_by > 1 as twice,
           exists (select 1 from verify_differences as d
                   where d.flow = f.flow and d.system = r.system and d.entity = r.entity
                       and d.record_id = r.record_id) as disagrees
    from flows as f
    inner join verify_records as r on r.system = f.system and r.entity = f.entity
)
select f.flow, f.title,
       count(p.record_id) as records,
       count(p.record_id) filter (where p.linked) as linked,
       count(p.record_id) filter (where p.by_rule) as by_rule,
       count(p.record_id) filter (where p.twice) as twice,
       count(p.record_id) filter (where p.linked and not p.disagrees and not p.twice) as agreeing,
       count(p.record_id) filter (where p.disagrees) as disagreeing,
       (select count(*) from verify_unreadable as u where u.system = f.system and u.entity = f.entity) as unreadable
from flows as f
left join per_record as p on p.flow = f.flow
group by f.flow, f.title, f.system, f.entity, f.position
order by f.position
"""

EXAMPLES_SQL = f"""
with flows as (select distinct flow, system, entity, position from verify_mapping),
problems as (
    select f.flow, f.position, r.record_id, r.name, 0 as kind,
           case when r.ambiguous is not null then '(not linked: ' || r.ambiguous || ')'
                when r.named_by_deleted > 0 then '(its CustomPMS customer is deleted)'
                else '(no CustomPMS customer)' end as property,
           null as source_value, null as custompms_value, null as pms_id
    from flows as f
    inner join verify_records as r on r.system = f.system and r.entity = f.entity
    where r.pms_id is null
    union all
    select f.flow, f.position, r.record_id, r.name, 1,
           '(named by ' || r.named_by || ' CustomPMS customers)', null, null, r.pms_id
    from flows as f
    inner join verify_records as r on r.system = f.system and r.entity = f.entity
    where r.named_by > 1
    union all
    select d.flow, f.position, d.record_id, r.name, 2,
           d.property || ' (' || d.source_field || ' -> ' || d.custompms_field || ')',
           d.source_value, d.custompms_value, r.pms_id
    from verify_differences as d
    inner join flows as f on f.flow = d.flow
    inner join verify_records as r on r.system = d.system and r.entity = d.entity and r.record_id = d.record_id
    union all
    select f.flow, f.position, u.record_id, null, 3, '(unreadable: ' || u.reason || ')', null, null, null
    from flows as f
    inner join verify_unreadable as u on u.system = f.system and u.entity = f.entity
),
numbered as (
    select *, row_number() over (partition by flow order by kind, record_id, property) as nth from problems
)
select flow, coalesce(name || ' [' || record_id || ']', record_id, '?') as record, property, source_value,
       custompms_value, pms_id
from numbered
where nth <= {EXAMPLES}
order by position, kind, record_id, property
"""


@dataclass
class FlowResult:
    flow: str
    title: str
    records: int
    linked: int
    by_rule: int
    twice: int
    agreeing: int
    disagreeing: int
    unreadable: int

    @property
    def unlinked(self) -> int:
        return self.records - self.linked

    @property
    def ok(self) -> bool:
        return not (self.unlinked or self.twice or self.disagreeing or self.unreadable)

    def problem(self) -> str:
        text = (f"verify {self.flow}: {self.unlinked} unlinked, {self.twice} linked twice, "
                f"{self.disagreeing} disagreeing")
        return text + (f", {self.unreadable} unreadable" if self.unreadable else "")


@dataclass
class Reconciliation:
    flows: list[FlowResult]
    examples: list[tuple]  # (flow, record, property, source value, CustomPMS value, CustomPMS id)
    rows: dict[str, int]  # records read per system
    calls: dict[str, int]  # API calls made per system

    @property
    def ok(self) -> bool:
        return all(flow.ok for flow in self.flows)


def compare(live: LiveData, require_refs: bool = False) -> Reconciliation:
    """Normalise the live rows with the staging models and compare them, all in DuckDB."""
    from pipelines.models.runner import set_variable

    con = live.con
    set_variable(con, "since", None)
    set_variable(con, "run_at", datetime.now(UTC))
    con.execute(f"set variable require_refs = {str(bool(require_refs)).lower()}")
    bodies = [(settings.SQL_DIR / "staging" / f"{name}.sql").read_text().rstrip().rstrip(";")
              for name in HISTORY_MODELS]
    con.execute("create or replace temp table verify_canonical as "
                + " union all by name ".join(f"({body})" for body in bodies))
    con.execute(f"""
        create or replace temp table verify_values as
        unpivot (select system, entity, record_id, {_TEXT} from verify_canonical
                 qualify row_number() over (partition by system, entity, record_id
                     order by modified_at desc nulls last, _extracted_at desc, source_version desc) = 1)
        on {", ".join(PROPERTIES)} into name property value value""")
    mappings = flow_mappings()
    con.execute("create or replace temp table verify_mapping (flow text, title text, system text, entity text, "
                "position int, property text, source_field text, custompms_field text)")
    con.executemany("insert into verify_mapping values (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(m.key, m.title, m.system, m.entity, i, *prop)
                     for i, m in enumerate(mappings) for prop in m.properties])
    con.execute("create or replace temp table verify_rules (rule_name text, property text, priority int)")
    con.executemany("insert into verify_rules values (?, ?, ?)", default_rules())
    con.execute("create or replace temp table verify_unreadable "
                "(system text, entity text, record_id text, reason text)")
    if live.unreadable:
        con.executemany("insert into verify_unreadable values (?, ?, ?, ?)",
                        [(u.system, u.entity, u.record_id, u.reason) for u in live.unreadable])
    con.execute(COMPARISON)
    flows = [FlowResult(*row) for row in con.execute(SUMMARY).fetchall()]
    return Reconciliation(flows, con.execute(EXAMPLES_SQL).fetchall(), dict(live.rows), {})


def reconcile(clients: Clients, require_refs: bool = False) -> Reconciliation:
    before = clients.calls()
    with duckdb.connect() as con:
        result = compare(read_live(clients, con), require_refs)
    result.calls = {system: n - before[system] for system, n in clients.calls().items()}
    return result


# ---------------------------------------------------------------------- the command


def report(console: Console, result: Reconciliation) -> None:
    console.table(
        "Reconciliation (live): every source record has one CustomPMS customer whose mapped properties agree",
        ["flow", "records", "linked", "of which by rule", "linked twice", "unreadable", "agreeing", "disagreeing"],
        [[f.flow, f.records, f.linked, f.by_rule, f.twice, f.unreadable, f.agreeing, f.disagreeing]
         for f in result.flows])
    for flow in result.flows:
        rows = [row[1:] for row in result.examples if row[0] == flow.flow]
        if rows:
            bad = flow.records - flow.agreeing + flow.unreadable
            console.table(f"{flow.flow} ({flow.title} -> CustomPMS Customer): {bad} record(s) with problems, "
                          f"up to {EXAMPLES} shown",
                          ["record", "property", "source value", "CustomPMS value", "CustomPMS customer"], rows)
    console.log("read " + ", ".join(f"{system} {n} records in {result.calls.get(system, 0)} calls"
                                    for system, n in result.rows.items()))


def verify(console: Console, clients: Clients | None = None, *, run: Run | None = None,
           require_refs: bool = False) -> int:
    """Read the three systems live and check the QA checklist; 0 when everything agrees, else 1.

    `clients` defaults to Clients.from_config() (closed afterwards). With `run`, the API calls, the
    records read and the problems go into its sync.runs row."""
    own = clients is None
    clients = clients or Clients.from_config()
    before = clients.calls()
    try:
        result = reconcile(clients, require_refs)
    except API_ERRORS as exc:
        message = f"verify: could not read the systems: {exc}"
        console.error(message)
        if run is not None:
            run.problems.append(message)
        return 1
    finally:
        if run is not None:
            for system, n in clients.calls().items():
                run.add_calls(system, n - before[system])
        if own:
            clients.close()
    if run is not None:
        run.rows_extracted.update(result.rows)
    report(console, result)
    for flow in result.flows:
        if not flow.ok:
            console.error(flow.problem())
            if run is not None:
                run.problems.append(flow.problem())
    return 0 if result.ok else 1
