"""`make doctor`: can this installation reach the three systems, and which limits are in force?

Per system: are the settings and secrets there (a missing one is named by its key), does auth work
(one cheap call each: Exact's current/Me costs no rate budget, Wave's businesses, one CustomPMS
customer), and what the sync state knows: the age of Exact's refresh token (it expires after 30 days
unused; warned from day 25), what is left of today's rate budget per division, the errors counted in
the last hour and the blocks in force (pipelines/budgets.py).

Exit codes like the other commands: 0 all well; 1 something needs a person (auth fails, the refresh
token is about to expire, a block is in force); 2 a setting or secret is missing.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipelines import budgets, settings
from pipelines import clock as clocks
from pipelines.console import Console
from pipelines.errors import ConfigurationError, missing_config, summarize

OK, WARN, FAIL, MISSING = "ok", "warn", "FAIL", "missing"
_KEY = re.compile(r"sources\.[\w.]+\w")
TITLES = {"exact": "Exact Online", "wave": "Wave", "custompms": "CustomPMS"}


@dataclass
class Check:
    system: str
    check: str
    status: str
    detail: str


def doctor(console: Console, db_path: Path | None = None) -> int:
    db_path = db_path or settings.DUCKDB_FILE
    now = clocks.current().now()
    limits, state_note = _limits(db_path, now)
    checks: list[Check] = []
    for system in ("exact", "wave", "custompms"):
        # the live call keeps what it learns in the state file, as a run would (not created by doctor)
        with budgets.bound(db_path if db_path.exists() and state_note is None else None):
            checks += _live(system, now)
        checks += [_limit_check(limit) for limit in limits if limit.system == system]
    if state_note:
        checks.append(Check("exact", "sync state", WARN, state_note))
    for system in ("exact", "wave", "custompms"):
        rows = [[c.check, c.status, c.detail] for c in checks if c.system == system]
        console.table(TITLES[system], ["check", "status", "detail"], rows)
    if any(c.status == MISSING for c in checks):
        console.error("settings are missing: see the tables above (.dlt/config.toml, .dlt/secrets.toml)")
        return 2
    problems = [c for c in checks if c.status in (WARN, FAIL)]
    for problem in problems:
        console.error(f"{TITLES[problem.system]} {problem.check}: {problem.detail}")
    return 1 if problems else 0


def _live(system: str, now: float) -> list[Check]:
    """Build the system's client the way a run does (its `from_config`), then one cheap call."""
    client_class, probe = LIVE[system]
    try:
        client = client_class().from_config()
    except Exception as exc:  # a missing setting (dlt or our config names it), or an empty one (the client does)
        missing = missing_config(exc)
        if missing is None and not isinstance(exc, ValueError | ConfigurationError):
            return [Check(system, "settings", FAIL, summarize(exc))]
        text = str(missing or exc)
        keys = sorted(set(_KEY.findall(text)))
        hint = "; ".join(f"{key} (environment: {key.upper().replace('.', '__')})" for key in keys)
        return [Check(system, "settings", MISSING, f"set {hint}" if hint else text)]
    checks = [Check(system, "settings", OK, "present")]
    with client:
        checks += probe(client, now)
    return checks


# ---------------------------------------------------------------------- live checks


def _exact(client: Any, now: float) -> list[Check]:
    from pipelines.exact.oauth import requested_at

    checks = []
    store = client.token_store
    try:
        stored = store.load()
    except Exception as exc:  # a damaged token file: its own message names the file
        return [Check("exact", "token file", FAIL, summarize(exc))]
    if stored is None:
        checks.append(Check("exact", "refresh token", OK, "no token chain yet: the first run starts one from "
                                                          "sources.exact.credentials.refresh_token"))
    else:
        age_days = (now - requested_at(stored)) / 86_400
        limit, warn = settings.EXACT_REFRESH_TOKEN_DAYS, settings.EXACT_REFRESH_TOKEN_WARN_DAYS
        status = FAIL if age_days >= limit else WARN if age_days >= warn else OK
        detail = f"last renewed {age_days:.1f} days ago (expires after {limit} days unused)"
        if status != OK:
            detail += "; run a sync now to renew it" if status == WARN else "; run `make connect`"
        checks.append(Check("exact", "refresh token", status, detail))
    try:
        me = client.me()
        renewed = " (the access token was renewed)" if client.token_calls else ""
        checks.append(Check("exact", "auth", OK, f"signed in; current division {me.get('CurrentDivision')}{renewed}"))
    except Exception as exc:
        checks.append(Check("exact", "auth", FAIL, summarize(exc)))
    return checks


def _wave(client: Any, now: float) -> list[Check]:
    try:
        businesses = client.businesses()
        return [Check("wave", "auth", OK, f"{len(businesses)} business(es) visible")]
    except Exception as exc:
        return [Check("wave", "auth", FAIL, summarize(exc))]


def _custompms(client: Any, now: float) -> list[Check]:
    try:
        page = next(client.list_customers(limit=1), [])
        return [Check("custompms", "auth", OK, "the API key is accepted" + ("" if page else " (no customers yet)"))]
    except Exception as exc:
        return [Check("custompms", "auth", FAIL, summarize(exc))]


def _exact_client() -> Any:
    from pipelines.exact.client import ExactClient

    return ExactClient


def _wave_client() -> Any:
    from pipelines.wave.client import WaveClient

    return WaveClient


def _custompms_client() -> Any:
    from pipelines.custompms.client import CustomPMSClient

    return CustomPMSClient


# system -> (the client class, imported when needed; the probe with one cheap call)
LIVE: dict[str, tuple[Callable[[], Any], Callable[[Any, float], list[Check]]]] = {
    "exact": (_exact_client, _exact), "wave": (_wave_client, _wave), "custompms": (_custompms_client, _custompms),
}


# ---------------------------------------------------------------------- what the sync state knows


def _limits(db_path: Path, now: float) -> tuple[list[budgets.Limit], str | None]:
    if not db_path.exists():
        return [], None
    try:
        with contextlib.closing(duckdb.connect(str(db_path), read_only=True)) as con:
            return budgets.describe(con, now), None
    except duckdb.Error as exc:
        return [], f"cannot read {db_path} ({type(exc).__name__}: a run may hold it); limits not shown"


def _limit_check(limit: budgets.Limit) -> Check:
    where = f"division {limit.scope}" if limit.scope else "token endpoint" if "token" in limit.endpoint else "API"
    if limit.endpoint not in ("*", ""):
        where += f" {limit.endpoint}"
    name = {"blocked": "blocked", "errors": "errors", "window": "rate budget"}[limit.kind]
    return Check(limit.system, f"{name}: {where}", FAIL if limit.needs_person else OK, limit.detail)
