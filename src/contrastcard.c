/* contrastcard.c — what a contrast card says, in what order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "contrast.h"
#include "contrastcard.h"
#include "i18n.h"
#include "text.h"

#define SIDE_MIN 24   /* narrowest column worth putting rules side by side */
#define SIDE_GAP " │ "

void contrast_ago(int64_t t, int64_t now, char *buf, size_t n)
{
	time_t a = (time_t)t, b = (time_t)now;
	struct tm ta, tb;
	localtime_r(&a, &ta);
	localtime_r(&b, &tb);
	/* calendar days between the two dates, whatever the hour or DST */
	ta.tm_hour = tb.tm_hour = 12;
	ta.tm_min = tb.tm_min = ta.tm_sec = tb.tm_sec = 0;
	ta.tm_isdst = tb.tm_isdst = -1;
	long days = (long)((difftime(mktime(&tb), mktime(&ta)) + 43200) / 86400);
	if (days <= 0)
		snprintf(buf, n, "%s", tr(MSG_AGO_TODAY));
	else if (days == 1)
		snprintf(buf, n, "%s", tr(MSG_AGO_YESTERDAY));
	else
		snprintf(buf, n, tr(MSG_AGO_DAYS), (int)days);
}

static void code_heading(const struct model *m, int code, enum lang L, char *buf, size_t n);

void contrast_confusion_text(const struct model *m, const struct confusion *c, int64_t now,
                             enum lang L, char *buf, size_t n)
{
	char right[128], given[128], when[64];
	code_heading(m, c->expected, L, right, sizeof right);
	code_heading(m, c->given, L, given, sizeof given);
	contrast_ago(c->last, now, when, sizeof when);
	snprintf(buf, n, tr(MSG_CONFUSION_WORDS), right, given, c->count, c->row_total, when);
	size_t len = strlen(buf);
	if (c->row_recent && len < n)
		snprintf(buf + len, n - len, tr(MSG_CONFUSION_RECENT), c->recent, c->row_recent);
}

static void code_heading(const struct model *m, int code, enum lang L, char *buf, size_t n)
{
	const struct code_entry *e = model_code(m, code);
	if (e)
		snprintf(buf, n, "%d %s", code, ltext_get(&e->name, L));
	else
		snprintf(buf, n, "%d", code);
}

/* The rules as columns: a heading row, then the wrapped rules row by row. */
static void rules_side_by_side(struct lines *c, const struct model *m, const struct contrast *g,
                               enum lang L, int cw)
{
	char **col[CONTRAST_MAX_CODES];
	size_t rows[CONTRAST_MAX_CODES], most = 0;
	char head[CONTRAST_MAX_CODES][128];
	const char *cells[CONTRAST_MAX_CODES];

	for (size_t i = 0; i < g->n_codes; i++) {
		code_heading(m, g->codes[i], L, head[i], sizeof head[i]);
		col[i] = text_wrap(ltext_get(&g->rule[i], L), cw, &rows[i]);
		most = rows[i] > most ? rows[i] : most;
	}
	for (size_t r = 0; r <= most; r++) {
		char line[1024] = "";
		size_t len = 0;
		for (size_t i = 0; i < g->n_codes; i++) {
			cells[i] = r == 0 ? head[i] : r - 1 < rows[i] ? col[i][r - 1] : "";
			bool last = i + 1 == g->n_codes;
			char *cell = last ? strdup(cells[i]) : text_pad(cells[i], cw);
			if (cell)
				len += (size_t)snprintf(line + len, sizeof line - len, "%s%s", cell,
				                        last ? "" : SIDE_GAP);
			free(cell);
			if (len >= sizeof line)
				break;
		}
		while (len > 0 && line[len - 1] == ' ')   /* the last column ended early */
			line[--len] = '\0';
		lines_add(c, line, r == 0 ? E_HEAD : E_NORMAL, 2);
	}
	for (size_t i = 0; i < g->n_codes; i++)
		text_lines_free(col[i], rows[i]);
}

static void mistakes(struct lines *c, const struct model *m, const struct contrast *g,
                     const struct confusion_item *ci, size_t n, int64_t now, enum lang L)
{
	char buf[512], when[64];
	bool any = false;
	lines_add(c, "", E_NORMAL, 0);
	lines_add(c, tr(MSG_CONTRAST_MINE), E_HEAD, 0);
	/* per pair first (the direction of the mix-up), then the questions */
	for (size_t a = 0; a < g->n_codes; a++)
		for (size_t b = 0; b < g->n_codes; b++) {
			int times = 0;
			int64_t last = 0;
			for (size_t i = 0; i < n; i++)
				if (ci[i].expected == g->codes[a] && ci[i].given == g->codes[b]) {
					times += ci[i].times;
					last = ci[i].last > last ? ci[i].last : last;
				}
			if (!times)
				continue;
			any = true;
			contrast_ago(last, now, when, sizeof when);
			char count[32];
			snprintf(buf, sizeof buf, tr(MSG_CONTRAST_PAIR), g->codes[a], g->codes[b],
			         i18n_count(MSG_N_TIMES_ONE, MSG_N_TIMES, times, count, sizeof count), when);
			lines_wrap_hang(c, "✗ ", buf, E_WRONG, 2);
		}
	if (!any) {
		lines_wrap(c, tr(MSG_CONTRAST_MINE_NONE), E_DIM, 2);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (contrast_for_pair(m, ci[i].expected, ci[i].given) != g)
			continue;
		const struct scenario *s = model_scenario(m, ci[i].item);
		const struct code_entry *e = NULL;
		const char *what = ci[i].item;
		if (s)
			what = ltext_get(&s->situation, L);
		else if (strncmp(ci[i].item, "code:", 5) == 0 && (e = model_code(m, atoi(ci[i].item + 5))))
			what = ltext_get(&e->summary, L);
		snprintf(buf, sizeof buf, tr(MSG_CONTRAST_ITEM), ci[i].expected, ci[i].given, ci[i].times);
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s", what);
		lines_wrap_hang(c, "• ", buf, E_NORMAL, 2);
	}
}

struct lines contrast_card_lines(const struct model *m, const struct contrast *g, bool mine,
                                 const struct confusion_item *ci, size_t n, int64_t now,
                                 enum lang L, int width)
{
	struct lines c = { NULL, 0, 0, width };
	char buf[512], label[64];
	contrast_label(g, label, sizeof label);
	snprintf(buf, sizeof buf, "%s · %s", label, ltext_get(&g->title, L));
	lines_wrap(&c, buf, E_H1, 0);
	lines_add(&c, "", E_NORMAL, 0);
	lines_add(&c, tr(MSG_CONTRAST_QUESTION), E_HEAD, 0);
	lines_wrap(&c, ltext_get(&g->question, L), E_STRONG, 2);
	lines_add(&c, "", E_NORMAL, 0);
	lines_add(&c, tr(MSG_CONTRAST_RULES), E_HEAD, 0);
	int gap = (int)g->n_codes - 1;
	int cw = (width - 2 - gap * text_width(SIDE_GAP)) / (int)g->n_codes;
	if (cw >= SIDE_MIN) {
		rules_side_by_side(&c, m, g, L, cw);
	} else {
		for (size_t i = 0; i < g->n_codes; i++) {
			code_heading(m, g->codes[i], L, buf, sizeof buf);
			lines_add(&c, buf, E_STRONG, 2);
			lines_wrap(&c, ltext_get(&g->rule[i], L), E_NORMAL, 4);
		}
	}
	lines_add(&c, "", E_NORMAL, 0);
	lines_add(&c, tr(MSG_CONTRAST_EXAMPLE), E_HEAD, 0);
	lines_wrap(&c, ltext_get(&g->example, L), E_NORMAL, 2);
	const char *anchor;
	int ch = model_resolve(m, g->anchor, &anchor);
	if (ch >= 0) {
		lines_add(&c, "", E_NORMAL, 0);
		lines_add(&c, tr(MSG_CARD_CHAPTER), E_HEAD, 0);
		snprintf(buf, sizeof buf, "→ %s (%s)", ltext_get(&m->chapters[ch].title, L), g->anchor);
		struct line *l = lines_add(&c, buf, E_LINK, 2);
		if (l)
			l->link_ref = g->anchor;
	}
	if (mine)
		mistakes(&c, m, g, ci, n, now, L);
	return c;
}
