"""What a detector may know about a message besides its text: pure values, no services.

The gate builds one ``MessageContext`` per draft from the ``Draft`` and its ``Conversation``;
detectors read it and return signals. Keeping it a plain value keeps detectors pure functions
that a unit test calls directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from causette.safety.gate import Setting


@dataclass(frozen=True, slots=True)
class MessageContext:
    setting: Setting
    sender_age: int  # declared
    # Treated as a minor: declared, self-disclosed, or entered from an age-refused network.
    sender_minor: bool
    recipient_age: int | None = None  # private conversations only
    recipient_minor: bool | None = None
    # The conversation's recent texts, oldest first (bounded by the services' window).
    recent: tuple[str, ...] = ()
    # The sender's own recent texts in this conversation (repetition, link floods).
    recent_from_sender: tuple[str, ...] = ()
