-- 002_indexes_exam.sql: indexes for the per-learner queries, and exams.
-- Review state replays one learner's answers item by item; progress reads
-- them by time.  Both were full scans of the answer log in schema 1.
CREATE INDEX answer_profile_item ON answer(profile_id, item, answered_at);
CREATE INDEX answer_profile_time ON answer(profile_id, answered_at);

-- An exam a teacher hands out: everyone with the same id gets the same seed
-- and count, so the same questions in the same order.
CREATE TABLE exam (
	id         TEXT PRIMARY KEY,
	seed       INTEGER NOT NULL,            -- uint64 as its int64 bit pattern
	count      INTEGER NOT NULL CHECK (count > 0),
	minutes    INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),  -- 0 = untimed
	created_at INTEGER NOT NULL
);

-- A session may belong to an exam (the class report groups by it).
ALTER TABLE session ADD COLUMN exam_id TEXT REFERENCES exam(id);
