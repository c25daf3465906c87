"""Vielfalt Desktop: offline-first documentation for integration work in Magdeburg."""

__version__ = "0.1.0"
