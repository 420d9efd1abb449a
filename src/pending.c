/* pending.c — the queue of requests for the class server (see pending.h). */
#include "pending.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool pending_add(struct db *db, const char *klass, const char *user, const char *method,
                 const char *path, const char *key, const char *body, char *err, size_t errsz)
{
	sqlite3_stmt *st = NULL;

	if (!db_same_file(db) || !db_begin(db))
		goto fail;
	st = db_prepare(db, "INSERT INTO pending(class, user, method, path, key, body, queued_at) "
	                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, klass, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, method, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, body ? body : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)time(NULL));
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail(db, tr(MSG_CLASS_KEEP_FAILED));
		goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!db_same_file(db) || !db_commit(db))
		goto fail;
	return true;
fail:
	snprintf(err, errsz, "%s", db->err);
	sqlite3_finalize(st);
	db_rollback(db);
	return false;
}

int pending_count(struct db *db, const char *klass, const char *user)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM pending WHERE class = ?1 AND user = ?2");
	int n = -1;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, klass, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Drop the request with this row id; false on a database error. */
static bool drop(struct db *db, sqlite3_int64 id)
{
	sqlite3_stmt *st = NULL;
	bool ok = false;
	if (!db_begin(db))
		return false;
	if ((st = db_prepare(db, "DELETE FROM pending WHERE id = ?1"))) {
		sqlite3_bind_int64(st, 1, id);
		ok = sqlite3_step(st) == SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (ok && db_commit(db))
		return true;
	db_rollback(db);
	return false;
}

int pending_flush(struct db *db, const char *klass, const char *user, pending_send_fn send,
                  void (*note)(void *ctx, const char *why), void *ctx, int *refused)
{
	int sent = 0;
	*refused = 0;
	for (;;) {
		sqlite3_stmt *st = db_prepare(db, "SELECT id, method, path, key, body FROM pending "
		                              "WHERE class = ?1 AND user = ?2 ORDER BY id LIMIT 1");
		char method[16], path[256], key[80], why[512];
		char *body;
		sqlite3_int64 id;
		int rc;

		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, klass, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			sqlite3_finalize(st);
			return rc == SQLITE_DONE ? sent : -1;
		}
		id = sqlite3_column_int64(st, 0);
		snprintf(method, sizeof method, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(path, sizeof path, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(st, 3));
		body = strdup((const char *)sqlite3_column_text(st, 4));
		sqlite3_finalize(st);
		if (!body)
			return -1;
		why[0] = '\0';
		enum pending_result r = send(ctx, method, path, key, *body ? body : NULL, why, sizeof why);
		free(body);
		if (r == PENDING_LATER)
			return sent;
		if (r == PENDING_REFUSED) {
			(*refused)++;
			note(ctx, why);
		} else {
			sent++;
		}
		if (!drop(db, id))
			return -1;
	}
}
