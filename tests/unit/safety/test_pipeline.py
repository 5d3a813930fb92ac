"""RuleGate: what it tells the detectors, how a disclosure changes the conversation, and that
nothing it meets makes it raise."""

from __future__ import annotations

from causette.domain.departements import location_of
from causette.domain.models import Gender, Message, UserView
from causette.safety import policy
from causette.safety.context import MessageContext
from causette.safety.gate import (
    ALLOW,
    Conversation,
    Draft,
    Participant,
    Setting,
    Signal,
    VerdictKind,
    band_of,
)
from causette.safety.pipeline import RuleGate

POLICY = policy.load()


def person(name: str, age: int, **flags: bool) -> Participant:
    view = UserView(name, name.title(), age, Gender.WOMAN, location_of("75011"))
    return Participant(view, f"device-{name}", age, band_of(age), **flags)


def said(sender: Participant, text: str, n: int) -> Message:
    return Message(n, float(n), sender.user, sender.device, text)


class Recorder:
    """A detector that answers from a script and remembers what it was shown."""

    def __init__(self, answers: dict[str, tuple[Signal, ...]] | None = None) -> None:
        self.answers = answers or {}
        self.contexts: list[MessageContext] = []

    def __call__(self, text: str, context: MessageContext) -> tuple[Signal, ...]:
        self.contexts.append(context)
        return self.answers.get(text, ())


def test_the_detectors_see_ages_minors_and_the_window() -> None:
    detect = Recorder()
    gate = RuleGate(POLICY, detect)
    adult, teen = person("marc", 34), person("lea", 19, possible_minor=True)
    recent = (said(adult, "salut", 1), said(teen, "coucou", 2), said(adult, "ça va ?", 3))
    draft = Draft(adult, "tu fais quoi ?", False, 10.0, recipient=teen)
    assert gate.inspect(draft, Conversation(Setting.PRIVATE, "private:lea:marc", recent)) is ALLOW
    (context,) = detect.contexts
    assert context.setting is Setting.PRIVATE
    assert (context.sender_age, context.sender_minor) == (34, False)
    assert (context.recipient_age, context.recipient_minor) == (19, True)
    assert context.recent == ("salut", "coucou", "ça va ?")
    assert context.recent_from_sender == ("salut", "ça va ?")


def test_after_a_disclosure_the_conversation_is_minor_adult() -> None:
    disclosure = (Signal("age.disclosure", 0.95, (0, 11)),)
    secrecy = (Signal("secrecy", 0.85, (0, 14)),)
    alone = (Signal("alone.check", 0.8, (0, 10)),)
    detect = Recorder({"j'ai 14 ans": disclosure, "dis rien": secrecy, "seule ?": alone})
    gate = RuleGate(POLICY, detect)
    adult, teen = person("marc", 34), person("lea", 19)
    chat = Conversation(Setting.PRIVATE, "private:lea:marc")
    told = gate.inspect(Draft(teen, "j'ai 14 ans", False, 1.0, recipient=adult), chat)
    assert told.disclosure
    assert told.case is not None
    # The teen is a minor in this conversation from now on, for the detectors too.
    first = gate.inspect(Draft(adult, "seule ?", False, 2.0, recipient=teen), chat)
    assert detect.contexts[-1].recipient_minor is True
    assert first.case is not None
    assert first.case.priority
    assert first.kind is VerdictKind.ALLOW
    closed = gate.inspect(Draft(adult, "dis rien", False, 3.0, recipient=teen), chat)
    assert closed.kind is VerdictKind.CLOSE
    assert {"alone.check", "secrecy"} <= set(closed.rules)


def test_a_failing_detector_lets_the_message_through() -> None:
    def broken(text: str, context: MessageContext) -> tuple[Signal, ...]:
        raise RuntimeError("a detector bug")

    gate = RuleGate(POLICY, broken)
    draft = Draft(person("marc", 34), "bonjour", False, 1.0, room="general")
    assert gate.inspect(draft, Conversation(Setting.ROOM, "room:general")) is ALLOW


def test_unknown_rules_and_odd_scores_do_not_break_the_policy() -> None:
    odd = (Signal("brand.new", 7.0, (0, 1)), Signal("hate.slur", -1.0, (0, 1)))
    gate = RuleGate(POLICY, Recorder({"x": odd}))
    draft = Draft(person("marc", 34), "x", False, 1.0, room="general")
    verdict = gate.inspect(draft, Conversation(Setting.ROOM, "room:general"))
    assert verdict.kind is VerdictKind.ALLOW
