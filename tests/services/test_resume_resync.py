"""A resume that missed more than one replay carries: told to resynchronise, never silently
cut short."""

from __future__ import annotations

import pytest
from visitors import MakeSite, received

from causette.services import sessions


async def test_past_the_replay_limit_the_client_is_told_to_resync(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sessions, "RESUME_MAX", 5)
    site = await make_site({"limits": {"burst": 100, "rate_per_second": 100}})
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.drop(zoe)
    for n in range(8):
        await site.say(marc, "general", f"m{n}")
    _, resumed = await site.resume(zoe, 0)
    assert resumed.resync
    assert resumed.missed == []
    (general,) = resumed.joined
    assert [m.text for m in general.history] == [f"m{n}" for n in range(8)]


async def test_within_the_limit_every_missed_message_is_replayed(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sessions, "RESUME_MAX", 5)
    site = await make_site()
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.drop(zoe)
    for n in range(5):
        await site.say(marc, "general", f"m{n}")
    again, resumed = await site.resume(zoe, 0)
    assert not resumed.resync
    assert [m.text for m in resumed.missed] == [f"m{n}" for n in range(5)]
    assert [f["text"] for f in await received(again) if f.get("type") == "message"] == [
        f"m{n}" for n in range(5)
    ]
