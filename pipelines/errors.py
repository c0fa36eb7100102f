"""Errors an operator sees, with messages that say what to do, and the one summary of any error.

`OperatorError` marks an exception whose message was written for a person: what happened and the
command or setting that fixes it. The clients' errors (Exact, Wave, CustomPMS), the token file's,
the lock's and the configuration's all derive from it, so `summarize` can find the clear message
however deeply dlt or a thread pool wrapped it, instead of printing an inner `JSONDecodeError`.
"""

from __future__ import annotations


class OperatorError(RuntimeError):
    """An error whose message tells a person what happened and what to do about it."""


class ConfigurationError(OperatorError):
    """A setting or secret is missing; the message names the key to set."""


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes/contexts, outermost first (cycles cut)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not other for other in seen):
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def summarize(exc: BaseException, limit: int = 500) -> str:
    """One line for a person: the outermost `OperatorError` in the chain (its message was written to
    be read), else the innermost exception (dlt wraps source errors in pipeline-step exceptions whose
    own text is a stack of step names)."""
    chain = _chain(exc)
    clear = next((error for error in chain if isinstance(error, OperatorError)), None)
    chosen = clear or chain[-1]
    text = str(chosen) if clear is not None else f"{type(chosen).__name__}: {chosen}"
    return text[:limit]


def missing_config(exc: BaseException) -> ConfigurationError | None:
    """dlt's missing-config error, however deeply dlt wrapped it, as one naming each key to set.

    dlt lists every (provider, key) it tried; we name the one a person sets, e.g.
    `sources.custompms.credentials.api_key`, and its environment variable.
    """
    # imported here: dlt takes half a second to import, and most commands that load this module never need it
    from dlt.common.configuration.exceptions import ConfigFieldMissingException

    seen = next((error for error in _chain(exc) if isinstance(error, ConfigFieldMissingException)), None)
    if seen is None:
        return None
    keys = sorted(_keys(seen.traces))
    hints = [f"{key} (environment: {key.upper().replace('.', '__')})" for key in keys]
    return ConfigurationError(
        "missing configuration: set " + "; ".join(hints) + " in .dlt/secrets.toml (secrets) or .dlt/config.toml"
    )


def _keys(traces: dict) -> set[str]:
    from dlt.common.configuration.exceptions import LookupTraces

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
