"""Durable API budgets (pipelines/budgets.py): what one process learns, the next one starts from."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb

from pipelines import budgets, settings
from pipelines.budgets import ApiState

NOW = 1_767_225_600.0


def test_windows_errors_and_blocks_survive_into_a_new_process(tmp_path):
    db = tmp_path / "state.duckdb"
    first = ApiState("exact", db)
    window = first.window("101")
    window.minute_remaining, window.minute_reset, window.day_remaining, window.day_reset = 0, NOW + 30, 4000, NOW + 9e3
    window.observed_at = NOW
    first.window_changed("101")
    for n in range(3):
        first.add_error("101", "crm/Accounts", 400, NOW - 10 * n, "Code is too long")
    first.add_error("101", "crm/Accounts", 400, NOW - 4000, "older than an hour")
    first.block("102", "", NOW, NOW + 3600, "Too many errors")
    first.close()

    second = ApiState("exact", db)  # what the next process loads
    assert second.window("101") == window
    assert len(second.error_times("101", "crm/Accounts", NOW)) == 3
    assert second.block_for("102", "hrm/Departments", NOW).reason == "Too many errors"
    assert second.block_for("102", "hrm/Departments", NOW + 3601) is None
    assert second.block_for("101", "crm/Accounts", NOW) is None
    assert ApiState("custompms", db).windows == {}  # per system


def test_without_a_state_file_everything_stays_in_memory(tmp_path):
    state = budgets.for_system("exact")
    state.add_error("101", "crm/Accounts", 400, NOW, "x")
    state.close()
    assert state.db_path is None and not list(tmp_path.iterdir())
    with budgets.bound(tmp_path / "bound.duckdb"):
        assert budgets.for_system("exact").db_path == tmp_path / "bound.duckdb"
    assert budgets.for_system("exact").db_path is None


def test_a_busy_state_file_loses_nothing(tmp_path):
    """Another process holds the file (DuckDB locks it): the writes wait and land once it is free."""
    db = tmp_path / "state.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('held', flush=True); time.sleep(1.5)"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    state = ApiState("exact", db)
    state.add_error("101", "crm/Accounts", 404, NOW, "Not found")
    state.flush(timeout=0.3)  # cannot be written yet
    holder.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        state.flush(timeout=1)
        try:
            with duckdb.connect(str(db)) as con:
                rows = con.execute("select endpoint, status from sync.api_errors").fetchall()
        except duckdb.Error:
            rows = []
        if rows:
            break
    state.close()
    assert rows == [("crm/Accounts", 404)]


def test_describe_says_what_is_blocked_counted_and_left(tmp_path):
    db = tmp_path / "state.duckdb"
    state = ApiState("exact", db)
    for n in range(settings.EXACT_ERROR_BUDGET):
        state.add_error("101", "crm/Accounts", 400, NOW - n, "bad")
    state.block("102", "", NOW, NOW + 3600, "403 Forbidden")
    window = state.window("101")
    window.day_remaining, window.day_reset, window.observed_at = 4321, NOW + 3600, NOW
    state.window_changed("101")
    state.close()
    with duckdb.connect(str(db)) as con:
        limits = {(lim.kind, lim.scope): lim for lim in budgets.describe(con, NOW)}
    assert limits[("blocked", "102")].needs_person and "403 Forbidden" in limits[("blocked", "102")].detail
    assert limits[("errors", "101")].needs_person and "sending stopped until" in limits[("errors", "101")].detail
    assert "4321 calls left today" in limits[("window", "101")].detail
