-- 009_answer_uid.sql: who wrote a profile's answers, found without reading
-- them.  A learner who is not the teacher reads only the answers their own
-- uid wrote; two probes of this index tell whether a profile holds others.
CREATE INDEX answer_profile_uid ON answer(profile_id, uid);
