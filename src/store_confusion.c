/* store_confusion.c — confusions between codes, from the tally the
 * triggers of schema 6 keep. */
#include "store_confusion.h"
#include "i18n.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Both columns hold a status code: header answers and typed junk do not. */

/* Fills elem from the row; false: the row is not wanted (elem is reused). */
typedef bool row_fn(void *elem, sqlite3_stmt *st);

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
		len += fill(v + len * size, st);
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

static int by_pair(const void *x, const void *y)
{
	const struct confusion_item *a = x, *b = y;
	int c = strcmp(a->item, b->item);
	if (c)
		return c;
	if (a->expected != b->expected)
		return a->expected < b->expected ? -1 : 1;
	return (a->given > b->given) - (a->given < b->given);
}

static int latest_first(const void *x, const void *y)
{
	const struct confusion_item *a = x, *b = y;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	if (a->times != b->times)
		return a->times > b->times ? -1 : 1;
	return by_pair(x, y);
}

bool store_sql_confusion_items(struct store *s, struct confusion_item **out, size_t *n)
{
	/* (profile, item, code, given, expected, correct) is the tally's key,
	 * so with correct = 0 a row is a pair already.  What is left is done
	 * here: the code check, summing the rare pair a changed question left
	 * under two codes, the order (GLOB, GROUP BY and ORDER BY on every
	 * row were most of Review's wait on a long history).  The rows are
	 * those home has just read for the progress, unless the file changed. */
	const struct tally_row *rows;
	size_t n_rows, k = 0;

	*out = NULL;
	*n = 0;
	if (!store_tally_rows(s, tr(MSG_STORE_READ_CONFUSIONS), &rows, &n_rows))
		return false;
	for (size_t i = 0; i < n_rows; i++)
		k += !rows[i].correct && rows[i].expected && rows[i].given;
	struct confusion_item *v = k ? malloc(k * sizeof *v) : NULL;
	if (k && !v) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		return false;
	}
	for (size_t i = 0; i < n_rows; i++) {
		const struct tally_row *r = &rows[i];
		if (r->correct || !r->expected || !r->given)
			continue;
		struct confusion_item *c = &v[(*n)++];
		memcpy(c->item, r->item, sizeof c->item);
		c->expected = r->expected;
		c->given = r->given;
		c->times = r->counted;
		c->last = r->last;
	}
	*out = v;
	k = 0;
	bool sorted = true;   /* as the key reads them, unless a question changed code */
	for (size_t i = 1; i < *n && sorted; i++)
		sorted = by_pair(&v[i - 1], &v[i]) <= 0;
	if (!sorted)
		qsort(v, *n, sizeof *v, by_pair);
	for (size_t i = 0; i < *n; i++) {
		if (k && by_pair(&v[k - 1], &v[i]) == 0) {
			v[k - 1].times += v[i].times;
			if (v[i].last > v[k - 1].last)
				v[k - 1].last = v[i].last;
		} else {
			v[k++] = v[i];
		}
	}
	*n = k;
	if (k > 1)
		qsort(v, k, sizeof *v, latest_first);
	return true;
}

/* One tally row (or, later, one cell) while the matrix is summed. */
struct cell_row {
	struct code_cell c;
	int wrong;
};

enum { CR_EXPECTED, CR_GIVEN, CR_COUNT };   /* mirrors the SELECT */

static bool fill_recent(void *elem, sqlite3_stmt *st)
{
	struct cell_row *r = elem;
	r->c.expected = model_code_text((const char *)sqlite3_column_text(st, CR_EXPECTED));
	r->c.given = model_code_text((const char *)sqlite3_column_text(st, CR_GIVEN));
	r->c.recent = sqlite3_column_int(st, CR_COUNT);
	return r->c.expected && r->c.given;
}

static int by_cell(const void *x, const void *y)
{
	const struct code_cell *a = x, *b = y;
	if (a->expected != b->expected)
		return a->expected < b->expected ? -1 : 1;
	return (a->given > b->given) - (a->given < b->given);
}

bool store_sql_code_matrix(struct store *s, int64_t since, struct code_cell **out, size_t *n)
{
	/* The learner's tally rows summed here into cells: a few hundred rows
	 * on any history, where SQLite's GLOB, GROUP BY and a second pass for
	 * the rows with a wrong answer cost more than reading them (and the
	 * rows are home's, store_tally.c).  The answers since `since` come
	 * from the log (answer_profile_time reaches them without the older
	 * ones), and only when there are any. */
	const struct tally_row *rows;
	struct cell_row *v = NULL, *rec = NULL;
	size_t n_rows, nv = 0, nrec = 0, k = 0;
	int64_t latest = 0;
	bool ok = false;

	*out = NULL;
	*n = 0;
	if (!store_tally_rows(s, tr(MSG_STORE_READ_BY_CODE), &rows, &n_rows))
		goto out;
	if (n_rows && !(v = malloc(n_rows * sizeof *v))) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	for (size_t i = 0; i < n_rows; i++) {
		const struct tally_row *r = &rows[i];
		if (!r->expected || !r->given)
			continue;   /* a header answer or typed junk: no cell */
		v[nv++] = (struct cell_row){ { r->expected, r->given, r->counted, 0, r->last },
		                             r->correct ? 0 : r->counted };
	}
	if (nv > 1)
		qsort(v, nv, sizeof *v, by_cell);
	for (size_t i = 0; i < nv; i++) {
		latest = v[i].c.last > latest ? v[i].c.last : latest;
		if (k && by_cell(&v[k - 1].c, &v[i].c) == 0) {
			v[k - 1].c.count += v[i].c.count;
			v[k - 1].wrong += v[i].wrong;
			if (v[i].c.last > v[k - 1].c.last)
				v[k - 1].c.last = v[i].c.last;
		} else {
			v[k++] = v[i];
		}
	}
	nv = k;
	if (nv && latest >= since &&
	    !read_rows(s, "SELECT expected, given, count(*) FROM {answer_counted}"
	               " WHERE profile_id = ?1 AND answered_at >= ?2 GROUP BY expected, given",
	               since, sizeof *rec, fill_recent, tr(MSG_STORE_READ_BY_CODE), (void **)&rec, &nrec))
		goto out;
	for (size_t i = 0; i < nrec; i++) {
		struct cell_row *c = bsearch(&rec[i], v, nv, sizeof *v, by_cell);
		if (c)
			c->c.recent += rec[i].c.recent;
	}
	/* Only the rows (expected codes) with a wrong answer: v is by expected. */
	if (nv && !(*out = calloc(nv, sizeof **out))) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	for (size_t i = 0, j; i < nv; i = j) {
		int wrong = 0;
		for (j = i; j < nv && v[j].c.expected == v[i].c.expected; j++)
			wrong += v[j].wrong;
		for (size_t r = i; wrong > 0 && r < j; r++)
			(*out)[(*n)++] = v[r].c;
	}
	if (!*n) {
		free(*out);
		*out = NULL;
	}
	ok = true;
out:
	free(v);
	free(rec);
	return ok;
}
