"""The console's pages that show things: navigation, login, queue, case, errors.

Pure rendering: each function turns values the services returned into escaped ``Markup``.
The forms that act (decisions, appeals, rooms, emergency, reports) are in
``console_forms``. Nothing here shows an IP address: the services never hand one over, and a
device or network appears only as a shortened keyed hash.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from causette.domain.accounts import Account, Role
from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    AUTHORITY_CATEGORIES,
    Case,
    CaseStatus,
    Category,
    Decision,
    Evidence,
)
from causette.services.moderation.service import CaseView
from causette.transport.console.html import (
    Markup,
    age,
    csrf_field,
    join,
    render,
    select,
    short_hash,
    table,
    when,
)
from causette.transport.console.i18n import t

STAFF = frozenset({Role.MODERATOR, Role.ADMINISTRATOR})


@dataclass(frozen=True, slots=True)
class Ctx:
    """Who is looking, in which language, and the CSRF token their forms carry."""

    lang: str
    account: Account | None = None
    csrf: str = ""
    now: float = 0.0

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)


def category_label(category: str, lang: str) -> str:
    return t("cat_" + category, lang)


def kind_label(kind: str, lang: str) -> str:
    return t("kind_" + kind, lang)


def duration_label(seconds: float | None, lang: str) -> str:
    if seconds is None:
        return t("duration_indefinite", lang)
    return age(seconds, lang)


# -- the frame -----------------------------------------------------------------------------


def nav(ctx: Ctx) -> Markup:
    account = ctx.account
    if account is None:
        return render(
            '<nav><span class="brand">{brand}</span>{langs}</nav>',
            brand=ctx.t("brand"),
            langs=lang_links(ctx),
        )
    links: list[tuple[str, str]] = []
    if account.role in STAFF:
        links += [
            ("/moderation/queue", "nav_queue"),
            ("/moderation/appeals", "nav_appeals"),
            ("/moderation/rooms", "nav_rooms"),
        ]
    if account.role is Role.ADMINISTRATOR:
        links.append(("/moderation/emergency", "nav_emergency"))
    links += [("/moderation/report", "nav_report"), ("/moderation/reports", "nav_my_reports")]
    items = join(render('<a href="{href}">{label}</a>', href=h, label=ctx.t(k)) for h, k in links)
    return render(
        '<nav><span class="brand">{brand}</span>{items}<span class="who">{who} ({role})</span>'
        '{langs}<form method="post" action="/moderation/logout" class="inline">{csrf}'
        '<button type="submit">{logout}</button></form></nav>',
        brand=ctx.t("brand"),
        items=items,
        who=account.username,
        role=ctx.t("role_" + account.role.value),
        langs=lang_links(ctx),
        csrf=csrf_field(ctx.csrf),
        logout=ctx.t("logout"),
    )


def lang_links(ctx: Ctx) -> Markup:
    other = "en" if ctx.lang == "fr" else "fr"
    return render(
        '<a class="lang" href="?lang={code}">{label}</a>', code=other, label=other.upper()
    )


def flash(ctx: Ctx, done: str | None, ref: str | None) -> Markup | None:
    """The line that confirms what a POST just did (keys only: no text from the URL)."""
    if not done or "done_" + done not in KNOWN_DONE:
        return None
    return render(
        '<p class="flash" role="status">{text}{ref}</p>',
        text=ctx.t("done_" + done),
        ref=render(" <code>{r}</code>", r=ref[:40]) if ref else Markup(""),
    )


KNOWN_DONE = frozenset(
    "done_" + k
    for k in (
        "decided",
        "rejected",
        "appeal_decided",
        "room_updated",
        "message_removed",
        "guest_actioned",
        "emergency_updated",
        "reported",
        "logged_out",
    )
)


def login_page(
    ctx: Ctx, login_token: str, error: str | None, username: str = "", action: str = ""
) -> Markup:
    body = render(
        "{error}"
        '<form method="post" action="{action}" class="login">'
        '<input type="hidden" name="login_token" value="{token}">'
        '<label>{user_label}<input name="username" autocomplete="username" required '
        'autofocus value="{username}" maxlength="32"></label>'
        '<label>{password_label}<input name="password" type="password" '
        'autocomplete="current-password" required></label>'
        '<label>{totp_label}<input name="totp" inputmode="numeric" autocomplete="one-time-code" '
        'maxlength="8" pattern="[0-9 ]*"></label>'
        '<button type="submit">{submit}</button></form>'
        '<p class="hint">{hint}</p>',
        error=render('<p class="error" role="alert">{e}</p>', e=error) if error else Markup(""),
        action=action or "/moderation/login",
        token=login_token,
        username=username,
        user_label=ctx.t("username"),
        password_label=ctx.t("password"),
        totp_label=ctx.t("totp_code"),
        submit=ctx.t("login"),
        hint=ctx.t("login_hint"),
    )
    return body


def error_body(ctx: Ctx, message: str, back: str | None) -> Markup:
    return render(
        '<p class="error" role="alert">{m}</p>{back}',
        m=message,
        back=render('<p><a href="{h}">{label}</a></p>', h=back, label=ctx.t("back"))
        if back
        else Markup(""),
    )


# -- the queue -----------------------------------------------------------------------------


def queue_rows(ctx: Ctx, cases: Sequence[tuple[Case, int]]) -> Markup:
    """The queue's rows, in the order the service gave them (priority, trusted, age)."""
    if not cases:
        return render(
            '<tbody id="queue-rows"><tr><td colspan="6" class="empty">{e}</td></tr></tbody>',
            e=ctx.t("queue_empty"),
        )
    rows = join(
        render(
            '<tr class="case p{priority}" data-href="/moderation/cases/{id}" data-id="{id}">'
            '<td><a href="/moderation/cases/{id}">{code}</a></td><td>{category}</td>'
            '<td class="num">{priority}</td><td>{trusted}</td><td title="{opened}">{age}</td>'
            '<td class="num">{reports}</td></tr>',
            id=case.id,
            code=case.code,
            category=category_label(case.category.value, ctx.lang),
            priority=case.priority,
            trusted=render('<span class="badge trusted">{t}</span>', t=ctx.t("trusted_badge"))
            if case.trusted
            else "",
            opened=when(case.created_at),
            age=age(ctx.now - case.created_at, ctx.lang),
            reports=count,
        )
        for case, count in cases
    )
    return render('<tbody id="queue-rows">{rows}</tbody>', rows=rows)


def queue_page(ctx: Ctx, cases: Sequence[tuple[Case, int]], category: str) -> Markup:
    options = [("", ctx.t("all_categories"))] + [
        (c.value, category_label(c.value, ctx.lang)) for c in Category
    ]
    return render(
        '<form method="get" action="/moderation/queue" class="filters" id="queue-filter">'
        "<label>{cat_label} {select}</label>"
        '<button type="submit">{apply}</button></form>'
        '<p class="hint">{hint}</p>'
        '<table class="queue" id="queue" data-category="{category}"><thead><tr>'
        "<th>{h_code}</th><th>{h_cat}</th><th>{h_prio}</th><th>{h_trusted}</th>"
        "<th>{h_age}</th><th>{h_reports}</th></tr></thead>{rows}</table>"
        '<p class="live" id="live-status" hidden>{live}</p>',
        cat_label=ctx.t("category"),
        select=select("category", options, category, id="category-filter"),
        apply=ctx.t("filter"),
        hint=ctx.t("queue_hint"),
        category=category,
        h_code=ctx.t("code"),
        h_cat=ctx.t("category"),
        h_prio=ctx.t("priority"),
        h_trusted=ctx.t("trusted"),
        h_age=ctx.t("age"),
        h_reports=ctx.t("reports"),
        rows=queue_rows(ctx, cases),
        live=ctx.t("live_updates"),
    )


# -- a case --------------------------------------------------------------------------------


def case_page(
    ctx: Ctx, view: CaseView, names: Mapping[int, str], actions: Markup, rooms: Sequence[str]
) -> Markup:
    case = view.case
    status = (
        ctx.t("status_open")
        if case.status is CaseStatus.OPEN
        else ctx.t("status_closed", outcome=ctx.t("outcome_" + (case.outcome or "rejected")))
    )
    head = render(
        '<dl class="facts"><dt>{l_cat}</dt><dd>{cat}</dd><dt>{l_prio}</dt><dd>{prio}</dd>'
        "<dt>{l_trusted}</dt><dd>{trusted}</dd><dt>{l_status}</dt><dd>{status}</dd>"
        "<dt>{l_opened}</dt><dd>{opened} ({ago})</dd><dt>{l_subject}</dt><dd>{subject}</dd></dl>",
        l_cat=ctx.t("category"),
        cat=category_label(case.category.value, ctx.lang),
        l_prio=ctx.t("priority"),
        prio=case.priority,
        l_trusted=ctx.t("trusted"),
        trusted=ctx.t("yes") if case.trusted else ctx.t("no"),
        l_status=ctx.t("status"),
        status=status,
        l_opened=ctx.t("opened"),
        opened=when(case.created_at),
        ago=age(ctx.now - case.created_at, ctx.lang),
        l_subject=ctx.t("subject"),
        subject=ctx.t("subject_room", room=case.subject.removeprefix("room:"))
        if case.subject.startswith("room:")
        else ctx.t("subject_person"),
    )
    # The evidence comes before the decision forms: read first, then decide.
    return render(
        "{head}"
        "<section><h2>{l_reports}</h2>{reports}</section>"
        "<section><h2>{l_evidence}</h2>{evidence}</section>"
        "<section><h2>{l_session}</h2>{session}</section>"
        "{actions}"
        "<section><h2>{l_history}</h2>{previous}{decisions}</section>"
        "<section><h2>{l_audit}</h2>{audit}</section>",
        head=head,
        actions=actions,
        l_reports=ctx.t("reports"),
        reports=reports_table(ctx, view, names),
        l_evidence=ctx.t("evidence"),
        evidence=evidence_block(ctx, view.evidence),
        l_session=ctx.t("session_data"),
        session=session_block(ctx, view),
        l_history=ctx.t("history"),
        previous=previous_cases(ctx, view.previous_cases),
        decisions=decisions_table(ctx, view.decisions, names),
        l_audit=ctx.t("audit_trail"),
        audit=audit_table(ctx, view.audit, names),
    )


def reports_table(ctx: Ctx, view: CaseView, names: Mapping[int, str]) -> Markup:
    rows = join(
        render(
            "<tr><td><code>{code}</code></td><td>{cat}</td><td>{source}</td><td>{at}</td>"
            '<td>{target}</td><td class="text">{explanation}</td><td>{contact}</td></tr>',
            code=r.code,
            cat=category_label(r.category.value, ctx.lang),
            source=ctx.t("source_" + r.source.value)
            + (f" ({names.get(r.reporter_account, '?')})" if r.reporter_account else ""),
            at=when(r.created_at),
            target=locator_text(ctx, r.locator.message_id, r.locator.user_id, r.locator.room),
            explanation=r.explanation or "—",
            contact=r.contact or "—",
        )
        for r in view.reports
    )
    keys = ("receipt", "category", "source", "date", "target", "explanation", "contact")
    return table([ctx.t(k) for k in keys], rows, "reports")


def locator_text(ctx: Ctx, message: int | None, user: str | None, room: str | None) -> str:
    parts = []
    if message is not None:
        parts.append(ctx.t("loc_message", id=message))
    if user is not None:
        parts.append(ctx.t("loc_user", id=user))
    if room is not None:
        parts.append(ctx.t("loc_room", room=room))
    return ", ".join(parts)


def evidence_block(ctx: Ctx, evidence: Sequence[Evidence]) -> Markup:
    parts = []
    for item in evidence:
        if item.kind != "conversation":
            continue
        body = item.body
        reported = body.get("reported_message")
        messages = body.get("messages") or []
        lines = join(message_line(ctx, m, m.get("id") == reported) for m in messages)
        parts.append(
            render(
                '<div class="conversation"><p class="meta">{frozen}{room}</p>'
                '<ol class="messages">{lines}</ol></div>',
                frozen=ctx.t("frozen_at", at=when(item.created_at)),
                room=(
                    " · " + ctx.t("loc_room", room=body.get("room_name") or body["room"])
                    if body.get("room")
                    else ""
                ),
                lines=lines or render('<li class="empty">{e}</li>', e=ctx.t("no_messages")),
            )
        )
    if not parts:
        return render('<p class="empty">{e}</p>', e=ctx.t("no_evidence"))
    return join(parts)


def message_line(ctx: Ctx, m: Mapping[str, Any], reported: bool) -> Markup:
    sender = m.get("from") or {}
    to = m.get("to")
    return render(
        '<li class="msg{cls}" id="m{id}"{mark}><span class="ts">{ts}</span> '
        '<span class="nick">{nick}</span> <span class="who">({age}, {dep})</span>{to} '
        '<span class="text">{text}</span>{flag}</li>',
        cls=" reported" if reported else "",
        mark=Markup(' aria-current="true"') if reported else Markup(""),
        id=m.get("id", ""),
        ts=when(m.get("ts") if isinstance(m.get("ts"), int | float) else None),
        nick=sender.get("nick", "?"),
        age=sender.get("age", "?"),
        dep=sender.get("departement", "?"),
        to=render(' → <span class="nick">{n}</span>', n=to.get("nick", "?")) if to else "",
        text=("* " if m.get("action") else "") + str(m.get("text", "")),
        flag=render(' <strong class="badge">{r}</strong>', r=ctx.t("reported_message"))
        if reported
        else "",
    )


def session_block(ctx: Ctx, view: CaseView) -> Markup:
    sessions = [e.body for e in view.evidence if e.kind == "session"]
    if not sessions:
        return render('<p class="empty">{e}</p>', e=ctx.t("no_session"))
    s = sessions[-1]
    live = view.live_guest
    return render(
        '<dl class="facts"><dt>{l_nick}</dt><dd>{nick}</dd><dt>{l_age}</dt><dd>{age}</dd>'
        "<dt>{l_gender}</dt><dd>{gender}</dd><dt>{l_dep}</dt><dd>{dep}</dd>"
        "<dt>{l_device}</dt><dd><code>{device}</code></dd>"
        "<dt>{l_network}</dt><dd><code>{network}</code></dd>"
        "<dt>{l_live}</dt><dd>{live}</dd></dl>",
        l_nick=ctx.t("nickname"),
        nick=s.get("nickname") or "—",
        l_age=ctx.t("declared_age"),
        age=s.get("declared_age", "—"),
        l_gender=ctx.t("gender"),
        gender=ctx.t("gender_" + str(s["gender"])) if s.get("gender") else "—",
        l_dep=ctx.t("departement"),
        dep=s.get("departement", "—"),
        l_device=ctx.t("device_hash"),
        device=short_hash(s.get("device_hash")),
        l_network=ctx.t("network_hash"),
        network=short_hash(s.get("network_hash")),
        l_live=ctx.t("online_now"),
        live=ctx.t("online_as", nick=live.profile.nickname, rooms=", ".join(live.rooms) or "—")
        if live is not None
        else ctx.t("no"),
    )


def previous_cases(ctx: Ctx, cases: Sequence[Case]) -> Markup:
    if not cases:
        return render('<p class="empty">{e}</p>', e=ctx.t("no_previous_cases"))
    rows = join(
        render(
            '<tr><td><a href="/moderation/cases/{id}">{code}</a></td><td>{cat}</td>'
            "<td>{opened}</td><td>{outcome}</td></tr>",
            id=c.id,
            code=c.code,
            cat=category_label(c.category.value, ctx.lang),
            opened=when(c.created_at),
            outcome=ctx.t("outcome_" + c.outcome.value) if c.outcome else ctx.t("status_open"),
        )
        for c in cases
    )
    return render(
        "<h3>{title}</h3><table><tbody>{rows}</tbody></table>",
        title=ctx.t("previous_cases"),
        rows=rows,
    )


def decisions_table(ctx: Ctx, decisions: Sequence[Decision], names: Mapping[int, str]) -> Markup:
    if not decisions:
        return render('<p class="empty">{e}</p>', e=ctx.t("no_decisions"))
    rows = join(statement_row(ctx, d, names) for d in decisions)
    return render(
        '<h3>{title}</h3><table class="decisions"><tbody>{rows}</tbody></table>',
        title=ctx.t("decisions"),
        rows=rows,
    )


def statement_row(ctx: Ctx, d: Decision, names: Mapping[int, str]) -> Markup:
    return render(
        "<tr><td><code>{code}</code> #{id}</td><td>{kind}{room}</td><td>{duration}</td>"
        '<td>{at}</td><td>{by}</td><td class="text">{facts}<br><em>{ground}</em></td>'
        "<td>{reversed}</td></tr>",
        code=d.code,
        id=d.id,
        kind=kind_label(d.kind.value, ctx.lang),
        room=f" ({d.room})" if d.room else "",
        duration=duration_label(d.duration, ctx.lang),
        at=when(d.created_at),
        by=names.get(d.moderator_account, "system") if d.moderator_account else "system",
        facts=d.facts,
        ground=d.ground,
        reversed=ctx.t("reversed_at", at=when(d.reversed_at)) if d.reversed_at else "",
    )


def audit_table(ctx: Ctx, entries: Sequence[AuditEntry], names: Mapping[int, str]) -> Markup:
    if not entries:
        return render('<p class="empty">{e}</p>', e=ctx.t("no_audit"))

    def actor(e: AuditEntry) -> str:
        if e.actor_id and e.actor_id.isdigit() and e.actor_kind in {r.value for r in Role}:
            return f"{names.get(int(e.actor_id), '#' + e.actor_id)} ({e.actor_kind})"
        return e.actor_kind

    rows = join(
        render(
            "<tr><td>{at}</td><td>{actor}</td><td>{action}</td><td>{reason}</td>"
            "<td><code>{details}</code></td></tr>",
            at=when(e.ts),
            actor=actor(e),
            action=e.action,
            reason=e.reason or "",
            details=json.dumps(dict(e.details), ensure_ascii=False, sort_keys=True)
            if e.details
            else "",
        )
        for e in entries
    )
    return render('<table class="audit"><tbody>{rows}</tbody></table>', rows=rows)


def export_form(ctx: Ctx, case: Case) -> Markup:
    """Art. 18: only for child abuse, threats to life or safety and trafficking."""
    if case.category not in AUTHORITY_CATEGORIES:
        return Markup("")
    return render(
        '<form method="post" action="/moderation/cases/{id}/export" class="export">{csrf}'
        "<p>{note}</p>"
        '<button type="submit" name="format" value="json">{json}</button> '
        '<button type="submit" name="format" value="html">{html}</button></form>',
        id=case.id,
        csrf=csrf_field(ctx.csrf),
        note=ctx.t("export_note"),
        json=ctx.t("export_json"),
        html=ctx.t("export_html"),
    )
