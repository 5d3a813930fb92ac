"""The moderation console over HTTP, against a real server: logins, lock-out, TOTP, session
timeout, CSRF and origin checks, roles, the queue, a case's evidence, decisions felt by live
visitors, appeals decided by another person, the live stream, and the ``create-user`` command.

Visitors speak the WebSocket protocol (``harness``); moderators use the console with httpx.
The person sanctioned connects from 127.0.0.2 so that a network ban does not reach the others
(127.0.0.1). No console page may show an address: ``Console`` checks every page it reads.
"""

from __future__ import annotations

import asyncio
import io
import re
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from harness import (
    OTHER_NETWORK,
    Client,
    Connector,
    Server,
    connect_from,
    entered,
    in_room,
    offender_in,
)

from causette.cli import main as cli
from causette.domain.accounts import Role
from causette.domain.models import Gender, RoomKind
from causette.domain.moderation import (
    Appellant,
    Category,
    EmergencyLevel,
    Outcome,
    SanctionKind,
    Source,
)
from causette.errors import Refused
from causette.services.accounts import totp_code

PASSWORD = "correct horse battery"
PROFILE: dict[str, Any] = {"age": 30, "gender": "man", "postal_code": "75011"}


class Console:
    """One browser on the console: its cookies, its CSRF token, every page it saw."""

    def __init__(self, server: Server) -> None:
        self.http = httpx.AsyncClient(base_url=server.base_url, follow_redirects=False)
        self.csrf = ""
        self.pages: list[str] = []

    def _seen(self, response: httpx.Response) -> httpx.Response:
        text = response.text
        self.pages.append(text)
        assert "127.0.0." not in text, "a console page shows an IP address"
        return response

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        response = self._seen(await self.http.get(path, **kwargs))
        found = re.search(r'name="csrf" value="([^"]+)"', response.text)
        if found:
            self.csrf = found[1]
        return response

    async def post(
        self, path: str, csrf: str | None = None, headers: dict[str, str] | None = None, **form: Any
    ) -> httpx.Response:
        data = {k: str(v) for k, v in form.items()}
        token = self.csrf if csrf is None else csrf
        if token:
            data["csrf"] = token
        return self._seen(await self.http.post(path, data=data, headers=headers))

    async def login(
        self, username: str, password: str = PASSWORD, code: str = ""
    ) -> httpx.Response:
        form = await self.get("/moderation/login")
        token = re.search(r'name="login_token" value="([^"]+)"', form.text)
        assert token is not None
        response = self._seen(
            await self.http.post(
                "/moderation/login",
                data={
                    "login_token": token[1],
                    "username": username,
                    "password": password,
                    "totp": code,
                },
            )
        )
        if response.status_code == 303:
            await self.get(response.headers["location"])
        return response

    async def close(self) -> None:
        await self.http.aclose()


@pytest.fixture
async def browser(server: Server) -> AsyncIterator[Any]:
    consoles: list[Console] = []

    def make() -> Console:
        console = Console(server)
        consoles.append(console)
        return console

    yield make
    for console in consoles:
        await console.close()


async def account(server: Server, name: str, role: Role = Role.MODERATOR, **kw: Any) -> str | None:
    """Create an account; returns its TOTP secret when asked for one."""
    _, secret = await server.app.accounts.create(name, PASSWORD, role, **kw)
    assert secret is None or isinstance(secret, str)
    return secret


async def logged_in(
    server: Server, browser: Any, name: str, role: Role = Role.MODERATOR
) -> Console:
    await account(server, name, role)
    console: Console = browser()
    response = await console.login(name)
    assert response.status_code == 303, response.text
    return console


async def report(reporter: Client, message_id: int, category: str = "harassment") -> Any:
    return await reporter.request(
        "report",
        target={"message": message_id},
        category=category,
        explanation="Il insulte tout le monde.",
        good_faith=True,
    )


def case_id(page: str, code: str) -> int:
    found = re.search(rf'href="/moderation/cases/(\d+)">{code}<', page)
    assert found, f"{code} not in the page"
    return int(found[1])


def error_text(page: str) -> str:
    found = re.search(r'<p class="error" role="alert">([^<]*)</p>', page)
    assert found, "no error on the page"
    return found[1]


# -- logging in ------------------------------------------------------------------------------


async def test_login_success_failure_and_logout(server: Server, browser: Any) -> None:
    await account(server, "alice")
    console: Console = browser()
    wrong = await console.login("alice", "not the password!")
    assert wrong.status_code == 401
    unknown = await console.login("nobody", PASSWORD)
    assert unknown.status_code == 401
    # Never says whether the user exists.
    assert error_text(wrong.text) == error_text(unknown.text)
    assert "causette_console=" not in wrong.headers.get("set-cookie", "")

    ok = await console.login("Alice", PASSWORD)  # usernames are case-insensitive
    assert ok.status_code == 303
    assert ok.headers["location"] == "/moderation/queue"
    cookie = ok.headers["set-cookie"]
    assert "causette_console=" in cookie
    for attribute in ("HttpOnly", "SameSite=strict", "Path=/moderation"):
        assert attribute.lower() in cookie.lower()
    queue = await console.get("/moderation/queue")
    assert queue.status_code == 200
    assert "File des signalements" in queue.text
    assert "Content-Security-Policy".lower() in queue.headers
    english = await console.get("/moderation/queue?lang=en")
    assert "Report queue" in english.text
    assert "Report queue" in (await console.get("/moderation/queue")).text  # remembered

    out = await console.post("/moderation/logout")
    assert out.status_code == 303
    again = await console.get("/moderation/queue")
    assert again.status_code == 303
    assert again.headers["location"].startswith("/moderation/login")

    audit = await server.app.moderation_store.entries(0, time.time() + 1)
    actions = [e.action for e in audit]
    assert actions.count("login_failed") == 2
    assert "login" in actions
    assert "logout" in actions
    assert PASSWORD not in repr(audit)
    assert "127.0.0." not in repr(audit)


async def test_lock_out_after_five_failures_refuses_even_the_right_password(
    server: Server, browser: Any
) -> None:
    await account(server, "bruno")
    # A short lock, so that the test can see it end (failures count for ``lockout`` seconds).
    server.app.accounts.lockout = 3.0
    console: Console = browser()
    statuses = [(await console.login("bruno", f"wrong password {n}")).status_code for n in range(5)]
    assert statuses == [401, 401, 401, 401, 423]
    locked = await console.login("bruno", PASSWORD)
    assert locked.status_code == 423
    assert "verrouillé" in error_text(locked.text)
    # Once the lock is over, the right password works again.
    await asyncio.sleep(3.1)
    assert (await console.login("bruno", PASSWORD)).status_code == 303


async def test_parallel_guesses_share_one_failure_count(server: Server) -> None:
    await account(server, "basile")
    accounts = server.app.accounts
    results = await asyncio.gather(
        *(accounts.login("basile", f"guess number {n}", "") for n in range(8)),
        return_exceptions=True,
    )
    codes = sorted(getattr(r, "code", "") for r in results)
    assert codes == ["account_locked"] * 4 + ["login_failed"] * 4
    with pytest.raises(Refused) as locked:
        await accounts.login("basile", PASSWORD, "")
    assert locked.value.code == "account_locked"


async def test_totp_is_required_and_verified(server: Server, browser: Any) -> None:
    secret = await account(server, "carla", totp=True)
    assert secret is not None
    console: Console = browser()
    missing = await console.login("carla", PASSWORD)
    assert missing.status_code == 401
    # The right password without its code answers as a wrong one would (see test_login_guard).
    bad_password = await console.login("carla", "not the password!")
    assert error_text(missing.text) == error_text(bad_password.text)
    now = time.time()
    wrong = "000000" if totp_code(secret, now) != "000000" else "111111"
    assert (await console.login("carla", PASSWORD, wrong)).status_code == 401
    ok = await console.login("carla", PASSWORD, totp_code(secret, now))
    assert ok.status_code == 303
    # A code that was used cannot be used again.
    replay: Console = browser()
    assert (await replay.login("carla", PASSWORD, totp_code(secret, now))).status_code == 401


async def test_idle_session_times_out(server: Server, browser: Any) -> None:
    console = await logged_in(server, browser, "dora")
    server.app.accounts.session_idle = 0.3
    assert (await console.get("/moderation/queue")).status_code == 200
    await asyncio.sleep(0.5)
    expired = await console.get("/moderation/queue")
    assert expired.status_code == 303
    assert "expired=1" in expired.headers["location"]
    login = await console.get(expired.headers["location"])
    assert "Session expirée" in login.text
    assert 'action="/moderation/login?next=%2Fmoderation%2Fqueue"' in login.text
    server.app.accounts.session_idle = 1800
    assert (await console.get("/moderation/queue")).status_code == 303  # deleted, not revived


# -- CSRF, origin, roles ---------------------------------------------------------------------


async def test_posts_without_the_csrf_token_or_from_elsewhere_have_no_effect(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    console = await logged_in(server, browser, "emile")
    ban: dict[str, Any] = {
        "kind": "site_ban",
        "facts": "Insultes.",
        "ground_choice": "tos_respect",
        "duration": "",
        "room": "",
    }
    target = f"/moderation/guests/{marc.me['id']}/act"
    missing = await console.post(target, csrf="", **ban)
    assert missing.status_code == 403
    assert "Jeton de sécurité" in error_text(missing.text)
    wrong = await console.post(target, csrf="forged-token", **ban)
    assert wrong.status_code == 403
    elsewhere = await console.post(target, headers={"Origin": "https://evil.example"}, **ban)
    assert elsewhere.status_code == 403
    assert "autre site" in error_text(elsewhere.text)
    for headers in (
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": server.base_url, "Sec-Fetch-Site": "same-site"},
    ):
        assert (await console.post(target, headers=headers, **ban)).status_code == 403
    as_text = await console.http.post(
        target, content=b"csrf=x", headers={"content-type": "text/plain"}
    )
    assert as_text.status_code in (400, 403)
    # None had any effect: Marc still speaks, and nothing was decided.
    await marc.say("general", "toujours là")
    await marc.no_event("sanction")
    assert not await server.app.moderation_store.decisions_of_device(
        server.app.chat.chat.state.guests[marc.me["id"]].device
    )
    # The same form with the token and from this origin works.
    # What a browser sends from a page whose referrer policy is no-referrer.
    origin = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    done = await console.post(target, headers=origin, **{**ban, "kind": "mute"})
    assert done.status_code == 303
    assert (await marc.refused("say", room="general", text="encore"))["code"] == "muted"


async def test_roles(server: Server, browser: Any, connect_client: Connector) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    flagger = await logged_in(server, browser, "asso.e-enfance", Role.TRUSTED_FLAGGER)
    assert flagger.pages[-1].count("/moderation/report") >= 1  # landed on the report form
    assert (await flagger.get("/moderation/queue")).status_code == 403
    assert (await flagger.get("/moderation/appeals")).status_code == 403
    ban = await flagger.post(
        f"/moderation/guests/{marc.me['id']}/act",
        kind="site_ban",
        facts="x",
        ground_choice="tos_respect",
    )
    assert ban.status_code == 403
    await marc.say("general", "toujours là")

    moderator = await logged_in(server, browser, "fanny")
    assert (await moderator.get("/moderation/emergency")).status_code == 403
    refused = await moderator.post("/moderation/emergency", level="close_entries", on="1")
    assert refused.status_code == 403
    assert server.app.chat.chat.emergency == set()

    admin = await logged_in(server, browser, "gaspard", Role.ADMINISTRATOR)
    page = await admin.get("/moderation/emergency")
    assert page.status_code == 200
    assert page.text.count('name="level"') == 3
    on = await admin.post("/moderation/emergency", level="close_entries", on="1")
    assert on.status_code == 303
    newcomer = await connect_client(server)
    refused_entry = await newcomer.refused("enter", nickname="Nouveau", **PROFILE)
    assert refused_entry["code"] == "entries_closed"
    assert (
        await admin.post("/moderation/emergency", level="close_entries", on="0")
    ).status_code == 303
    await newcomer.enter("Nouveau", **PROFILE)


# -- notice and action -----------------------------------------------------------------------


async def test_report_case_ban_evasion_and_appeal(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    await zoe.say("general", "bonjour tout le monde")
    said = await marc.say("general", "t'es qu'une <b>idiote</b>")
    await zoe.say("general", "arrête s'il te plaît")
    ack = await report(zoe, said["message_id"])

    moderator = await logged_in(server, browser, "helene")
    queue = await moderator.get("/moderation/queue")
    assert ack["case"] in queue.text
    rows = await moderator.get("/moderation/queue/rows")
    assert ack["case"] in rows.text
    number = case_id(queue.text, ack["case"])

    page = (await moderator.get(f"/moderation/cases/{number}")).text
    # The evidence: the reported message (escaped, highlighted) and the conversation around.
    assert "t&#39;es qu&#39;une &lt;b&gt;idiote&lt;/b&gt;" in page
    assert "<b>idiote</b>" not in page
    assert re.search(rf'<li class="msg reported" id="m{said["message_id"]}"', page)
    assert "bonjour tout le monde" in page
    assert "arrête s&#39;il te plaît" in page
    assert "Il insulte tout le monde." in page
    assert "salon Général" in page  # the room's name as it was, not its id
    # The person's session data, hashes cut short.
    guest = server.app.chat.chat.state.guests[marc.me["id"]]
    assert "Marc" in page
    assert "<dd>75</dd>" in page
    assert guest.device not in page
    assert guest.device[:12] in page
    assert guest.network not in page
    assert guest.network.removeprefix("net:")[:12] in page
    # The audit trail, as sentences.
    opened = f"Signalement {ack['receipt']} reçu (visiteur, Harcèlement) : le dossier est ouvert."
    assert opened in page
    assert "notice_received" not in page
    assert 'id="act-site_ban"' in page
    assert 'id="act-removal"' in page

    banned = await moderator.post(
        f"/moderation/cases/{number}/decide",
        kind="site_ban",
        facts="Insultes en salon.",
        ground_choice="law_harassment",
        ground_detail="récidive",
        duration="",
        bind_network="1",
        network_duration="86400",
        message_id=said["message_id"],
    )
    assert banned.status_code == 303
    code = parse_qs(urlsplit(banned.headers["location"]).query)["ref"][0]
    assert code.startswith("D-")
    sanction = await marc.next_event("sanction")
    assert sanction["decision"]["code"] == code
    assert sanction["decision"]["ground"].startswith("Code pénal art. 222-33-2-2")
    assert sanction["decision"]["ground"].endswith("récidive")
    # The statement cites the rule it applies and links to it.
    assert sanction["decision"]["article"] == 1
    assert sanction["decision"]["rules_url"] == "/regles#art-1"
    # Stored apart for the Transparency Database: the law relied on, and the precision.
    stored = await server.app.moderation_store.decision_by_code(code)
    assert stored is not None
    assert (stored.category.value, stored.ground_type.value) == ("harassment", "illegal_content")
    assert stored.ground_reference.startswith("Code pénal art. 222-33-2-2")
    assert stored.explanation == "récidive"
    # The case page shows what the database will be told, as the moderator took it.
    case_page = (await moderator.get(f"/moderation/cases/{number}")).text
    assert "Base de données DSA : Harcèlement, fondée sur la loi (contenu illicite)" in case_page
    assert "décision automatisée" not in case_page
    assert (await marc.next_event("disconnect"))["code"] == "banned"
    kinds = [f["type"] for f in marc.received()]
    assert kinds.index("sanction") < kinds.index("disconnect")
    await marc.closed()
    await zoe.next_event("message_deleted", lambda f: f["id"] == said["message_id"])
    assert ack["case"] not in (await moderator.get("/moderation/queue")).text

    # Same browser: refused with the decision; a new browser on the same network is held by
    # the network binding, without the decision.
    again = await connect_from(connect_client, server, OTHER_NETWORK, marc.device)
    refused = await again.refused("enter", nickname="Marc2", **PROFILE)
    assert (refused["code"], refused["params"]["decision"]) == ("banned", code)
    evader = await connect_from(connect_client, server, OTHER_NETWORK)
    evading = await evader.refused("enter", nickname="Marcus", **PROFILE)
    assert evading["code"] == "network_restricted"
    assert code not in str(evading)

    # Marc appeals; the moderator who banned him cannot decide it, another one can.
    filed = await again.request("appeal", code=code, text="Je n'ai insulté personne.")
    appeal_code = filed["appeal"]["code"]
    mine = await moderator.get("/moderation/appeals")
    assert appeal_code in mine.text
    assert "une autre personne doit trancher" in mine.text
    appeal_id = int(re.findall(r'id="appeal-(\d+)"', mine.text)[0])
    same = await moderator.post(
        f"/moderation/appeals/{appeal_id}", outcome="reverse", answer="Je me suis trompé."
    )
    assert same.status_code == 403
    assert "autre personne" in error_text(same.text)
    assert (await again.refused("enter", nickname="Marc2", **PROFILE))["code"] == "banned"

    other = await logged_in(server, browser, "ines")
    pending = await other.get("/moderation/appeals")
    assert appeal_code in pending.text
    assert "Insultes en salon." in pending.text  # the decision's statement
    assert f'action="/moderation/appeals/{appeal_id}"' in pending.text
    assert 'name="outcome" value="unfounded"' in pending.text  # Art. 23(2)
    reversed_ = await other.post(
        f"/moderation/appeals/{appeal_id}", outcome="reverse", answer="Propos mal compris."
    )
    assert reversed_.status_code == 303
    assert appeal_code not in (await other.get("/moderation/appeals")).text
    welcome = await again.request("enter", nickname="Marc2", **PROFILE)
    assert welcome["me"]["nick"] == "Marc2"
    status = await again.request("appeal_status", code=appeal_code)
    assert status["appeal"]["status"] == "reversed"


async def test_trusted_flagger_reports_come_first(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    luc = await entered(connect_client, server, "Luc")
    await luc.request("join", room="general")
    older = await marc.say("general", "premier message insultant")
    visitor = await report(zoe, older["message_id"])
    newer = await luc.say("general", "second message insultant")

    flagger = await logged_in(server, browser, "point.de.contact", Role.TRUSTED_FLAGGER)
    form = await flagger.get("/moderation/report")
    assert 'id="report-form"' in form.text
    filed = await flagger.post(
        "/moderation/report",
        message_id=newer["message_id"],
        user_id="",
        room="",
        category="harassment",
        explanation="Signalé par notre cellule.",
        good_faith="1",
    )
    assert filed.status_code == 303
    receipt = parse_qs(urlsplit(filed.headers["location"]).query)["ref"][0]
    mine = await flagger.get("/moderation/reports")
    assert receipt in mine.text
    assert visitor["receipt"] not in mine.text  # only their own

    moderator = await logged_in(server, browser, "jules")
    queue = (await moderator.get("/moderation/queue")).text
    trusted_case = next(c for c, _ in await server.app.moderation.cases.queue() if c.trusted)
    assert queue.index(trusted_case.code) < queue.index(visitor["case"])
    assert "confiance" in queue
    filtered = await moderator.get("/moderation/queue?category=spam")
    assert visitor["case"] not in filtered.text


async def test_live_stream_announces_new_cases(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    moderator = await logged_in(server, browser, "karim")
    said = await marc.say("general", "encore des insultes")
    async with moderator.http.stream("GET", "/moderation/events") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.aiter_lines()
        assert (await anext(lines)).startswith("retry:")
        await report(zoe, said["message_id"])
        async with asyncio.timeout(2):
            while await anext(lines) != "event: queue":
                pass
        assert '"what": "case_opened"' in await anext(lines)


async def test_rooms_page_messages_and_members(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    said = await marc.say("general", "un message à retirer")
    moderator = await logged_in(server, browser, "lea")
    rooms = await moderator.get("/moderation/rooms")
    assert 'href="/moderation/rooms/general"' in rooms.text
    room = await moderator.get("/moderation/rooms/general")
    assert "un message à retirer" in room.text
    assert f"/moderation/guests/{marc.me['id']}/act" in room.text
    removed = await moderator.post(
        f"/moderation/messages/{said['message_id']}/remove",
        facts="Message insultant.",
        ground_choice="tos_respect",
    )
    assert removed.status_code == 303
    await zoe.next_event("message_deleted", lambda f: f["id"] == said["message_id"])
    assert (
        await moderator.post("/moderation/rooms/general/control", moderated="1")
    ).status_code == 303
    assert server.app.chat.chat.state.rooms["general"].moderated
    page = await moderator.get("/moderation/rooms/general")
    assert f'name="voice" value="{marc.me["id"]}"' in page.text
    # The removed message stays visible to moderators, marked, with nothing left to remove.
    assert f'<li class="msg deleted" id="m{said["message_id"]}">' in page.text
    assert f"/moderation/messages/{said['message_id']}/remove" not in page.text
    voiced = await moderator.post("/moderation/rooms/general/control", voice=marc.me["id"])
    assert voiced.status_code == 303
    await marc.say("general", "j'ai la parole")
    assert (await zoe.refused("say", room="general", text="et moi ?"))["code"] == "room_moderated"
    kicked = await moderator.post(
        f"/moderation/guests/{marc.me['id']}/act",
        kind="kick",
        facts="Calme-toi.",
        ground_choice="tos_respect",
        room="general",
    )
    assert kicked.status_code == 303
    await zoe.next_event("left", lambda f: f["user"]["nick"] == "Marc")


async def test_authorities_export_only_for_serious_cases(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    grave = await marc.say("general", "donne-moi ton adresse, je viens te chercher")
    serious = await report(zoe, grave["message_id"], "threat")
    moderator = await logged_in(server, browser, "maud")
    queue = await moderator.get("/moderation/queue")
    number = case_id(queue.text, serious["case"])
    page = await moderator.get(f"/moderation/cases/{number}")
    assert f'action="/moderation/cases/{number}/export"' in page.text
    export = await moderator.http.post(
        f"/moderation/cases/{number}/export", data={"csrf": moderator.csrf, "format": "json"}
    )
    assert export.status_code == 200, export.text
    assert export.headers["content-disposition"].startswith("attachment;")
    assert export.headers["content-type"] == "application/json"
    assert serious["case"] in export.text
    audit = await server.app.moderation_store.entries_of_case(number)
    assert "authorities_export" in [e.action for e in audit]

    luc = await entered(connect_client, server, "Luc")
    await luc.request("join", room="general")
    spam = await luc.say("general", "achetez mes cryptos")
    minor = await report(zoe, spam["message_id"], "spam")
    queue = await moderator.get("/moderation/queue")
    other = case_id(queue.text, minor["case"])
    assert "/export" not in (await moderator.get(f"/moderation/cases/{other}")).text
    refused = await moderator.post(f"/moderation/cases/{other}/export", format="json")
    assert refused.status_code == 403


async def test_reject_as_manifestly_unfounded(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    said = await marc.say("general", "bonjour")
    ack = await report(zoe, said["message_id"])
    moderator = await logged_in(server, browser, "noe")
    number = case_id((await moderator.get("/moderation/queue")).text, ack["case"])
    empty = await moderator.post(f"/moderation/cases/{number}/reject", unfounded="1", reason="")
    assert empty.status_code == 400
    rejected = await moderator.post(
        f"/moderation/cases/{number}/reject", unfounded="1", reason="Message anodin."
    )
    assert rejected.status_code == 303
    outcome = await zoe.next_event("report_outcome")
    assert outcome["outcome"] == "unfounded"


# -- the command line ------------------------------------------------------------------------


async def test_create_user_command(
    server: Server,
    browser: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = str(server.data_dir)
    args = ["admin", "create-user", "olga.m", "--role", "administrator", "--totp"]
    monkeypatch.setenv("CAUSETTE_PASSWORD", PASSWORD)
    assert await asyncio.to_thread(cli.main, [*args, "--data-dir", folder]) == 0
    out = capsys.readouterr().out
    uri = re.search(r"otpauth://totp/\S+", out)
    assert uri is not None
    secret = parse_qs(urlsplit(uri[0]).query)["secret"][0]
    console: Console = browser()
    ok = await console.login("olga.m", PASSWORD, totp_code(secret, time.time()))
    assert ok.status_code == 303

    assert await asyncio.to_thread(cli.main, [*args, "--data-dir", folder]) == 2
    assert "exists already" in capsys.readouterr().err
    monkeypatch.setenv("CAUSETTE_PASSWORD", "short")
    other = ["admin", "create-user", "pablo", "--role", "moderator", "--data-dir", folder]
    assert await asyncio.to_thread(cli.main, other) == 2
    assert "at least 12 characters" in capsys.readouterr().err
    monkeypatch.delenv("CAUSETTE_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert await asyncio.to_thread(cli.main, other) == 2
    assert "CAUSETTE_PASSWORD" in capsys.readouterr().err
    bad = ["admin", "create-user", "x", "--role", "moderator", "--data-dir", folder]
    monkeypatch.setenv("CAUSETTE_PASSWORD", PASSWORD)
    assert await asyncio.to_thread(cli.main, bad) == 2
    assert "username" in capsys.readouterr().err


# -- the console's words ---------------------------------------------------------------------


def test_every_console_string_exists_in_both_languages() -> None:
    from pathlib import Path

    from causette.transport.console import i18n as console_i18n

    for table in (console_i18n.STRINGS, console_i18n.ERRORS):
        for key, texts in table.items():
            assert set(texts) == {"fr", "en"}, key
    from causette.transport.console.rendering import TEMPLATES_DIR

    folder = Path(console_i18n.__file__).parent
    used: set[str] = set()
    # The console's modules and templates (``t("key")`` in both).
    for path in [*folder.glob("*.py"), *TEMPLATES_DIR.glob("*.html")]:
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+)"', path.read_text("utf-8")))
    # Keys built from an enum's values ("cat_" + category) are checked value by value.
    families = {
        "cat_": Category,
        "kind_": SanctionKind,
        "role_": Role,
        "source_": Source,
        "outcome_": Outcome,
        "level_": EmergencyLevel,
        "appellant_": Appellant,
        "gender_": Gender,
        "room_": RoomKind,
    }
    for prefix, enum in families.items():
        used |= {prefix + member.value for member in enum}
    used |= {"do_" + k.value for k in SanctionKind if k is not SanctionKind.SUSPENSION}
    missing = {k for k in used if not k.endswith("_") and k not in console_i18n.STRINGS}
    assert missing == set()


def test_templates_escape_every_value() -> None:
    from markupsafe import Markup

    from causette.transport.console.rendering import Ctx, templates

    env = templates.env
    out = env.from_string('<a href="{{ h }}">{{ t }}</a>').render(h='"><script>', t="<b>&</b>")
    assert out == '<a href="&#34;&gt;&lt;script&gt;">&lt;b&gt;&amp;&lt;/b&gt;</a>'
    assert env.from_string("<p>{{ x }}</p>").render(x=Markup("<b>ok</b>")) == "<p><b>ok</b></p>"
    # A real page, with a hostile value where a refusal's message goes.
    ctx = Ctx("fr")
    page = env.get_template("error.html").render(
        ctx=ctx,
        t=ctx.t,
        title="<i>titre</i>",
        page_id="error",
        nav_links=[],
        flash_key=None,
        flash_ref="",
        message="<script>alert('x')</script>",
        back='/moderation/login" onclick="x()',
    )
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;i&gt;titre&lt;/i&gt;" in page
    assert 'href="/moderation/login&#34; onclick=&#34;x()"' in page
