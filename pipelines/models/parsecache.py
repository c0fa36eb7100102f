"""What parsing the models' SQL yields, kept from one process to the next (settings.PARSE_CACHE_FILE).

sqlglot takes about half a second to import and parse every model: as long as a whole incremental run
of the small models. A process whose SQL files were parsed before reads what it needs (the tables each
model reads, the queries generated from the trees) from this file instead. Entries are keyed by the
md5 of the SQL text they come from, so an edited file is parsed again; the whole file belongs to one
version of the code that generates from the trees (this package's runner and steps, and sqlglot), so
an upgrade parses everything again. A save keeps only the entries this process used, so the file
holds the current models and nothing older. A missing or unreadable file is an empty cache; it is
replaced atomically, so a reader never sees half of one.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
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


@functools.cache
def code_version() -> str:
    """md5 of the code whose output is kept: the modules that generate SQL from the trees, and sqlglot's
    version file (found without importing sqlglot, which is what the cache saves)."""
    digest = hashlib.md5()
    here = Path(__file__).parent
    spec = importlib.util.find_spec("sqlglot")
    sqlglot_dir = Path(spec.origin).parent if spec and spec.origin else None
    for path in (here / "runner.py", here / "steps.py", here / "parsecache.py",
                 *([sqlglot_dir / "_version.py"] if sqlglot_dir else [])):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(str(path).encode())
    return digest.hexdigest()


def _load() -> dict[str, Any]:
    global _stored
    if _stored is None:
        try:
            kept = json.loads(settings.PARSE_CACHE_FILE.read_text())
        except (OSError, ValueError):
            kept = {}
        ok = isinstance(kept, dict) and kept.get("version") == code_version()
        _stored = kept.get("entries", {}) if ok and isinstance(kept.get("entries"), dict) else {}
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
            json.dump({"version": code_version(), "entries": _used}, out)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return  # a read-only state directory only costs the next process a parse
    _stored = dict(_used)
    _missed = False
