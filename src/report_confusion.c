/* report_confusion.c — confusions in the output of `stats`. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "contrast.h"
#include "contrastcard.h"
#include "i18n.h"
#include "out.h"
#include "report.h"
#include "report_confusion.h"
#include "store_confusion.h"

/* The learner's confusions, most frequent first; false with st->err set. */
static bool load(struct store *st, int64_t now, struct confusion **c, size_t *n)
{
	struct code_cell *cells = NULL;
	size_t nc = 0;
	*c = NULL;
	*n = 0;
	if (!store_code_matrix(st, now - CONTRAST_RECENT_DAYS * 86400, &cells, &nc))
		return false;
	bool ok = contrast_confusions(cells, nc, c, n);
	if (!ok)
		snprintf(st->err, sizeof st->err, "out of memory");
	free(cells);
	return ok;
}

static json_t *one(const struct model *m, const struct confusion *c)
{
	char at[32];
	time_t t = (time_t)c->last;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	const struct contrast *g = contrast_for_pair(m, c->expected, c->given);
	return json_pack("{s:i, s:i, s:i, s:i, s:i, s:s, s:o}", "expected", c->expected,
	                 "given", c->given, "count", c->count, "recent", c->recent,
	                 "answers", c->row_total, "last", at,
	                 "group", g ? json_string(g->id) : json_null());
}

json_t *report_confusion_json(const struct model *m, struct store *st, int64_t now)
{
	struct confusion *c;
	size_t n;
	if (!load(st, now, &c, &n))
		return NULL;
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++) {
		json_t *e = one(m, &c[i]);
		if (!e || json_array_append_new(a, e) != 0) {
			json_decref(a);
			a = NULL;
		}
	}
	if (!a)
		snprintf(st->err, sizeof st->err, "out of memory");
	free(c);
	return a;
}

bool report_confusion_text(const struct model *m, struct store *st, int64_t now, int top,
                           enum lang L, bool utf8)
{
	struct confusion *c;
	size_t n;
	char line[512];
	if (!load(st, now, &c, &n))
		return false;
	if (n) {
		printf("\n");
		out_puts(stdout, tr(MSG_CONFUSION_TOP), utf8);
		printf("\n");
	}
	for (size_t i = 0; i < n && (int)i < top; i++) {
		contrast_confusion_text(m, &c[i], now, L, line, sizeof line);
		report_wrap(stdout, line, report_width(), 2, utf8);
	}
	free(c);
	return true;
}
