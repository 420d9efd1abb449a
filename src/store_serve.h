/* store_serve.h — what the class server keeps in the class database beyond
 * the store's interface: the replies to requests sent with an
 * Idempotency-Key (so a request sent twice is done once), who owns a
 * session or an answer (so another learner's gets 403, a missing one 404),
 * and the roster of students who connect over TCP with a token (only a
 * hash of each token is kept).  SQLite backend only; writes go through
 * db_begin/db_commit, so they join the server's group commit. */
#ifndef HTTPTUTOR_STORE_SERVE_H
#define HTTPTUTOR_STORE_SERVE_H

#include <stdint.h>
#include "store.h"

/* A reply as it was first sent. */
struct stored_reply {
	int status;
	char location[160];
	char request[400];      /* the request it answered ("POST /v1/answers HASH"); ""
	                         * for a reply kept before schema 11 */
	char *body;             /* malloc'd */
};
/* The reply stored for this learner's key: *found false when none.  false
 * with s->err on a database error. */
bool store_key_find(struct store *s, const char *key, struct stored_reply *r, bool *found);
/* Remember the reply to key, and the request it answered (inside the
 * caller's transaction). */
bool store_key_save(struct store *s, const char *key, const char *request, int status,
                    const char *location, const char *body, int64_t at);

enum store_owner { OWNER_ERR = -1, OWNER_NONE, OWNER_SELF, OWNER_OTHER };
/* Whose session (any kind, attempts too) or answer id is. */
enum store_owner store_session_owner(struct store *s, int64_t id);
enum store_owner store_answer_owner(struct store *s, int64_t id);

/* ---- the roster -------------------------------------------------------------- */

struct roster_entry {
	char name[72];
	int64_t issued_at;      /* 0: no token issued */
	int64_t added_at;
};
/* Add name (kept when already there).  With hash (hex) the name's token is
 * replaced by the one it hashes.  false with err (the database's words). */
bool store_roster_put(struct db *db, const char *name, const char *hash, int64_t now,
                      char *err, size_t errsz);
/* The name whose token hashes to hash: *found false when none. */
bool store_roster_find(struct db *db, const char *hash, char *name, size_t n, bool *found);
/* Everyone on the roster, by name.  *out is malloc'd. */
bool store_roster_list(struct db *db, struct roster_entry **out, size_t *n);

#endif
