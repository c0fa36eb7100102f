"""Fixtures for the connect tests (see connectkit.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from connectkit import Project, start_project  # noqa: E402


@pytest.fixture
def project(tmp_path) -> Project:
    box = start_project(tmp_path)
    yield box
    box.stop()
