"""wave integration: client, dlt source, writer."""
