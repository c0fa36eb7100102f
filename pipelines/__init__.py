"""Customer sync between Exact Online, Wave and CustomPMS."""
