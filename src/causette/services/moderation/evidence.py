"""What a report points at, and the evidence it freezes (SAFETY.md 13).

A report's locator (a message, a person, a room) is resolved to a ``Target``: the case it
groups into and what is known of the person. ``gather_evidence`` copies the conversation
around the reported message and the person's session data; the report stores them in its
case (``CaseStore.file_notice``), where they stay until the case is closed plus the legal
hold, whatever the ordinary history retention.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from causette.domain.models import Guest, Message
from causette.domain.moderation import Evidence, Locator
from causette.errors import NotFound
from causette.services.enforcement import Enforcement
from causette.store.chat import Store
from causette.types import Subject


@dataclass(frozen=True, slots=True)
class Target:
    """Whom a report or an action is about, resolved from a locator."""

    subject: Subject  # what the case is about: the person's device, or the room
    message: Message | None
    guest: Guest | None  # live session of the person, if any
    device: str | None
    network: str | None
    nickname: str | None
    room: str | None
    room_name: str | None = None  # as it was: a visitor's room may be gone by the time of review


async def resolve_target(live: Enforcement, store: Store, locator: Locator) -> Target:
    """The target of a report; ``report_target_not_found`` if it is gone."""
    if locator.message_id is not None:
        message = await store.get_message(locator.message_id)
        if message is None:
            raise NotFound("report_target_not_found", field="target")
        guest = live.find_guest(message.sender.id)
        return Target(
            subject=Subject.device(message.sender_device),
            message=message,
            guest=guest,
            device=message.sender_device,
            network=guest.network if guest else None,
            nickname=message.sender.nick,
            room=message.room,
            room_name=live.room_name(message.room),
        )
    if locator.user_id is not None:
        guest = live.find_guest(locator.user_id)
        if guest is None:
            raise NotFound("report_target_not_found", field="target")
        return Target(
            subject=Subject.device(guest.device),
            message=None,
            guest=guest,
            device=guest.device,
            network=guest.network,
            nickname=guest.profile.nickname,
            room=locator.room,
            room_name=live.room_name(locator.room),
        )
    assert locator.room is not None
    room = live.find_room(locator.room)
    return Target(Subject.room(room.id), None, None, None, None, None, room.id, room.name)


async def gather_evidence(
    store: Store, target: Target, before: int, after: int, at: float
) -> list[Evidence]:
    """A report's conversation and the person's session data, as its case will keep them.

    Their case and report ids are 0 until the store files them with the report.
    """
    stamp = Evidence(0, 0, None, "", {}, at)
    if target.message is not None:
        messages = await store.messages_around(target.message, before, after)
    elif target.guest is not None:
        messages = await store.recent_messages(None, target.guest.id, before + after)
    else:
        messages = await store.recent_messages(target.room, None, before + after)
    body: dict[str, Any] = {
        "reported_message": target.message.id if target.message else None,
        "room": target.room,
        "room_name": target.room_name,
        "messages": [message_record(m) for m in messages],
    }
    gathered = [replace(stamp, kind="conversation", body=body)]
    if target.device is None:
        return gathered
    session: dict[str, Any] = {
        "nickname": target.nickname,
        "device_hash": target.device,
        "network_hash": target.network,
    }
    guest = target.guest
    if guest is not None:
        session.update(
            guest_id=guest.id,
            declared_age=guest.profile.age,
            gender=guest.profile.gender.value,
            departement=guest.profile.location.code,
        )
    elif target.message is not None:
        sender = target.message.sender
        session.update(
            guest_id=sender.id,
            declared_age=sender.age,
            gender=sender.gender.value,
            departement=sender.location.code,
        )
    gathered.append(replace(stamp, kind="session", body=session))
    return gathered


def message_record(m: Message) -> dict[str, Any]:
    """A message as evidence keeps it: who, where, when, what (no postal code)."""
    return {
        "id": m.id,
        "ts": m.ts,
        "room": m.room,
        "from": {
            "id": m.sender.id,
            "nick": m.sender.nick,
            "age": m.sender.age,
            "departement": m.sender.location.code,
        },
        "from_device": m.sender_device,
        "to": {"id": m.recipient.id, "nick": m.recipient.nick} if m.recipient else None,
        "text": m.text,
        "action": m.action,
        "deleted_at": m.deleted_at,
    }
