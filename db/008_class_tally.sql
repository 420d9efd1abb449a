-- 008_class_tally.sql: the whole-class report in rows per learner and per
-- question, so it costs the same for a class of a year as of a day.  The
-- tally (schema 6) has a row per learner, question and answer: 100 learners
-- make tens of thousands of them, and summing them per learner and per
-- question sorted that many rows on every report.  Two tables keep those
-- sums; triggers on tally change them with every change of the tally,
-- whichever trigger or rebuild made it, so they stay its sums.  `httptutor
-- check` compares them with the views below, which sum the tally afresh.

-- Per learner: right answers in one row (given and expected ''), wrong ones
-- by what was given for what; n_rows counts the tally rows summed.
CREATE TABLE class_learner (
	profile_id INTEGER NOT NULL,
	correct    INTEGER NOT NULL,
	given      TEXT NOT NULL,
	expected   TEXT NOT NULL,
	n_rows     INTEGER NOT NULL,
	final      INTEGER NOT NULL,
	ms         INTEGER NOT NULL,
	PRIMARY KEY (profile_id, correct, given, expected)
) WITHOUT ROWID;

-- Per question, answer given and verdict, over every learner.
CREATE TABLE class_item (
	item     TEXT NOT NULL,
	given    TEXT NOT NULL,
	expected TEXT NOT NULL,
	correct  INTEGER NOT NULL,
	n_rows   INTEGER NOT NULL,
	final    INTEGER NOT NULL,
	ms       INTEGER NOT NULL,
	PRIMARY KEY (item, given, expected, correct)
) WITHOUT ROWID;

CREATE VIEW class_learner_sum AS
SELECT profile_id, correct, iif(correct, '', given), iif(correct, '', expected), count(*),
       sum(final), sum(ms)
FROM tally GROUP BY 1, 2, 3, 4;

CREATE VIEW class_item_sum AS
SELECT item, given, expected, correct, count(*), sum(final), sum(ms)
FROM tally GROUP BY 1, 2, 3, 4;

INSERT INTO class_learner SELECT * FROM class_learner_sum;
INSERT INTO class_item SELECT * FROM class_item_sum;

-- An answer changes final and ms of one tally row (an upsert's update), or
-- adds a row; rebuilds delete and insert rows.  Nothing updates a tally
-- row's key, but sqlite3 by hand could: that is a delete and an insert.
CREATE TRIGGER class_tally_insert AFTER INSERT ON tally
BEGIN
	INSERT INTO class_learner VALUES (NEW.profile_id, NEW.correct, iif(NEW.correct, '', NEW.given),
	        iif(NEW.correct, '', NEW.expected), 1, NEW.final, NEW.ms)
	ON CONFLICT DO UPDATE SET n_rows = n_rows + 1, final = final + excluded.final, ms = ms + excluded.ms;
	INSERT INTO class_item VALUES (NEW.item, NEW.given, NEW.expected, NEW.correct, 1, NEW.final, NEW.ms)
	ON CONFLICT DO UPDATE SET n_rows = n_rows + 1, final = final + excluded.final, ms = ms + excluded.ms;
END;

CREATE TRIGGER class_tally_delete AFTER DELETE ON tally
BEGIN
	UPDATE class_learner SET n_rows = n_rows - 1, final = final - OLD.final, ms = ms - OLD.ms
	WHERE profile_id = OLD.profile_id AND correct = OLD.correct
	  AND given = iif(OLD.correct, '', OLD.given) AND expected = iif(OLD.correct, '', OLD.expected);
	DELETE FROM class_learner
	WHERE profile_id = OLD.profile_id AND correct = OLD.correct
	  AND given = iif(OLD.correct, '', OLD.given) AND expected = iif(OLD.correct, '', OLD.expected)
	  AND n_rows <= 0;
	UPDATE class_item SET n_rows = n_rows - 1, final = final - OLD.final, ms = ms - OLD.ms
	WHERE item = OLD.item AND given = OLD.given AND expected = OLD.expected AND correct = OLD.correct;
	DELETE FROM class_item
	WHERE item = OLD.item AND given = OLD.given AND expected = OLD.expected AND correct = OLD.correct
	  AND n_rows <= 0;
END;

CREATE TRIGGER class_tally_sums AFTER UPDATE OF final, ms ON tally
WHEN NEW.profile_id = OLD.profile_id AND NEW.item = OLD.item AND NEW.given = OLD.given
 AND NEW.expected = OLD.expected AND NEW.correct = OLD.correct
BEGIN
	UPDATE class_learner SET final = final + NEW.final - OLD.final, ms = ms + NEW.ms - OLD.ms
	WHERE profile_id = NEW.profile_id AND correct = NEW.correct
	  AND given = iif(NEW.correct, '', NEW.given) AND expected = iif(NEW.correct, '', NEW.expected);
	UPDATE class_item SET final = final + NEW.final - OLD.final, ms = ms + NEW.ms - OLD.ms
	WHERE item = NEW.item AND given = NEW.given AND expected = NEW.expected AND correct = NEW.correct;
END;

CREATE TRIGGER class_tally_key AFTER UPDATE OF profile_id, item, given, expected, correct ON tally
WHEN NOT (NEW.profile_id = OLD.profile_id AND NEW.item = OLD.item AND NEW.given = OLD.given
      AND NEW.expected = OLD.expected AND NEW.correct = OLD.correct)
BEGIN
	UPDATE class_learner SET n_rows = n_rows - 1, final = final - OLD.final, ms = ms - OLD.ms
	WHERE profile_id = OLD.profile_id AND correct = OLD.correct
	  AND given = iif(OLD.correct, '', OLD.given) AND expected = iif(OLD.correct, '', OLD.expected);
	DELETE FROM class_learner WHERE n_rows <= 0;
	UPDATE class_item SET n_rows = n_rows - 1, final = final - OLD.final, ms = ms - OLD.ms
	WHERE item = OLD.item AND given = OLD.given AND expected = OLD.expected AND correct = OLD.correct;
	DELETE FROM class_item WHERE n_rows <= 0;
	INSERT INTO class_learner VALUES (NEW.profile_id, NEW.correct, iif(NEW.correct, '', NEW.given),
	        iif(NEW.correct, '', NEW.expected), 1, NEW.final, NEW.ms)
	ON CONFLICT DO UPDATE SET n_rows = n_rows + 1, final = final + excluded.final, ms = ms + excluded.ms;
	INSERT INTO class_item VALUES (NEW.item, NEW.given, NEW.expected, NEW.correct, 1, NEW.final, NEW.ms)
	ON CONFLICT DO UPDATE SET n_rows = n_rows + 1, final = final + excluded.final, ms = ms + excluded.ms;
END;
