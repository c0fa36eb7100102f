"""The sources' configuration as dlt resolved it, remembered so that a sync with nothing to do need not
import dlt (half a second) only to resolve it again.

After dlt has resolved a source (extraction's usual path), `remember` writes, next to dlt's own working
dir, the source's plain settings and, for each secret, *where* dlt found it: the environment variable's
name, or the secrets.toml file and key. Never a secret itself. The memo holds only for the inputs dlt
read: it is keyed by a digest of the environment, the working directory and the bytes of every file
dlt's toml providers look at (present or not). `recall` returns None when any of those changed, when
dlt had a provider other than the environment and its toml files, or when a secret is no longer where
dlt found it; extraction then lets dlt resolve the configuration as usual, and remembers it again.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

FORMAT = 1  # bump when the sources' arguments change shape
FILE_NAME = "source_config.json"
PROVIDERS = {"EnvironProvider", "SecretsTomlProvider", "ConfigTomlProvider"}
# shell bookkeeping that changes between invocations and that no configuration key is named after
VOLATILE_ENV = frozenset({"_", "OLDPWD", "SHLVL", "MAKELEVEL", "MAKEFLAGS", "MFLAGS", "PYTEST_CURRENT_TEST"})

Where = dict[str, Any]  # {"env": NAME} or {"toml": PATH, "key": [..]}; None for a secret that is not set


def memo_file(pipelines_dir: Path) -> Path:
    return Path(pipelines_dir) / FILE_NAME


def remember(pipelines_dir: Path, system: str, arguments: Mapping[str, Any],
             secrets: Sequence[tuple[str, ...]]) -> bool:
    """Remember `arguments` (the source's resolved configuration) of `system`; `secrets` are the paths of
    the secret ones in it. Call right after dlt resolved the source. True if remembered."""
    import dlt
    from dlt.common.configuration.utils import get_resolved_traces

    path = memo_file(pipelines_dir)
    providers = list(dlt.config.config_providers)
    if {type(provider).__name__ for provider in providers} - PROVIDERS:
        path.unlink(missing_ok=True)  # e.g. a vault: its values can change without any file changing
        return False
    files = [str(Path(location).absolute()) for provider in providers for location in provider.locations]
    plain = copy.deepcopy(dict(arguments))
    found: dict[str, Where | None] = {}
    traces = get_resolved_traces().resolved_traces
    for secret in secrets:
        value = _get(arguments, secret)
        _set(plain, secret, None)
        if value is None:
            found[".".join(secret)] = None
            continue
        where = _where(secret, value, traces, providers)
        if where is None:
            return False
        found[".".join(secret)] = where
    digest = _digest(files)
    memo = _read(path)
    systems = memo.get("systems", {}) if memo.get("digest") == digest and memo.get("format") == FORMAT else {}
    systems[system] = {"plain": plain, "secrets": found}
    _write(path, {"format": FORMAT, "digest": digest, "files": files, "systems": systems})
    return True


def recall(pipelines_dir: Path, system: str) -> dict[str, Any] | None:
    """`system`'s configuration as dlt resolved it last, if nothing it was resolved from changed since."""
    memo = _read(memo_file(pipelines_dir))
    entry = memo.get("systems", {}).get(system)
    if memo.get("format") != FORMAT or entry is None or memo.get("digest") != _digest(memo.get("files", [])):
        return None
    arguments = copy.deepcopy(entry["plain"])
    tomls: dict[str, Any] = {}
    for name, where in entry["secrets"].items():
        if where is None:
            continue
        value = _read_secret(where, tomls)
        if value is None:
            return None
        _set(arguments, tuple(name.split(".")), value)
    return arguments


# ---------------------------------------------------------------------- helpers


def _where(secret: tuple[str, ...], value: Any, traces: Sequence[Any], providers: Sequence[Any]) -> Where | None:
    """Where dlt found the secret: its last resolved trace with that key and value."""
    trace = next((t for t in reversed(traces) if t.key == secret[-1] and t.value == value), None)
    if trace is None:
        return None
    provider = next((p for p in providers if p.name == trace.provider_name), None)
    if type(provider).__name__ == "EnvironProvider":
        name = "__".join([*trace.sections, trace.key]).upper()
        return {"env": name} if os.environ.get(name) == value else None
    for location in getattr(provider, "present_locations", []):
        key = [*trace.sections, trace.key]
        with open(location, "rb") as handle:
            if _get(tomllib.load(handle), tuple(key)) == value:
                return {"toml": str(Path(location).absolute()), "key": key}
    return None


def _read_secret(where: Where, tomls: dict[str, Any]) -> Any:
    if "env" in where:
        return os.environ.get(where["env"])
    if where["toml"] not in tomls:
        try:
            with open(where["toml"], "rb") as handle:
                tomls[where["toml"]] = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError):
            return None
    return _get(tomls[where["toml"]], tuple(where["key"]))


def _digest(files: Sequence[str]) -> str:
    digest = hashlib.sha256(os.getcwd().encode())
    for name, value in sorted(os.environ.items()):
        if name not in VOLATILE_ENV:
            digest.update(f"\0{name}={value}".encode())
    for name in files:
        digest.update(f"\0{name}\0".encode())
        try:
            digest.update(Path(name).read_bytes())
        except FileNotFoundError:
            digest.update(b"\0absent")
    return digest.hexdigest()


def _get(tree: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(tree, Mapping) or part not in tree:
            return None
        tree = tree[part]
    return tree


def _set(tree: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        tree = tree.setdefault(part, {})
    tree[path[-1]] = value


def _read(path: Path) -> dict[str, Any]:
    try:
        memo = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return memo if isinstance(memo, dict) else {}


def _write(path: Path, memo: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as handle:
            json.dump(memo, handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
