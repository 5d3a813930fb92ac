"""On a demo history made by ``causette admin seed-demo`` (the real services on a fake clock):
the statements in the Transparency Database's format pass its rules, are sent once to a local
server that applies the same rules, and the transparency report's CSV tables, JSON and HTML
agree with each other and with the audit log."""

from __future__ import annotations

import asyncio
import csv
import html
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from causette import config
from causette.app import with_overrides
from causette.cli import dsa
from causette.cli.main import main
from causette.domain.audit import AuditEntry
from causette.domain.moderation import Decision
from causette.reports import dsa_rules
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.moderation import SqliteModerationStore

FROM, TO = "2025-09-01", "2025-12-31"
TOKEN = "X|demo-token-123"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo") / "data"
    assert main(["admin", "seed-demo", "--data-dir", str(data), "--start", FROM]) == 0
    return data


def stored(data: Path) -> tuple[list[AuditEntry], list[Decision], dict[int, str]]:
    async def read() -> tuple[list[AuditEntry], list[Decision], dict[int, str]]:
        chat = SqliteStore(data / "causette.sqlite3")
        await chat.open()
        try:
            mod = SqliteModerationStore(chat)
            return (
                await mod.entries(0, 4e9),
                await mod.decisions_between(0, 4e9),
                await mod.submissions(),
            )
        finally:
            await chat.close()

    return asyncio.run(read())


def export(data: Path, out: Path, *extra: str) -> int:
    args = ["--data-dir", str(data), "--format", "dsa-tdb", "--from", FROM, "--to", TO]
    return main(["admin", "statements", *args, "--out", str(out), *extra])


def copy_of(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo folder: the other tests keep an unsent history."""
    data = tmp_path / "data"
    data.mkdir()
    for item in demo.iterdir():
        (data / item.name).write_bytes(item.read_bytes())
    return data


def test_seed_demo_refuses_a_folder_in_use(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.name for p in demo.iterdir())
    assert main(["admin", "seed-demo", "--data-dir", str(demo)]) == 2
    assert "empty" in capsys.readouterr().err
    assert sorted(p.name for p in demo.iterdir()) == before


def test_the_demo_history_has_every_kind_of_decision_made_by_the_services(demo: Path) -> None:
    entries, decisions, _ = stored(demo)
    kinds = {d.kind.value for d in decisions}
    assert kinds == {"warning", "removal", "mute", "kick", "room_ban", "site_ban", "suspension"}
    actions = {e.action for e in entries}
    assert {
        "account_created",
        "notice_received",
        "restriction_applied",
        "case_closed",
        "appeal_filed",
        "appeal_decided",
        "misuse_warning",
        "misuse_suspension",
        "authorities_export",
        "requisition_export",
        "authority_order",
        "activity_summary",
    } <= actions
    sources = {e.source for e in entries if e.action == "notice_received"}
    assert sources == {"visitor", "trusted_flagger", "automated"}
    outcomes = {e.details["outcome"] for e in entries if e.action == "appeal_decided"}
    assert outcomes == {"upheld", "reversed"}
    days = {round(e.ts // 86400) for e in entries if e.action == "restriction_applied"}
    assert max(days) - min(days) >= 21  # spread over weeks


def test_every_statement_passes_the_databases_rules(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "sor.json"
    assert export(demo, out) == 0
    body = json.loads(out.read_text("utf-8"))
    assert dsa_rules.batch_errors(body) == {}
    statements = body["statements"]
    _, decisions, _ = stored(demo)
    restricting = [d for d in decisions if d.kind.value != "warning"]
    # A warning restricts nothing: it is no statement for the database.
    assert [s["puid"] for s in statements] == [f"causette-{d.id}" for d in restricting]
    for statement in statements:
        assert dsa_rules.errors(statement) == {}
        assert re.fullmatch(r"[A-Za-z0-9_-]+", statement["puid"])
    text = out.read_text("utf-8")
    # No personal data: nicknames, the phone number, decision codes.
    for secret in ("Farid", "Hugo", "06 12 34 56 78", *(d.code for d in decisions)):
        assert secret not in text
    by_puid = {s["puid"]: s for s in statements}
    by_kind = {d.kind.value: by_puid[f"causette-{d.id}"] for d in restricting}
    # The automated detection's case: own initiative, detected by automated means.
    grooming = next(s for s in statements if s["category"].endswith("PROTECTION_OF_MINORS"))
    assert (grooming["source_type"], grooming["automated_detection"]) == (
        "SOURCE_VOLUNTARY",
        "Yes",
    )
    assert grooming["category_specification"] == ["KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS"]
    assert grooming["decision_ground"] == "DECISION_GROUND_ILLEGAL_CONTENT"
    assert grooming["decision_provision"] == "DECISION_PROVISION_TOTAL_TERMINATION"
    # The Art. 23 suspension: decided by the policy alone, on the terms, for 7 days.
    suspension = by_kind["suspension"]
    assert suspension["automated_decision"] == "AUTOMATED_DECISION_FULLY"
    assert suspension["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert suspension["decision_provision"] == "DECISION_PROVISION_TOTAL_SUSPENSION"
    assert suspension["end_date_service_restriction"] > suspension["application_date"]
    assert by_kind["removal"]["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_REMOVED"]
    assert by_kind["kick"]["decision_provision"] == "DECISION_PROVISION_PARTIAL_SUSPENSION"
    sources = {s["source_type"] for s in statements}
    assert sources == {"SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_VOLUNTARY"}


class Database:
    """A local stand-in for the database's batch endpoint, applying ``dsa_rules`` and its
    token and puid rules, on a random port; ``fail_first`` answers 503 that many times."""

    def __init__(self, fail_first: int = 0) -> None:
        self.puids: list[str] = []
        self.calls = 0
        self.fail_first = fail_first
        database = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                database.calls += 1
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self.answer(401, {"message": "Unauthenticated."})
                if database.fail_first > 0:
                    database.fail_first -= 1
                    return self.answer(503, {"message": "Service Unavailable"})
                payload = json.loads(body)
                errors = dsa_rules.batch_errors(payload)
                for i, s in enumerate(payload.get("statements", [])):
                    if s.get("puid") in database.puids:  # unique within the platform
                        errors.setdefault(f"statement_{i}", {})["puid"] = ["already exists"]
                if errors:
                    return self.answer(422, {"message": "invalid", "errors": errors})
                database.puids += [s["puid"] for s in payload["statements"]]
                self.answer(201, {"statements": payload["statements"]})

            def answer(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/statements"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture
def database() -> Iterator[Database]:
    db = Database()
    db.thread.start()
    yield db
    db.server.shutdown()
    db.server.server_close()


def dsa_config(tmp_path: Path, url: str, submit: bool = True) -> Path:
    path = tmp_path / "causette.toml"
    path.write_text(
        f'[dsa]\nsubmit = {"true" if submit else "false"}\nendpoint = "{url}"\n'
        f'token = "{TOKEN}"\nbatch_size = 5\n',
        "utf-8",
    )
    return path


def test_statements_are_sent_in_batches_once_each(
    demo: Path, tmp_path: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_of(demo, tmp_path)
    cfg = dsa_config(tmp_path, database.url)
    out = tmp_path / "sor.json"
    assert export(data, out, "--config", str(cfg), "--submit") == 0
    statements = json.loads(out.read_text("utf-8"))["statements"]
    assert sorted(database.puids) == sorted(s["puid"] for s in statements)
    assert database.calls == -(-len(statements) // 5)  # batches of 5
    _, _, sent = stored(data)
    assert sorted(sent.values()) == sorted(database.puids)
    assert f"sent {len(statements)}, already sent 0" in capsys.readouterr().out
    # Again: nothing is sent twice.
    assert export(data, out, "--config", str(cfg), "--submit") == 0
    assert f"sent 0, already sent {len(statements)}" in capsys.readouterr().out
    assert len(database.puids) == len(statements)


def test_submission_is_off_by_default_and_needs_the_dsa_format(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sor.json"
    assert export(demo, out, "--submit") == 2
    assert "submission is off" in capsys.readouterr().err
    assert stored(demo)[2] == {}
    jsonl = ["admin", "statements", "--data-dir", str(demo), "--from", FROM, "--to", TO]
    assert main([*jsonl, "--out", str(tmp_path / "s.jsonl"), "--submit"]) == 2
    assert "--format dsa-tdb" in capsys.readouterr().err


async def test_a_failing_database_is_retried_with_backoff(
    demo: Path, tmp_path: Path, database: Database
) -> None:
    database.fail_first = 2
    settings = config.load(dsa_config(tmp_path, database.url))
    data = copy_of(demo, tmp_path)
    settings = with_overrides(settings, None, None, data)
    statements = await dsa.tdb_export(settings, 0, 4e9)
    waits: list[float] = []
    outcome = await dsa.tdb_submit(settings, statements, sleep=waits.append)
    assert waits == [2.0, 4.0]  # two 503s, then accepted
    assert len(outcome.sent) == len(statements)
    # The database refusing a statement (its puid exists already) is reported, not recorded.
    database.puids.clear()
    database.puids.append(statements[0]["puid"])

    async def forget() -> None:
        chat = SqliteStore(data / "causette.sqlite3")
        await chat.open()
        await chat.write("DELETE FROM dsa_submission")
        await chat.close()

    await forget()
    refused = await dsa.tdb_submit(settings, statements[:3], sleep=waits.append)
    assert refused.sent == []
    assert "batch_0" in refused.refused


# -- the transparency report ----------------------------------------------------------------


def test_csv_json_and_html_agree_with_each_other_and_with_the_audit_log(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report"
    args = ["admin", "transparency-report", "--data-dir", str(demo), "--from", FROM]
    assert main([*args, "--to", TO, "--out", str(out)]) == 0
    paths = [Path(p) for p in capsys.readouterr().out.split()]
    report = json.loads(paths[0].read_text("utf-8"))
    page = paths[1].read_text("utf-8")
    template = report["template"]
    assert len(paths[2:]) == len(template) == 10
    for path, (name, sheet) in zip(paths[2:], template.items(), strict=True):
        assert path.name.endswith(f"-{name}.csv")
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0] == sheet["columns"]
        as_text = [["" if v is None else str(v) for v in row] for row in sheet["rows"]]
        assert rows[1:] == as_text
        # The page shows the same table, cell for cell.
        table = re.search(rf'<table class="sheet" data-sheet="{name}">(.*?)</table>', page, re.S)
        assert table, name
        cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", table[1], re.S)]
        assert cells == [c for row in as_text for c in row]

    entries, _, _ = stored(demo)

    def column(sheet: str, name: str) -> int:
        s = template[sheet]
        i = s["columns"].index(name)
        return sum(int(row[i] or 0) for row in s["rows"])

    notices = [e for e in entries if e.action == "notice_received" and e.source != "automated"]
    restrictions = [e for e in entries if e.action == "restriction_applied"]
    restricting = [
        e for e in restrictions if e.details.get("visibility") or e.details.get("provision")
    ]
    own = [e for e in restricting if e.source in ("moderator", "automated")]
    assert column("03_notices", "notices_all") == report["notices"]["total"] == len(notices)
    assert column("03_notices", "notices_trusted_flaggers") == sum(
        1 for e in notices if e.source == "trusted_flagger"
    )
    assert column("04_own_initiative", "measures") == len(own)
    assert column("04_own_initiative", "decided_solely_by_automated_means") == sum(
        1 for e in own if e.details["automated_decision"]
    )
    assert column("05_complaints", "received") == sum(
        1 for e in entries if e.action == "appeal_filed"
    )
    assert column("05_complaints", "decision_reversed") == 1
    assert column("05_complaints", "omitted_not_decided_in_period") == 1
    assert column("05_complaints", "manifestly_unfounded") == 1
    misuse = {(e.action, e.details["kind"]) for e in entries if e.action.startswith("misuse_")}
    assert column("07_suspensions", "suspensions") == sum(
        1 for e in entries if e.action == "misuse_suspension"
    )
    assert ("misuse_suspension", "unfounded_report") in misuse
    assert column("02_orders", "orders") == 1
    automated = dict(template["08_automated_means"]["rows"])
    # Three cases the script files as the detection's, and the live gate's last scene: a number
    # in a room, a link flood, a disclosure (the adult it names joins their open case).
    assert automated["cases_opened_by_automated_detection"] == 6
    assert automated["of_which_reviewed"] == 2  # the others are left in the queue
    assert automated["of_which_confirmed_by_a_moderator"] == 1
    assert report["automation"]["decisions_automated"] == sum(
        1 for e in restrictions if e.details["automated_decision"]
    )
    assert report["automation"]["decisions_automated"] >= 3  # warnings and the suspension
    months = template["10_active_recipients"]["rows"]
    assert months[0] == ["2025-09", 10]


def test_the_operators_texts_and_the_safety_evaluation_fill_their_sheets(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluation = tmp_path / "evaluation.json"
    evaluation.write_text(
        json.dumps(
            {"precision": 0.93, "recall": 0.81, "categories": {"grooming": {"recall": 0.9}}}
        ),
        "utf-8",
    )
    cfg = tmp_path / "causette.toml"
    cfg.write_text(
        '[dsa]\nprovider = "Association Causette"\ntraining = "Deux jours, puis un suivi."\n'
        f'evaluation_file = "{evaluation}"\n',
        "utf-8",
    )
    out = tmp_path / "report"
    args = ["admin", "transparency-report", "--data-dir", str(demo), "--config", str(cfg)]
    assert main([*args, "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(out)]) == 0
    json_path = Path(capsys.readouterr().out.split()[0])
    template = json.loads(json_path.read_text("utf-8"))["template"]
    identification = dict(template["01_identification"]["rows"])
    assert identification["provider"] == "Association Causette"
    assert identification["reporting_frequency"] == "annual"
    automated = dict(template["08_automated_means"]["rows"])
    assert (automated["evaluation_precision"], automated["evaluation_recall"]) == (0.93, 0.81)
    assert automated["evaluation_recall_grooming"] == 0.9
    assert dict(template["09_human_resources"]["rows"])["training_and_support"] == (
        "Deux jours, puis un suivi."
    )
    evaluation.write_text("not json", "utf-8")
    assert main([*args, "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(out)]) == 2
    assert "evaluation_file" in capsys.readouterr().err


def test_the_demo_names_only_rules_the_detectors_have(demo: Path) -> None:
    """Its automated cases, scripted or from the live gate, name what the detectors raise and
    the policy's actions that opened them, nothing made up."""
    import sqlite3

    import causette.safety.detectors as detectors
    from causette.safety import policy
    from causette.safety.review import CATEGORY, rule_of

    documented = set(re.findall(r"``([a-z_]+(?:\.[a-z_]+)?)``", detectors.__doc__ or ""))
    documented |= {action.name for action in policy.load().actions}
    documented |= {rule_of(label) for label in CATEGORY}  # the model's review
    with sqlite3.connect(data_file := demo / "causette.sqlite3") as db:
        named = [
            row[0]
            for row in db.execute(
                "SELECT automated_rule FROM report WHERE automated_rule IS NOT NULL"
            )
        ]
    assert data_file.exists()
    rules = {rule for text in named for rule in text.split(",")}
    assert len(named) >= 5  # the three scripted scenes and the live gate's
    assert "photo.request" in rules
    assert "doxx.request" in rules
    assert rules <= documented, rules - documented
