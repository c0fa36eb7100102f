"""exact integration: client, dlt source, writer."""
