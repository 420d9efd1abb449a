-- 007_attempt_owner.sql: who started each session.  An exam attempt belongs
-- to the uid that started it (the OS uid on a shared file, the class server's
-- idea of the learner behind it): going on with it, or answering in it, from
-- another uid is refused, and the report flags answers written by another.
-- Attempts from schema 4 take the uid of their first answer; one with no
-- answer yet stays NULL and goes to whoever resumes it first.
ALTER TABLE session ADD COLUMN uid INTEGER;
UPDATE session SET uid = (SELECT a.uid FROM answer a WHERE a.session_id = session.id
                          ORDER BY a.id LIMIT 1)
WHERE attempt IS NOT NULL;
