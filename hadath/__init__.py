"""Hadath (حدث): Arabic news in, coded PLOVER political events out."""

__version__ = "0.1.0"
