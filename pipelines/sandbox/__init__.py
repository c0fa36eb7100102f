"""Local emulators of Exact Online, Wave and CustomPMS (the built-in sandbox)."""
