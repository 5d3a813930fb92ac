"""``causette admin ...`` end to end: a data folder seeded through the real stores, the command
run through ``causette.cli.main``, its files and audit entries read back."""

from __future__ import annotations

import asyncio
import json
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

from causette.cli.main import main
from causette.domain.audit import AuditEntry
from causette.domain.models import Gender, Privacy
from causette.domain.moderation import Decision, SanctionKind, Source
from causette.store.chat import StoredGuest
from causette.store.connections import ConnectionRecord
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.connections import SqliteConnectionLog, load_connection_key
from causette.store.sqlite.moderation import SqliteModerationStore

T = TypeVar("T")
H = 3600.0
D = 24 * H
JAN = 1_704_067_200.0  # 2024-01-01T00:00:00Z
FEB = 1_706_745_600.0  # 2024-02-01T00:00:00Z


def guest(gid: str, nickname: str, device: str, created: float) -> StoredGuest:
    return StoredGuest(
        id=gid,
        token_hash=f"hash-{gid}",
        device=device,
        nickname=nickname,
        age=41,
        gender=Gender.MAN,
        postal_code="13001",
        privacy=Privacy.EVERYONE,
        lang="fr",
        rooms=("general",),
        privates=(),
        created_at=created,
        last_seen=created,
    )


def decision(created_at: float, facts: str, source: Source) -> Decision:
    return Decision(
        0,
        f"D-CODE{created_at:.0f}",
        None,
        SanctionKind.MUTE,
        None,
        3600.0,
        facts,
        "CGU art. 4",
        source,
        False,
        False,
        1,
        "Loup",
        created_at,
    )


async def seed(data: Path) -> None:
    chat = SqliteStore(data / "causette.sqlite3")
    connections = SqliteConnectionLog(
        data / "connections.sqlite3", load_connection_key(data / "connection.key")
    )
    await chat.open()
    await connections.open()
    try:
        mod = SqliteModerationStore(chat)
        for g, ended in [
            (guest("g1", "Loup", "dev-loup", JAN + 9 * D), JAN + 9 * D + H),
            (guest("g2", "loup", "dev-other", FEB + 40 * D), None),  # the name, later
            (guest("g3", "Lea", "dev-lea", JAN + 9 * D), JAN + 9 * D + 2 * H),
        ]:
            await chat.save_guest(g)
            if ended is not None:
                await chat.end_guest(g.id, ended)
        await connections.record(
            [
                ConnectionRecord(1, "g1", "203.0.113.9", 40000, "web", JAN + 9 * D + 60),
                ConnectionRecord(2, "g3", "198.51.100.7", 40100, "web", JAN + 9 * D + 90),
                ConnectionRecord(3, "g1", "203.0.113.9", 40002, "web", JAN + 9 * D + 120),
                ConnectionRecord(9, "g1", "203.0.113.9", 40009, "web", FEB + 5),  # after
            ]
        )
        for e in [
            AuditEntry(0, JAN + D, "visitor", None, "notice_received", 1, None, "hate", "visitor"),
            AuditEntry(
                0,
                JAN + D + 60,
                "automated",
                None,
                "notice_received",
                2,
                None,
                "spam",
                "automated",
                automated=True,
            ),
            AuditEntry(
                0,
                JAN + D + 2 * H,
                "moderator",
                "1",
                "restriction_applied",
                1,
                1,
                "hate",
                "visitor",
                details={"kind": "mute", "notice_at": JAN + D},
            ),
            AuditEntry(
                0,
                FEB + 60,
                "system",
                None,
                "activity_summary",
                details={"month": "2024-01", "active_visitors": 42},
            ),
        ]:
            await mod.append(e)
        await mod.add_decision(
            decision(JAN + D + 2 * H, "Insultes ; Loup donne son 06 12 34 56 78.", Source.VISITOR),
            "dev-loup",
        )
        await mod.add_decision(decision(JAN + 3 * D, "Spam répété.", Source.MODERATOR), "dev-loup")
        await mod.add_decision(decision(FEB + D, "Hors période.", Source.MODERATOR), "dev-loup")
    finally:
        await connections.close()
        await chat.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    asyncio.run(seed(folder))
    return folder


def with_moderation(data: Path, read: Callable[[SqliteModerationStore], Awaitable[T]]) -> T:
    async def run() -> T:
        chat = SqliteStore(data / "causette.sqlite3")
        await chat.open()
        try:
            return await read(SqliteModerationStore(chat))
        finally:
            await chat.close()

    return asyncio.run(run())


def audit(data: Path) -> list[AuditEntry]:
    return with_moderation(data, lambda mod: mod.entries(0, 4e9))


def admin(data: Path, *args: str) -> int:
    return main(["admin", args[0], "--data-dir", str(data), *args[1:]])


def test_transparency_report_writes_json_and_html(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reports"
    assert (
        admin(
            data,
            "transparency-report",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
            "--out",
            str(out),
        )
        == 0
    )
    json_path = out / "transparency-2024-01-01-2024-01-31.json"
    html_path = out / "transparency-2024-01-01-2024-01-31.html"
    printed = capsys.readouterr().out.split()
    assert printed[:2] == [str(json_path), str(html_path)]
    # One CSV per sheet of the Commission's template, named after it.
    assert printed[2:] == [
        str(out / f"transparency-2024-01-01-2024-01-31-{name}.csv")
        for name in json.loads(json_path.read_text("utf-8"))["template"]
    ]
    assert len(printed[2:]) == 10
    report = json.loads(json_path.read_text("utf-8"))
    assert report["period"]["start"] == "2024-01-01T00:00:00Z"
    assert report["period"]["end"] == "2024-02-01T00:00:00Z"  # --to is included
    # The automated detection is own initiative: one Art. 16 notice.
    assert report["notices"]["total"] == 1
    assert report["notices"]["by_source"] == {"visitor": 1, "trusted_flagger": 0}
    assert report["restrictions"]["by_kind"]["mute"] == 1
    assert report["time_to_action_hours"]["median"] == 2.0
    assert report["active_visitors"]["average"] == 42.0
    page = html_path.read_text("utf-8")
    assert "Rapport de transparence" in page
    assert ">42</td>" in page


def test_statements_export_one_json_per_line(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "statements.jsonl"
    assert (
        admin(data, "statements", "--from", "2024-01-01", "--to", "2024-01-31", "--out", str(out))
        == 0
    )
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [s["id"] for s in lines] == [1, 2]
    assert lines[0]["facts"] == "Insultes ; [pseudo] donne son [téléphone]."
    assert lines[0]["source"] == "notice"
    assert lines[1]["source"] == "own_initiative"
    assert "Loup" not in out.read_text("utf-8")
    assert "D-CODE" not in out.read_text("utf-8")


def test_export_requisition_writes_the_answer_and_audits_it(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "requisition.json"
    before = len(audit(data))
    assert (
        admin(
            data,
            "export-requisition",
            "--nickname",
            "LOUP",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
            "--reference",
            "PV 2024/123",
            "--requested-by",
            "OPJ, commissariat de Marseille",
            "--out",
            str(out),
        )
        == 0
    )
    export = json.loads(out.read_text("utf-8"))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert export["reference"] == "PV 2024/123"
    assert export["requested_by"] == "OPJ, commissariat de Marseille"
    assert export["sessions"] == [
        {
            "session": "g1",
            "nickname": "Loup",
            "declared_age": 41,
            "postal_code": "13001",
            "started_at": "2024-01-10T00:00:00Z",
            "ended_at": "2024-01-10T01:00:00Z",
            "device_hash": "dev-loup",
        }
    ]
    assert [
        (c["message_id"], c["ip"], c["port"], c["protocol"], c["time"])
        for c in export["connections"]
    ] == [
        (1, "203.0.113.9", 40000, "web", "2024-01-10T00:01:00Z"),
        (3, "203.0.113.9", 40002, "web", "2024-01-10T00:02:00Z"),
    ]
    entries = audit(data)
    assert len(entries) == before + 1
    logged = entries[-1]
    assert logged.action == "requisition_export"
    assert logged.details["reference"] == "PV 2024/123"
    assert logged.details["sessions"] == 1
    assert logged.details["connections"] == 2
    assert "loup" not in json.dumps(dict(logged.details)).lower()
    assert "203.0.113.9" not in json.dumps(dict(logged.details))


def test_export_requisition_by_session_id(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "requisition.json"
    assert (
        admin(
            data,
            "export-requisition",
            "--guest",
            "g3",
            "--from",
            "2024-01-10",
            "--to",
            "2024-01-10",
            "--reference",
            "PV-2",
            "--requested-by",
            "Parquet",
            "--out",
            str(out),
        )
        == 0
    )
    export = json.loads(out.read_text("utf-8"))
    assert [s["nickname"] for s in export["sessions"]] == ["Lea"]
    assert [c["ip"] for c in export["connections"]] == ["198.51.100.7"]


def expect_refusal(capsys: pytest.CaptureFixture[str], status: int, words: str) -> None:
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("causette: ")
    assert words in err


def test_an_unknown_nickname_writes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "requisition.json"
    before = audit(data)
    status = admin(
        data,
        "export-requisition",
        "--nickname",
        "personne",
        "--from",
        "2024-01-01",
        "--to",
        "2024-01-31",
        "--reference",
        "PV-3",
        "--requested-by",
        "OPJ",
        "--out",
        str(out),
    )
    expect_refusal(capsys, status, "no session matches that nickname")
    assert not out.exists()
    assert audit(data) == before


@pytest.mark.parametrize(
    ("dates", "words"),
    [
        (["--from", "2024-02-30", "--to", "2024-03-01"], "--from: not a date"),
        (["--from", "2024-01-01", "--to", "31/01/2024"], "--to: not a date"),
        (["--from", "2024-02-01", "--to", "2024-01-01"], "is before --from"),
    ],
)
def test_bad_dates_write_nothing(
    data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    dates: list[str],
    words: str,
) -> None:
    out = tmp_path / "out"
    expect_refusal(capsys, admin(data, "transparency-report", *dates, "--out", str(out)), words)
    assert not out.exists()
    status = admin(data, "statements", *dates, "--out", str(out))
    expect_refusal(capsys, status, words)
    status = admin(
        data,
        "export-requisition",
        "--nickname",
        "Loup",
        *dates,
        "--reference",
        "R",
        "--requested-by",
        "OPJ",
        "--out",
        str(out),
    )
    expect_refusal(capsys, status, words)
    assert not out.exists()
    assert all(e.action != "requisition_export" for e in audit(data))


def test_a_missing_data_folder_is_named_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = tmp_path / "nowhere"
    status = admin(
        nowhere,
        "statements",
        "--from",
        "2024-01-01",
        "--to",
        "2024-01-31",
        "--out",
        str(tmp_path / "s.jsonl"),
    )
    expect_refusal(capsys, status, f"{nowhere / 'causette.sqlite3'}: not found")
    assert not nowhere.exists()
    assert not (tmp_path / "s.jsonl").exists()


def test_a_missing_connection_key_is_not_replaced(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data / "connection.key").unlink()
    out = tmp_path / "r.json"
    status = admin(
        data,
        "export-requisition",
        "--nickname",
        "Loup",
        "--from",
        "2024-01-01",
        "--to",
        "2024-01-31",
        "--reference",
        "R",
        "--requested-by",
        "OPJ",
        "--out",
        str(out),
    )
    expect_refusal(capsys, status, "connection.key: not found")
    assert not (data / "connection.key").exists()
    assert not out.exists()


def test_an_output_folder_that_does_not_exist_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "s.jsonl"
    status = admin(
        data, "statements", "--from", "2024-01-01", "--to", "2024-01-31", "--out", str(out)
    )
    expect_refusal(capsys, status, "does not exist")


def test_record_activity(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert admin(data, "record-activity", "--month", "2024-01") == 0
    assert "2024-01: 2 active visitors" in capsys.readouterr().out
    last = audit(data)[-1]
    assert (last.action, last.actor_kind) == ("activity_summary", "system")
    assert last.details == {"month": "2024-01", "active_visitors": 2}

    expect_refusal(capsys, admin(data, "record-activity", "--month", "2024-13"), "not a month")
    expect_refusal(capsys, admin(data, "record-activity", "--month", "2999-01"), "not over")
    assert audit(data)[-1] == last
