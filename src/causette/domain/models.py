"""The nouns of the chat: guests, rooms, messages, and the rules that parametrise them.

A *guest* is a visitor's session: it exists from entry to quit (or the end of its grace period
after a drop) and has a public ``id`` that never changes while it lives. A *device* is the
browser it came from, known only by the hash of its cookie; ignores and age refusals bind to
the device so that a new nickname does not shed them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from causette.domain.departements import Location


class Gender(StrEnum):
    MAN = "man"
    WOMAN = "woman"
    OTHER = "other"


class Privacy(StrEnum):
    """Who may open a private conversation with a guest."""

    EVERYONE = "everyone"
    SHARED_ROOM = "shared_room"
    NOBODY = "nobody"


class RoomKind(StrEnum):
    OFFICIAL = "official"
    USER = "user"


class LeaveReason(StrEnum):
    PART = "part"
    QUIT = "quit"
    KICKED = "kicked"
    TIMEOUT = "timeout"
    # Told only to the person who left: they are now treated as a minor and the room is for
    # adults (the others see a plain PART, which says nothing about anyone's age).
    AGE_BAND = "age_band"


class AgeBand(StrEnum):
    """Which side of the age line a person or a room is on (SAFETY.md 1)."""

    TEEN = "teen"
    ADULT = "adult"


@dataclass(frozen=True, slots=True)
class Rules:
    """The operator's limits that the core enforces, whatever the transport."""

    min_age: int = 18
    adult_age: int = 18  # below it a declared age is in the teen band
    rooms_max: int = 10
    message_max: int = 500
    user_rooms_max: int = 200
    reserved_names: frozenset[str] = frozenset()
    forbidden_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    """What a visitor declared at entry. ``postal_code`` never leaves the server."""

    nickname: str
    age: int
    gender: Gender
    postal_code: str
    location: Location


@dataclass(frozen=True, slots=True)
class UserView:
    """A guest as other people see them: no postal code, no device, no address."""

    id: str
    nick: str
    age: int
    gender: Gender
    location: Location
    # Within the grace period: every connection is lost and the session waits to be resumed.
    away: bool = False


@dataclass(slots=True, eq=False)
class Guest:
    """A live session. Mutated only by ``ChatState``, synchronously."""

    id: str
    device: str
    profile: Profile
    privacy: Privacy = Privacy.SHARED_ROOM
    lang: str = "fr"
    network: str = ""  # keyed hash of the network it entered from (sanctions bind to it)
    # Entered without the device cookie: its device lives only as long as this session, and so
    # do the ignores and the declaration made with it.
    ephemeral: bool = False
    # Said they are a minor (self-disclosure beats declaration): in the teen band from then on.
    disclosed_minor: bool = False
    # Entered from a network where a device was refused for age within the cooling period: a
    # risk signal for the safety gate, not a restriction.
    possible_minor: bool = False
    # dicts used as ordered sets: the order of tabs is the order of joining.
    rooms: dict[str, None] = field(default_factory=dict)
    privates: dict[str, None] = field(default_factory=dict)
    away: bool = False  # no connection attached: waiting out the grace period
    view: UserView = field(init=False)

    def __post_init__(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        p = self.profile
        self.view = UserView(self.id, p.nickname, p.age, p.gender, p.location, self.away)


@dataclass(slots=True, eq=False)
class Room:
    id: str
    name: str
    topic: str
    kind: RoomKind
    owner: str | None = None
    members: dict[str, None] = field(default_factory=dict)
    band: AgeBand = AgeBand.ADULT  # only people of this band may join it
    # Moderation: in a moderated room only devices in ``voiced`` speak; a closed room
    # cannot be joined.
    moderated: bool = False
    closed: bool = False
    voiced: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class RoomInfo:
    """A line of the room list."""

    id: str
    name: str
    topic: str
    count: int
    kind: RoomKind
    owner: str | None


@dataclass(frozen=True, slots=True)
class Message:
    """A posted message. ``room`` is set for a room message, ``recipient`` for a private one."""

    id: int
    ts: float
    sender: UserView
    sender_device: str
    text: str
    action: bool = False
    room: str | None = None
    recipient: UserView | None = None
    deleted_at: float | None = None  # a moderator removed it (kept for evidence only)
    # Held by the safety gate: stored and shown to its sender only until a moderator
    # releases (it is then posted anew, with a new id) or removes it.
    held_at: float | None = None


@dataclass(frozen=True, slots=True)
class IgnoreEntry:
    """One person a device ignores, bound to that person's device."""

    id: str
    ignored_device: str
    nick: str
    # The session id the person had when ignored, so that a client can tell which of the
    # people it knows is ignored; later sessions of that device are not revealed.
    user_id: str = ""
