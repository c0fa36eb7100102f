"""Fixtures for the model tests: a temp DuckDB file with the raw layer created per the contract."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from modelkit import Raw  # noqa: E402


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "test.duckdb"))
    yield connection
    connection.close()


@pytest.fixture
def raw(con) -> Raw:
    return Raw(con)
