"""Fixtures for the push tests: the three emulators in-process on free ports, a state file in tmp_path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the suite runs with --import-mode=importlib

from pushkit import Emulators, start  # noqa: E402


@pytest.fixture
def emu(tmp_path) -> Emulators:
    emulators = start(tmp_path)
    yield emulators
    emulators.stop()
