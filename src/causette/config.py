"""Typed settings, loaded once at start-up and passed explicitly.

The defaults live in ``causette/defaults/config.toml``; an operator's file overrides them key by
key (a ``[[rooms]]`` list replaces the default rooms). Every value is checked here, so a bad
file stops the server at start-up with a message naming the key, never later.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from causette import i18n
from causette.domain.names import room_key, room_slug, validate_room_name, validate_topic
from causette.errors import ConfigError, InvalidInput


@dataclass(frozen=True, slots=True)
class RoomSpec:
    """An operator's room, as declared in the configuration."""

    name: str
    topic: str
    band: str = "adult"  # "teen" or "adult": who may see and join it (SAFETY.md 1)


@dataclass(frozen=True, slots=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8080
    data_dir: Path = Path("data")
    lang: str = "fr"


@dataclass(frozen=True, slots=True)
class EntrySettings:
    min_age: int = 18
    adult_age: int = 18  # with min_age below it, the site has a teen band
    age_cooldown_hours: float = 24.0
    network_age_block_minutes: float = 10.0
    reserved_names: tuple[str, ...] = ()
    forbidden_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LimitSettings:
    message_max: int = 500
    rooms_max: int = 10
    connections_per_ip: int = 8
    burst: int = 8
    rate_per_second: float = 1.0
    requests_burst: int = 30
    requests_per_second: float = 5.0
    strikes_to_disconnect: int = 10
    strike_window_seconds: float = 30.0
    user_rooms_max: int = 200
    outbox_max_bytes: int = 1_048_576
    network_burst: int = 60
    network_rate_per_second: float = 10.0
    entries_per_minute: int = 6
    network_entries_per_minute: int = 30
    reports_burst: int = 5
    reports_per_minute: float = 1.0
    network_reports_burst: int = 10
    network_reports_per_minute: float = 3.0
    grace_sessions_per_network: int = 10
    send_timeout_seconds: float = 5.0
    send_buffer_bytes: int = 262_144
    kick_ban_seconds: float = 300.0


@dataclass(frozen=True, slots=True)
class HistorySettings:
    count: int = 50
    max_age_hours: float = 24.0
    retention_hours: float = 24.0


@dataclass(frozen=True, slots=True)
class SessionSettings:
    grace_seconds: float = 60.0
    idle_timeout_seconds: float = 90.0


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    """How long personal data is kept (LCEN art. 6, décret 2021-1362; SAFETY.md 20, 21)."""

    connection_days: int = 365  # IP address, port, protocol and time of each message
    session_days: int = 365  # nickname, declared age, postal code, after the session ends
    evidence_hold_days: int = 365  # case evidence, after the case closes (legal hold)
    connection_key_file: Path = Path("connection.key")  # relative to server.data_dir


@dataclass(frozen=True, slots=True)
class ModerationSettings:
    """Evidence frozen by a report and the misuse policy (DSA Art. 23)."""

    evidence_before: int = 20  # messages kept before a reported one
    evidence_after: int = 20  # and after it
    misuse_window_days: int = 90
    misuse_warn_after: int = 2
    misuse_suspend_after: int = 3
    misuse_suspension_days: int = 7
    automated_mute_max_minutes: float = 60.0  # the longest mute automation may decide


@dataclass(frozen=True, slots=True)
class OperatorSettings:
    """Who runs the site, as the legal notice, the privacy policy and the terms name them
    (LCEN art. 6 III; RGPD art. 13). The defaults say what to fill in."""

    name: str = "Nom de l'exploitant (à renseigner)"
    address: str = "Adresse de l'exploitant (à renseigner)"
    email: str = "contact@example.org"
    host_name: str = "Nom de l'hébergeur (à renseigner)"
    host_address: str = "Adresse de l'hébergeur (à renseigner)"
    moderation_contact: str = "moderation@example.org"
    dpo_contact: str = ""  # a data protection officer, if there is one


DSA_ENDPOINT = "https://transparency.dsa.ec.europa.eu/api/v1/statements"
EEA = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO"


@dataclass(frozen=True, slots=True)
class DsaSettings:
    """The DSA Transparency Database (Art. 24(5)) and the transparency report (Art. 15)."""

    submit: bool = False  # send statements to the database's API (off: export only)
    endpoint: str = DSA_ENDPOINT
    token: str = ""  # the API token the database gave the operator
    batch_size: int = 100
    puid_prefix: str = "causette"
    territorial_scope: tuple[str, ...] = tuple(EEA.split())
    provider: str = ""  # the provider's name, as registered
    service: str = "causette"
    training: str = ""  # moderators' training and support (report, Art. 15(1)(c))
    automated_means: str = ""  # what the automatic detection does (report)
    evaluation_file: Path | None = None  # the safety evaluation's precision and recall (JSON)


@dataclass(frozen=True, slots=True)
class SafetySettings:
    """The automatic protection (docs/safety.md): on by default, with the shipped policy."""

    enabled: bool = True
    policy: Path | None = None  # an operator's policy file, laid over the shipped one
    model: bool = True  # the model's review of delivered messages (safety/review.py)
    model_file: Path | None = None  # another model than the shipped one
    model_threshold: float | None = None  # None: the model file's own
    model_workers: int = 1  # processes that score; 0: in the chat's own process


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the server reads from its configuration."""

    server: ServerSettings = field(default_factory=ServerSettings)
    entry: EntrySettings = field(default_factory=EntrySettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    history: HistorySettings = field(default_factory=HistorySettings)
    session: SessionSettings = field(default_factory=SessionSettings)
    rooms: tuple[RoomSpec, ...] = ()
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    moderation: ModerationSettings = field(default_factory=ModerationSettings)
    operator: OperatorSettings = field(default_factory=OperatorSettings)
    dsa: DsaSettings = field(default_factory=DsaSettings)
    safety: SafetySettings = field(default_factory=SafetySettings)


def _fail(key: str, problem: str) -> ConfigError:
    return ConfigError("config_invalid", key=key, problem=problem)


class _Section:
    """Reads typed values from one TOML table, remembering which keys were consumed."""

    def __init__(self, name: str, table: Any) -> None:
        if not isinstance(table, dict):
            raise _fail(name, "must be a table")
        self.name = name
        self.table: dict[str, Any] = table
        self.used: set[str] = set()

    def _get(self, key: str) -> Any:
        self.used.add(key)
        return self.table[key]

    def has(self, key: str) -> bool:
        return key in self.table

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        if key not in self.table:
            return default
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(f"{self.name}.{key}", "must be a whole number")
        if not low <= value <= high:
            raise _fail(f"{self.name}.{key}", f"must be between {low} and {high}")
        return value

    def number(self, key: str, default: float, low: float, high: float) -> float:
        if key not in self.table:
            return default
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(f"{self.name}.{key}", "must be a number")
        if not low <= value <= high:
            raise _fail(f"{self.name}.{key}", f"must be between {low} and {high}")
        return float(value)

    def path(self, key: str, what: str) -> Path | None:
        """A file path, or None for ``""`` (or absent): the shipped ``what``."""
        self.used.add(key)
        value = self.table.get(key, "")
        if not isinstance(value, str):
            raise _fail(f"{self.name}.{key}", f'must be a file path, or "" for the shipped {what}')
        return Path(value) if value else None

    def text(self, key: str, default: str, choices: tuple[str, ...] = ()) -> str:
        if key not in self.table:
            return default
        value = self._get(key)
        if not isinstance(value, str) or not value:
            raise _fail(f"{self.name}.{key}", "must be a non-empty string")
        if choices and value not in choices:
            raise _fail(f"{self.name}.{key}", f"must be one of {', '.join(choices)}")
        return value

    def line(self, key: str, default: str, limit: int = 300) -> str:
        """One line of free text, possibly empty (a contact the operator may not have)."""
        if key not in self.table:
            return default
        value = self._get(key)
        if not isinstance(value, str) or len(value) > limit or "\n" in value:
            raise _fail(f"{self.name}.{key}", f"must be one line of at most {limit} characters")
        return value.strip()

    def flag(self, key: str, default: bool) -> bool:
        if key not in self.table:
            return default
        value = self._get(key)
        if not isinstance(value, bool):
            raise _fail(f"{self.name}.{key}", "must be true or false")
        return value

    def optional_text(self, key: str, default: str) -> str:
        """A string that may be empty (empty: not given)."""
        if key not in self.table:
            return default
        value = self._get(key)
        if not isinstance(value, str):
            raise _fail(f"{self.name}.{key}", "must be a string")
        return value

    def strings(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        if key not in self.table:
            return default
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise _fail(f"{self.name}.{key}", "must be a list of non-empty strings")
        return tuple(value)

    def check_unknown(self) -> None:
        unknown = sorted(set(self.table) - self.used)
        if unknown:
            raise _fail(f"{self.name}.{unknown[0]}", "unknown key")


def _default_document() -> dict[str, Any]:
    text = resources.files("causette").joinpath("defaults/config.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _invalid(key: str, error: InvalidInput) -> ConfigError:
    return _fail(key, f"is invalid ({error.code}): {i18n.message(error.code, 'en', error.params)}")


def _rooms(value: Any, teen_band: bool) -> tuple[RoomSpec, ...]:
    if not isinstance(value, list) or not value:
        raise _fail("rooms", "must be a non-empty list of [[rooms]] tables")
    rooms = []
    # Two look-alike names would share an id and silently become one room.
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        section = _Section(f"rooms[{index}]", item)
        if not section.has("name"):
            raise _fail(f"rooms[{index}].name", "is required")
        topic = section.table.get("topic", "")
        section.used.add("topic")
        if not isinstance(topic, str):
            raise _fail(f"rooms[{index}].topic", "must be a string")
        name = section.text("name", "")
        try:
            validate_room_name(name)
        except InvalidInput as exc:
            raise _invalid(f"rooms[{index}].name", exc) from exc
        try:
            validate_topic(topic)
        except InvalidInput as exc:
            raise _invalid(f"rooms[{index}].topic", exc) from exc
        for mark in {f"key:{room_key(name)}", f"slug:{room_slug(name)}"}:
            if mark in seen:
                raise _fail(f"rooms[{index}].name", f"looks like rooms[{seen[mark]}].name")
            seen[mark] = index
        band = section.text("band", "adult", ("teen", "adult"))
        if band == "teen" and not teen_band:
            raise _fail(f"rooms[{index}].band", "is teen but entry.min_age is not below adult_age")
        rooms.append(RoomSpec(name=name, topic=topic, band=band))
        section.check_unknown()
    if teen_band and not any(r.band == "teen" for r in rooms):
        raise _fail("rooms", 'need at least one room with band = "teen" when min_age < adult_age')
    return tuple(rooms)


def parse(document: dict[str, Any]) -> Settings:
    """Build settings from a TOML document merged over the defaults."""
    doc = _merge(_default_document(), document)
    known = {
        "server",
        "entry",
        "limits",
        "history",
        "session",
        "rooms",
        "retention",
        "moderation",
        "operator",
        "dsa",
        "safety",
    }
    unknown = sorted(set(doc) - known)
    if unknown:
        raise _fail(unknown[0], "unknown section")

    s = _Section("server", doc["server"])
    server = ServerSettings(
        host=s.text("host", "127.0.0.1"),
        port=s.integer("port", 8080, 0, 65535),
        data_dir=Path(s.text("data_dir", "data")),
        lang=s.text("lang", "fr", ("fr", "en")),
    )
    s.check_unknown()

    e = _Section("entry", doc["entry"])
    entry = EntrySettings(
        min_age=e.integer("min_age", 18, 13, 99),
        adult_age=e.integer("adult_age", 18, 13, 99),
        age_cooldown_hours=e.number("age_cooldown_hours", 24.0, 0.0, 24.0 * 365),
        network_age_block_minutes=e.number("network_age_block_minutes", 10.0, 0.0, 24.0 * 60),
        reserved_names=e.strings("reserved_names", ()),
        forbidden_names=e.strings("forbidden_names", ()),
    )
    e.check_unknown()

    lim = _Section("limits", doc["limits"])
    limits = LimitSettings(
        message_max=lim.integer("message_max", 500, 1, 10_000),
        rooms_max=lim.integer("rooms_max", 10, 1, 100),
        connections_per_ip=lim.integer("connections_per_ip", 8, 1, 100_000),
        burst=lim.integer("burst", 8, 1, 1000),
        rate_per_second=lim.number("rate_per_second", 1.0, 0.01, 1000.0),
        requests_burst=lim.integer("requests_burst", 30, 1, 100_000),
        requests_per_second=lim.number("requests_per_second", 5.0, 0.01, 100_000.0),
        strikes_to_disconnect=lim.integer("strikes_to_disconnect", 10, 1, 1000),
        strike_window_seconds=lim.number("strike_window_seconds", 30.0, 1.0, 3600.0),
        user_rooms_max=lim.integer("user_rooms_max", 200, 0, 100_000),
        outbox_max_bytes=lim.integer("outbox_max_bytes", 1_048_576, 4096, 1 << 30),
        network_burst=lim.integer("network_burst", 60, 1, 1_000_000),
        network_rate_per_second=lim.number("network_rate_per_second", 10.0, 0.01, 1_000_000.0),
        entries_per_minute=lim.integer("entries_per_minute", 6, 1, 10_000),
        network_entries_per_minute=lim.integer("network_entries_per_minute", 30, 1, 1_000_000),
        reports_burst=lim.integer("reports_burst", 5, 1, 1000),
        reports_per_minute=lim.number("reports_per_minute", 1.0, 0.01, 1000.0),
        network_reports_burst=lim.integer("network_reports_burst", 10, 1, 100_000),
        network_reports_per_minute=lim.number("network_reports_per_minute", 3.0, 0.01, 100_000.0),
        grace_sessions_per_network=lim.integer("grace_sessions_per_network", 10, 1, 100_000),
        send_timeout_seconds=lim.number("send_timeout_seconds", 5.0, 0.1, 600.0),
        send_buffer_bytes=lim.integer("send_buffer_bytes", 262_144, 4096, 1 << 26),
        kick_ban_seconds=lim.number("kick_ban_seconds", 300.0, 0.0, 7 * 24 * 3600.0),
    )
    lim.check_unknown()

    h = _Section("history", doc["history"])
    history = HistorySettings(
        count=h.integer("count", 50, 0, 1000),
        max_age_hours=h.number("max_age_hours", 24.0, 0.0, 24.0 * 365),
        retention_hours=h.number("retention_hours", 24.0, 0.0, 24.0 * 365),
    )
    h.check_unknown()
    if history.retention_hours < history.max_age_hours:
        raise _fail("history.retention_hours", "must be at least history.max_age_hours")

    se = _Section("session", doc["session"])
    session = SessionSettings(
        grace_seconds=se.number("grace_seconds", 60.0, 0.0, 3600.0),
        idle_timeout_seconds=se.number("idle_timeout_seconds", 90.0, 10.0, 3600.0),
    )
    se.check_unknown()

    r = _Section("retention", doc["retention"])
    retention = RetentionSettings(
        connection_days=r.integer("connection_days", 365, 1, 3650),
        session_days=r.integer("session_days", 365, 1, 3650),
        evidence_hold_days=r.integer("evidence_hold_days", 365, 0, 3650),
        connection_key_file=Path(r.text("connection_key_file", "connection.key")),
    )
    r.check_unknown()

    m = _Section("moderation", doc["moderation"])
    moderation = ModerationSettings(
        evidence_before=m.integer("evidence_before", 20, 0, 500),
        evidence_after=m.integer("evidence_after", 20, 0, 500),
        misuse_window_days=m.integer("misuse_window_days", 90, 1, 3650),
        misuse_warn_after=m.integer("misuse_warn_after", 2, 1, 1000),
        misuse_suspend_after=m.integer("misuse_suspend_after", 3, 1, 1000),
        misuse_suspension_days=m.integer("misuse_suspension_days", 7, 1, 3650),
        automated_mute_max_minutes=m.number("automated_mute_max_minutes", 60.0, 0.0, 60.0),
    )
    m.check_unknown()
    if moderation.misuse_suspend_after < moderation.misuse_warn_after:
        raise _fail("moderation.misuse_suspend_after", "must be at least misuse_warn_after")

    o = _Section("operator", doc.get("operator", {}))
    d = OperatorSettings()
    operator = OperatorSettings(
        name=o.text("name", d.name),
        address=o.text("address", d.address),
        email=o.text("email", d.email),
        host_name=o.text("host_name", d.host_name),
        host_address=o.text("host_address", d.host_address),
        moderation_contact=o.text("moderation_contact", d.moderation_contact),
        dpo_contact=o.line("dpo_contact", d.dpo_contact),
    )
    o.check_unknown()

    sa = _Section("safety", doc.get("safety", {}))
    threshold = sa.number("model_threshold", 0.5, 0.5, 0.999) if sa.has("model_threshold") else None
    safety = SafetySettings(
        enabled=sa.flag("enabled", True),
        policy=sa.path("policy", "policy"),
        model=sa.flag("model", True),
        model_file=sa.path("model_file", "model"),
        model_threshold=threshold,
        model_workers=sa.integer("model_workers", 1, 0, 8),
    )
    sa.check_unknown()

    return Settings(
        server,
        entry,
        limits,
        history,
        session,
        _rooms(doc.get("rooms"), entry.min_age < entry.adult_age),
        retention=retention,
        moderation=moderation,
        operator=operator,
        dsa=_dsa(doc.get("dsa", {})),
        safety=safety,
    )


def _dsa(table: Any) -> DsaSettings:
    d = _Section("dsa", table)
    scope = d.strings("territorial_scope", tuple(EEA.split()))
    outside = sorted(set(scope) - set(EEA.split()))
    if outside or not scope:
        raise _fail("dsa.territorial_scope", "must list EU or EEA country codes (FR, DE ...)")
    evaluation = d.optional_text("evaluation_file", "")
    settings = DsaSettings(
        submit=d.flag("submit", False),
        endpoint=d.text("endpoint", DSA_ENDPOINT),
        token=d.optional_text("token", ""),
        batch_size=d.integer("batch_size", 100, 1, 100),
        puid_prefix=d.text("puid_prefix", "causette"),
        territorial_scope=scope,
        provider=d.optional_text("provider", ""),
        service=d.text("service", "causette"),
        training=d.optional_text("training", ""),
        automated_means=d.optional_text("automated_means", ""),
        evaluation_file=Path(evaluation) if evaluation else None,
    )
    d.check_unknown()
    if not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", settings.puid_prefix):
        raise _fail("dsa.puid_prefix", "takes 1 to 64 letters, digits, - or _")
    if not settings.endpoint.startswith(("https://", "http://")):
        raise _fail("dsa.endpoint", "must be an http(s) URL")
    if settings.submit and not settings.token:
        raise _fail("dsa.token", "is required when dsa.submit is true")
    return settings


def load(path: Path | None) -> Settings:
    """Load settings from ``path`` (or the defaults alone when ``path`` is None)."""
    if path is None:
        return parse({})
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise _fail(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise _fail(str(path), "is not UTF-8 text") from exc
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(str(path), f"is not valid TOML: {exc}") from exc
    return parse(document)
