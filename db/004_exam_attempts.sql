-- 004_exam_attempts.sql: exams a teacher makes, their fixed papers, attempts.
-- An exam made with `exam new` ('set') keeps a secret seed and the questions
-- drawn at creation; `exam --seed S --count N` makes a 'practice' paper whose
-- seed is public.  Rows from schema 2 are practice papers.
ALTER TABLE exam ADD COLUMN kind TEXT NOT NULL DEFAULT 'practice'
	CHECK (kind IN ('set', 'practice'));
ALTER TABLE exam ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0
	CHECK (attempts >= 0);                  -- 0 = as many as wanted
ALTER TABLE exam ADD COLUMN feedback TEXT NOT NULL DEFAULT 'end'
	CHECK (feedback IN ('end', 'closed', 'never'));
ALTER TABLE exam ADD COLUMN shuffle INTEGER NOT NULL DEFAULT 0
	CHECK (shuffle IN (0, 1));              -- per-student order of questions and choices
ALTER TABLE exam ADD COLUMN closes_at INTEGER;  -- set time it closes, NULL = none
ALTER TABLE exam ADD COLUMN closed_at INTEGER;  -- when it did close, NULL = open
ALTER TABLE exam ADD COLUMN filters TEXT NOT NULL DEFAULT '';  -- --class/--chapter/--type given
ALTER TABLE exam ADD COLUMN created_by TEXT;    -- profile name of the teacher
ALTER TABLE exam ADD COLUMN uid INTEGER;        -- OS uid that made it
ALTER TABLE exam ADD COLUMN content_version TEXT;

-- The paper, fixed when the exam is made: a later content edit cannot change
-- it.  choices and expected are what grading needs; body keeps the texts a
-- learner reads (JSON), so the question stays what it was.
CREATE TABLE exam_question (
	exam_id  TEXT NOT NULL REFERENCES exam(id),
	pos      INTEGER NOT NULL CHECK (pos >= 0),
	item     TEXT NOT NULL,
	qtype    TEXT NOT NULL,
	code     INTEGER NOT NULL CHECK (code BETWEEN 100 AND 599),
	choices  TEXT NOT NULL,                 -- canonical order, comma-separated
	expected TEXT NOT NULL,
	also     TEXT NOT NULL DEFAULT '',      -- other codes that count as right, comma-separated
	body     TEXT NOT NULL,
	PRIMARY KEY (exam_id, pos),
	UNIQUE (exam_id, item)
);

-- An attempt is a session of an exam with a number; its deadline is stored
-- when it starts (started + minutes) and never recomputed.  session.seed is
-- the attempt's own shuffle seed.
ALTER TABLE session ADD COLUMN attempt INTEGER CHECK (attempt IS NULL OR attempt >= 1);
ALTER TABLE session ADD COLUMN deadline_at INTEGER;
ALTER TABLE session ADD COLUMN end_reason TEXT
	CHECK (end_reason IS NULL OR end_reason IN ('finished', 'time', 'closed'));
CREATE UNIQUE INDEX session_attempt ON session(exam_id, profile_id, attempt)
	WHERE attempt IS NOT NULL;
CREATE INDEX session_open_attempt ON session(deadline_at)
	WHERE attempt IS NOT NULL AND ended_at IS NULL;
CREATE INDEX answer_session_item ON answer(session_id, item);

-- Answers that stand: inside an attempt a learner may change an answer, and
-- only the last one given for a question counts.
CREATE VIEW answer_final AS
SELECT a.* FROM answer a
WHERE a.session_id IS NULL
   OR NOT EXISTS (SELECT 1 FROM session s WHERE s.id = a.session_id AND s.attempt IS NOT NULL)
   OR a.id = (SELECT max(b.id) FROM answer b
              WHERE b.session_id = a.session_id AND b.item = a.item);

-- Attempts whose answers a learner may not see judged yet: still open, or
-- ended but the exam shows results only after it closes ('closed') or never.
CREATE VIEW session_sealed AS
SELECT s.id FROM session s JOIN exam e ON e.id = s.exam_id
WHERE s.attempt IS NOT NULL
  AND NOT (s.ended_at IS NOT NULL
           AND (e.feedback = 'end' OR (e.feedback = 'closed' AND e.closed_at IS NOT NULL)));

-- What counts towards a learner's progress and review: the answers that
-- stand, and exam answers only once they are no longer sealed.
CREATE VIEW answer_counted AS
SELECT a.* FROM answer_final a
WHERE a.session_id IS NULL OR a.session_id NOT IN (SELECT id FROM session_sealed);
