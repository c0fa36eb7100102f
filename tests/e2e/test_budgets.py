"""Rate budgets across processes: back-to-back `extract`, `transform`, `push` and two `sync`s, each a new
set of clients (as a new process would build them), collect no 429 from Exact's minute windows, because
each command starts from what the last answer of the previous one said (sync.api_windows).

The emulators' clock is stepped (a client's sleep advances it at once), so waiting for a window costs no
wall time and no test races a real minute boundary; Exact's window is lowered to 5 calls a minute so the
commands cross several windows (reference: 60 a minute per division, fixed windows, X-RateLimit-Minutely-*
in epoch ms, Me not counted)."""

from __future__ import annotations

import contextlib

import pytest

from pipelines import budgets
from pipelines import clock as clocks

from .test_sync import exact_account, pms_by_ref


def back_to_back(sandbox) -> dict[str, int]:
    """Run the sequence; the Exact emulator's counts of answered and refused (429) division calls."""
    sandbox.exact.minute_limit = 5
    clock = sandbox.exact.clock  # the three emulators share it
    clock.instant_sleep = True
    with clocks.using(clock):
        assert sandbox.cli("sync") == 0
        acme = exact_account(sandbox, 101, "Acme")
        sandbox.custompms.admin_edit(pms_by_ref(sandbox, "exact.accounts", acme["ID"])["id"],
                                     {"phone": "+31 20 777 0000"})
        for command in ("extract", "transform", "push", "sync", "sync"):
            assert sandbox.cli(command) in (0, 1), command
    assert exact_account(sandbox, 101, "Acme")["Phone"] == "+31 20 777 0000"
    return {"calls": sandbox.exact.calls, "refused_429": sandbox.exact.refused_429}


def test_back_to_back_commands_collect_no_429(sandbox):
    counts = back_to_back(sandbox)
    print(f"\nback-to-back with durable budgets: {counts}")
    assert counts["refused_429"] == 0
    assert counts["calls"] > 4 * sandbox.exact.minute_limit  # the commands crossed several windows
    windows = sandbox.sql("select scope, minute_remaining, day_remaining from sync.api_windows "
                          "where system = 'exact' order by scope")
    assert [scope for scope, *_ in windows] == ["101", "102"]
    assert all(day is not None and day < sandbox.exact.day_limit for _, _, day in windows)


def test_without_the_durable_budget_the_same_commands_collect_429s(sandbox, monkeypatch):
    """The control: clients that keep the budget only in memory start blind and bounce off the window."""
    monkeypatch.setattr(budgets, "bound", lambda db_path: contextlib.nullcontext())
    counts = back_to_back(sandbox)
    print(f"\nback-to-back with in-memory budgets only: {counts}")
    assert counts["refused_429"] > 0


@pytest.fixture(autouse=True)
def _no_clock_left_behind():
    yield
    assert clocks.current() is clocks.SYSTEM
