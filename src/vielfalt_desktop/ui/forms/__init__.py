"""Forms of the desktop app."""
