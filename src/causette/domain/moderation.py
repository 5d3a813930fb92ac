"""Notice and action (SAFETY.md 12 to 24): reports, cases, sanctions, decisions, appeals.

Pure: the values the moderation service stores and the rules that need no I/O — how a case
is prioritised, which sanction applies to a guest, what a statement of reasons says, when an
appeal is still open, and when misuse (DSA Art. 23) calls for a warning or a suspension.

Every report, from a visitor, a trusted flagger, a moderator or (later) the automatic
detection, lands in one place: a *case*, grouped by the person (device) or room it concerns.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from causette.domain.text import LINE_CONTROLS, strip_unsafe
from causette.errors import InvalidInput

APPEAL_WINDOW = 183 * 24 * 3600.0  # six months (DSA Art. 20(1))


class Category(StrEnum):
    """What a report is about; the order of ``PRIORITY`` below is the queue's order."""

    CHILD_ABUSE = "child_abuse"  # child sexual abuse or grooming
    THREAT = "threat"  # ambush, threat to life or safety
    TRAFFICKING = "trafficking"  # prostitution or trafficking
    HARASSMENT = "harassment"
    HATE = "hate"
    DOXXING = "doxxing"
    SPAM = "spam"  # spam or scam
    ILLEGAL = "illegal"  # other illegal content
    TERMS = "terms"  # breach of the terms of service


# Lower is more urgent. Child protection and threats to life first (SAFETY.md 16, 18).
PRIORITY: dict[Category, int] = {
    Category.CHILD_ABUSE: 0,
    Category.THREAT: 0,
    Category.TRAFFICKING: 1,
    Category.DOXXING: 1,
    Category.HARASSMENT: 2,
    Category.HATE: 2,
    Category.ILLEGAL: 2,
    Category.SPAM: 3,
    Category.TERMS: 3,
}

# Art. 18: these cases can be packaged for the authorities (Pharos in France).
AUTHORITY_CATEGORIES = frozenset({Category.CHILD_ABUSE, Category.THREAT, Category.TRAFFICKING})


class Source(StrEnum):
    """Where a notice or an action came from (transparency report: "by source")."""

    VISITOR = "visitor"
    TRUSTED_FLAGGER = "trusted_flagger"
    MODERATOR = "moderator"  # own initiative
    AUTOMATED = "automated"


# The platform's own initiative (Art. 15(1)(c)); the others are notices (Art. 16, 22).
OWN_INITIATIVE = frozenset({Source.MODERATOR, Source.AUTOMATED})


class GroundType(StrEnum):
    """What a decision rests on (Art. 17(3)(d) and (e))."""

    ILLEGAL = "illegal_content"  # the law: the content is illegal
    TERMS = "incompatible_content"  # the terms of service


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Outcome(StrEnum):
    """How a case was closed."""

    ACTIONED = "actioned"  # at least one restriction
    REJECTED = "rejected"  # no breach found
    UNFOUNDED = "unfounded"  # manifestly unfounded (counts towards Art. 23 misuse)


class SanctionKind(StrEnum):
    WARNING = "warning"
    REMOVAL = "removal"  # a message deleted
    MUTE = "mute"  # may read, may not post (site or room)
    KICK = "kick"  # out of a room, may come back
    ROOM_BAN = "room_ban"
    SITE_BAN = "site_ban"
    SUSPENSION = "suspension"  # Art. 23 misuse: a site ban with its own ground


# What each kind stops, checked below the transports.
BLOCKS_ENTRY = frozenset({SanctionKind.SITE_BAN, SanctionKind.SUSPENSION})
BLOCKS_POSTING = frozenset({SanctionKind.MUTE})
BLOCKS_ROOM = frozenset({SanctionKind.ROOM_BAN})


@dataclass(frozen=True, slots=True)
class Locator:
    """What exactly a report points at (Art. 16(2)(b)): any of message, person, room."""

    message_id: int | None = None
    user_id: str | None = None  # a guest's public id
    room: str | None = None

    def __post_init__(self) -> None:
        if self.message_id is None and self.user_id is None and self.room is None:
            raise InvalidInput("report_target_missing", field="target")


@dataclass(frozen=True, slots=True)
class Report:
    id: int
    case_id: int
    code: str  # the reporter's receipt
    category: Category
    source: Source
    locator: Locator
    explanation: str
    contact: str | None
    good_faith: bool
    reporter_device: str | None  # None for moderators, trusted flaggers, automation
    reporter_account: int | None  # moderator or trusted flagger account
    created_at: float
    automated_rule: str | None = None  # which rule or model fired (SAFETY.md 8)
    # The keyed hash of the visitor's network: one reporter's reports are grouped by it in
    # the queue (a client without the cookie is a new device at each connection).
    reporter_network: str | None = None

    @property
    def reporter(self) -> str | None:
        """Who filed it, as the queue groups reporters: network, else device, else account."""
        if self.reporter_network:
            return "network:" + self.reporter_network
        if self.reporter_device:
            return "device:" + self.reporter_device
        if self.reporter_account is not None:
            return f"account:{self.reporter_account}"
        return None


@dataclass(frozen=True, slots=True)
class Case:
    id: int
    code: str
    subject: str  # grouping key: "device:<hash>" or "room:<id>"
    category: Category  # the most urgent category reported
    priority: int
    trusted: bool  # a trusted flagger reported it
    status: CaseStatus
    created_at: float
    closed_at: float | None = None
    outcome: Outcome | None = None
    hold_until: float | None = None  # evidence is kept until then (legal hold)

    def queue_key(self) -> tuple[int, int, float]:
        """Sort key of the open queue: urgency, then trusted flaggers, then age."""
        return (self.priority, 0 if self.trusted else 1, self.created_at)


def case_priority(categories: list[Category]) -> tuple[Category, int]:
    """The most urgent of the categories reported in a case, and its priority."""
    top = min(categories, key=lambda c: PRIORITY[c])
    return top, PRIORITY[top]


@dataclass(frozen=True, slots=True)
class Person:
    """The person a sanction binds to: what a nickname change cannot shed (SAFETY.md 23)."""

    device: str
    network: str  # keyed hash of the IPv4 address or IPv6 /64
    nickname: str  # for people reading the record; never used to match


@dataclass(frozen=True, slots=True)
class Sanction:
    """A restriction in force, bound to a device and, for a site ban, maybe to a network.

    Only the kinds that close the site (``BLOCKS_ENTRY``) may bind a network, and only when
    ``person.network`` is set: a mute, a kick or a room ban binds the device alone, so that
    a family or a campus behind one address is not silenced for someone else's decision.
    The network binding ends at ``network_until`` (None: with the sanction, as stored before
    it had its own end) and spares the devices a moderator cleared (``network_exempt``).
    """

    id: int
    kind: SanctionKind
    person: Person  # whom it binds (a case's ``subject`` is its grouping key, not this)
    room: str | None  # None: the whole site
    starts_at: float
    expires_at: float | None  # None: until revoked
    decision_id: int
    revoked_at: float | None = None
    network_until: float | None = None
    network_exempt: frozenset[str] = frozenset()

    def active(self, now: float) -> bool:
        return (
            self.revoked_at is None
            and self.starts_at <= now
            and (self.expires_at is None or now < self.expires_at)
        )

    @property
    def binds_a_network(self) -> bool:
        return bool(self.person.network) and self.kind in BLOCKS_ENTRY

    def network_ends_at(self) -> float | None:
        """When the network binding ends (None: not before the sanction itself)."""
        if self.network_until is None:
            return self.expires_at
        if self.expires_at is None:
            return self.network_until
        return min(self.network_until, self.expires_at)

    def binds_device(self, device: str) -> bool:
        return device == self.person.device

    def binds_network(self, device: str, network: str, now: float) -> bool:
        """Whether another device on the person's network is caught, at ``now``."""
        if not self.binds_a_network or network != self.person.network:
            return False
        if device in self.network_exempt or not self.active(now):
            return False
        end = self.network_ends_at()
        return end is None or now < end

    def binds(self, device: str, network: str, now: float) -> bool:
        return self.binds_device(device) or self.binds_network(device, network, now)


@dataclass(frozen=True, slots=True)
class Decision:
    """A statement of reasons (DSA Art. 17), stored with every restriction."""

    id: int  # never reused: the public number of the statement
    code: str  # secret enough to let the affected person retrieve it
    case_id: int | None
    kind: SanctionKind
    room: str | None
    duration: float | None  # seconds; None: indefinite
    facts: str
    ground: str  # the term of service or the law relied on
    source: Source  # notice (visitor / trusted flagger) or own initiative (moderator, automated)
    automated_detection: bool  # automated means were used to detect it
    # Taken by a rule of the platform with no person deciding (Art. 23 steps, automated
    # holds and short mutes): the statement says so (Art. 17(3)(c)).
    automated_decision: bool
    moderator_account: int | None
    subject_nickname: str
    created_at: float
    reversed_at: float | None = None
    # What the Transparency Database asks of every statement (Art. 24(5); domain/dsa.py).
    category: Category = Category.TERMS  # the decision's own, not only its case's
    ground_type: GroundType = GroundType.TERMS
    ground_reference: str = ""  # the article of law or of the terms relied on (<= 500)
    explanation: str = ""  # why the content is illegal or incompatible on it (<= 2000)
    incompatible_illegal: bool = False  # incompatible with the terms, and illegal too
    content_date: float | None = None  # when the content was posted
    content_language: str | None = None  # ISO 639-1, upper case
    content_type: str = "CONTENT_TYPE_TEXT"
    territorial_scope: frozenset[str] = frozenset()  # ISO 3166-1 alpha-2 (EU/EEA)
    visibility: str | None = None  # DECISION_VISIBILITY_* (a removal)
    provision: str | None = None  # DECISION_PROVISION_* (mute, kick, bans, suspension)
    ends_at: float | None = None  # end of the service restriction; None: indefinite

    @property
    def is_statement(self) -> bool:
        """A statement for the database restricts something; a warning does not."""
        return self.visibility is not None or self.provision is not None

    def appeal_open(self, now: float) -> bool:
        return self.reversed_at is None and now - self.created_at <= APPEAL_WINDOW


class AppealStatus(StrEnum):
    PENDING = "pending"
    UPHELD = "upheld"  # the decision stands
    REVERSED = "reversed"


class Appellant(StrEnum):
    AFFECTED = "affected"
    REPORTER = "reporter"
    # Someone else on a network a site ban binds, asking that their device be spared: they
    # never see the decision, only that their network is restricted, and until when.
    NETWORK = "network"


@dataclass(frozen=True, slots=True)
class Appeal:
    id: int
    code: str
    decision_id: int | None  # an affected person's appeal
    report_id: int | None  # a reporter's appeal against a rejected report
    appellant: Appellant
    text: str
    status: AppealStatus
    created_at: float
    decided_by: int | None = None
    answer: str | None = None
    decided_at: float | None = None
    device: str | None = None  # a network review's device, the one to spare


class EmergencyLevel(StrEnum):
    """Run-time switches for an administrator (SAFETY.md 24)."""

    CLOSE_ENTRIES = "close_entries"
    PRIVATE_SHARED_ROOM_ONLY = "private_shared_room_only"
    ALL_ROOMS_MODERATED = "all_rooms_moderated"


@dataclass(frozen=True, slots=True)
class MisusePolicy:
    """DSA Art. 23: how many strikes in a window lead to a warning, then a suspension."""

    window: float = 90 * 24 * 3600.0
    warn_after: int = 2
    suspend_after: int = 3
    suspension: float = 7 * 24 * 3600.0


def misuse_step(strikes_in_window: int, policy: MisusePolicy) -> SanctionKind | None:
    """What a new strike (manifestly illegal post, manifestly unfounded report) calls for.

    ``strikes_in_window`` counts the new strike too.
    """
    if strikes_in_window >= policy.suspend_after:
        return SanctionKind.SUSPENSION
    if strikes_in_window >= policy.warn_after:
        return SanctionKind.WARNING
    return None


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed on a phone


def new_code(prefix: str) -> str:
    """A public code for a case, report, decision or appeal (``D-7K3M9Q2X``)."""
    return prefix + "-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def clean_text(raw: str, limit: int, code: str, field: str, required: bool = True) -> str:
    """Free text of a report, decision or appeal: trimmed, bounded, required if asked.

    One-line text has its inner whitespace folded; text with line breaks keeps them. What
    the one text rule refuses (``causette.domain.text``) is dropped: the console's forms and
    the chat's frames reach storage with the same characters.
    """
    raw = strip_unsafe(raw, LINE_CONTROLS)
    text = " ".join(raw.split()) if "\n" not in raw else raw.strip()
    if (required and not text) or len(text) > limit:
        raise InvalidInput(code, field=field, max=limit)
    return text


def strictest(sanctions: list[Sanction]) -> Sanction | None:
    """The sanction to show someone refused: the one that lasts longest."""
    if not sanctions:
        return None
    return max(sanctions, key=lambda s: float("inf") if s.expires_at is None else s.expires_at)


@dataclass(frozen=True, slots=True)
class Evidence:
    id: int
    case_id: int
    report_id: int | None
    kind: str  # "conversation", "session" or "room"
    body: Mapping[str, Any]  # JSON-serialisable
    created_at: float


@dataclass(frozen=True, slots=True)
class RoomModeration:
    room: str
    moderated: bool = False
    closed: bool = False
    voiced: frozenset[str] = frozenset()  # device hashes allowed to speak in a moderated room
