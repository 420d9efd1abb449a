/* report_confusion.c — confusions in the line outputs: a learner's in
 * `stats`, a class's in `report` and `report --exam` (text, JSON, HTML). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "contrast.h"
#include "contrastcard.h"
#include "html_page.h"
#include "i18n.h"
#include "out.h"
#include "report.h"
#include "report_confusion.h"
#include "report_exam.h"
#include "store_confusion.h"
#include "table.h"

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
		snprintf(st->err, sizeof st->err, "%s", tr(MSG_ERR_OOM));
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
		snprintf(st->err, sizeof st->err, "%s", tr(MSG_ERR_OOM));
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

/* ---- the class report ---------------------------------------------------- */

#define CLASS_TOP 10    /* confusions in the text table and the HTML chart */

bool report_confusion_exam(const struct model *m, struct watch_data *d)
{
	struct classmix c = { 0 };
	for (size_t i = 0; i < d->n_s; i++) {
		const struct exam_student *s = &d->s[i];
		for (int k = 0; s->cell && k < d->n_q; k++)
			if (s->cell[k] == 0 && s->given[k])
				classmix_add(&c, s->name, d->q[k].right_code, contrast_code(s->given[k]), 1);
	}
	free(d->mix);
	d->mix = NULL;
	d->n_mix = 0;
	return classmix_finish(&c, m, &d->mix, &d->n_mix);
}

void report_confusion_ways(const struct classmix_row *r, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	if (!r->g) {
		snprintf(buf, n, "%d→%d ×%d", r->expected, r->given, r->times);
		return;
	}
	/* the most frequent direction first */
	bool done[CONTRAST_MAX_CODES][CONTRAST_MAX_CODES] = { { false } };
	for (;;) {
		int bi = -1, bj = -1;
		for (size_t i = 0; i < r->g->n_codes; i++)
			for (size_t j = 0; j < r->g->n_codes; j++)
				if (r->dir[i][j] && !done[i][j] && (bi < 0 || r->dir[i][j] > r->dir[bi][bj]))
					bi = (int)i, bj = (int)j;
		if (bi < 0 || used >= n)
			break;
		done[bi][bj] = true;
		int w = snprintf(buf + used, n - used, "%s%d→%d ×%d", used ? " · " : "",
		                 r->g->codes[bi], r->g->codes[bj], r->dir[bi][bj]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

void report_confusion_csv(FILE *f, const struct classmix_row *r)
{
	char label[64], ways[256];
	classmix_label(r, label, sizeof label);
	report_confusion_ways(r, ways, sizeof ways);
	out_csv_field(f, label);
	fputc(',', f);
	out_csv_field(f, r->g ? r->g->id : "");
	fprintf(f, ",%d,%d,", r->students, r->times);
	out_csv_field(f, ways);
}

void report_confusion_class_text(const struct report_ctx *r, const struct classmix_row *v,
                                 size_t n)
{
	char label[64], students[16], times[16], ways[256];
	putchar('\n');
	out_puts(stdout, tr(MSG_REPORT_MIX_TITLE), r->utf8);
	putchar('\n');
	if (!n) {
		printf("  ");
		out_puts(stdout, tr(MSG_REPORT_MIX_NONE), r->utf8);
		putchar('\n');
		return;
	}
	struct table_col cols[] = {
		{ tr(MSG_REPORT_MIX_CODES), TABLE_LEFT, TABLE_CLIP_END, 9, 0 },
		{ tr(MSG_REPORT_MIX_STUDENTS), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_MIX_TIMES), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_MIX_WAYS), TABLE_LEFT, TABLE_CLIP_END, 10, 0 },
	};
	struct table t;
	table_init(&t, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; i < n && i < CLASS_TOP; i++) {
		classmix_label(&v[i], label, sizeof label);
		snprintf(students, sizeof students, "%d", v[i].students);
		snprintf(times, sizeof times, "%d", v[i].times);
		report_confusion_ways(&v[i], ways, sizeof ways);
		table_add(&t, (const char *[]){ label, students, times, ways });
	}
	table_print(&t, stdout, report_width(), 2, r->utf8);
	table_free(&t);
}

json_t *report_confusion_class_json(const struct report_ctx *r, const struct classmix_row *v,
                                    size_t n)
{
	json_t *a = json_array();
	char label[64];
	for (size_t i = 0; a && i < n; i++) {
		const struct classmix_row *x = &v[i];
		json_t *codes = json_array(), *ways = json_array();
		classmix_label(x, label, sizeof label);
		bool ok = codes && ways;
		if (x->g) {
			for (size_t k = 0; ok && k < x->g->n_codes; k++)
				ok = json_array_append_new(codes, json_integer(x->g->codes[k])) == 0;
			for (size_t p = 0; ok && p < x->g->n_codes; p++)
				for (size_t q = 0; ok && q < x->g->n_codes; q++)
					if (x->dir[p][q])
						ok = json_array_append_new(ways, json_pack("{s:i, s:i, s:i}",
						     "expected", x->g->codes[p], "given", x->g->codes[q],
						     "times", x->dir[p][q])) == 0;
		} else {
			ok = ok && json_array_append_new(codes, json_integer(x->expected)) == 0 &&
			     json_array_append_new(codes, json_integer(x->given)) == 0 &&
			     json_array_append_new(ways, json_pack("{s:i, s:i, s:i}", "expected",
			     x->expected, "given", x->given, "times", x->times)) == 0;
		}
		json_t *e = ok ? json_pack("{s:s, s:o, s:o, s:o, s:i, s:i, s:O}", "label", label,
		                           "group", x->g ? json_string(x->g->id) : json_null(),
		                           "title", x->g ? json_string(ltext_get(&x->g->title, r->lang))
		                                         : json_null(),
		                           "codes", codes, "students", x->students, "times", x->times,
		                           "ways", ways) : NULL;
		if (!e)
			json_decref(codes);
		json_decref(ways);
		if (!e || json_array_append_new(a, e) != 0) {
			json_decref(a);
			a = NULL;
		}
	}
	return a;
}

void report_confusion_class_html(FILE *f, const struct report_ctx *r,
                                 const struct classmix_row *v, size_t n, int students)
{
	char label[64], buf[512];
	html_heading(f, MSG_REPORT_MIX_TITLE);
	if (!n) {
		fputs("<p id=\"confusions-none\">", f);
		out_html(f, tr(MSG_REPORT_MIX_NONE));
		fputs("</p>\n", f);
		return;
	}
	/* bars: the share of the class that made each confusion, the top ones */
	size_t shown = n < CLASS_TOP ? n : CLASS_TOP;
	int most = students > 0 ? students : 1;
	for (size_t i = 0; i < shown; i++)
		most = v[i].students > most ? v[i].students : most;
	const struct html_bars b = { (int)shown, 16, 150, 150, "#a10e0e" };
	html_bars_open(f, &b, "confusion-bars", MSG_REPORT_MIX_BARS);
	for (size_t i = 0; i < shown; i++) {
		char attrs[96], times[32];
		snprintf(attrs, sizeof attrs, "class=\"mixbar\" data-students=\"%d\" data-times=\"%d\"",
		         v[i].students, v[i].times);
		classmix_label(&v[i], label, sizeof label);
		snprintf(buf, sizeof buf, tr(MSG_REPORT_MIX_BAR), v[i].students, most,
		         i18n_count(MSG_N_TIMES_ONE, MSG_N_TIMES, v[i].times, times, sizeof times));
		html_bar(f, &b, (int)i, attrs, label, (double)v[i].students / most, buf);
	}
	html_bars_close(f);
	fputs("<table id=\"confusions\"><thead><tr>", f);
	const enum msg heads[] = { MSG_REPORT_MIX_CODES, MSG_REPORT_MIX_STUDENTS,
	                           MSG_REPORT_MIX_TIMES, MSG_REPORT_MIX_WAYS };
	for (size_t k = 0; k < 4; k++) {
		fputs(k == 1 || k == 2 ? "<th class=\"n\">" : "<th>", f);
		out_html(f, tr(heads[k]));
		fputs("</th>", f);
	}
	fputs("</tr></thead><tbody>\n", f);
	for (size_t i = 0; i < n; i++) {
		classmix_label(&v[i], label, sizeof label);
		fputs("<tr class=\"confusion\"><td class=\"label\">", f);
		out_html(f, label);
		if (v[i].g) {
			fputs("<br><span class=\"muted\">", f);
			out_html(f, ltext_get(&v[i].g->title, r->lang));
			fputs("</span>", f);
		}
		fprintf(f, "</td><td class=\"n students\">%d</td><td class=\"n times\">%d</td>"
		        "<td class=\"ways\">", v[i].students, v[i].times);
		report_confusion_ways(&v[i], buf, sizeof buf);
		out_html(f, buf);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
}
