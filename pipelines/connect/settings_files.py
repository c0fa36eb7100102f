"""Writing what `connect` learned into `.dlt/config.toml` and `.dlt/secrets.toml`.

tomlkit edits the files in place: every comment, blank line and key order the person wrote stays,
only the keys set here change (dlt itself reads these files with tomlkit). Writes are atomic (temp
file, fsync, rename); secrets.toml is written owner-only (0600), config.toml keeps its mode.
The files are the ones dlt reads: `<settings dir>/config.toml` and `secrets.toml`, where the
settings dir is dlt's (`.dlt` under the working directory, or under DLT_PROJECT_DIR).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import tomlkit

from pipelines.exact.tokens import write_atomically


def settings_dir() -> Path:
    import dlt

    return Path(dlt.current.run_context().settings_dir)


def set_keys(path: Path, values: Mapping[str, Any], *, secret: bool = False) -> None:
    """Set (or, with value None, remove) dotted keys like `sources.wave.business_ids` in a TOML file."""
    document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    for dotted, value in values.items():
        *sections, name = dotted.split(".")
        table: Any = document
        for section in sections:
            if section not in table:
                if value is None:
                    break
                table[section] = tomlkit.table(is_super_table=section != sections[-1])
            table = table[section]
        else:
            if value is None:
                table.pop(name, None)
            else:
                table[name] = value
    if secret:
        mode = 0o600
    else:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    write_atomically(path, tomlkit.dumps(document), mode)


def env_overrides(keys: Sequence[str]) -> list[str]:
    """The environment variables that would override these keys (dlt reads them first)."""
    names = [key.upper().replace(".", "__") for key in keys]
    return [name for name in names if name in os.environ]
