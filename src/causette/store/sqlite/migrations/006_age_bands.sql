-- Age bands (SAFETY.md 1, 3): a visitor room keeps the band of its creator across a restart,
-- and a session keeps what the platform learnt about its age (a self-disclosed minor stays
-- one after a resume or a restart; a possible minor stays a risk signal).
ALTER TABLE user_room ADD COLUMN band TEXT NOT NULL DEFAULT 'adult';
ALTER TABLE guest ADD COLUMN disclosed_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE guest ADD COLUMN possible_minor INTEGER NOT NULL DEFAULT 0;
