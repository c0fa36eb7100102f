"""Errors an operator sees, with messages that say what to do."""

from __future__ import annotations

from dlt.common.configuration.exceptions import ConfigFieldMissingException, LookupTraces


class ConfigurationError(RuntimeError):
    """A setting or secret is missing; the message names the key to set."""


def missing_config(exc: BaseException) -> ConfigurationError | None:
    """dlt's missing-config error, however deeply dlt wrapped it, as one naming each key to set.

    dlt lists every (provider, key) it tried; we name the one a person sets, e.g.
    `sources.custompms.credentials.api_key`, and its environment variable.
    """
    seen: BaseException | None = exc
    while seen is not None and not isinstance(seen, ConfigFieldMissingException):
        seen = seen.__cause__ or seen.__context__
    if seen is None:
        return None
    keys = sorted(_keys(seen.traces))
    hints = [f"{key} (environment: {key.upper().replace('.', '__')})" for key in keys]
    return ConfigurationError(
        "missing configuration: set " + "; ".join(hints) + " in .dlt/secrets.toml (secrets) or .dlt/config.toml"
    )


def _keys(traces: dict) -> set[str]:
    found: set[str] = set()
    for field, field_traces in traces.items():
        nested = [trace for trace in field_traces if isinstance(trace, LookupTraces)]
        if nested:
            for trace in nested:
                found |= _keys(trace.traces)
            continue
        tried = [trace.key.lower().replace("__", ".") for trace in field_traces]
        # dlt also tries `sources.<name>.<section>.…` and `sources.…` without the section: the key to
        # set is the most specific one that does not repeat a section
        sources = [key for key in tried if key.startswith("sources.") and not _repeats(key.split("."))]
        found.add(max(sources, key=len) if sources else field)
    return found


def _repeats(parts: list[str]) -> bool:
    return any(a == b for a, b in zip(parts, parts[1:]))
