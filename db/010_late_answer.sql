-- 010_late_answer.sql: an answer's commit without a statement that almost
-- never does anything.  derived_counted (schema 6) ended with an INSERT ...
-- SELECT that asked item_state whether the answer came before the item's
-- last one (an answer dated in the past: nearly never) and queued a rebuild
-- of the item's state if so; as a statement of the trigger it cost ~8 us of
-- every answer's ~100 us of CPU.  The same question is now the WHEN of a
-- trigger of its own, which costs next to nothing when it is false.
--
-- derived_counted is the same as schema 6's without that last statement.
-- The two triggers may run in either order: the question has the same
-- answer before and after derived_counted's upsert (an earlier answer
-- never changes item_state; a later one makes the question false either
-- way), and a rebuild gives the state a replay gives, whenever it runs.
-- For an answer in an exam attempt (which changes no item_state until the
-- attempt is unsealed) the rebuild is not needed but does no harm.
DROP TRIGGER derived_counted;

CREATE TRIGGER derived_counted AFTER INSERT ON answer
WHEN NOT EXISTS (SELECT 1 FROM session s WHERE s.id = NEW.session_id AND s.attempt IS NOT NULL)
BEGIN
	INSERT INTO tally VALUES (NEW.profile_id, NEW.item, coalesce(NEW.code, CASE WHEN NEW.expected
	        GLOB '[1-5][0-9][0-9]' THEN CAST(NEW.expected AS INTEGER) END, 0), NEW.given,
	        NEW.expected, NEW.correct, 1, NEW.ms, 1, NEW.answered_at)
	ON CONFLICT DO UPDATE SET final = final + 1, ms = ms + excluded.ms, counted = counted + 1,
	        last_at = max(coalesce(last_at, 0), excluded.last_at);
	INSERT INTO day_stat VALUES (NEW.profile_id, date(NEW.answered_at, 'unixepoch', 'localtime'),
	        1, NEW.correct)
	ON CONFLICT DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct;
	INSERT INTO item_state VALUES (NEW.profile_id, NEW.item, 1, 1 - NEW.correct, NEW.correct,
	        1 + NEW.correct, NEW.answered_at + 86400 * NEW.correct, NEW.answered_at, NEW.id,
	        iif(NEW.correct, NULL, NEW.answered_at), iif(NEW.correct, NULL, NEW.id))
	ON CONFLICT DO UPDATE SET seen = seen + 1, wrong = wrong + 1 - NEW.correct,
	        streak = iif(NEW.correct, streak + 1, 0), box = iif(NEW.correct, min(5, streak + 2), 1),
	        due = NEW.answered_at + iif(NEW.correct, 86400 * CASE min(5, streak + 2)
	                WHEN 2 THEN 1 WHEN 3 THEN 3 WHEN 4 THEN 7 ELSE 14 END, 0),
	        last_at = NEW.answered_at, last_id = NEW.id,
	        wrong_at = iif(NEW.correct, wrong_at, NEW.answered_at),
	        wrong_id = iif(NEW.correct, wrong_id, NEW.id)
	WHERE (NEW.answered_at, NEW.id) > (last_at, last_id);
END;

CREATE TRIGGER derived_late AFTER INSERT ON answer
WHEN (SELECT (last_at, last_id) > (NEW.answered_at, NEW.id) FROM item_state
      WHERE profile_id = NEW.profile_id AND item = NEW.item)
BEGIN
	INSERT INTO item_redo VALUES (NEW.profile_id, NEW.item);
END;
