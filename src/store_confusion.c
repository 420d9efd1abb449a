/* store_confusion.c — confusions between codes, from the tally the
 * triggers of schema 6 keep. */
#include "store_confusion.h"
#include "i18n.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Both columns hold a status code: header answers and typed junk do not. */
#define CODE_PAIR "expected GLOB '[1-5][0-9][0-9]' AND given GLOB '[1-5][0-9][0-9]'"

typedef void row_fn(void *elem, sqlite3_stmt *st);

/* Runs sql for this learner (store_read_query: ?1 = profile; ?2 = arg2) and turns each row into
 * an element of `size` bytes with fill.  *out is malloc'd (NULL when there
 * are no rows); false with s->err set, saying `what` failed. */
static bool read_rows(struct store *s, const char *sql, int64_t arg2, size_t size, row_fn *fill,
                      const char *what, void **out, size_t *n)
{
	sqlite3_stmt *st = store_read_query(s, sql);
	char *v = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return false;
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, arg2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			char *nv = realloc(v, ncap * size);
			if (!nv) {
				snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
				goto fail;
			}
			v = nv;
			cap = ncap;
		}
		fill(v + len++ * size, st);
	}
	if (rc != SQLITE_DONE) {
		db_fail(s->db, what);
		snprintf(s->err, sizeof s->err, "%s", s->db->err);
		goto fail;
	}
	sqlite3_finalize(st);
	*out = v;
	*n = len;
	return true;
fail:
	sqlite3_finalize(st);
	free(v);
	return false;
}

enum { CI_ITEM, CI_EXPECTED, CI_GIVEN, CI_TIMES, CI_LAST };   /* mirrors the SELECT */

static void fill_item(void *elem, sqlite3_stmt *st)
{
	struct confusion_item *c = elem;
	const unsigned char *item = sqlite3_column_text(st, CI_ITEM);
	snprintf(c->item, sizeof c->item, "%s", item ? (const char *)item : "");
	c->expected = sqlite3_column_int(st, CI_EXPECTED);
	c->given = sqlite3_column_int(st, CI_GIVEN);
	c->times = sqlite3_column_int(st, CI_TIMES);
	c->last = sqlite3_column_int64(st, CI_LAST);
}

bool store_sql_confusion_items(struct store *s, struct confusion_item **out, size_t *n)
{
	return read_rows(s,
		"SELECT item, CAST(expected AS INTEGER), CAST(given AS INTEGER), sum(counted), max(last_at)"
		" FROM {tally} WHERE profile_id = ?1 AND correct = 0 AND counted > 0 AND " CODE_PAIR
		" GROUP BY item, expected, given ORDER BY 5 DESC, 4 DESC, 1, 2, 3",
		0, sizeof **out, fill_item, tr(MSG_STORE_READ_CONFUSIONS), (void **)out, n);
}

enum { CC_EXPECTED, CC_GIVEN, CC_COUNT, CC_RECENT, CC_LAST };   /* mirrors the SELECT */

static void fill_cell(void *elem, sqlite3_stmt *st)
{
	struct code_cell *c = elem;
	c->expected = sqlite3_column_int(st, CC_EXPECTED);
	c->given = sqlite3_column_int(st, CC_GIVEN);
	c->count = sqlite3_column_int(st, CC_COUNT);
	c->recent = sqlite3_column_int(st, CC_RECENT);
	c->last = sqlite3_column_int64(st, CC_LAST);
}

bool store_sql_code_matrix(struct store *s, int64_t since, struct code_cell **out, size_t *n)
{
	/* Totals from pair_stat; recent ones from the log since `since`, which
	 * answer_profile_time reaches without the older answers. */
	return read_rows(s,
		"WITH cell AS (SELECT CAST(expected AS INTEGER) AS expected, CAST(given AS INTEGER) AS given,"
		"  sum(counted) AS n, max(last_at) AS last, sum(iif(correct, 0, counted)) AS wrong"
		"  FROM {tally} WHERE profile_id = ?1 AND counted > 0 AND " CODE_PAIR
		"  GROUP BY 1, 2),"
		" recent AS (SELECT CAST(expected AS INTEGER) AS expected, CAST(given AS INTEGER) AS given,"
		"  count(*) AS n FROM {answer_counted} WHERE profile_id = ?1 AND answered_at >= ?2"
		"  AND " CODE_PAIR " GROUP BY 1, 2) "
		"SELECT c.expected, c.given, c.n, coalesce(r.n, 0), c.last"
		" FROM cell c LEFT JOIN recent r USING (expected, given)"
		" WHERE c.expected IN (SELECT expected FROM cell GROUP BY expected HAVING sum(wrong) > 0)"
		" ORDER BY 1, 2",
		since, sizeof **out, fill_cell, tr(MSG_STORE_READ_BY_CODE), (void **)out, n);
}
