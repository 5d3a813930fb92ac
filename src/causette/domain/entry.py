"""The entry form's rules: a declared profile, the minimum age and its cooling period.

Age is sticky (SAFETY.md 2): a device refused for age, or a device that declares an age other
than the one it declared within the cooling period, may not retry before it ends. Its network
(a family, a school, a carrier's NAT share one) is blocked only for a short window; after it,
a new device from that network is admitted as a possible minor (a risk signal, not a block).
"""

from __future__ import annotations

from dataclasses import dataclass

from causette.domain.departements import location_of
from causette.domain.models import Gender, Profile
from causette.errors import InvalidInput, Refused

AGE_MIN_VALID = 1
AGE_MAX_VALID = 120


def parse_age(raw: object) -> int:
    """A declared age: a whole number, given as a number or as decimal digits."""
    if isinstance(raw, bool):
        raise InvalidInput("age_invalid", field="age")
    if isinstance(raw, str) and raw.strip().isdecimal():
        raw = int(raw.strip())
    if not isinstance(raw, int) or not AGE_MIN_VALID <= raw <= AGE_MAX_VALID:
        raise InvalidInput("age_invalid", field="age")
    return raw


def parse_gender(raw: object) -> Gender:
    if not isinstance(raw, str):
        raise InvalidInput("gender_invalid", field="gender")
    try:
        return Gender(raw)
    except ValueError:
        raise InvalidInput("gender_invalid", field="gender") from None


def parse_profile(nickname: str, age: object, gender: object, postal_code: object) -> Profile:
    """Check the declared fields other than the nickname's availability."""
    if not isinstance(postal_code, str):
        raise InvalidInput("postal_code_invalid", field="postal_code")
    location = location_of(postal_code)
    code = postal_code.strip() if location.code != "etranger" else "etranger"
    return Profile(nickname, parse_age(age), parse_gender(gender), code, location)


@dataclass(frozen=True, slots=True)
class AgeGate:
    """What is known about a device and network when it asks to enter."""

    blocked_until: float | None  # the device was refused for age
    previous_age: int | None
    previous_at: float | None
    network_blocked_until: float | None = None  # a device of its network was, moments ago


def check_age(age: int, min_age: int, gate: AgeGate, now: float, cooldown: float) -> None:
    """Raise unless ``age`` may enter now. The caller records the block on refusal."""
    if gate.blocked_until is not None and gate.blocked_until > now:
        raise Refused("age_cooldown", field="age", until=gate.blocked_until)
    if gate.network_blocked_until is not None and gate.network_blocked_until > now:
        raise Refused("age_network_cooldown", field="age", until=gate.network_blocked_until)
    if age < min_age:
        raise Refused("age_below_minimum", field="age", min=min_age, until=now + cooldown)
    if (
        gate.previous_age is not None
        and gate.previous_at is not None
        and gate.previous_age != age
        and now - gate.previous_at < cooldown
    ):
        # Not a ban: the age this device declared holds until then (``declared`` says which).
        raise Refused(
            "age_cooldown",
            field="age",
            declared=gate.previous_age,
            until=gate.previous_at + cooldown,
        )
