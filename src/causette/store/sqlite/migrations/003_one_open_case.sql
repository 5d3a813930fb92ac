-- One open case per subject (a person's device or a room), held by the database: reports
-- filed at the same moment join one case instead of opening one each.
--
-- Cases opened twice before this migration (the race it closes) are folded into the oldest
-- open case of their subject: it takes their reports, evidence, decisions and strikes, the
-- most urgent category (the older case's on a tie) and the trusted mark, and the emptied
-- duplicates are deleted. The audit log is left as it is: it says what happened then.
CREATE TEMP TABLE case_fold AS
SELECT c.id AS dup, k.keep
FROM mod_case c
JOIN (SELECT subject, MIN(id) AS keep FROM mod_case WHERE status = 'open' GROUP BY subject) k
  ON k.subject = c.subject
WHERE c.status = 'open' AND c.id <> k.keep;

UPDATE mod_case SET
    category = (
        SELECT m.category FROM mod_case m
        WHERE m.id = mod_case.id OR m.id IN (SELECT dup FROM case_fold WHERE keep = mod_case.id)
        ORDER BY m.priority, m.id LIMIT 1
    ),
    priority = (
        SELECT MIN(m.priority) FROM mod_case m
        WHERE m.id = mod_case.id OR m.id IN (SELECT dup FROM case_fold WHERE keep = mod_case.id)
    ),
    trusted = (
        SELECT MAX(m.trusted) FROM mod_case m
        WHERE m.id = mod_case.id OR m.id IN (SELECT dup FROM case_fold WHERE keep = mod_case.id)
    )
WHERE id IN (SELECT keep FROM case_fold);

UPDATE report SET case_id = (SELECT keep FROM case_fold WHERE dup = report.case_id)
WHERE case_id IN (SELECT dup FROM case_fold);
UPDATE evidence SET case_id = (SELECT keep FROM case_fold WHERE dup = evidence.case_id)
WHERE case_id IN (SELECT dup FROM case_fold);
UPDATE decision SET case_id = (SELECT keep FROM case_fold WHERE dup = decision.case_id)
WHERE case_id IN (SELECT dup FROM case_fold);
UPDATE misuse_strike SET case_id = (SELECT keep FROM case_fold WHERE dup = misuse_strike.case_id)
WHERE case_id IN (SELECT dup FROM case_fold);
DELETE FROM mod_case WHERE id IN (SELECT dup FROM case_fold);
DROP TABLE case_fold;

CREATE UNIQUE INDEX mod_case_one_open ON mod_case (subject) WHERE status = 'open';
