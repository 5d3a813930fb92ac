-- causette schema, version 1. Times are UTC epoch seconds.
-- AUTOINCREMENT keeps the highest id ever used in sqlite_sequence, so ids never go back
-- after the purge empties the table: clients resume from "the last id I saw".
CREATE TABLE message (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    ts            REAL    NOT NULL,
    room          TEXT,
    sender_id     TEXT    NOT NULL,
    sender_device TEXT    NOT NULL,
    sender        TEXT    NOT NULL,   -- JSON UserView as it was when posted
    recipient_id  TEXT,
    recipient     TEXT,               -- JSON UserView, private messages only
    text          TEXT    NOT NULL,
    action        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX message_room ON message (room, id);
CREATE INDEX message_sender_private ON message (sender_id, id) WHERE room IS NULL;
CREATE INDEX message_recipient ON message (recipient_id, id) WHERE room IS NULL;
CREATE INDEX message_ts ON message (ts);

CREATE TABLE declaration (
    device      TEXT PRIMARY KEY,
    nickname    TEXT NOT NULL,
    age         INTEGER NOT NULL,
    gender      TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    declared_at REAL NOT NULL
);

CREATE TABLE entry_block (
    key   TEXT PRIMARY KEY,
    until REAL NOT NULL
);

CREATE TABLE guest (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    device      TEXT NOT NULL,
    nickname    TEXT NOT NULL,
    age         INTEGER NOT NULL,
    gender      TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    privacy     TEXT NOT NULL,
    lang        TEXT NOT NULL,
    rooms       TEXT NOT NULL,   -- JSON list of room ids
    privates    TEXT NOT NULL,   -- JSON list of guest ids
    created_at  REAL NOT NULL,
    last_seen   REAL NOT NULL,
    ended_at    REAL
);
CREATE INDEX guest_live ON guest (ended_at);

CREATE TABLE user_room (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    topic TEXT NOT NULL,
    owner TEXT
);

CREATE TABLE ignore_entry (
    device          TEXT NOT NULL,
    id              TEXT NOT NULL,
    ignored_device  TEXT NOT NULL,
    nick            TEXT NOT NULL,
    user_id         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device, id),
    UNIQUE (device, ignored_device)
);
