"""Which Exact Online site the product talks to: `sources.exact.base_url` when it is set (the sandbox,
or a proxy), else the country's site from `sources.exact.country` (Exact runs one per country)."""

from __future__ import annotations

from pipelines import settings
from pipelines.errors import ConfigurationError


def exact_base_url(base_url: str | None, country: str | None) -> str:
    if base_url:
        return base_url.rstrip("/")
    key = (country or "").strip().lower().removeprefix(".")
    if key == "uk":
        key = "co.uk"
    if key not in settings.EXACT_BASE_URLS:
        choices = ", ".join(settings.EXACT_BASE_URLS)
        raise ConfigurationError(
            f"Exact Online: set sources.exact.country to one of {choices} in .dlt/config.toml "
            f"(or sources.exact.base_url); got {country!r}"
        )
    return settings.EXACT_BASE_URLS[key]
