-- Measures that hit the right person (issue 9).
--
-- A mute, a kick or a room ban binds the device alone: those stored before bound the network
-- too and silenced everyone behind a shared address (a family, a campus, a carrier's NAT).
-- Their network is cleared; site bans and suspensions keep theirs, with no end of their own
-- (network_until NULL: the binding lasts as long as the ban, as it did).
ALTER TABLE sanction ADD COLUMN network_until REAL;
-- Devices a moderator spared after a network review, as a JSON list of device hashes.
ALTER TABLE sanction ADD COLUMN network_exempt TEXT NOT NULL DEFAULT '[]';
UPDATE sanction SET network = '' WHERE kind NOT IN ('site_ban', 'suspension');

-- A network review is an appeal by someone else on a bound network: the device to spare.
ALTER TABLE appeal ADD COLUMN device TEXT;

-- Ignoring a later session of a device already ignored adds an entry of its own, so that the
-- answer does not reveal that it is the same device: one device may be named by several.
CREATE TABLE ignore_entry_new (
    device          TEXT NOT NULL,
    id              TEXT NOT NULL,
    ignored_device  TEXT NOT NULL,
    nick            TEXT NOT NULL,
    user_id         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device, id)
);
INSERT INTO ignore_entry_new (rowid, device, id, ignored_device, nick, user_id)
    SELECT rowid, device, id, ignored_device, nick, user_id FROM ignore_entry;
DROP TABLE ignore_entry;
ALTER TABLE ignore_entry_new RENAME TO ignore_entry;
CREATE INDEX ignore_entry_ignored ON ignore_entry (ignored_device);
