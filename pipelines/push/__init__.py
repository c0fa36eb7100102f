"""Push stage: deltas become outbox rows, then each system's writer sends them."""
