-- Statements of reasons in the DSA Transparency Database's terms (issue 10). Decisions taken
-- before this migration get the neutral values below; their category is their case's.
ALTER TABLE decision ADD COLUMN category TEXT NOT NULL DEFAULT 'terms';
ALTER TABLE decision ADD COLUMN ground_type TEXT NOT NULL DEFAULT 'incompatible_content';
ALTER TABLE decision ADD COLUMN ground_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE decision ADD COLUMN explanation TEXT NOT NULL DEFAULT '';
ALTER TABLE decision ADD COLUMN incompatible_illegal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decision ADD COLUMN content_date REAL;
ALTER TABLE decision ADD COLUMN content_language TEXT;
ALTER TABLE decision ADD COLUMN content_type TEXT NOT NULL DEFAULT 'CONTENT_TYPE_TEXT';
ALTER TABLE decision ADD COLUMN territorial_scope TEXT NOT NULL DEFAULT '[]';  -- JSON list
ALTER TABLE decision ADD COLUMN visibility TEXT;   -- DECISION_VISIBILITY_*
ALTER TABLE decision ADD COLUMN provision TEXT;    -- DECISION_PROVISION_*
ALTER TABLE decision ADD COLUMN ends_at REAL;      -- end of the service restriction
UPDATE decision SET category = COALESCE(
    (SELECT mod_case.category FROM mod_case WHERE mod_case.id = decision.case_id), 'terms');
UPDATE decision SET ground_reference = substr(ground, 1, 500), explanation = substr(facts, 1, 2000);
UPDATE decision SET visibility = 'DECISION_VISIBILITY_CONTENT_REMOVED' WHERE kind = 'removal';
UPDATE decision SET provision = CASE
    WHEN kind = 'kick' THEN 'DECISION_PROVISION_PARTIAL_SUSPENSION'
    WHEN kind IN ('mute', 'room_ban') AND duration IS NULL THEN 'DECISION_PROVISION_PARTIAL_TERMINATION'
    WHEN kind IN ('mute', 'room_ban') THEN 'DECISION_PROVISION_PARTIAL_SUSPENSION'
    WHEN kind IN ('site_ban', 'suspension') AND duration IS NULL THEN 'DECISION_PROVISION_TOTAL_TERMINATION'
    WHEN kind IN ('site_ban', 'suspension') THEN 'DECISION_PROVISION_TOTAL_SUSPENSION'
    END;
UPDATE decision SET ends_at = CASE WHEN kind = 'kick' THEN created_at
    WHEN provision IS NOT NULL AND duration IS NOT NULL THEN created_at + duration END;
-- Art. 23 steps were taken by the misuse policy with no person deciding.
UPDATE decision SET automated_decision = 1 WHERE moderator_account IS NULL;

-- Each statement is sent to the Transparency Database once: the puid it was sent under.
CREATE TABLE dsa_submission (
    decision_id INTEGER PRIMARY KEY REFERENCES decision (id),
    puid        TEXT NOT NULL UNIQUE,
    sent_at     REAL NOT NULL
);
