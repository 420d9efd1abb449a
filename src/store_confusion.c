/* store_confusion.c — confusions between codes from the answer log. */
#include "store_confusion.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Both columns hold a status code: header answers and typed junk do not. */
#define CODE_PAIR "expected GLOB '[1-5][0-9][0-9]' AND given GLOB '[1-5][0-9][0-9]'"

/* Room for one more element; NULL with s->err set when memory runs out. */
static void *grow(struct store *s, void *arr, size_t *cap, size_t len, size_t size)
{
	if (len < *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 32;
	void *nv = realloc(arr, ncap * size);
	if (!nv)
		snprintf(s->err, sizeof s->err, "out of memory");
	else
		*cap = ncap;
	return nv;
}

static sqlite3_stmt *prepare(struct store *s, const char *sql)
{
	sqlite3_stmt *st = db_prepare(s->db, sql);
	if (!st)
		snprintf(s->err, sizeof s->err, "%s", s->db->err);
	else
		sqlite3_bind_int64(st, 1, s->profile);
	return st;
}

static bool step_done(struct store *s, int rc, const char *what)
{
	if (rc == SQLITE_DONE)
		return true;
	db_fail(s->db, what);
	snprintf(s->err, sizeof s->err, "%s", s->db->err);
	return false;
}

enum { CI_ITEM, CI_EXPECTED, CI_GIVEN, CI_TIMES, CI_LAST };   /* mirrors the SELECT */

bool store_confusion_items(struct store *s, struct confusion_item **out, size_t *n)
{
	sqlite3_stmt *st = prepare(s,
		"SELECT item, CAST(expected AS INTEGER), CAST(given AS INTEGER), count(*),"
		" max(answered_at) FROM answer"
		" WHERE profile_id = ?1 AND correct = 0 AND " CODE_PAIR
		" GROUP BY item, expected, given ORDER BY 5 DESC, 4 DESC, 1, 2, 3");
	struct confusion_item *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct confusion_item *nv = grow(s, v, &cap, len, sizeof *v);
		if (!nv)
			goto out;
		v = nv;
		struct confusion_item *c = &v[len++];
		const unsigned char *item = sqlite3_column_text(st, CI_ITEM);
		snprintf(c->item, sizeof c->item, "%s", item ? (const char *)item : "");
		c->expected = sqlite3_column_int(st, CI_EXPECTED);
		c->given = sqlite3_column_int(st, CI_GIVEN);
		c->times = sqlite3_column_int(st, CI_TIMES);
		c->last = sqlite3_column_int64(st, CI_LAST);
	}
	if (!step_done(s, rc, "cannot read your confusions"))
		goto out;
	*out = v;
	*n = len;
	v = NULL;
	ok = true;
out:
	free(v);
	sqlite3_finalize(st);
	return ok;
}

enum { CC_EXPECTED, CC_GIVEN, CC_COUNT, CC_RECENT, CC_LAST };   /* mirrors the SELECT */

bool store_code_matrix(struct store *s, int64_t since, struct code_cell **out, size_t *n)
{
	sqlite3_stmt *st = prepare(s,
		"WITH mine AS (SELECT expected, given, correct, answered_at FROM answer"
		"  WHERE profile_id = ?1 AND " CODE_PAIR "),"
		" mixed AS (SELECT DISTINCT expected FROM mine WHERE correct = 0) "
		"SELECT CAST(expected AS INTEGER), CAST(given AS INTEGER), count(*),"
		" sum(answered_at >= ?2), max(answered_at)"
		" FROM mine WHERE expected IN (SELECT expected FROM mixed)"
		" GROUP BY expected, given ORDER BY 1, 2");
	struct code_cell *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 2, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct code_cell *nv = grow(s, v, &cap, len, sizeof *v);
		if (!nv)
			goto out;
		v = nv;
		struct code_cell *c = &v[len++];
		c->expected = sqlite3_column_int(st, CC_EXPECTED);
		c->given = sqlite3_column_int(st, CC_GIVEN);
		c->count = sqlite3_column_int(st, CC_COUNT);
		c->recent = sqlite3_column_int(st, CC_RECENT);
		c->last = sqlite3_column_int64(st, CC_LAST);
	}
	if (!step_done(s, rc, "cannot read your answers by code"))
		goto out;
	*out = v;
	*n = len;
	v = NULL;
	ok = true;
out:
	free(v);
	sqlite3_finalize(st);
	return ok;
}
