/* screen_codes.c — the status-code table (filter, search) and a code's card. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "find.h"
#include "lines.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

/* ---- table -------------------------------------------------------------- */

const struct keybind codes_keys[] = {
	{ '0', ACT_FILTER_ALL }, { '1', ACT_FILTER_1 }, { '2', ACT_FILTER_2 },
	{ '3', ACT_FILTER_3 }, { '4', ACT_FILTER_4 }, { '5', ACT_FILTER_5 },
	{ 'a', ACT_TOGGLE_ALL }, { '/', ACT_SEARCH },
	KEYMAP_END
};

static bool code_visible(const struct app *a, const struct code_entry *c)
{
	const struct codes_view *v = &a->codes;
	if (v->klass && c->code / 100 != v->klass)
		return false;
	/* A search looks at every code; otherwise "core" hides the rest. */
	if (!v->all && !v->query[0] && !c->core)
		return false;
	return !v->query[0] || find_code(a->m, c, v->query);
}

static void codes_refilter(struct app *a)
{
	struct codes_view *v = &a->codes;
	int keep = v->sel >= 0 && (size_t)v->sel < v->n_rows ? a->m->codes[v->rows[v->sel]].code : 0;
	free(v->rows);
	v->rows = calloc(a->m->n_codes + 1, sizeof *v->rows);
	v->n_rows = 0;
	v->sel = 0;
	if (!v->rows)
		return;
	for (size_t i = 0; i < a->m->n_codes; i++)
		if (code_visible(a, &a->m->codes[i])) {
			if (a->m->codes[i].code == keep)
				v->sel = (int)v->n_rows;
			v->rows[v->n_rows++] = i;
		}
	v->top = 0;
}

void codes_enter(struct app *a)
{
	codes_refilter(a);
}

static void keep_visible(struct app *a);

/* Select code in the table, listing every code when it is not core. */
void codes_select(struct app *a, int code)
{
	struct codes_view *v = &a->codes;
	const struct code_entry *c = model_code(a->m, code);
	if (c && !c->core)
		v->all = true;
	codes_refilter(a);
	for (size_t i = 0; i < v->n_rows; i++)
		if (a->m->codes[v->rows[i]].code == code)
			v->sel = (int)i;
	codes_relayout(a);
}

void codes_relayout(struct app *a)
{
	if (a->codes.n_rows)
		keep_visible(a);  /* the selected row stays on screen */
}

static void keep_visible(struct app *a)
{
	struct codes_view *v = &a->codes;
	int page = BODY_ROWS(a) - 2;
	if (v->sel < 0)
		v->sel = 0;
	if (v->sel >= (int)v->n_rows)
		v->sel = (int)v->n_rows - 1;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + page)
		v->top = v->sel - page + 1;
	/* A taller window fills its rows rather than leave them blank. */
	if (v->top > (int)v->n_rows - page)
		v->top = (int)v->n_rows - page;
	if (v->top < 0)
		v->top = 0;
}

void codes_draw(const struct app *a)
{
	const struct codes_view *v = &a->codes;
	char title[200], filter[160] = "";
	size_t len = 0;
	/* A search looks through every code, so it is never "core". */
	len += (size_t)snprintf(filter + len, sizeof filter - len, "%s",
	                        v->all || v->query[0] ? tr(MSG_CODES_ALL) : tr(MSG_CODES_CORE));
	if (v->klass)
		len += (size_t)snprintf(filter + len, sizeof filter - len, " · %dxx", v->klass);
	if (v->query[0])
		snprintf(filter + len, sizeof filter - len, " · “%s”", v->query);
	snprintf(title, sizeof title, "%s (%zu) [%s]", tr(MSG_CODES_TITLE), v->n_rows, filter);
	draw_frame(a, title, tr(MSG_CLASS_FILTER_HINT));

	/* Columns: code (4) mark (2) phrase (fixed) meaning (rest), by display width. */
	int phrase_w = a->cols >= 100 ? 32 : 22;
	int mean_x = 1 + 4 + 2 + phrase_w + 1;
	int y = BODY_TOP;
	ui_put(y, 1, tr(MSG_COL_CODE), 6, E_HEAD);
	ui_put(y, 7, tr(MSG_COL_PHRASE), phrase_w, E_HEAD);
	ui_put(y, mean_x, tr(MSG_COL_MEANING), a->cols - mean_x - 1, E_HEAD);
	if (v->n_rows == 0) {
		/* Say which key brings codes back: a (every code) or 0 / q. */
		char none[256];
		if (v->query[0])
			snprintf(none, sizeof none, tr(MSG_CODES_NONE_SEARCH), v->query);
		else if (!v->all && v->klass)
			snprintf(none, sizeof none, tr(MSG_CODES_NONE_CORE), v->klass);
		else
			snprintf(none, sizeof none, "%s", tr(MSG_CODES_NONE));
		struct lines msg = { NULL, 0, 0, a->cols - 4 };
		lines_wrap(&msg, none, E_DIM, 0);
		lines_draw(&msg, y + 2, BODY_ROWS(a) - 3, 0, 2, a->cols - 4, -1);
		lines_free(&msg);
		return;
	}
	int page = BODY_ROWS(a) - 2;
	for (int r = 0; r < page && v->top + r < (int)v->n_rows; r++) {
		const struct code_entry *c = &a->m->codes[v->rows[v->top + r]];
		bool sel = v->top + r == v->sel;
		int ry = y + 1 + r;
		char num[8];
		snprintf(num, sizeof num, "%d", c->code);
		if (sel)
			ui_fill(ry, 0, a->cols, E_SEL);
		ui_put(ry, 1, num, 4, sel ? E_SEL : (enum ui_elem)(E_CLASS1 + c->code / 100 - 1));
		const char *mark = c->status == CODE_UNOFFICIAL ? "!" :
		                   c->status == CODE_UNUSED || c->status == CODE_OBSOLETED ? "-" :
		                   c->core ? "*" : " ";
		ui_put(ry, 5, mark, 1, sel ? E_SEL : E_DIM);
		ui_put_fit(ry, 7, c->phrase, phrase_w, sel ? E_SEL : E_STRONG);
		ui_put_fit(ry, mean_x, ltext_get(&c->summary, a->lang), a->cols - mean_x - 1,
		       sel ? E_SEL : E_NORMAL);
	}
	/* The last row: what the marks mean, and the scroll position. */
	int pos_w = 0;
	if ((int)v->n_rows > page) {
		char pos[32];
		snprintf(pos, sizeof pos, " %d/%zu ", v->sel + 1, v->n_rows);
		pos_w = (int)strlen(pos) + 1;
		ui_put(a->rows - 2, a->cols - pos_w, pos, 12, E_DIM);
	}
	ui_put(a->rows - 2, 1, tr(MSG_CODES_LEGEND), a->cols - pos_w - 2, E_DIM);
}

void codes_input(struct app *a, const char *text)
{
	snprintf(a->codes.query, sizeof a->codes.query, "%s", text);
	codes_refilter(a);
	if (a->codes.n_rows == 0)
		app_status(a, true, tr(MSG_SEARCH_NOTFOUND), text);
}

bool codes_key(struct app *a, enum action act, int key)
{
	(void)key;
	struct codes_view *v = &a->codes;
	if (app_list_move(&v->sel, (int)v->n_rows, BODY_ROWS(a) - 2, act)) {
		keep_visible(a);
		return true;
	}
	switch (act) {
	case ACT_FILTER_ALL:
		v->klass = 0;
		v->query[0] = 0;
		codes_refilter(a);
		break;
	case ACT_FILTER_1: case ACT_FILTER_2: case ACT_FILTER_3:
	case ACT_FILTER_4: case ACT_FILTER_5:
		v->klass = (int)(act - ACT_FILTER_1) + 1;
		codes_refilter(a);
		break;
	case ACT_TOGGLE_ALL:
		v->all = !v->all;
		codes_refilter(a);
		break;
	case ACT_SEARCH:
		app_prompt(a, MSG_SEARCH_PROMPT, v->query);
		return true;
	case ACT_OPEN:
		if (v->n_rows)
			app_open_card(a, a->m->codes[v->rows[v->sel]].code);
		return true;
	case ACT_BACK:
		/* q first clears the search and the class filter (both), then leaves. */
		if (v->query[0] || v->klass) {
			v->query[0] = 0;
			v->klass = 0;
			codes_refilter(a);
			break;
		}
		return false;
	default:
		return false;
	}
	keep_visible(a);
	return true;
}

/* ---- card --------------------------------------------------------------- */

const struct keybind card_keys[] = {
	{ '\t', ACT_NEXT_LINK }, { FN(KEY_BTAB), ACT_PREV_LINK },
	{ FN(KEY_RIGHT), ACT_NONE },
	KEYMAP_END
};

/* The card for the current width and language; links are lines of their own. */
static struct lines card_build(const struct app *a)
{
	/* Lines longer than 100 columns are hard to read, as in the reader. */
	return card_lines(a->m, a->card.code, a->lang, a->cols - 4 > 100 ? 100 : a->cols - 4,
	                  &a->hide);
}

static bool is_link(const struct line *l)
{
	return l->link_code || l->link_ref;
}

void card_enter(struct app *a)
{
	/* The store may know of an exam begun since the last card. */
	examhide_load(&a->hide, a->st, clock_now());
}

void card_draw(const struct app *a)
{
	struct lines c = card_build(a);
	char title[64];
	snprintf(title, sizeof title, "%s › %d", tr(MSG_CODES_TITLE), a->card.code);
	draw_frame(a, title, tr(MSG_CARD_LINKS_HINT));
	int link = 0;
	for (size_t i = 0, y = BODY_TOP; i < c.n; i++) {
		bool sel = is_link(&c.l[i]) && link++ == a->card.link;
		if ((int)i < a->card.top)
			continue;
		if ((int)y >= a->rows - 1)
			break;
		if (sel)
			ui_fill((int)y, 2 + c.l[i].indent, text_width(c.l[i].text), E_SEL);
		ui_put_fit((int)y, 2 + c.l[i].indent, c.l[i].text, a->cols - 3 - c.l[i].indent,
		       sel ? E_SEL : c.l[i].e);
		y++;
	}
	lines_free(&c);
}

void app_open_card(struct app *a, int code)
{
	if (!model_code(a->m, code))
		return;
	a->card.code = code;
	a->card.link = -1;
	a->card.top = 0;
	a->card.n_back = 0;
	if (app_top(a) != SCR_CARD)
		app_push(a, SCR_CARD);
}

/* Largest useful scroll of the card c for the current height. */
static int card_max_top(const struct app *a, const struct lines *c)
{
	return (int)c->n - BODY_ROWS(a) > 0 ? (int)c->n - BODY_ROWS(a) : 0;
}

/* Select link k (or keep the selection when k < 0) and scroll it into view. */
static void link_into_view(struct app *a, const struct lines *c, int k)
{
	if (k >= 0)
		a->card.link = k;
	for (size_t i = 0, j = 0; i < c->n; i++)
		if (is_link(&c->l[i]) && (int)j++ == a->card.link &&
		    ((int)i < a->card.top || (int)i >= a->card.top + BODY_ROWS(a)))
			a->card.top = (int)i - BODY_ROWS(a) / 2;
	if (a->card.top > card_max_top(a, c))
		a->card.top = card_max_top(a, c);
	if (a->card.top < 0)
		a->card.top = 0;
}

/* After a resize or a language switch: the same link stays in view, and a
 * taller window shows the card from a top that leaves no blank rows. */
void card_relayout(struct app *a)
{
	struct lines c = card_build(a);
	link_into_view(a, &c, -1);
	lines_free(&c);
}

bool card_key(struct app *a, enum action act, int key)
{
	(void)key;
	struct lines c = card_build(a);
	int nlinks = 0, page = BODY_ROWS(a) - 1;
	for (size_t i = 0; i < c.n; i++)
		nlinks += is_link(&c.l[i]);
	int maxtop = card_max_top(a, &c);
	bool handled = true;
	switch (act) {
	case ACT_UP: a->card.top--; break;
	case ACT_DOWN: a->card.top++; break;
	case ACT_PGUP: a->card.top -= page; break;
	case ACT_PGDN: a->card.top += page; break;
	case ACT_TOP: a->card.top = 0; break;
	case ACT_BOTTOM: a->card.top = maxtop; break;
	case ACT_NEXT_LINK:
	case ACT_PREV_LINK:
		if (nlinks) {
			int d = act == ACT_NEXT_LINK ? 1 : nlinks - 1;
			link_into_view(a, &c, a->card.link < 0 ? (act == ACT_NEXT_LINK ? 0 : nlinks - 1)
			                                       : (a->card.link + d) % nlinks);
		}
		break;
	case ACT_OPEN:
		if (a->card.link < 0) {
			/* Nothing highlighted: highlight the first link; Enter again follows it. */
			if (nlinks)
				link_into_view(a, &c, 0);
			break;
		}
		for (size_t i = 0, k = 0; i < c.n; i++) {
			if (!is_link(&c.l[i]) || (int)k++ != a->card.link)
				continue;
			if (c.l[i].link_ref) {
				app_open_ref(a, c.l[i].link_ref);
			} else {
				/* Related codes stack up, so q walks back through them
				 * to the same place on each card. */
				if (a->card.n_back < 16) {
					a->card.back[a->card.n_back].code = a->card.code;
					a->card.back[a->card.n_back].link = a->card.link;
					a->card.back[a->card.n_back++].top = a->card.top;
				}
				a->card.code = c.l[i].link_code;
				a->card.link = -1;
				a->card.top = 0;
			}
			break;
		}
		break;
	case ACT_BACK:
		if (a->card.n_back > 0) {
			a->card.n_back--;
			a->card.code = a->card.back[a->card.n_back].code;
			a->card.link = a->card.back[a->card.n_back].link;
			a->card.top = a->card.back[a->card.n_back].top;
		} else {
			handled = false;
		}
		break;
	default:
		handled = false;
	}
	if (a->card.top > maxtop)
		a->card.top = maxtop;
	if (a->card.top < 0)
		a->card.top = 0;
	lines_free(&c);
	return handled;
}
