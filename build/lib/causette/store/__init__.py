"""Persistence behind the ``Store`` protocol; only ``app.py`` picks a concrete backend."""
