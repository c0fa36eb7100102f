"""dlt source for CustomPMS: the reader of pipelines/custompms/extraction.py as a dlt resource of
raw_custompms, configured through dlt's config injection (sources.custompms.* in .dlt/config.toml and
secrets.toml)."""

from __future__ import annotations

from typing import Any

import dlt
from dlt.common.configuration import configspec
from dlt.common.configuration.specs import CredentialsConfiguration
from dlt.common.typing import TSecretStrValue
from dlt.extract.source import DltSource

from pipelines import settings
from pipelines.custompms.extraction import OVERLAP_MS, extraction
from pipelines.pages import Started, to_source

SECRETS = (("credentials", "api_key"),)  # never written anywhere


@configspec
class CustomPMSCredentials(CredentialsConfiguration):
    """sources.custompms.credentials in secrets.toml."""

    api_key: TSecretStrValue = None

    def __repr__(self) -> str:
        return "CustomPMSCredentials(api_key=***)"

    __str__ = __repr__


@dlt.source(name="custompms", section="custompms")
def custompms_source(
    base_url: str = dlt.config.value,
    credentials: CustomPMSCredentials = dlt.secrets.value,
    page_size: int = settings.CUSTOMPMS_PAGE_SIZE,
    overlap_ms: int = OVERLAP_MS,
    client: Any = None,
    started: Started | None = None,
) -> DltSource:
    """`client` (a CustomPMSClient) may be passed by tests and benchmarks; `started`: what the pre-read
    already read. The returned source carries `.client` (API call counts) and `.quarantined` (Counter of
    quarantined records)."""
    arguments = {
        "base_url": base_url,
        "credentials": {"api_key": credentials.api_key},
        "page_size": page_size,
        "overlap_ms": overlap_ms,
    }
    if started is None:
        return to_source("custompms", extraction(arguments, client), arguments)
    return to_source("custompms", started.extraction, arguments, started)
