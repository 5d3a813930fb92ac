"""The model's review of delivered messages, wired by the composition root: a message the
rules let through and the model finds harmful opens a case of the platform's own initiative,
after delivery, with the model's rule and the words that weighed; the configuration turns it
off, points at another model or sets the threshold, and a bad value stops the start.

A small model file written by each test (a legitimate model in the shipped format), so that
what it flags does not depend on the shipped weights."""

from __future__ import annotations

from pathlib import Path

import pytest
from model_files import TRIGGER, trigger_model
from visitors import MakeApp

from causette import config
from causette.app import App
from causette.domain.moderation import Category, Source
from causette.errors import ConfigError
from causette.live.hub import Outbox
from causette.protocol import web
from causette.services.chat import Link
from causette.types import Subject


@pytest.fixture
def model(tmp_path: Path) -> str:
    return str(trigger_model(tmp_path / "model.json.gz"))


async def enter(app: App, nick: str, n: int) -> tuple[Link, str]:
    link = Link(f"192.0.2.{n}", f"device-{nick}", Outbox(web.CODEC, 1_000_000))
    app.chat.sessions.admit(link)
    entered = await app.chat.sessions.enter(link, nick, 30, "woman", "75011")
    await app.chat.people.set_privacy(link, "everyone")
    return link, entered.guest.id


async def test_a_delivered_message_the_model_flags_opens_a_case(
    make_app: MakeApp, model: str
) -> None:
    app = await make_app(model_file=model)
    zoe, _ = await enter(app, "Zoe", 1)
    _, marc_id = await enter(app, "Marc", 2)
    text = f"rejoignez les {TRIGGER} maintenant"
    message = await app.chat.messages.say(zoe, text, None, marc_id, False)
    assert message.held_at is None  # delivered: the model never holds
    review = app.chat.messages.review
    assert review is not None
    await review.drain()

    (case,) = await app.moderation_store.cases_of_subject(str(Subject.device("device-Zoe")))
    assert case.category is Category.SPAM
    view = await app.moderation.cases.case_view(case.id)
    (report,) = view.reports
    assert report.source is Source.AUTOMATED
    assert report.automated_rule == "model.spam"
    assert report.locator.message_id == message.id
    assert f"« {TRIGGER} »" in report.explanation
    assert [s["text"] for s in view.detections_of(message.id)] == [TRIGGER]

    # The same harm again in the same conversation adds no case and no report.
    await app.chat.messages.say(zoe, f"{TRIGGER} !", None, marc_id, False)
    await review.drain()
    (again,) = await app.moderation_store.cases_of_subject(str(Subject.device("device-Zoe")))
    assert len((await app.moderation.cases.case_view(again.id)).reports) == 1


async def test_ordinary_messages_open_nothing(make_app: MakeApp, model: str) -> None:
    app = await make_app(model_file=model)
    zoe, _ = await enter(app, "Zoe", 1)
    _, marc_id = await enter(app, "Marc", 2)
    await app.chat.messages.say(zoe, "salut, bonne soirée", None, marc_id, False)
    assert app.chat.messages.review is not None
    await app.chat.messages.review.drain()
    assert await app.moderation_store.open_cases() == []
    assert app.chat.messages.review.scored == 1


async def test_the_operator_sets_the_threshold_or_turns_the_model_off(
    make_app: MakeApp, model: str
) -> None:
    strict = await make_app(model_file=model, model_threshold=0.999)
    assert strict.chat.messages.review is not None
    assert strict.chat.messages.review.threshold == 0.999
    zoe, _ = await enter(strict, "Zoe", 1)
    _, marc_id = await enter(strict, "Marc", 2)
    await strict.chat.messages.say(zoe, TRIGGER, None, marc_id, False)
    await strict.chat.messages.review.drain()
    assert await strict.moderation_store.open_cases() == []
    assert (await make_app(model=False)).chat.messages.review is None
    assert (await make_app(enabled=False)).chat.messages.review is None
    shipped = await make_app(model_file="")
    assert shipped.chat.messages.review is not None
    assert len(shipped.chat.messages.review.model) > 1000


def test_a_bad_model_setting_stops_the_start_naming_the_key(tmp_path: Path) -> None:
    base = {"server": {"data_dir": str(tmp_path)}}
    with pytest.raises(ConfigError) as caught:
        App(config.parse({**base, "safety": {"model_file": str(tmp_path / "none.gz")}}))
    assert caught.value.params["key"] == "safety.model_file"
    assert "none.gz" in caught.value.params["problem"]
    bad_values = (
        {"model_threshold": 1.5},
        {"model_threshold": "high"},
        {"model_file": 3},
        {"model_workers": 9},
        {"model_workers": -1},
    )
    for bad in bad_values:
        with pytest.raises(ConfigError) as caught:
            config.parse({**base, "safety": bad})
        assert caught.value.params["key"] == f"safety.{next(iter(bad))}"
    with pytest.raises(ConfigError, match="config_invalid"):
        config.parse({**base, "safety": {"model": "yes"}})
