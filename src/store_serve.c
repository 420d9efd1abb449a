/* store_serve.c — the class server's own rows: stored replies, owners of
 * sessions and answers, and the token roster. */
#include "store_serve.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool store_key_find(struct store *s, const char *key, struct stored_reply *r, bool *found)
{
	sqlite3_stmt *st = db_prepare_keep(s->db,
		"SELECT status, location, body, request FROM request_key "
		"WHERE profile_id = ?1 AND key = ?2");
	bool ok = false;
	int rc;

	*found = false;
	memset(r, 0, sizeof *r);
	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_int64(st, 1, s->profile);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *body = sqlite3_column_text(st, 2);
		r->status = sqlite3_column_int(st, 0);
		store_copy(r->location, sizeof r->location, sqlite3_column_text(st, 1));
		store_copy(r->request, sizeof r->request, sqlite3_column_text(st, 3));
		if (!(r->body = strdup(body ? (const char *)body : ""))) {
			snprintf(s->err, sizeof s->err, "out of memory");
			goto out;
		}
		*found = true;
	} else if (rc != SQLITE_DONE) {
		store_read_fail(s, "cannot read the earlier replies");
		goto out;
	}
	ok = true;
out:
	db_done(s->db, st);
	return ok;
}

bool store_key_save(struct store *s, const char *key, const char *request, int status,
                    const char *location, const char *body, int64_t at)
{
	sqlite3_stmt *st = db_prepare_keep(s->db,
		"INSERT INTO request_key(profile_id, key, status, location, body, at, request) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	int rc;

	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_int64(st, 1, s->profile);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, status);
	store_bind_text(st, 4, location && *location ? location : NULL);
	sqlite3_bind_text(st, 5, body ? body : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, at);
	sqlite3_bind_text(st, 7, request, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_done(s->db, st);
	if (rc != SQLITE_DONE) {
		store_write_fail(s, "remember the reply", rc);
		return false;
	}
	return true;
}

/* Owner of row id in a table whose profile column is profile_id. */
static enum store_owner owner_of(struct store *s, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_prepare_keep(s->db, sql);
	enum store_owner o = OWNER_ERR;
	int rc;

	if (!st) {
		store_read_fail(s, NULL);
		return OWNER_ERR;
	}
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		o = sqlite3_column_int64(st, 0) == s->profile ? OWNER_SELF : OWNER_OTHER;
	else if (rc == SQLITE_DONE)
		o = OWNER_NONE;
	else
		store_read_fail(s, "cannot read the database");
	db_done(s->db, st);
	return o;
}

enum store_owner store_session_owner(struct store *s, int64_t id)
{
	return owner_of(s, "SELECT profile_id FROM session WHERE id = ?1", id);
}

enum store_owner store_answer_owner(struct store *s, int64_t id)
{
	return owner_of(s, "SELECT profile_id FROM answer WHERE id = ?1", id);
}

/* ---- roster -------------------------------------------------------------------- */

bool store_roster_put(struct db *db, const char *name, const char *hash, int64_t now,
                      char *err, size_t errsz)
{
	sqlite3_stmt *st = NULL;
	bool ok = false;

	if (!db_begin(db))
		goto fail;
	st = db_prepare(db, "INSERT INTO roster(name, added_at) VALUES (?1, ?2) "
	                "ON CONFLICT(name) DO NOTHING");
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail(db, "cannot add to the roster");
		goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (hash) {
		st = db_prepare(db, "UPDATE roster SET token_hash = ?2, issued_at = ?3 WHERE name = ?1");
		if (!st)
			goto fail;
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, now);
		if (sqlite3_step(st) != SQLITE_DONE) {
			db_fail(db, "cannot store the token");
			goto fail;
		}
	}
	if (!db_commit(db))
		goto fail;
	ok = true;
	goto out;
fail:
	snprintf(err, errsz, "%s", db->err);
	db_rollback(db);
out:
	sqlite3_finalize(st);
	return ok;
}

bool store_roster_find(struct db *db, const char *hash, char *name, size_t n, bool *found)
{
	sqlite3_stmt *st = db_prepare_keep(db, "SELECT name FROM roster WHERE token_hash = ?1");
	bool ok = false;
	int rc;

	*found = false;
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		store_copy(name, n, sqlite3_column_text(st, 0));
		*found = true;
		ok = true;
	} else if (rc == SQLITE_DONE) {
		ok = true;
	} else {
		db_fail(db, "cannot read the roster");
	}
	db_done(db, st);
	return ok;
}

bool store_roster_list(struct db *db, struct roster_entry **out, size_t *n)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT name, coalesce(issued_at, 0), added_at FROM roster ORDER BY name");
	struct roster_entry *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct roster_entry *nv = realloc(v, ncap * sizeof *nv);
			if (!nv) {
				snprintf(db->err, sizeof db->err, "out of memory");
				goto out;
			}
			v = nv;
			cap = ncap;
		}
		store_copy(v[len].name, sizeof v[len].name, sqlite3_column_text(st, 0));
		v[len].issued_at = sqlite3_column_int64(st, 1);
		v[len].added_at = sqlite3_column_int64(st, 2);
		len++;
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, "cannot read the roster");
		goto out;
	}
	*out = v;
	*n = len;
	v = NULL;
	ok = true;
out:
	free(v);
	sqlite3_finalize(st);
	return ok;
}
