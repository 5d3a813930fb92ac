"""The console's pages and parts that act: decision forms, appeals, rooms, emergency levels,
trusted flaggers' reports.

Every form posts with the session's CSRF token. A decision form is short: the facts, a ground
chosen from the terms of service and the laws (prefilled from the case's category, with room
for precision), a duration where one applies, and the Art. 23 "manifestly illegal" box.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from causette.domain.models import Guest, Message, Room
from causette.domain.moderation import (
    Appeal,
    Case,
    CaseStatus,
    Category,
    Decision,
    EmergencyLevel,
    Report,
    SanctionKind,
)
from causette.transport.console.html import Markup, csrf_field, join, render, select, table, when
from causette.transport.console.pages import (
    Ctx,
    category_label,
    duration_label,
    kind_label,
    locator_text,
    statement_row,
)

# The grounds a moderator chooses from. The text is what the statement of reasons says
# (in French: the law relied on is French), so it is the value stored in the decision.
GROUNDS: dict[str, str] = {
    "tos_respect": "CGU : respect des autres personnes (insultes, harcèlement)",
    "tos_minors": "CGU : protection des mineurs (site réservé aux adultes, contacts avec des "
    "mineurs interdits)",
    "tos_sexual": "CGU : contenus et sollicitations sexuels non désirés",
    "tos_personal": "CGU : données personnelles d'autrui (numéro, adresse, nom)",
    "tos_spam": "CGU : spam, publicité, arnaques",
    "tos_nickname": "CGU : pseudo ou salon inapproprié",
    "law_minor_solicit": "Code pénal art. 227-22-1 (propositions sexuelles à un mineur de 15 ans "
    "par un moyen de communication électronique)",
    "law_csam": "Code pénal art. 227-23 (images pédopornographiques)",
    "law_corruption": "Code pénal art. 227-22 (corruption de mineur)",
    "law_threat": "Code pénal art. 222-17 et 222-18 (menaces)",
    "law_harassment": "Code pénal art. 222-33-2-2 (harcèlement moral, en ligne)",
    "law_pimping": "Code pénal art. 225-5 (proxénétisme) et 225-4-1 (traite des êtres humains)",
    "law_hate": "Loi du 29 juillet 1881, art. 24, 32 et 33 (provocation à la haine, "
    "diffamation et injure à raison de l'origine, la religion, le sexe, l'orientation "
    "sexuelle ou l'identité de genre)",
    "law_doxxing": "Code pénal art. 223-1-1 (divulgation d'informations permettant "
    "d'identifier ou de localiser une personne pour l'exposer à un risque)",
    "law_scam": "Code pénal art. 313-1 (escroquerie)",
}

DEFAULT_GROUND: dict[Category, str] = {
    Category.CHILD_ABUSE: "law_minor_solicit",
    Category.THREAT: "law_threat",
    Category.TRAFFICKING: "law_pimping",
    Category.HARASSMENT: "law_harassment",
    Category.HATE: "law_hate",
    Category.DOXXING: "law_doxxing",
    Category.SPAM: "tos_spam",
    Category.ILLEGAL: "tos_respect",
    Category.TERMS: "tos_respect",
}

DURATIONS: list[tuple[str, str]] = [
    ("3600", "1 h"),
    ("86400", "24 h"),
    ("604800", "7 d"),
    ("2592000", "30 d"),
    ("", "indefinite"),
]
DEFAULT_DURATION = {
    SanctionKind.MUTE: "86400",
    SanctionKind.ROOM_BAN: "604800",
    SanctionKind.SITE_BAN: "",
}
TIMED = frozenset(DEFAULT_DURATION)
ROOM_KINDS = frozenset({SanctionKind.KICK, SanctionKind.ROOM_BAN})
# The decision forms of a case, in the order shown (their ids are what shortcuts focus).
CASE_KINDS = [
    SanctionKind.WARNING,
    SanctionKind.REMOVAL,
    SanctionKind.MUTE,
    SanctionKind.KICK,
    SanctionKind.ROOM_BAN,
    SanctionKind.SITE_BAN,
]


def duration_options(ctx: Ctx) -> list[tuple[str, str]]:
    return [
        (v, ctx.t("duration_indefinite") if not v else duration_label(float(v), ctx.lang))
        for v, _ in DURATIONS
    ]


def ground_fields(ctx: Ctx, default: str) -> Markup:
    return render(
        "<label>{l_ground} {select}</label>"
        '<label>{l_detail}<input name="ground_detail" maxlength="300"></label>',
        l_ground=ctx.t("ground"),
        select=select("ground_choice", [(k, v) for k, v in GROUNDS.items()], default),
        l_detail=ctx.t("ground_detail"),
    )


@dataclass(frozen=True, slots=True)
class ActionForm:
    """Where a decision form posts and what it knows of the context."""

    action: str  # URL
    ground: str  # key of GROUNDS preselected
    room: str | None = None  # the room a kick or room ban applies to
    rooms: Sequence[str] = ()
    message_id: int | None = None  # the reported message, if any


def action_form(ctx: Ctx, form: ActionForm, kind: SanctionKind, compact: bool = False) -> Markup:
    """One decision form; ``compact`` for the rows of the rooms page."""
    parts: list[Markup] = [
        csrf_field(ctx.csrf),
        render('<input type="hidden" name="kind" value="{k}">', k=kind.value),
        render(
            '<label>{l}<textarea name="facts" required maxlength="2000" rows="{rows}">'
            "</textarea></label>",
            l=ctx.t("facts"),
            rows=1 if compact else 3,
        ),
        ground_fields(ctx, form.ground),
    ]
    if kind in TIMED:
        parts.append(
            render(
                "<label>{l} {s}</label>",
                l=ctx.t("duration"),
                s=select("duration", duration_options(ctx), DEFAULT_DURATION[kind]),
            )
        )
    if kind in ROOM_KINDS:
        rooms = list(dict.fromkeys([*([form.room] if form.room else []), *form.rooms]))
        parts.append(
            render(
                "<label>{l} {s}</label>",
                l=ctx.t("room"),
                s=select("room", [(r, r) for r in rooms], form.room or "", required="required")
                if rooms
                else render('<input name="room" required maxlength="100">'),
            )
        )
    if form.message_id is not None:
        if kind is SanctionKind.REMOVAL:
            parts.append(
                render('<input type="hidden" name="message_id" value="{m}">', m=form.message_id)
            )
        elif not compact:
            parts.append(
                render(
                    '<label class="check"><input type="checkbox" name="message_id" value="{m}">'
                    " {l}</label>",
                    m=form.message_id,
                    l=ctx.t("also_remove"),
                )
            )
    if kind is not SanctionKind.WARNING:
        parts.append(
            render(
                '<label class="check"><input type="checkbox" name="manifestly_illegal" value="1">'
                " {l}</label>",
                l=ctx.t("manifestly_illegal"),
            )
        )
    parts.append(
        render(
            '<button type="submit" class="danger-{k}">{label}</button>',
            k=kind.value,
            label=ctx.t("do_" + kind.value),
        )
    )
    return render(
        '<form method="post" action="{action}" class="action" id="act-{k}">{parts}</form>',
        action=form.action,
        k=kind.value,
        parts=join(parts),
    )


def case_actions(
    ctx: Ctx, case: Case, reports: Sequence[Report], rooms: Sequence[str], export: Markup
) -> Markup:
    """The decision and rejection forms of an open case, and the Art. 18 export."""
    if case.status is not CaseStatus.OPEN:
        return render('<section class="actions">{export}</section>', export=export)
    reported = next((r for r in reversed(reports) if r.locator.message_id is not None), None)
    room = next((r.locator.room for r in reversed(reports) if r.locator.room), None)
    form = ActionForm(
        f"/moderation/cases/{case.id}/decide",
        DEFAULT_GROUND[case.category],
        room=room,
        rooms=rooms,
        message_id=reported.locator.message_id if reported else None,
    )
    forms: list[Markup] = []
    if case.subject.startswith("device:"):
        for kind in CASE_KINDS:
            if kind is SanctionKind.REMOVAL and form.message_id is None:
                continue
            forms.append(
                render(
                    '<details id="panel-{k}"><summary>{label}</summary>{form}</details>',
                    k=kind.value,
                    label=kind_label(kind.value, ctx.lang),
                    form=action_form(ctx, form, kind),
                )
            )
    forms.append(
        render(
            '<details id="panel-reject"><summary>{label}</summary>'
            '<form method="post" action="/moderation/cases/{id}/reject" class="action" '
            'id="act-reject">{csrf}<label>{l_reason}<textarea name="reason" required '
            'maxlength="2000" rows="3"></textarea></label>'
            '<button type="submit" name="unfounded" value="0">{reject}</button> '
            '<button type="submit" name="unfounded" value="1">{unfounded}</button>'
            '<p class="hint">{hint}</p></form></details>',
            label=ctx.t("do_reject"),
            id=case.id,
            csrf=csrf_field(ctx.csrf),
            l_reason=ctx.t("reason"),
            reject=ctx.t("do_reject"),
            unfounded=ctx.t("do_reject_unfounded"),
            hint=ctx.t("unfounded_hint"),
        )
    )
    return render(
        '<section class="actions" id="actions"><h2>{title}</h2>{forms}{export}</section>',
        title=ctx.t("actions"),
        forms=join(forms),
        export=export,
    )


# -- appeals -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PendingAppeal:
    appeal: Appeal
    decision: Decision | None
    report: Report | None
    case: Case | None


def appeals_page(ctx: Ctx, pending: Sequence[PendingAppeal], names: Mapping[int, str]) -> Markup:
    if not pending:
        return render('<p class="empty">{e}</p>', e=ctx.t("no_appeals"))
    items = []
    account_id = ctx.account.id if ctx.account else None
    for p in pending:
        a = p.appeal
        if p.decision is not None:
            subject = render(
                '<table class="decisions"><tbody>{row}</tbody></table>',
                row=statement_row(ctx, p.decision, names),
            )
        elif p.report is not None:
            subject = render(
                "<p>{text}</p>",
                text=ctx.t(
                    "appeal_of_report",
                    receipt=p.report.code,
                    category=category_label(p.report.category.value, ctx.lang),
                ),
            )
        else:
            subject = Markup("")
        case_link = (
            render('<a href="/moderation/cases/{id}">{code}</a>', id=p.case.id, code=p.case.code)
            if p.case
            else ""
        )
        same = p.decision is not None and p.decision.moderator_account == account_id
        form = (
            render('<p class="hint">{t}</p>', t=ctx.t("appeal_same_moderator_hint"))
            if same
            else render(
                '<form method="post" action="/moderation/appeals/{id}" class="action">{csrf}'
                '<label>{l_answer}<textarea name="answer" required maxlength="4000" rows="3">'
                "</textarea></label>"
                '<button type="submit" name="outcome" value="reverse">{reverse}</button> '
                '<button type="submit" name="outcome" value="uphold">{uphold}</button></form>',
                id=a.id,
                csrf=csrf_field(ctx.csrf),
                l_answer=ctx.t("answer"),
                reverse=ctx.t("do_reverse"),
                uphold=ctx.t("do_uphold"),
            )
        )
        items.append(
            render(
                '<article class="appeal" id="appeal-{id}"><h2>{code}</h2>'
                '<p class="meta">{filed} · {who} · {case}</p>'
                '<blockquote class="text">{text}</blockquote>{subject}{form}</article>',
                id=a.id,
                code=a.code,
                filed=ctx.t("filed_at", at=when(a.created_at)),
                who=ctx.t("appellant_" + a.appellant.value),
                case=case_link,
                text=a.text,
                subject=subject,
                form=form,
            )
        )
    return join(items)


# -- rooms ---------------------------------------------------------------------------------


def rooms_page(ctx: Ctx, rooms: Sequence[Room]) -> Markup:
    rows = join(
        render(
            '<tr><td><a href="/moderation/rooms/{id}">{name}</a></td><td>{kind}</td>'
            '<td class="num">{count}</td><td>{moderated}</td><td>{closed}</td></tr>',
            id=r.id,
            name=r.name,
            kind=ctx.t("room_" + r.kind.value),
            count=len(r.members),
            moderated=ctx.t("yes") if r.moderated else ctx.t("no"),
            closed=ctx.t("yes") if r.closed else ctx.t("no"),
        )
        for r in rooms
    )
    return table([ctx.t(k) for k in ("room", "room_kind", "members", "moderated", "closed")], rows)


def room_page(
    ctx: Ctx, room: Room, members: Sequence[Guest], messages: Sequence[Message]
) -> Markup:
    control = render(
        '<form method="post" action="/moderation/rooms/{id}/control" class="inline">{csrf}'
        '<button type="submit" name="moderated" value="{mod_v}">{mod_l}</button> '
        '<button type="submit" name="closed" value="{close_v}">{close_l}</button></form>',
        id=room.id,
        csrf=csrf_field(ctx.csrf),
        mod_v="0" if room.moderated else "1",
        mod_l=ctx.t("unmoderate") if room.moderated else ctx.t("moderate"),
        close_v="0" if room.closed else "1",
        close_l=ctx.t("reopen") if room.closed else ctx.t("close"),
    )
    form = ActionForm("", "tos_respect", room=room.id)
    kinds = [
        (SanctionKind.MUTE, ctx.t("do_mute")),
        (SanctionKind.KICK, ctx.t("do_kick")),
        (SanctionKind.ROOM_BAN, ctx.t("do_room_ban")),
        (SanctionKind.SITE_BAN, ctx.t("do_site_ban")),
    ]
    member_rows = join(
        render(
            '<li class="member"><span class="nick">{nick}</span> ({age}, {dep}) {voice}'
            "{forms}</li>",
            nick=g.profile.nickname,
            age=g.profile.age,
            dep=g.profile.location.code,
            voice=voice_form(ctx, room, g),
            forms=join(
                render(
                    "<details><summary>{label}</summary>{form}</details>",
                    label=label,
                    form=action_form(
                        ctx,
                        ActionForm(f"/moderation/guests/{g.id}/act", form.ground, room=room.id),
                        kind,
                        compact=True,
                    ),
                )
                for kind, label in kinds
            ),
        )
        for g in members
    )
    message_rows = join(
        render(
            '<li class="msg deleted" id="m{id}"><span class="ts">{ts}</span> '
            '<span class="nick">{nick}</span> <del class="text">{text}</del> '
            '<span class="tag">{removed}</span></li>',
            id=m.id,
            ts=when(m.ts),
            nick=m.sender.nick,
            text=("* " if m.action else "") + m.text,
            removed=ctx.t("message_removed"),
        )
        if m.deleted_at is not None
        else render(
            '<li class="msg" id="m{id}"><span class="ts">{ts}</span> '
            '<span class="nick">{nick}</span> <span class="text">{text}</span>'
            "<details><summary>{delete}</summary>{form}</details></li>",
            id=m.id,
            ts=when(m.ts),
            nick=m.sender.nick,
            text=("* " if m.action else "") + m.text,
            delete=ctx.t("do_delete"),
            form=action_form(
                ctx,
                ActionForm(f"/moderation/messages/{m.id}/remove", "tos_respect"),
                SanctionKind.REMOVAL,
                compact=True,
            ),
        )
        for m in messages
    )
    return render(
        '<p class="meta">{state}</p>{control}'
        '<section><h2>{l_members}</h2><ul class="members">{members}</ul></section>'
        '<section><h2>{l_messages}</h2><ol class="messages">{messages}</ol></section>',
        state=ctx.t(
            "room_state",
            count=len(room.members),
            moderated=ctx.t("yes") if room.moderated else ctx.t("no"),
            closed=ctx.t("yes") if room.closed else ctx.t("no"),
        ),
        control=control,
        l_members=ctx.t("members"),
        members=member_rows or render('<li class="empty">{e}</li>', e=ctx.t("no_members")),
        l_messages=ctx.t("recent_messages"),
        messages=message_rows or render('<li class="empty">{e}</li>', e=ctx.t("no_messages")),
    )


def voice_form(ctx: Ctx, room: Room, guest: Guest) -> Markup:
    """In a moderated room, give or take the right to speak (it binds to the device)."""
    if not room.moderated:
        return Markup("")
    voiced = guest.device in room.voiced
    return render(
        '<form method="post" action="/moderation/rooms/{room}/control" class="inline">{csrf}'
        '<button type="submit" name="{field}" value="{guest}">{label}</button></form> ',
        room=room.id,
        csrf=csrf_field(ctx.csrf),
        field="unvoice" if voiced else "voice",
        guest=guest.id,
        label=ctx.t("unvoice") if voiced else ctx.t("voice"),
    )


# -- emergency levels ----------------------------------------------------------------------


def emergency_page(ctx: Ctx, levels: Mapping[EmergencyLevel, bool]) -> Markup:
    rows = join(
        render(
            '<tr><th>{label}<p class="hint">{hint}</p></th><td class="{cls}">{state}</td><td>'
            '<form method="post" action="/moderation/emergency" class="inline">{csrf}'
            '<input type="hidden" name="level" value="{level}">'
            '<button type="submit" name="on" value="{v}">{button}</button></form></td></tr>',
            label=ctx.t("level_" + level.value),
            hint=ctx.t("level_" + level.value + "_hint"),
            cls="on" if levels.get(level) else "off",
            state=ctx.t("on") if levels.get(level) else ctx.t("off"),
            csrf=csrf_field(ctx.csrf),
            level=level.value,
            v="0" if levels.get(level) else "1",
            button=ctx.t("turn_off") if levels.get(level) else ctx.t("turn_on"),
        )
        for level in EmergencyLevel
    )
    return render(
        '<p class="hint">{hint}</p><table class="emergency"><tbody>{rows}</tbody></table>',
        hint=ctx.t("emergency_hint"),
        rows=rows,
    )


# -- trusted flaggers ----------------------------------------------------------------------


def report_form(ctx: Ctx) -> Markup:
    categories = [(c.value, category_label(c.value, ctx.lang)) for c in Category]
    return render(
        '<p class="hint">{hint}</p>'
        '<form method="post" action="/moderation/report" class="action" id="report-form">'
        "{csrf}"
        '<label>{l_message}<input name="message_id" inputmode="numeric" pattern="[0-9]*">'
        "</label>"
        '<label>{l_user}<input name="user_id" maxlength="100"></label>'
        '<label>{l_room}<input name="room" maxlength="100"></label>'
        "<label>{l_cat} {cat}</label>"
        '<label>{l_expl}<textarea name="explanation" maxlength="2000" rows="4"></textarea>'
        "</label>"
        '<label class="check"><input type="checkbox" name="good_faith" value="1" required> '
        "{l_faith}</label>"
        '<button type="submit">{submit}</button></form>',
        hint=ctx.t("report_hint"),
        csrf=csrf_field(ctx.csrf),
        l_message=ctx.t("message_id"),
        l_user=ctx.t("user_id"),
        l_room=ctx.t("room"),
        l_cat=ctx.t("category"),
        cat=select("category", categories, Category.HARASSMENT.value),
        l_expl=ctx.t("explanation"),
        l_faith=ctx.t("good_faith"),
        submit=ctx.t("send_report"),
    )


def my_reports(ctx: Ctx, reports: Sequence[tuple[Report, Case | None]]) -> Markup:
    if not reports:
        return render('<p class="empty">{e}</p>', e=ctx.t("no_reports"))
    rows = join(
        render(
            "<tr><td><code>{code}</code></td><td>{at}</td><td>{cat}</td><td>{target}</td>"
            "<td>{status}</td></tr>",
            code=r.code,
            at=when(r.created_at),
            cat=category_label(r.category.value, ctx.lang),
            target=locator_text(ctx, r.locator.message_id, r.locator.user_id, r.locator.room),
            status=(
                ctx.t("status_open")
                if c is None or c.status is CaseStatus.OPEN
                else ctx.t("outcome_" + (c.outcome or "rejected"))
            ),
        )
        for r, c in reports
    )
    return table([ctx.t(k) for k in ("receipt", "date", "category", "target", "status")], rows)
