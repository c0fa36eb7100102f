"""dlt source for Exact Online: the readers of pipelines/exact/extraction.py as dlt resources of raw_exact,
configured through dlt's config injection (sources.exact.* in .dlt/config.toml and secrets.toml)."""

from __future__ import annotations

from typing import Any

import dlt
from dlt.common.configuration import configspec
from dlt.common.configuration.specs import CredentialsConfiguration
from dlt.common.typing import TSecretStrValue
from dlt.extract.source import DltSource

from pipelines.exact.extraction import extraction
from pipelines.pages import Started, to_source

SECRETS = (("credentials", "client_secret"), ("credentials", "refresh_token"))  # never written anywhere


@configspec
class ExactCredentials(CredentialsConfiguration):
    """sources.exact.credentials in secrets.toml; refresh_token is only needed to start a token chain."""

    client_id: str = None
    client_secret: TSecretStrValue = None
    refresh_token: TSecretStrValue | None = None

    def __repr__(self) -> str:
        return f"ExactCredentials(client_id={self.client_id!r}, client_secret=***, refresh_token=***)"

    __str__ = __repr__


@dlt.source(name="exact", section="exact")
def exact_source(
    base_url: str | None = None,
    country: str | None = None,
    divisions: list[int] | None = None,
    token_file: str = dlt.config.value,
    credentials: ExactCredentials = dlt.secrets.value,
    departments_full_pass_hours: float = 24.0,
    full_departments: bool = False,
    client: Any = None,
    clock: Any = None,
    started: Started | None = None,
) -> DltSource:
    """`client` (an ExactClient) or `clock` may be passed by tests and benchmarks; otherwise the client is
    built from base_url (or country: pipelines/exact/site.py), token_file and credentials. `started`: what
    the pre-read already read. The source carries `.client` (API call counts) and `.quarantined` (Counter
    of quarantined records per entity)."""
    arguments = {
        "base_url": base_url,
        "country": country,
        "divisions": divisions,
        "token_file": token_file,
        "credentials": {"client_id": credentials.client_id, "client_secret": credentials.client_secret,
                        "refresh_token": credentials.refresh_token},
        "departments_full_pass_hours": departments_full_pass_hours,
        "full_departments": full_departments,
    }
    if started is None:
        started_extraction = extraction(arguments | {"clock": clock}, dlt.current.source_state, client)
        return to_source("exact", started_extraction, arguments)
    return to_source("exact", started.extraction, arguments, started)
