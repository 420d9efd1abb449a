-- 011_request_fingerprint.sql: what request a stored reply answered.
--
-- A reply kept for an Idempotency-Key (schema 5) was given again to any
-- request with that key: a different answer, or a write to another path,
-- got the first one's 201 and was not done.  request is the method, the
-- path and a BLAKE2b-256 hash of the body ("POST /v1/answers 9f3c…"); a
-- key sent again with another request is refused (422).  Rows kept before
-- this column have none and are replayed as before.
ALTER TABLE request_key ADD COLUMN request TEXT;
