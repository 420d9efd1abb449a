/* store_tally.c — the learner's counted tally rows (schema 6), read once
 * for as long as the database does not change.  Home's progress per code
 * and Review's confusions are both sums of these rows; on a long history
 * reading them was a third of going from home to Review, and the second
 * read found the same rows as the first. */
#include "store_int.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store_tally {
	int64_t profile;
	uint32_t version;        /* store_data_version when read */
	bool valid;
	struct tally_row *v;
	size_t n, cap;
};

enum { TR_ITEM, TR_CODE, TR_EXPECTED, TR_GIVEN, TR_COUNTED, TR_CORRECT, TR_LAST };  /* the SELECT */

static bool read_rows(struct store *s, const char *what, struct store_tally *c)
{
	sqlite3_stmt *st = store_read_query(s,
		"SELECT item, code, expected, given, counted, correct, last_at FROM {tally} "
		"WHERE profile_id = ?1 AND counted > 0");
	bool ok = false;
	int rc;

	c->n = 0;
	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->n == c->cap) {
			size_t cap = c->cap ? c->cap * 2 : 64;
			struct tally_row *v = realloc(c->v, cap * sizeof *v);
			if (!v) {
				snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
				goto out;
			}
			c->v = v;
			c->cap = cap;
		}
		struct tally_row *r = &c->v[c->n++];
		const unsigned char *item = sqlite3_column_text(st, TR_ITEM);
		size_t len = item ? strnlen((const char *)item, sizeof r->item - 1) : 0;
		memcpy(r->item, item ? (const char *)item : "", len);   /* cut like snprintf would */
		r->item[len] = '\0';
		r->code = sqlite3_column_int(st, TR_CODE);
		r->expected = model_code_text((const char *)sqlite3_column_text(st, TR_EXPECTED));
		r->given = model_code_text((const char *)sqlite3_column_text(st, TR_GIVEN));
		r->counted = sqlite3_column_int(st, TR_COUNTED);
		r->correct = sqlite3_column_int(st, TR_CORRECT) != 0;
		r->last = sqlite3_column_int64(st, TR_LAST);
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, what);
		goto out;
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

bool store_tally_rows(struct store *s, const char *what, const struct tally_row **rows, size_t *n)
{
	struct store_tally *c = s->tally;

	*rows = NULL;
	*n = 0;
	if (!c && !(c = s->tally = calloc(1, sizeof *c))) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		return false;
	}
	/* The version first: a write during the read makes it stale, never a
	 * stale copy look fresh. */
	uint32_t version = store_sql_data_version(s);
	if (!c->valid || c->version != version || c->profile != s->profile) {
		c->valid = read_rows(s, what, c);
		if (!c->valid)
			return false;
		c->profile = s->profile;
		c->version = version;
	}
	*rows = c->v;
	*n = c->n;
	return true;
}

void store_tally_free(struct store *s)
{
	if (s->tally) {
		free(s->tally->v);
		free(s->tally);
		s->tally = NULL;
	}
}
