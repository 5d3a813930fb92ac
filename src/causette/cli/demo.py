"""``causette admin seed-demo``: a realistic history in an empty data folder, to try the console,
take screenshots for the docs and produce a transparency report and statements.

Everything goes through the real services, as the server would run them, on a clock that
moves only when told to (six weeks pass in seconds): visitors enter and talk in rooms and in
private, report each other (every category), a trusted flagger reports, moderators decide
through the console's own form reader (removal, mute, kick, room ban, site ban, rejection,
manifestly unfounded), the misuse policy warns and suspends (Art. 23), automated detection
opens cases, appeals are upheld and reversed, an Art. 18 package and a legal requisition are
exported, an authority's order is recorded and monthly active visitors are counted. No row is
written by hand. The people are invented; their addresses are documentation ranges.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from causette.app import App, gates_of
from causette.config import Settings
from causette.domain.accounts import Account, Role
from causette.domain.audit import AuditEntry
from causette.domain.moderation import Decision, Locator, Source
from causette.errors import CausetteError, Refused
from causette.live.hub import Outbox
from causette.protocol import web
from causette.reports.requisition import export_requisition
from causette.reports.transparency import month_bounds, record_activity
from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import AllowAll, Setting
from causette.services.chat import Link
from causette.transport.console.handlers import action_of
from causette.types import FakeClock

H = 3600.0
DAY = 24 * H
WEEKS = 6

PEOPLE = [  # nickname, age, gender, postal code
    ("Alice", 32, "woman", "75011"),
    ("Bruno", 45, "man", "69003"),
    ("Chloe", 27, "woman", "13001"),
    ("David", 38, "man", "33000"),
    ("Emma", 29, "woman", "59000"),
    ("Farid", 41, "man", "31000"),
    ("Gaelle", 35, "woman", "44000"),
    ("Hugo", 52, "man", "67000"),
    ("Ines", 24, "woman", "34000"),
    ("Jules", 30, "man", "35000"),
]
SMALL_TALK = [
    "Salut tout le monde !",
    "Quelqu'un a vu le match hier soir ?",
    "Il fait beau à {city} aujourd'hui",
    "Je cherche une bonne série à regarder",
    "Bonne soirée à tous",
    "Quelqu'un joue à des jeux de société ?",
]


@dataclass(frozen=True, slots=True)
class Demo:
    """What the seeding made: the accounts' passwords and a few counts."""

    passwords: dict[str, str]
    decisions: int
    start: float
    end: float


class DemoError(Exception):
    """The folder is not empty, or the start is not a date."""


def check_empty(data_dir: Path) -> None:
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise DemoError(f"--data-dir {data_dir}: must be an empty or new folder")
    if not data_dir.exists() and not data_dir.parent.is_dir():
        raise DemoError(f"--data-dir: folder {data_dir.parent} does not exist")


class Seeder:
    def __init__(self, app: App, clock: FakeClock) -> None:
        self.app, self.clock = app, clock
        self.links: dict[str, Link] = {}
        self.ids: dict[str, str] = {}
        self.accounts: dict[str, Account] = {}
        self.decisions: list[Decision] = []
        self._n = 0

    async def later(self, hours: float) -> None:
        self.clock.advance(hours * H)
        await self.app.chat.chat.settle()
        for link in self.links.values():  # nobody reads: keep the outboxes from filling up
            if link.outbox.frames:
                await link.outbox.take()

    async def enter(self, nick: str, age: int, gender: str, postal: str) -> None:
        self._n += 1
        link = Link(
            ip=f"198.51.100.{self._n}",
            device=f"demo-device-{self._n}-{secrets.token_hex(4)}",
            outbox=Outbox(web.CODEC, self.app.settings.limits.outbox_max_bytes),
        )
        sessions = self.app.chat.sessions
        sessions.admit(link)
        entered = await sessions.enter(link, nick, age, gender, postal)
        self.links[nick], self.ids[nick] = link, entered.guest.id
        for room in ("general", "25-40") if 25 <= age <= 40 else ("general",):
            await self.app.chat.rooms.join(link, room)

    async def say(self, nick: str, text: str, room: str = "general") -> int:
        message = await self.app.chat.messages.say(self.links[nick], text, room, None, False)
        await self.later(0.1)
        return message.id

    async def tell(self, nick: str, to: str, text: str) -> int:
        link = self.links[nick]
        message = await self.app.chat.messages.say(link, text, None, self.ids[to], False)
        await self.later(0.1)
        return message.id

    async def report(self, by: str, message: int, category: str, why: str) -> tuple[str, int]:
        report, case = await self.app.moderation.cases.report_from(
            self.links[by], Locator(message_id=message), category, why, None, True
        )
        return report.code, case.id

    async def detected(
        self, message: int, text: str, context: MessageContext, category: str, why: str
    ) -> int:
        """A case as automated detection files it, naming the rules that fire on ``text``."""
        _, case = await self.app.moderation.cases.report(
            Locator(message_id=message),
            category,
            f"Détection automatique : {why}",
            None,
            True,
            Source.AUTOMATED,
            automated_rule=detected(text, context),
        )
        return case.id

    async def decide(self, who: str, case: int, message: int, **form: str) -> Decision:
        """A decision as the console's form states it; the reported message goes with a
        removal, or when the form ticks "remove it too"."""
        remove = form.pop("remove_message", "") == "1" or form["kind"] == "removal"
        decision = await self.app.moderation.decisions.decide(
            self.accounts[who], case, action_of(form), message if remove else None
        )
        self.decisions.append(decision)
        await self.later(1)
        return decision

    async def days(self, count: int) -> None:
        """Ordinary days: some talk each day, then the night."""
        for _ in range(count):
            day = int(self.clock.wall() // DAY)
            await self.chatter(day)
            await self.later(24 - 0.1 * len(self.links))

    async def chatter(self, day: int) -> None:
        """Ordinary talk from whoever may still talk (the banned and the muted may not)."""
        for i, (nick, _, _, postal) in enumerate(PEOPLE):
            if nick in self.links and (day + i) % 3 == 0:
                text = SMALL_TALK[(day + i) % len(SMALL_TALK)].format(city=postal[:2])
                with contextlib.suppress(CausetteError):
                    await self.say(nick, text)


async def _accounts(app: App) -> tuple[dict[str, Account], dict[str, str]]:
    accounts, passwords = {}, {}
    for name, role in (
        ("demo.modo", Role.MODERATOR),
        ("demo.modo2", Role.MODERATOR),
        ("demo.signaleur", Role.TRUSTED_FLAGGER),
    ):
        password = secrets.token_urlsafe(12)
        account, _ = await app.accounts.create(name, password, role)
        accounts[name], passwords[name] = account, password
    return accounts, passwords


async def _history(s: Seeder) -> None:
    mod = s.app.moderation
    for nick, age, gender, postal in PEOPLE[:8]:
        await s.enter(nick, age, gender, postal)
        await s.later(0.2)
    await s.chatter(0)
    # Week 1: harassment (mute), spam (removal), grooming found by automated detection
    # (site ban, Art. 18 package, requisition).
    insult = await s.say("Bruno", "Alice t'es vraiment une idiote, personne veut de toi ici")
    _, case = await s.report("Alice", insult, "harassment", "Il m'insulte depuis ce matin")
    await s.later(2)
    mute = await s.decide(
        "demo.modo",
        case,
        insult,
        kind="mute",
        duration="86400",
        facts="Insultes répétées envers une autre personne du salon.",
        ground_choice="law_harassment",
    )
    spam = await s.say("David", "Gagnez 500 euros par jour, cliquez sur gain-facile.example")
    _, case = await s.report("Chloe", spam, "spam", "Publicité")
    await s.later(5)
    removal = await s.decide(
        "demo.modo",
        case,
        spam,
        kind="removal",
        facts="Message publicitaire renvoyant vers un site d'argent facile.",
        ground_choice="tos_spam",
    )
    probe = "tu as quel âge en vrai ? envoie une photo de toi"
    grooming = await s.tell("Farid", "Emma", probe)
    auto_case = await s.detected(
        grooming,
        probe,
        MessageContext(Setting.PRIVATE, 41, False, 19, False),
        "child_abuse",
        "question sur l'âge et demande de photo",
    )
    await s.later(1)
    await mod.cases.record_export(s.accounts["demo.modo"], auto_case, "authorities")
    await s.decide(
        "demo.modo",
        auto_case,
        grooming,
        kind="site_ban",
        facts="Sollicitation d'une personne se présentant comme mineure, demande de photo.",
        ground_choice="law_minor_solicit",
        manifestly_illegal="1",
    )
    app = s.app
    await export_requisition(
        app.store,
        app.connections,
        app.moderation_store,
        "Farid",
        None,
        s.clock.wall() - 7 * DAY,
        s.clock.wall(),
        "Brigade de protection des mineurs",
        "PV-DEMO-2025-001",
        actor="demo",
        at=s.clock.wall(),
    )
    await app.moderation_store.append(
        AuditEntry(
            0,
            s.clock.wall(),
            "system",
            "demo",
            "authority_order",
            category="child_abuse",
            reason="ORD-DEMO-1",
            details={
                "article": "10",
                "authority": "Parquet de Paris",
                "member_state": "FR",
                "received_at": s.clock.wall() - 20 * H,
                "acknowledged_at": s.clock.wall() - 18 * H,
                "effect_at": s.clock.wall(),
            },
        )
    )
    await s.days(6)
    # Week 2: hate reported by the trusted flagger (room ban, a strike), hate again (mute, a
    # second strike: the misuse policy's warning), unfounded reports (warning, suspension).
    await s.chatter(8)
    hate = await s.say("Hugo", "Les gens comme eux devraient tous dégager du pays", "general")
    _, found = await mod.cases.report_from_account(
        s.accounts["demo.signaleur"], Locator(message_id=hate), "hate", "Propos haineux", True
    )
    case_h = found.id
    await s.later(3)
    await s.decide(
        "demo.modo",
        case_h,
        hate,
        kind="mute",
        duration="3600",
        facts="Propos appelant à l'exclusion d'un groupe en raison de son origine.",
        ground_choice="law_hate",
        manifestly_illegal="1",
        remove_message="1",
    )
    await s.days(2)
    hate2 = await s.say("Hugo", "Toujours les mêmes qui posent problème, on sait qui")
    _, case_h2 = await s.report("Alice", hate2, "hate", "Il recommence")
    await s.later(4)
    await s.decide(
        "demo.modo2",
        case_h2,
        hate2,
        kind="room_ban",
        room="general",
        duration="604800",
        facts="Nouveaux propos visant un groupe en raison de son origine.",
        ground_choice="law_hate",
        manifestly_illegal="1",
    )
    hello = await s.say("Gaelle", "Coucou, qui veut parler cinéma ?")
    for n in range(3):
        _, case_u = await s.report("Emma", hello, "terms", "Elle m'énerve")
        await s.later(6)
        await mod.decisions.reject(
            s.accounts["demo.modo"], case_u, True, "Aucun manquement : message anodin."
        )
        await s.later(DAY / H + n)
    await s.days(5)
    # Week 3: own initiative from the rooms page (kick, room ban, removal of a phone number),
    # a rejection, a threat (site ban for 30 days).
    for nick, age, gender, postal in PEOPLE[8:]:
        await s.enter(nick, age, gender, postal)
    await s.chatter(15)
    guest = s.ids["Jules"]
    kick = action_of(
        {"kind": "kick", "room": "general", "facts": "Flood du salon.", "ground_choice": "tos_spam"}
    )
    s.decisions.append(await mod.decisions.act_on_guest(s.accounts["demo.modo"], guest, kick))
    ban = action_of(
        {
            "kind": "room_ban",
            "room": "25-40",
            "duration": "86400",
            "facts": "Pseudo injurieux affiché dans le salon.",
            "ground_choice": "tos_nickname",
        }
    )
    s.decisions.append(await mod.decisions.act_on_guest(s.accounts["demo.modo2"], guest, ban))
    phone = await s.say("Chloe", "Appelle Ines au 06 12 34 56 78, elle habite rue des Lilas")
    removal_own = action_of(
        {
            "kind": "removal",
            "facts": "Numéro de téléphone et adresse d'une autre personne.",
            "ground_choice": "tos_personal",
        }
    )
    s.decisions.append(
        await mod.decisions.act_on_message(s.accounts["demo.modo"], phone, removal_own)
    )
    await s.days(1)
    rude = await s.say("Chloe", "Franchement ce salon est nul ce soir")
    alice_receipt, case_r = await s.report("Alice", rude, "terms", "Elle critique le salon")
    await s.later(10)
    await mod.decisions.reject(s.accounts["demo.modo2"], case_r, False, "Une opinion, permise.")
    threat = await s.tell("David", "Chloe", "Je sais où tu travailles, je t'attendrai à la sortie")
    _, case_t = await s.report("Chloe", threat, "threat", "Il me menace")
    await s.later(1)
    await s.decide(
        "demo.modo",
        case_t,
        threat,
        kind="site_ban",
        duration="2592000",
        facts="Menace de s'en prendre physiquement à une personne.",
        ground_choice="law_threat",
    )
    # Week 4: appeals (upheld, reversed, manifestly unfounded; a reporter's), trafficking
    # reported by the trusted flagger, doxxing, and an automated false positive.
    await s.days(5)
    appeals = mod.appeals
    a1 = await appeals.appeal(mute.code, "Je ne faisais que plaisanter avec elle.")
    a2 = await appeals.appeal(removal.code, "C'était un vrai bon plan, pas une arnaque.")
    a3 = await appeals.appeal(alice_receipt, "Ses messages me gênent vraiment.")
    await s.later(20)
    modo2, modo1 = s.accounts["demo.modo2"], s.accounts["demo.modo"]
    await appeals.decide_appeal(modo2, a1.id, False, "Les insultes sont établies.")
    await appeals.decide_appeal(modo2, a2.id, True, "Le site existe et n'est pas frauduleux.")
    await appeals.decide_appeal(modo1, a3.id, False, "Critiquer un salon est permis.")
    made = await app.moderation_store.decisions_between(0, 4e9)
    suspensions = [d for d in made if d.kind.value == "suspension"]
    if suspensions:
        a4 = await appeals.appeal(suspensions[0].code, "Je n'ai rien fait, c'est injuste !!!")
        await s.later(5)
        await appeals.decide_appeal(
            modo1, a4.id, False, "Trois signalements sans fondement.", unfounded=True
        )
    await s.days(4)
    await s.chatter(25)
    ad = await s.say("Ines", "Massages privés, rencontres tarifées, écrivez-moi en privé")
    _, found = await mod.cases.report_from_account(
        s.accounts["demo.signaleur"], Locator(message_id=ad), "trafficking", "Prostitution", True
    )
    case_p = found.id
    await s.later(2)
    await s.decide(
        "demo.modo",
        case_p,
        ad,
        kind="site_ban",
        facts="Offre de services sexuels tarifés.",
        ground_choice="law_pimping",
    )
    dox = await s.say("Gaelle", "Hugo habite au 12 rue Victor Hugo à Strasbourg, allez le voir")
    _, case_d = await s.report("Alice", dox, "doxxing", "Elle donne son adresse")
    await s.later(1)
    await s.decide(
        "demo.modo2",
        case_d,
        dox,
        kind="mute",
        duration="604800",
        facts="Adresse d'une personne publiée pour qu'on aille la trouver.",
        ground_choice="law_doxxing",
        remove_message="1",
    )
    # A word reclaimed by the people it targets: the rules cannot tell, a moderator can.
    proud = "Les pd on vous aime ici, fiers et visibles"
    joke = await s.say("Alice", proud)
    case_f = await s.detected(joke, proud, ROOM, "hate", "lexique injurieux")
    await s.later(3)
    await mod.decisions.reject(
        modo1, case_f, False, "Faux positif : mot réapproprié, propos bienveillant."
    )
    await s.days(9)
    # Left for the console to try: open cases of each origin and an appeal to decide.
    rude = await s.say("Chloe", "Alice tu racontes n'importe quoi, tais-toi")
    await s.report("Alice", rude, "harassment", "Elle me parle mal depuis ce matin")
    promo = await s.say("Bruno", "Promo sur mon compte, tout est à moitié prix, écrivez-moi")
    await mod.cases.report_from_account(
        s.accounts["demo.signaleur"], Locator(message_id=promo), "spam", "Publicité", True
    )
    address = "Gaëlle Morin habite 14 rue des Lilas à Nantes, allez lui dire ce que vous pensez"
    where = await s.say("Alice", address)
    await s.detected(
        where, address, ROOM, "doxxing", "adresse d'une personne nommée, appel à aller la trouver"
    )
    room_ban = next(d for d in s.decisions if d.kind.value == "room_ban" and d.case_id)
    await appeals.appeal(room_ban.code, "Je donnais juste mon avis, ce n'était pas haineux.")
    await s.later(2)


ROOM = MessageContext(Setting.ROOM, 30, False)


def detected(text: str, context: MessageContext) -> str:
    """The rule ids the detectors raise on ``text``, as an automated case names them: the
    scripted weeks predate the gate, but what they show of it must be what it does."""
    rules = ",".join(signal.rule for signal in detect(text, context))
    if not rules:
        raise RuntimeError(f"the demo's detection scene no longer fires: {text!r}")
    return rules


async def _protection(s: Seeder) -> None:
    """The automatic protection at work, through the live gate and the shipped policy: a
    number given out in a room (held), a link flood (refused, with a short automated mute),
    and a visitor declared adult who says they are 14 in private (the conversation closes and
    a priority case names the adult)."""
    await s.enter("Kevin", 36, "man", "69003")
    await s.enter("Lola", 19, "woman", "69007")
    await s.enter("Spammeur", 30, "other", "13001")
    await s.say("Kevin", "Je vends mon vélo, appelez-moi au 06 45 78 12 90")
    for _ in range(3):
        with contextlib.suppress(Refused):
            await s.say(
                "Spammeur",
                "Gagne 500 € par jour : https://gain.example/a https://gain.example/b "
                "https://gain.example/c https://gain.example/d",
            )
    await s.tell("Kevin", "Lola", "salut, tu fais quoi de beau ?")
    await s.tell("Lola", "Kevin", "je révise, j'ai 14 ans en vrai et j'ai le brevet blanc demain")
    await s.later(1)


async def seed(settings: Settings, start: float) -> Demo:
    """Fill ``settings.server.data_dir`` (empty) with the demo history from ``start``."""
    clock = FakeClock(wall=start + 9 * H)
    # The scripted weeks are the moderators' own work; the automatic protection (the rules
    # and the model's review) joins for the last scene (``_protection``), so that what it
    # does is what they do.
    app = App(settings, gate=AllowAll(), clock=clock)
    review, app.chat.messages.review = app.chat.messages.review, None
    await app.store.open()
    await app.connections.open()
    await app.bus.start()
    await app.chat.start()
    await app.moderation.start()
    try:
        accounts, passwords = await _accounts(app)
        seeder = Seeder(app, clock)
        seeder.accounts = accounts
        await _history(seeder)
        if settings.safety.enabled:
            app.chat.messages.gate = gates_of(settings)()
            app.chat.messages.review = review
            await _protection(seeder)
        # Monthly active visitors of every month the history covers, counted once it ends.
        first = datetime.fromtimestamp(start, UTC)
        year, month = first.year, first.month
        while True:
            begin, end = month_bounds(year, month)
            if end > clock.wall():
                break
            await record_activity(
                app.store, app.moderation_store, begin, end, f"{year:04d}-{month:02d}", at=end
            )
            year, month = (year + month // 12, month % 12 + 1)
        # Everyone leaves: a server started on this folder finds no session left open.
        for link in seeder.links.values():
            with contextlib.suppress(CausetteError):
                await app.chat.sessions.quit(link)
        made = await app.moderation_store.decisions_between(0, 4e9)
        return Demo(passwords, len(made), start, clock.wall())
    finally:
        await app.chat.chat.settle()
        await app.chat.stop()
        await app.bus.stop()
        await app.connections.close()
        await app.store.close()
