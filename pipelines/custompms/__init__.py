"""custompms integration: client, dlt source, writer."""
