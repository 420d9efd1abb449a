-- 005_derived.sql: what the screens used to compute from the whole answer
-- log on every visit, kept in three tables that triggers update in the
-- same transaction as each answer, so every writer (this program, the class
-- server, sqlite3 by hand) keeps them right and a read costs the same for a
-- year of answers as for none.  The log stays the truth: the queue triggers
-- at the end rebuild a learner's rows from it; this migration fills the
-- tables that way, and `httptutor check` compares with a rebuild.
--
-- "Counted" follows answer_counted (schema 4): answers outside an exam
-- attempt at once; inside one, the last answer per question, once the
-- attempt is no longer sealed.  "Final" follows answer_final (the class
-- report, sealed attempts too).

-- Per learner and question, the Leitner state a replay of the counted
-- answers in log order (time, then id) gives: box 1 after a wrong answer,
-- else one box up per right answer (the first one: box 2) up to 5; due at
-- once in box 1, else 1, 3, 7 or 14 days after the last answer.
CREATE TABLE item_state (
	profile_id INTEGER NOT NULL,
	item       TEXT NOT NULL,
	seen       INTEGER NOT NULL,
	wrong      INTEGER NOT NULL,
	streak     INTEGER NOT NULL,   -- right answers after the last wrong one
	box        INTEGER NOT NULL,
	due        INTEGER NOT NULL,
	last_at    INTEGER NOT NULL,   -- the last counted answer
	last_id    INTEGER NOT NULL,
	wrong_at   INTEGER,            -- the last wrong one (NULL: none)
	wrong_id   INTEGER,
	PRIMARY KEY (profile_id, item)
) WITHOUT ROWID;

-- Counted answers per learner and local day (of whoever wrote them).
CREATE TABLE day_stat (
	profile_id INTEGER NOT NULL,
	day        TEXT NOT NULL,      -- YYYY-MM-DD
	answers    INTEGER NOT NULL,
	correct    INTEGER NOT NULL,
	PRIMARY KEY (profile_id, day)
) WITHOUT ROWID;

-- Per learner, question, status code (0: an old header answer with none),
-- answer given and verdict: how many answers stand (final, with their
-- time) and how many count (counted, with the last one's time).  Progress
-- per code and class, the confusions and the answer matrix add up counted;
-- the class report adds up final.
CREATE TABLE tally (
	profile_id INTEGER NOT NULL,
	item       TEXT NOT NULL,
	code       INTEGER NOT NULL,
	given      TEXT NOT NULL,
	expected   TEXT NOT NULL,
	correct    INTEGER NOT NULL,
	final      INTEGER NOT NULL,
	ms         INTEGER NOT NULL,
	counted    INTEGER NOT NULL,
	last_at    INTEGER,            -- of the last counted one
	PRIMARY KEY (profile_id, item, code, given, expected, correct)
) WITHOUT ROWID;

-- An exam's report reads its sessions, then their answers (answer_session_item).
CREATE INDEX session_exam ON session(exam_id) WHERE exam_id IS NOT NULL;

-- ---- each answer -----------------------------------------------------------
-- The code of an answer: its code column, else the expected answer when that
-- is a code.  Outside an attempt an answer counts at once: the Leitner step
-- applies to the state when it is the item's last in log order (nearly
-- always); one dated before that has the item's state rebuilt (item_redo).
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
	INSERT INTO item_redo SELECT NEW.profile_id, NEW.item FROM item_state
	WHERE profile_id = NEW.profile_id AND item = NEW.item AND (last_at, last_id) > (NEW.answered_at, NEW.id);
END;

-- In an attempt an answer stands (and counts, once the attempt is unsealed)
-- in place of the one before it to the same question.  Answers to an
-- attempt no longer sealed are rare: the learner is rebuilt.
CREATE TRIGGER derived_attempt_answer AFTER INSERT ON answer
WHEN EXISTS (SELECT 1 FROM session s WHERE s.id = NEW.session_id AND s.attempt IS NOT NULL)
BEGIN
	INSERT INTO tally SELECT a.profile_id, a.item, coalesce(a.code, CASE WHEN a.expected
	        GLOB '[1-5][0-9][0-9]' THEN CAST(a.expected AS INTEGER) END, 0), a.given, a.expected,
	        a.correct, -1, -a.ms, 0, NULL
	FROM answer a WHERE a.session_id = NEW.session_id AND a.item = NEW.item AND a.id < NEW.id
	ORDER BY a.id DESC LIMIT 1
	ON CONFLICT DO UPDATE SET final = final + excluded.final, ms = ms + excluded.ms;
	INSERT INTO tally VALUES (NEW.profile_id, NEW.item, coalesce(NEW.code, CASE WHEN NEW.expected
	        GLOB '[1-5][0-9][0-9]' THEN CAST(NEW.expected AS INTEGER) END, 0), NEW.given,
	        NEW.expected, NEW.correct, 1, NEW.ms, 0, NULL)
	ON CONFLICT DO UPDATE SET final = final + 1, ms = ms + excluded.ms;
	DELETE FROM tally WHERE profile_id = NEW.profile_id AND item = NEW.item AND final = 0
	  AND counted = 0;
	INSERT INTO derived_queue SELECT NEW.profile_id, NULL FROM session s JOIN exam e ON e.id = s.exam_id
	WHERE s.id = NEW.session_id AND s.ended_at IS NOT NULL
	  AND (e.feedback = 'end' OR (e.feedback = 'closed' AND e.closed_at IS NOT NULL));
END;

-- ---- attempts --------------------------------------------------------------
-- When an attempt stops being sealed (it ends, and its exam gives feedback
-- at the end or has closed) its final answers are added.  The rare
-- opposite has the learner rebuilt.
CREATE TRIGGER derived_attempt_end AFTER UPDATE OF ended_at ON session
WHEN NEW.attempt IS NOT NULL AND (OLD.ended_at IS NULL) <> (NEW.ended_at IS NULL)
 AND (SELECT feedback = 'end' OR (feedback = 'closed' AND closed_at IS NOT NULL)
      FROM exam WHERE id = NEW.exam_id)
BEGIN
	INSERT INTO derived_queue VALUES (NEW.profile_id, iif(NEW.ended_at IS NULL, NULL, NEW.id));
END;

CREATE TRIGGER derived_exam_change AFTER UPDATE OF closed_at, feedback ON exam
WHEN (OLD.feedback = 'end' OR (OLD.feedback = 'closed' AND OLD.closed_at IS NOT NULL))
  <> (NEW.feedback = 'end' OR (NEW.feedback = 'closed' AND NEW.closed_at IS NOT NULL))
BEGIN
	INSERT INTO derived_queue
	SELECT DISTINCT profile_id,
	       iif(NEW.feedback = 'end' OR (NEW.feedback = 'closed' AND NEW.closed_at IS NOT NULL), id, NULL)
	FROM session WHERE exam_id = NEW.id AND attempt IS NOT NULL AND ended_at IS NOT NULL;
END;

-- ---- rebuilding from the log -------------------------------------------------
-- A row in derived_queue adds an attempt's final answers to the counted
-- ones (session_id > 0), or rebuilds every table of the learner from the
-- log (NULL); a row in item_redo rebuilds one question's state.  Both empty
-- themselves.
CREATE TABLE derived_queue (
	profile_id INTEGER NOT NULL,
	session_id INTEGER
);

CREATE TABLE item_redo (
	profile_id INTEGER NOT NULL,
	item       TEXT NOT NULL
);

CREATE TRIGGER derived_queue_run AFTER INSERT ON derived_queue
BEGIN
	DELETE FROM tally WHERE profile_id = NEW.profile_id AND NEW.session_id IS NULL;
	DELETE FROM day_stat WHERE profile_id = NEW.profile_id AND NEW.session_id IS NULL;
	DELETE FROM item_state WHERE profile_id = NEW.profile_id AND NEW.session_id IS NULL;
	-- a rebuild: the learner's final answers, and which of them count (c);
	-- an attempt: its final answers now count too
	INSERT INTO tally SELECT profile_id, item, coalesce(code, CASE WHEN expected GLOB '[1-5][0-9][0-9]'
	        THEN CAST(expected AS INTEGER) END, 0), given, expected, correct,
	        iif(NEW.session_id IS NULL, count(*), 0), iif(NEW.session_id IS NULL, sum(ms), 0),
	        sum(c), max(iif(c, answered_at, NULL))
	FROM (SELECT *, session_id IS NULL OR session_id NOT IN (SELECT id FROM session_sealed) AS c
	      FROM answer_final WHERE NEW.session_id IS NULL AND profile_id = NEW.profile_id
	      UNION ALL
	      SELECT *, 1 FROM answer_final WHERE session_id = NEW.session_id)
	GROUP BY 1, 2, 3, 4, 5, 6
	ON CONFLICT DO UPDATE SET counted = counted + excluded.counted,
	        last_at = max(coalesce(last_at, 0), excluded.last_at);
	INSERT INTO day_stat SELECT profile_id, date(answered_at, 'unixepoch', 'localtime'),
	        count(*), sum(correct)
	FROM answer_counted WHERE NEW.session_id IS NULL AND profile_id = NEW.profile_id GROUP BY 1, 2
	UNION ALL
	SELECT profile_id, date(answered_at, 'unixepoch', 'localtime'), count(*), sum(correct)
	FROM answer_final WHERE session_id = NEW.session_id GROUP BY 1, 2
	ON CONFLICT DO UPDATE SET answers = answers + excluded.answers, correct = correct + excluded.correct;
	INSERT INTO item_redo SELECT DISTINCT profile_id, item FROM answer
	WHERE NEW.session_id IS NULL AND profile_id = NEW.profile_id;
	INSERT INTO item_redo SELECT DISTINCT profile_id, item FROM answer WHERE session_id = NEW.session_id;
	DELETE FROM derived_queue;
END;

-- The item's answers in log order are read from its end: the last one,
-- the last wrong one, and the right ones since (answer_profile_item).
CREATE TRIGGER item_redo_run AFTER INSERT ON item_redo
BEGIN
	DELETE FROM item_state WHERE profile_id = NEW.profile_id AND item = NEW.item;
	INSERT INTO item_state
	SELECT NEW.profile_id, NEW.item, seen, wrong, streak, iif(l.correct, min(5, 1 + streak), 1),
	       l.answered_at + iif(l.correct, 86400 * CASE min(5, 1 + streak)
	                           WHEN 2 THEN 1 WHEN 3 THEN 3 WHEN 4 THEN 7 ELSE 14 END, 0),
	       l.answered_at, l.id, w.answered_at, w.id
	FROM (SELECT count(*) AS seen, sum(1 - correct) AS wrong FROM answer_counted
	      WHERE profile_id = NEW.profile_id AND item = NEW.item) c
	JOIN (SELECT id, answered_at, correct FROM answer_counted
	      WHERE profile_id = NEW.profile_id AND item = NEW.item
	      ORDER BY answered_at DESC, id DESC LIMIT 1) l
	LEFT JOIN (SELECT id, answered_at FROM answer_counted
	           WHERE profile_id = NEW.profile_id AND item = NEW.item AND correct = 0
	           ORDER BY answered_at DESC, id DESC LIMIT 1) w
	JOIN (SELECT count(*) AS streak FROM answer_counted r
	      WHERE r.profile_id = NEW.profile_id AND r.item = NEW.item AND r.correct = 1
	        AND (r.answered_at, r.id) > (SELECT answered_at, id FROM (
	              SELECT answered_at, id FROM answer_counted WHERE profile_id = NEW.profile_id
	              AND item = NEW.item AND correct = 0 ORDER BY answered_at DESC, id DESC LIMIT 1)
	              UNION ALL SELECT -1, -1 LIMIT 1)) t
	WHERE seen > 0;
	DELETE FROM item_redo;
END;

-- ---- filled from the log once --------------------------------------------
-- Sorting a long log in memory and reading it through a mapping make this
-- several times faster; both are put back afterwards.
PRAGMA temp_store = MEMORY;
PRAGMA mmap_size = 1073741824;
INSERT INTO derived_queue SELECT id, NULL FROM profile;
PRAGMA mmap_size = 0;
PRAGMA temp_store = DEFAULT;
