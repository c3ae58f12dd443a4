"""Word lists the extractors read (package data, loaded lazily)."""
