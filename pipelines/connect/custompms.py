"""`connect custompms`: one call with the configured API key, and what it sees.

CustomPMS has no OAuth: its API key is issued in CustomPMS and put into secrets.toml by hand. The
check lists one customer (`limit=1`; the list has no total count, so "at least one" is all a single
call can tell)."""

from __future__ import annotations

from pipelines.connect.command import Session
from pipelines.connect.redirect import ConnectError
from pipelines.custompms.client import CustomPMSClient, Unauthorized

SERVICE = "CustomPMS"


def check_custompms(session: Session) -> None:
    client = CustomPMSClient.from_config()
    try:
        first_page = next(client.list_customers(include_deleted=False, limit=1), [])
    except Unauthorized as exc:
        raise ConnectError(
            f"{SERVICE} at {client.base_url} refused the API key ({exc.status} {exc.code}: {exc.message}); put a "
            "valid key into sources.custompms.credentials.api_key in .dlt/secrets.toml"
        ) from None
    finally:
        client.close()
    sees = "at least one customer" if first_page else "no customers yet"
    session.say(f"{SERVICE}: the API key works at {client.base_url}; it sees {sees}")
