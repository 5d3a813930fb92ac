"""Pure domain: no I/O, no asyncio, no framework."""
