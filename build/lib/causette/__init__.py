"""causette: a chat with no sign-up, safe by design."""

__version__ = "0.1.0"
