-- 001_init.sql: the first schema.  Times are unix seconds (UTC).
-- Learners are profiles; a profile may be used from several OS accounts,
-- so each answer also keeps the OS uid that gave it.
CREATE TABLE profile (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL
);

-- One quiz, review or exam run; seed reproduces the questions.
CREATE TABLE session (
	id              INTEGER PRIMARY KEY,
	profile_id      INTEGER NOT NULL REFERENCES profile(id),
	kind            TEXT NOT NULL CHECK (kind IN ('quiz', 'review', 'exam')),
	seed            INTEGER NOT NULL,       -- uint64 stored as its int64 bit pattern
	content_version TEXT,
	started_at      INTEGER NOT NULL,
	ended_at        INTEGER
);

-- The answer log.  Append-only: review state is derived from it, never
-- written back into it.
CREATE TABLE answer (
	id              INTEGER PRIMARY KEY,
	profile_id      INTEGER NOT NULL REFERENCES profile(id),
	uid             INTEGER NOT NULL,
	session_id      INTEGER REFERENCES session(id),
	item            TEXT NOT NULL,          -- scenario id or "code:NNN"
	qtype           TEXT NOT NULL,
	shown           TEXT NOT NULL,
	given           TEXT NOT NULL,
	expected        TEXT NOT NULL,
	correct         INTEGER NOT NULL CHECK (correct IN (0, 1)),
	ms              INTEGER NOT NULL CHECK (ms >= 0),
	answered_at     INTEGER NOT NULL,
	content_version TEXT
);

CREATE TRIGGER answer_no_update BEFORE UPDATE ON answer
BEGIN
	SELECT RAISE(ABORT, 'answers are append-only');
END;

CREATE TRIGGER answer_no_delete BEFORE DELETE ON answer
BEGIN
	SELECT RAISE(ABORT, 'answers are append-only');
END;

CREATE TABLE chapter_visit (
	profile_id INTEGER NOT NULL REFERENCES profile(id),
	chapter    TEXT NOT NULL,
	first_at   INTEGER NOT NULL,
	last_at    INTEGER NOT NULL,
	count      INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (profile_id, chapter)
);
