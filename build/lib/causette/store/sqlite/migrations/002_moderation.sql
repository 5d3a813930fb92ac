-- Notice and action (issue 3). Times are UTC epoch seconds.
ALTER TABLE message ADD COLUMN deleted_at REAL;
ALTER TABLE guest ADD COLUMN network TEXT NOT NULL DEFAULT '';

CREATE TABLE mod_case (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL UNIQUE,
    subject     TEXT NOT NULL,           -- "device:<hash>" or "room:<id>"
    category    TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    trusted     INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,
    created_at  REAL NOT NULL,
    closed_at   REAL,
    outcome     TEXT,
    hold_until  REAL
);
CREATE INDEX mod_case_open ON mod_case (status, priority, trusted DESC, created_at);
CREATE INDEX mod_case_subject ON mod_case (subject, status);

CREATE TABLE report (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id          INTEGER NOT NULL REFERENCES mod_case (id),
    code             TEXT NOT NULL UNIQUE,
    category         TEXT NOT NULL,
    source           TEXT NOT NULL,
    message_id       INTEGER,
    user_id          TEXT,
    room             TEXT,
    explanation      TEXT NOT NULL,
    contact          TEXT,
    good_faith       INTEGER NOT NULL,
    reporter_device  TEXT,
    reporter_account INTEGER,
    created_at       REAL NOT NULL,
    automated_rule   TEXT
);
CREATE INDEX report_case ON report (case_id);
CREATE INDEX report_reporter ON report (reporter_device, created_at);
CREATE INDEX report_account ON report (reporter_account, id);

-- Frozen evidence: copies of messages and session data, kept while the case is open and
-- then until mod_case.hold_until, whatever the ordinary history retention.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES mod_case (id),
    report_id   INTEGER,
    kind        TEXT NOT NULL,           -- "conversation", "session" or "room"
    body        TEXT NOT NULL,           -- JSON
    created_at  REAL NOT NULL
);
CREATE INDEX evidence_case ON evidence (case_id);

CREATE TABLE decision (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused
    code                TEXT NOT NULL UNIQUE,
    case_id             INTEGER,
    kind                TEXT NOT NULL,
    room                TEXT,
    duration            REAL,
    facts               TEXT NOT NULL,
    ground              TEXT NOT NULL,
    source              TEXT NOT NULL,
    automated_detection INTEGER NOT NULL,
    automated_decision  INTEGER NOT NULL,
    moderator_account   INTEGER,
    subject_nickname    TEXT NOT NULL,
    subject_device      TEXT NOT NULL,
    created_at          REAL NOT NULL,
    reversed_at         REAL
);
CREATE INDEX decision_subject ON decision (subject_device, created_at);
CREATE INDEX decision_created ON decision (created_at);

CREATE TABLE sanction (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    device      TEXT NOT NULL,
    network     TEXT NOT NULL,
    nickname    TEXT NOT NULL,
    room        TEXT,
    starts_at   REAL NOT NULL,
    expires_at  REAL,
    decision_id INTEGER NOT NULL REFERENCES decision (id),
    revoked_at  REAL
);
CREATE INDEX sanction_live ON sanction (revoked_at, expires_at);
CREATE INDEX sanction_decision ON sanction (decision_id);

CREATE TABLE appeal (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL UNIQUE,
    decision_id INTEGER REFERENCES decision (id),
    report_id   INTEGER REFERENCES report (id),
    appellant   TEXT NOT NULL,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  REAL NOT NULL,
    decided_by  INTEGER,
    answer      TEXT,
    decided_at  REAL
);

-- Misuse strikes (DSA Art. 23): manifestly illegal posts and manifestly unfounded reports.
CREATE TABLE misuse_strike (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    device     TEXT NOT NULL,
    kind       TEXT NOT NULL,            -- "illegal_post" or "unfounded_report"
    case_id    INTEGER,
    created_at REAL NOT NULL
);
CREATE INDEX misuse_device ON misuse_strike (device, kind, created_at);

CREATE TABLE room_moderation (
    room       TEXT PRIMARY KEY,
    moderated  INTEGER NOT NULL DEFAULT 0,
    closed     INTEGER NOT NULL DEFAULT 0,
    voiced     TEXT NOT NULL DEFAULT '[]'  -- JSON list of device hashes allowed to speak
);

CREATE TABLE emergency (
    level      TEXT PRIMARY KEY,
    enabled    INTEGER NOT NULL,
    changed_at REAL NOT NULL,
    changed_by INTEGER
);

CREATE TABLE account (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    username        TEXT NOT NULL,       -- as typed, for display
    -- The application's lower(username): "Alice" and "alice" are one account. Computed in
    -- Python because SQLite's lower() and NOCASE fold ASCII only ("Élodie" vs "élodie").
    username_key    TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,       -- argon2id
    role            TEXT NOT NULL,       -- moderator, administrator, trusted_flagger
    totp_secret     TEXT,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    REAL,
    created_at      REAL NOT NULL,
    disabled_at     REAL
);

CREATE TABLE console_session (
    token_hash  TEXT PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES account (id),
    csrf_token  TEXT NOT NULL,
    created_at  REAL NOT NULL,
    last_seen   REAL NOT NULL
);

-- Append-only: the transparency report is computed from this table alone.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ts          REAL NOT NULL,
    actor_kind  TEXT NOT NULL,           -- moderator, administrator, system, automated, visitor
    actor_id    TEXT,
    action      TEXT NOT NULL,
    case_id     INTEGER,
    decision_id INTEGER,
    category    TEXT,
    source      TEXT,
    automated   INTEGER NOT NULL DEFAULT 0,
    reason      TEXT,
    details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_ts ON audit (ts);
CREATE INDEX audit_case ON audit (case_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
