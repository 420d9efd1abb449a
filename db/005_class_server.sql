-- 005_class_server.sql: what the class server (`class serve`) and its
-- clients keep.
--
-- On the server, request_key remembers the reply to every write that came
-- with an Idempotency-Key, in the same transaction as the write: a request
-- sent again (the reply was lost when the network or the server went away)
-- gets the same reply and is not done twice.  roster holds the students who
-- connect over TCP, with a hash of their token (never the token).
CREATE TABLE request_key (
	profile_id INTEGER NOT NULL REFERENCES profile(id),
	key        TEXT NOT NULL,
	status     INTEGER NOT NULL,
	location   TEXT,
	body       TEXT NOT NULL,
	at         INTEGER NOT NULL,
	PRIMARY KEY (profile_id, key)
) WITHOUT ROWID;

CREATE TABLE roster (
	name         TEXT PRIMARY KEY,
	token_hash   TEXT UNIQUE,           -- BLAKE2b-256 of the token, hex; NULL: none issued
	issued_at    INTEGER,
	added_at     INTEGER NOT NULL
);

-- In a learner's own database: requests for the class server that could
-- not be sent yet (the server was down or unreachable), sent in id order,
-- each once, with its key.
CREATE TABLE pending (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	class     TEXT NOT NULL,            -- the server they are for (--class)
	user      TEXT NOT NULL,            -- the learner they are from
	method    TEXT NOT NULL,
	path      TEXT NOT NULL,
	key       TEXT NOT NULL UNIQUE,
	body      TEXT NOT NULL,
	queued_at INTEGER NOT NULL
);
