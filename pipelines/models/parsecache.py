"""What parsing the models' SQL yields, kept from one process to the next (settings.PARSE_CACHE_FILE).

sqlglot takes about half a second to import and parse every model: as long as a whole incremental run
of the small models. A process whose SQL files were parsed before reads what it needs (the tables each
model reads, the queries generated from the trees) from this file instead. Entries are keyed by the
md5 of the SQL text they come from, so an edited file is parsed again; a save keeps only the entries
this process used, so the file holds the current models and nothing older. A missing or unreadable
file is an empty cache; it is replaced atomically, so a reader never sees half of one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipelines import settings

_stored: dict[str, Any] | None = None
_used: dict[str, Any] = {}
_missed = False


def _load() -> dict[str, Any]:
    global _stored
    if _stored is None:
        try:
            _stored = json.loads(settings.PARSE_CACHE_FILE.read_text())
        except (OSError, ValueError):
            _stored = {}
        if not isinstance(_stored, dict):
            _stored = {}
    return _stored


def get(key: str, compute: Callable[[], Any]) -> Any:
    """The value kept under key, or compute() (JSON-serialisable), kept for the next process by save()."""
    global _missed
    if key in _used:
        return _used[key]
    stored = _load()
    if key in stored:
        value = stored[key]
    else:
        value = compute()
        _missed = True
    _used[key] = value
    return value


def save() -> None:
    """Write the entries this process used, when one of them was not in the file."""
    global _missed, _stored
    if not _missed:
        return
    path = settings.PARSE_CACHE_FILE
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w") as out:
            json.dump(_used, out)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return  # a read-only state directory only costs the next process a parse
    _stored = dict(_used)
    _missed = False
