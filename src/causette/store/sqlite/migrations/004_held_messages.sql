-- Messages held by the safety gate: stored (evidence), shown to their sender only, and
-- left out of history and resume until a moderator releases or removes them.
ALTER TABLE message ADD COLUMN held_at REAL;
