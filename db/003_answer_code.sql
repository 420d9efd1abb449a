-- 003_answer_code.sql: the status code each answer is about.
-- A header question's expected answer is a header name ("Allow"), so the class
-- and code it belongs to could not be read from `expected`; progress per class
-- and per code counts it by this column.  Rows from before this migration keep
-- NULL here (the log is append-only) and are counted by `expected` instead.
ALTER TABLE answer ADD COLUMN code INTEGER CHECK (code IS NULL OR code BETWEEN 100 AND 599);
