"""dlt source for Wave: the readers of pipelines/wave/extraction.py as dlt resources of raw_wave,
configured through dlt's config injection (sources.wave.* in .dlt/config.toml and secrets.toml)."""

from __future__ import annotations

from typing import Any

import dlt
from dlt.common.configuration import configspec
from dlt.common.configuration.specs import CredentialsConfiguration
from dlt.common.typing import TSecretStrValue
from dlt.extract.source import DltSource

from pipelines import settings
from pipelines.pages import Started, to_source
from pipelines.wave.auth import WaveTokens, bearer_from_config
from pipelines.wave.client import WaveClient
from pipelines.wave.extraction import extraction

SECRETS = (("credentials", "access_token"),)  # never written anywhere


@configspec
class WaveCredentials(CredentialsConfiguration):
    """sources.wave.credentials in secrets.toml: a full access token, or (sources.wave.auth = "oauth")
    an OAuth app's client_id/client_secret, read by wave/auth.py."""

    access_token: TSecretStrValue | None = None

    def __repr__(self) -> str:
        return "WaveCredentials(access_token=***)"

    __str__ = __repr__


@dlt.source(name="wave", section="wave")
def wave_source(
    graphql_url: str = dlt.config.value,
    business_ids: list[str] | None = None,
    credentials: WaveCredentials = dlt.secrets.value,
    page_size: int = settings.WAVE_PAGE_SIZE,
    overlap_seconds: float = settings.WAVE_OVERLAP_SECONDS,
    client: Any = None,
    started: Started | None = None,
) -> DltSource:
    """businesses, then customers (with customers_history and quarantine) of every business the token
    sees, or of `business_ids`. `client` (a WaveClient) may be passed by tests and benchmarks; `started`:
    what the pre-read already read. The source carries `.client` (API call counts) and `.quarantined`
    (Counter per entity)."""
    arguments = {
        "graphql_url": graphql_url,
        "business_ids": business_ids,
        "credentials": {"access_token": credentials.access_token},
        "page_size": page_size,
        "overlap_seconds": overlap_seconds,
    }
    if started is None and client is None:
        bearer = bearer_from_config(credentials.access_token)  # per sources.wave.auth
        if isinstance(bearer, WaveTokens):
            # an OAuth chain is resolved by dlt on every run (sourceconfig does not remember it)
            arguments["auth"] = "oauth"
            client = WaveClient(graphql_url, bearer)
    if started is None:
        return to_source("wave", extraction(arguments, client), arguments)
    return to_source("wave", started.extraction, arguments, started)
