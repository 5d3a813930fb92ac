"""Pure rules of notice and action: priorities, sanctions, appeals window, misuse steps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from causette.domain.moderation import (
    APPEAL_WINDOW,
    Case,
    CaseStatus,
    Category,
    Decision,
    Locator,
    MisusePolicy,
    Person,
    Sanction,
    SanctionKind,
    Source,
    case_priority,
    misuse_step,
    strictest,
)
from causette.domain.sanctions import SanctionBook
from causette.errors import InvalidInput, Refused

BOB = Person("dev-bob", "net-bob", "Bob")


def sanction(
    kind: SanctionKind,
    sid: int = 1,
    room: str | None = None,
    start: float = 0.0,
    expires: float | None = 100.0,
    subject: Person = BOB,
) -> Sanction:
    return Sanction(sid, kind, subject, room, start, expires, decision_id=sid)


def test_a_locator_must_point_at_something() -> None:
    with pytest.raises(InvalidInput, match="report_target_missing"):
        Locator()
    assert Locator(message_id=3).message_id == 3


def test_child_protection_and_threats_outrank_everything() -> None:
    assert case_priority([Category.SPAM, Category.CHILD_ABUSE]) == (Category.CHILD_ABUSE, 0)
    assert case_priority([Category.TERMS, Category.HATE])[0] is Category.HATE
    assert case_priority([Category.THREAT])[1] == 0


def test_queue_order_is_urgency_then_trusted_flaggers_then_age() -> None:
    def case(cid: int, priority: int, trusted: bool, created: float) -> Case:
        return Case(cid, f"C{cid}", "s", Category.HATE, priority, trusted, CaseStatus.OPEN, created)

    cases = [case(1, 2, False, 1.0), case(2, 2, True, 5.0), case(3, 0, False, 9.0)]
    assert [c.id for c in sorted(cases, key=Case.queue_key)] == [3, 2, 1]


def test_a_sanction_is_active_between_start_and_expiry_unless_revoked() -> None:
    s = sanction(SanctionKind.MUTE, start=10.0, expires=20.0)
    assert not s.active(9.9)
    assert s.active(10.0)
    assert not s.active(20.0)
    assert Sanction(1, SanctionKind.MUTE, BOB, None, 0, None, 1).active(1e12)
    revoked = Sanction(1, SanctionKind.MUTE, BOB, None, 0, None, 1, revoked_at=5.0)
    assert not revoked.active(6.0)


def test_a_site_ban_binds_the_device_and_its_network_until_the_network_ends() -> None:
    s = replace(sanction(SanctionKind.SITE_BAN, expires=100.0), network_until=30.0)
    assert s.binds("dev-bob", "other", 50.0)
    assert s.binds("new-device", "net-bob", 10.0)
    assert not s.binds("new-device", "net-bob", 30.0)
    assert not s.binds("new-device", "other-net", 10.0)
    # Stored before the network had its own end: it lasts as long as the ban.
    assert sanction(SanctionKind.SITE_BAN, expires=100.0).binds("new-device", "net-bob", 99.0)
    spared = replace(s, network_exempt=frozenset({"new-device"}))
    assert not spared.binds("new-device", "net-bob", 10.0)
    assert spared.binds("another", "net-bob", 10.0)


@pytest.mark.parametrize("kind", [SanctionKind.MUTE, SanctionKind.KICK, SanctionKind.ROOM_BAN])
def test_a_mute_a_kick_and_a_room_ban_never_bind_the_network(kind: SanctionKind) -> None:
    s = sanction(kind, room="general")
    assert not s.binds_a_network
    assert not s.binds("new-device", "net-bob", 1.0)


def test_the_appeal_window_is_six_months_and_closes_on_reversal() -> None:
    d = Decision(
        1,
        "D-1",
        None,
        SanctionKind.SITE_BAN,
        None,
        None,
        "f",
        "g",
        Source.VISITOR,
        False,
        False,
        7,
        "Bob",
        created_at=0.0,
    )
    assert d.appeal_open(APPEAL_WINDOW)
    assert not d.appeal_open(APPEAL_WINDOW + 1)
    reversed_ = Decision(
        1,
        "D-1",
        None,
        SanctionKind.SITE_BAN,
        None,
        None,
        "f",
        "g",
        Source.VISITOR,
        False,
        False,
        7,
        "Bob",
        created_at=0.0,
        reversed_at=1.0,
    )
    assert not reversed_.appeal_open(2.0)


@pytest.mark.parametrize(
    ("strikes", "step"),
    [
        (1, None),
        (2, SanctionKind.WARNING),
        (3, SanctionKind.SUSPENSION),
        (9, SanctionKind.SUSPENSION),
    ],
)
def test_misuse_warns_then_suspends(strikes: int, step: SanctionKind | None) -> None:
    assert misuse_step(strikes, MisusePolicy(warn_after=2, suspend_after=3)) is step


def test_strictest_prefers_the_longest_and_indefinite() -> None:
    short = sanction(SanctionKind.SITE_BAN, 1, expires=10.0)
    long = sanction(SanctionKind.SITE_BAN, 2, expires=50.0)
    forever = sanction(SanctionKind.SITE_BAN, 3, expires=None)
    assert strictest([short, long]) is long
    assert strictest([short, forever, long]) is forever
    assert strictest([]) is None


# -- the sanction book -----------------------------------------------------------------------


def test_a_site_ban_refuses_its_device_with_the_code_and_the_network_without() -> None:
    book = SanctionBook()
    ban = replace(sanction(SanctionKind.SITE_BAN, expires=100.0), network_until=40.0)
    book.add(ban, "D-BAN")
    with pytest.raises(Refused, match="banned") as refused:
        book.check_entry("dev-bob", "elsewhere", now=1.0)
    assert refused.value.params == {"decision": "D-BAN", "kind": "site_ban", "until": 100.0}
    with pytest.raises(Refused) as caught:
        book.check_entry("fresh-cookie", "net-bob", now=1.0)
    # Someone else on the network: the truth, and no detail of the decision.
    assert caught.value.code == "network_restricted"
    assert caught.value.params == {"until": 40.0}
    book.check_entry("fresh-cookie", "elsewhere", now=1.0)
    book.check_entry("fresh-cookie", "net-bob", now=40.0)  # the network binding ended
    with pytest.raises(Refused, match="banned"):
        book.check_entry("dev-bob", "net-bob", now=40.0)
    book.check_entry("dev-bob", "net-bob", now=100.0)  # expired


def test_an_exemption_replaces_the_sanction_for_that_device_only() -> None:
    book = SanctionBook()
    ban = sanction(SanctionKind.SITE_BAN, expires=100.0)
    book.add(ban, "D-BAN")
    book.add(replace(ban, network_exempt=frozenset({"fresh-cookie"})), "D-BAN")
    assert len(book) == 1
    book.check_entry("fresh-cookie", "net-bob", now=1.0)
    with pytest.raises(Refused, match="network_restricted"):
        book.check_entry("other-cookie", "net-bob", now=1.0)
    with pytest.raises(Refused, match="banned"):
        book.check_entry("dev-bob", "net-bob", now=1.0)


def test_a_mute_from_old_data_with_a_network_silences_the_device_alone() -> None:
    book = SanctionBook()
    book.add(sanction(SanctionKind.MUTE), "D-MUTE")  # its person still names the network
    book.check_post("family-tablet", 1.0, None)
    with pytest.raises(Refused, match="muted"):
        book.check_post("dev-bob", 1.0, None)


def test_a_room_mute_silences_that_room_only_and_a_site_mute_everywhere() -> None:
    book = SanctionBook()
    book.add(sanction(SanctionKind.MUTE, 1, room="general"), "D-1")
    with pytest.raises(Refused, match="muted"):
        book.check_post("dev-bob", 1.0, "general")
    book.check_post("dev-bob", 1.0, "musique")
    book.check_post("dev-bob", 1.0, None)  # private messages
    book.add(sanction(SanctionKind.MUTE, 2), "D-2")
    with pytest.raises(Refused, match="muted"):
        book.check_post("dev-bob", 1.0, None)


def test_a_room_ban_refuses_that_room_and_a_mute_does_not_refuse_entry() -> None:
    book = SanctionBook()
    book.add(sanction(SanctionKind.ROOM_BAN, 1, room="general"), "D-1")
    book.add(sanction(SanctionKind.MUTE, 2), "D-2")
    with pytest.raises(Refused, match="room_banned"):
        book.check_join("dev-bob", 1.0, "general")
    book.check_join("dev-bob", 1.0, "musique")
    book.check_entry("dev-bob", "net-bob", 1.0)


def test_revoking_a_decision_lifts_its_sanctions_only() -> None:
    book = SanctionBook()
    book.add(sanction(SanctionKind.SITE_BAN, 1), "D-1")
    book.add(sanction(SanctionKind.MUTE, 2), "D-2")
    book.revoke_decision(1)
    book.check_entry("dev-bob", "net-bob", 1.0)
    with pytest.raises(Refused, match="muted"):
        book.check_post("dev-bob", 1.0, None)
    assert len(book) == 1


def test_the_refusal_names_the_longest_lasting_sanction() -> None:
    book = SanctionBook()
    book.add(sanction(SanctionKind.SITE_BAN, 1, expires=10.0), "D-SHORT")
    book.add(sanction(SanctionKind.SUSPENSION, 2, expires=None), "D-FOREVER")
    with pytest.raises(Refused) as refused:
        book.check_entry("dev-bob", "net-bob", 1.0)
    assert refused.value.params["decision"] == "D-FOREVER"
    assert "until" not in refused.value.params
