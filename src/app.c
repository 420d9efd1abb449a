/* app.c — the full-screen loop: navigation stack, prompt editing, resize,
 * "terminal too small", global keys, the frame, home and help screens. */
#include <curses.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "screens.h"
#include "table.h"
#include "text.h"
#include "ui.h"

enum screen_id app_top(const struct app *a)
{
	return a->depth ? a->stack[a->depth - 1] : SCR_HOME;
}

void app_push(struct app *a, enum screen_id s)
{
	if (a->depth == (int)(sizeof a->stack / sizeof a->stack[0]))
		memmove(a->stack, a->stack + 1, sizeof a->stack - sizeof a->stack[0]), a->depth--;
	a->stack[a->depth++] = s;
	if (screens[s].enter)
		screens[s].enter(a);
}

void app_pop(struct app *a)
{
	if (a->depth <= 1) {
		a->quit = true;
		return;
	}
	a->depth--;
	/* What the screen below shows may have changed (a quiz adds mistakes). */
	enum screen_id s = app_top(a);
	if (s == SCR_REVIEW || s == SCR_PROGRESS || s == SCR_HOME || s == SCR_MISTAKE ||
	    s == SCR_CONTRAST)
		screens[s].enter(a);
}

bool app_scroll(int *top, int max, int page, enum action act)
{
	switch (act) {
	case ACT_NONE: break;
	case ACT_UP: (*top)--; break;
	case ACT_DOWN: (*top)++; break;
	case ACT_PGUP: *top -= page - 1; break;
	case ACT_PGDN: *top += page - 1; break;
	case ACT_TOP: *top = 0; break;
	case ACT_BOTTOM: *top = max; break;
	default: return false;
	}
	if (*top > max)
		*top = max;
	if (*top < 0)
		*top = 0;
	return true;
}

bool app_list_move(int *sel, int n, int page, enum action act)
{
	switch (act) {
	case ACT_UP: (*sel)--; break;
	case ACT_DOWN: (*sel)++; break;
	case ACT_PGUP: *sel -= page; break;
	case ACT_PGDN: *sel += page; break;
	case ACT_TOP: *sel = 0; break;
	case ACT_BOTTOM: *sel = n - 1; break;
	default: return false;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	return true;
}

void app_status(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_error = error;
	a->status_keys[0] = 0;
	a->status_alt[0] = 0;
}

void app_status_alt(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->status_alt, sizeof a->status_alt, fmt, ap);
	va_end(ap);
}

void app_status_keys(struct app *a, enum msg keys)
{
	snprintf(a->status_keys, sizeof a->status_keys, "%s", tr(keys));
}

void app_prompt(struct app *a, enum msg prompt, const char *initial)
{
	a->input_on = true;
	a->input_prompt = prompt;
	snprintf(a->input, sizeof a->input, "%s", initial ? initial : "");
}

void app_confirm(struct app *a, void (*yes)(struct app *a), const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->confirm, sizeof a->confirm, fmt, ap);
	va_end(ap);
	a->confirm_on = true;
	a->confirm_yes = yes;
}

/* A footer that fits cols columns.  A hint is items ("key: what") set apart
 * by two or more spaces, the most useful first and the way out last; when it
 * is too wide, whole items go from the right but the last and "?" (help
 * lists every key), and only when the first and last alone are too wide do items lose
 * their "what" ("q: back" becomes "q"), so no word is ever cut in half and
 * no key is shown without what it does while there is room to say it. */
static void hint_fit(const char *hint, int cols, char *out, size_t n)
{
	enum { MAX_ITEMS = 16 };
	char buf[512], *item[MAX_ITEMS];
	size_t keylen[MAX_ITEMS];
	bool brief[MAX_ITEMS] = { false };
	int k = 0;
	snprintf(out, n, "%s", hint);
	if (text_width(hint) <= cols)
		return;
	snprintf(buf, sizeof buf, "%s", hint);
	for (char *p = buf; *p && k < MAX_ITEMS;) {
		item[k] = p;
		char *gap = strstr(p, "  ");
		if (gap)
			*gap = 0;
		/* The key is what comes before ": " or the full-width colon. */
		char *c1 = strstr(p, ": "), *c2 = strstr(p, "：");
		char *colon = c1 && (!c2 || c1 < c2) ? c1 : c2;
		keylen[k++] = colon ? (size_t)(colon - p) : strlen(p);
		if (!gap)
			break;
		for (p = gap + 1; *p == ' '; p++)
			;
	}
	for (int pass = 0;; pass++) {
		size_t len = 0;
		out[0] = 0;
		for (int i = 0; i < k; i++) {
			if (!item[i])
				continue;
			len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%.*s",
			                        len ? "  " : "", brief[i] ? (int)keylen[i] : (int)strlen(item[i]),
			                        item[i]);
		}
		if (text_width(out) <= cols || pass > 2 * k)
			return;
		/* Drop the rightmost item but the first, the last and help ("?",
		 * which leads to the rest); when only those are left, shorten
		 * them, the last first. */
		int i = k - 2;
		while (i >= 1 && (!item[i] || (keylen[i] == 1 && item[i][0] == '?')))
			i--;
		if (i >= 1) {
			item[i] = NULL;
			continue;
		}
		for (i = k - 1; i >= 0 && (!item[i] || brief[i] || keylen[i] == strlen(item[i])); i--)
			;
		if (i < 0)
			return;
		brief[i] = true;
	}
}

void draw_frame(const struct app *a, const char *title, const char *hint)
{
	char left[256], right[160];
	snprintf(left, sizeof left, " %s › %s", tr(MSG_APP_NAME), title);
	ui_fill(0, 0, a->cols, E_TITLE);
	/* The title (an exam's clock and k/N) before the user label: the
	 * name shrinks around an ellipsis, then goes; the language stays. */
	int room = a->cols - text_width(left) - 1 - (text_width(i18n_name(a->lang)) + 1);
	char *user = a->st && room - 3 >= 4 ? table_fit(a->st->user, room - 3, TABLE_CLIP_MIDDLE) : NULL;
	if (user && *user)
		snprintf(right, sizeof right, "%s · %s ", user, i18n_name(a->lang));
	else
		snprintf(right, sizeof right, "%s ", i18n_name(a->lang));
	free(user);
	int rw = text_width(right);
	ui_put(0, 0, left, a->cols - rw - 1, E_TITLE);
	if (rw)
		ui_put(0, a->cols - rw, right, rw, E_TITLE);

	int y = a->rows - 1;
	if (a->confirm_on) {
		/* draw() paints the question over the frame and the body. */
	} else if (a->input_on) {
		ui_fill(y, 0, a->cols, E_NORMAL);
		int x = ui_put(y, 0, tr(a->input_prompt), a->cols, E_KEY);
		/* Show the end of a long query so the cursor stays visible. */
		const char *q = a->input;
		while (text_width(q) > a->cols - x - 2 && *q)
			q++;
		x += ui_put(y, x, q, a->cols - x - 1, E_NORMAL);
		ui_put(y, x, "_", 1, E_SEL);
	} else if (a->status[0]) {
		/* Too long: the message loses its details, then words; its
		 * key hint stays. */
		enum ui_elem e = a->status_error ? E_ERROR : E_STATUS;
		int kw = a->status_keys[0] ? text_width(a->status_keys) + 2 : 0;
		char fit[sizeof a->status];
		size_t n = strlen(text_shorten(a->status, a->cols - 2 - kw, fit, sizeof fit));
		if (a->status_alt[0] && n >= 3 && !strcmp(fit + n - 3, "…"))
			text_shorten(a->status_alt, a->cols - 2 - kw, fit, sizeof fit);
		ui_fill(y, 0, a->cols, e);
		int x = 1 + ui_put(y, 1, fit, a->cols - 2 - kw, e);
		if (kw)
			ui_put(y, x + 2, a->status_keys, kw - 2, e);
	} else {
		char fit[512];
		hint_fit(hint, a->cols - 2, fit, sizeof fit);
		ui_fill(y, 0, a->cols, E_STATUS);
		ui_put(y, 1, fit, a->cols - 2, E_STATUS);
	}
}

/* ---- home ------------------------------------------------------------- */

static const struct {
	enum msg name, desc;
	int letter;
	enum action act;
} menu[] = {
	{ MSG_MENU_READ, MSG_MENU_READ_DESC, 'r', ACT_GO_READ },
	{ MSG_MENU_CODES, MSG_MENU_CODES_DESC, 'c', ACT_GO_CODES },
	{ MSG_MENU_QUIZ, MSG_MENU_QUIZ_DESC, 'z', ACT_GO_QUIZ },
	{ MSG_MENU_REVIEW, MSG_MENU_REVIEW_DESC, 'v', ACT_GO_REVIEW },
	{ MSG_MENU_PROGRESS, MSG_MENU_PROGRESS_DESC, 'p', ACT_GO_PROGRESS },
	{ MSG_MENU_QUIT, MSG_MENU_QUIT_DESC, 'q', ACT_QUIT },
};
#define MENU_N ((int)(sizeof menu / sizeof menu[0]))

static const struct keybind home_keys[] = {
	{ 'r', ACT_GO_READ }, { 'c', ACT_GO_CODES }, { 'z', ACT_GO_QUIZ },
	{ 'v', ACT_GO_REVIEW }, { 'p', ACT_GO_PROGRESS }, { 'q', ACT_QUIT },
	KEYMAP_END
};

static void home_draw(const struct app *a)
{
	/* Without UTF-8 Chinese cannot be shown: L does nothing, so no hint. */
	draw_frame(a, tr(MSG_HOME), tr(ui_utf8() ? MSG_HOME_HINT : MSG_HOME_HINT_ONE_LANG));
	int y = 2, x = 4;
	ui_put(y, x, "httptutor", 20, E_H1);
	ui_put(y, x + 11, tr(MSG_HOME_TAGLINE), a->cols - x - 12, E_DIM);
	/* Where the learner stands, from the progress loaded on entry. */
	const struct progress *p = &a->progress.p;
	y += 2;
	if (a->progress.loaded && p->answers) {
		char buf[256];
		char days[32], answers[32];
		i18n_count(MSG_N_DAYS_ONE, MSG_N_DAYS, p->streak, days, sizeof days);
		snprintf(buf, sizeof buf, tr(MSG_HOME_STATUS), p->due, days,
		         quiz_percent(p->correct, p->answers),
		         i18n_count(MSG_N_ANSWERS_ONE, MSG_N_ANSWERS, p->answers, answers, sizeof answers));
		/* Narrow: without "of N answers", then shortened at a word. */
		if (text_width(buf) > a->cols - 2 * x)
			snprintf(buf, sizeof buf, tr(MSG_HOME_STATUS_SHORT), p->due, days,
			         quiz_percent(p->correct, p->answers));
		char fit[256];
		ui_put(y, x, text_shorten(buf, a->cols - 2 * x, fit, sizeof fit), a->cols - 2 * x, E_STRONG);
	} else if (a->st) {
		ui_put(y, x, tr(MSG_HOME_WELCOME), a->cols - 2 * x, E_DIM);
	}
	y += 2;
	/* Double-spaced when there is room, else every item on its own row. */
	int step = y + 2 * MENU_N < a->rows - 1 ? 2 : 1;
	for (int i = 0; i < MENU_N && y < a->rows - 1; i++, y += step) {
		bool sel = i == a->home_sel;
		char key[8];
		snprintf(key, sizeof key, " %c ", menu[i].letter);
		if (sel)
			ui_fill(y, x, a->cols - 2 * x, E_SEL);
		ui_put(y, x, key, 3, sel ? E_SEL : E_KEY);
		ui_put(y, x + 4, tr(menu[i].name), 14, sel ? E_SEL : E_STRONG);
		ui_put(y, x + 18, tr(menu[i].desc), a->cols - 2 * x - 18, sel ? E_SEL : E_NORMAL);
	}
}

static bool home_go(struct app *a, enum action act)
{
	struct quiz_opts o;
	switch (act) {
	case ACT_GO_READ: app_push(a, SCR_CHAPTERS); return true;
	case ACT_GO_CODES: app_push(a, SCR_CODES); return true;
	case ACT_GO_QUIZ:
		o = a->quiz.opts;
		o.seed = clock_seed();
		a->quiz.fixed_seed = false;
		app_start_quiz(a, &o, false);
		return true;
	case ACT_GO_REVIEW: app_push(a, SCR_REVIEW); return true;
	case ACT_GO_PROGRESS: app_push(a, SCR_PROGRESS); return true;
	case ACT_QUIT: a->quit = true; return true;
	default: return false;
	}
}

static bool home_key(struct app *a, enum action act, int key)
{
	(void)key;
	switch (act) {
	case ACT_UP: a->home_sel = (a->home_sel + MENU_N - 1) % MENU_N; return true;
	case ACT_DOWN: a->home_sel = (a->home_sel + 1) % MENU_N; return true;
	case ACT_TOP: a->home_sel = 0; return true;
	case ACT_BOTTOM: a->home_sel = MENU_N - 1; return true;
	case ACT_OPEN: return home_go(a, menu[a->home_sel].act);
	default: return home_go(a, act);
	}
}

/* ---- help --------------------------------------------------------------- */

/* Columns for the keys on a help line; the description starts after them. */
#define HELP_KEYS_COLS 22
#define HELP_MAX 120       /* lines, with descriptions wrapped */

/* Lines of the help screen: one per action, with every key bound to it
 * ("names\tdescription"; a heading starts with \x01).  Built from the same
 * keymaps the screens use. */
static int help_lines(const struct app *a, char lines[][160], int max)
{
	int n = 0;
	const struct keybind *maps[2] = { screens[a->help_for].keys, keys_global };
	for (int m = 0; m < 2; m++) {
		if (m == 1 && n < max)
			snprintf(lines[n++], 160, "\x01%s", tr(MSG_HELP_GLOBAL));
		for (const struct keybind *b = maps[m]; b && b->key && n < max; b++) {
			if (b->act == ACT_NONE || (b->act == ACT_LANG && !ui_utf8()))
				continue;
			/* One line per action: skip if an earlier binding had it. */
			bool dup = false;
			for (const struct keybind *p = maps[m]; p != b; p++)
				dup |= p->act == b->act;
			/* A global key the screen overrides is not reachable. */
			if (m == 1 && keys_lookup(maps[0], b->key) != b->act)
				continue;
			if (dup)
				continue;
			char names[64] = "";
			for (const struct keybind *p = b; p->key; p++) {
				if (p->act != b->act)
					continue;
				if (m == 1 && keys_lookup(maps[0], p->key) != p->act)
					continue;
				char nm[16];
				keys_name(p->key, nm, sizeof nm);
				/* Two keys with one name (Enter, keypad Enter) show once. */
				size_t len = strlen(names);
				if (strstr(names, nm) || text_width(names) + text_width(nm) + 1 > HELP_KEYS_COLS)
					continue;
				snprintf(names + len, sizeof names - len, "%s%s", len ? " " : "", nm);
			}
			/* A long description wraps under itself, never cut. */
			size_t nl = 0;
			char **ls = text_wrap(keys_help(b->act), a->cols - 5 - HELP_KEYS_COLS, &nl);
			for (size_t i = 0; i < nl && n < max; i++)
				snprintf(lines[n++], 160, "%s\t%s", i ? "" : names, ls[i]);
			text_lines_free(ls, nl);
		}
	}
	return n;
}

/* Rows the help text has on screen, and the largest useful scroll. */
static int help_rows(const struct app *a)
{
	return BODY_ROWS(a) - 1;
}

static int help_max_top(const struct app *a, int n)
{
	return n > help_rows(a) ? n - help_rows(a) : 0;
}

static void help_draw(const struct app *a)
{
	char lines[HELP_MAX][160];
	int n = help_lines(a, lines, HELP_MAX);
	char title[128], hint[160];
	snprintf(title, sizeof title, "%s%s%s", tr(MSG_HELP_TITLE), tr(MSG_LABEL_SEP),
	         tr(screens[a->help_for].title));
	/* When the keys do not fit, the footer says where we are and how to scroll. */
	if (help_max_top(a, n) > 0) {
		int last = a->help_top + help_rows(a) < n ? a->help_top + help_rows(a) : n;
		/* "more" only while there is more below. */
		snprintf(hint, sizeof hint, tr(last < n ? MSG_HELP_FOOTER_SCROLL : MSG_HELP_FOOTER_END),
		         a->help_top + 1, last, n);
	} else {
		snprintf(hint, sizeof hint, "%s", tr(MSG_HELP_FOOTER));
	}
	draw_frame(a, title, hint);
	for (int i = a->help_top, y = BODY_TOP + 1; i < n && y < a->rows - 1; i++, y++) {
		if (lines[i][0] == '\x01') {
			ui_put(y, 2, lines[i] + 1, a->cols - 4, E_HEAD);
			continue;
		}
		char *tab = strchr(lines[i], '\t');
		const char *desc = tab ? tab + 1 : "";
		if (tab)
			*tab = 0;
		ui_put(y, 2, lines[i], HELP_KEYS_COLS, E_KEY);
		ui_put(y, 3 + HELP_KEYS_COLS, desc, a->cols - 5 - HELP_KEYS_COLS, E_NORMAL);
	}
}

static bool help_key(struct app *a, enum action act, int key)
{
	(void)key;
	char lines[HELP_MAX][160];
	int n = help_lines(a, lines, HELP_MAX), max = help_max_top(a, n), page = help_rows(a) - 1;
	int *top = &a->help_top;
	switch (act) {
	case ACT_UP: (*top)--; break;
	case ACT_DOWN: (*top)++; break;
	case ACT_PGUP: *top -= page; break;
	case ACT_PGDN: *top += page; break;
	case ACT_TOP: *top = 0; break;
	case ACT_BOTTOM: *top = max; break;
	case ACT_HELP: app_pop(a); return true;
	default: return false;
	}
	*top = *top > max ? max : *top < 0 ? 0 : *top;
	return true;
}

static void help_relayout(struct app *a)
{
	if (a->help_top == 0)
		return;   /* nothing to keep in range (and no lines to lay out at start) */
	char lines[HELP_MAX][160];
	int max = help_max_top(a, help_lines(a, lines, HELP_MAX));
	if (a->help_top > max)
		a->help_top = max;
}

static void help_enter(struct app *a)
{
	a->help_top = 0;
}

/* ---- the loop ------------------------------------------------------------ */

/* How long Esc waits before it ends the program (the rest of a sequence
 * over a slow link can be this late). */
#define ESC_QUIT_WAIT_MS 400

static void relayout(struct app *a)
{
	ui_size(&a->rows, &a->cols);
	a->too_small = a->cols < UI_MIN_COLS || a->rows < UI_MIN_ROWS;
	if (a->too_small)
		return;
	for (int s = 0; s < SCR_COUNT; s++)
		if (screens[s].relayout)
			screens[s].relayout(a);
}

/* A yes/no question on the status line; a long one wraps upwards over the
 * last rows of the body (at most three), so "y/n" is never cut off. */
static void draw_confirm(const struct app *a)
{
	size_t n = 0;
	char **ls = text_wrap(a->confirm, a->cols - 2, &n);
	int k = n > 3 ? 3 : (int)n, y = a->rows - k;
	for (int i = 0; i < k; i++) {
		ui_fill(y + i, 0, a->cols, E_ERROR);
		if (i == k - 1 && (size_t)k < n)
			ui_put_fit(y + i, 1, ls[i], a->cols - 2, E_ERROR);
		else
			ui_put(y + i, 1, ls[i], a->cols - 2, E_ERROR);
	}
	if (!n)
		ui_fill(a->rows - 1, 0, a->cols, E_ERROR);
	text_lines_free(ls, n);
}

/* What is wrong and how to go on, each wrapped to the width, centred: the
 * window can be far smaller than the minimum. */
static void draw_too_small(const struct app *a)
{
	char what[128], how[128];
	snprintf(what, sizeof what, tr(MSG_TOO_SMALL), a->cols, a->rows);
	snprintf(how, sizeof how, tr(MSG_TOO_SMALL_HOW), UI_MIN_COLS, UI_MIN_ROWS);
	size_t nw = 0, nh = 0;
	char **lw = text_wrap(what, a->cols, &nw), **lh = text_wrap(how, a->cols, &nh);
	int y = (a->rows - (int)(nw + nh)) / 2;
	if (y < 0)
		y = 0;
	for (size_t i = 0; i < nw + nh; i++, y++) {
		const char *l = i < nw ? lw[i] : lh[i - nw];
		int w = text_width(l);
		ui_put(y, w < a->cols ? (a->cols - w) / 2 : 0, l, a->cols, i < nw ? E_ERROR : E_NORMAL);
	}
	text_lines_free(lw, nw);
	text_lines_free(lh, nh);
}

static void draw(const struct app *a)
{
	ui_clear();
	if (a->too_small) {
		draw_too_small(a);
	} else {
		screens[app_top(a)].draw(a);
		if (a->confirm_on)
			draw_confirm(a);
	}
	ui_refresh();
}

/* Edit the prompt line; returns true when the key was consumed. */
static void edit_input(struct app *a, int key)
{
	size_t len = strlen(a->input);
	if (key == '\n' || key == FN(KEY_ENTER)) {
		char text[QUERY_MAX];
		snprintf(text, sizeof text, "%s", a->input);
		a->input_on = false;
		if (screens[app_top(a)].input)
			screens[app_top(a)].input(a, text);
	} else if (key == 27 || key == CTRL('g') || key == CTRL('c')) {
		a->input_on = false;
	} else if (key == FN(KEY_BACKSPACE) || key == 127 || key == 8) {
		/* Drop the last whole UTF-8 character. */
		while (len > 0 && ((unsigned char)a->input[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		a->input[len] = 0;
	} else if (key == CTRL('u')) {
		a->input[0] = 0;
	} else if (key >= 0x20 && key < KEY_FN_BASE && key != 0x7f && !(key >= 0x80 && key < 0xa0)) {
		char mb[8];
		int k = wctomb(mb, (wchar_t)key);
		if (k > 0 && len + (size_t)k + 1 < sizeof a->input) {
			memcpy(a->input + len, mb, (size_t)k);
			a->input[len + (size_t)k] = 0;
		}
	}
}

/* A full-width digit or Latin letter (U+FF10-FF19, FF21-FF3A, FF41-FF5A) as
 * its ASCII key; any other key as it is. */
static int ascii_key(int key)
{
	if ((key >= 0xFF10 && key <= 0xFF19) || (key >= 0xFF21 && key <= 0xFF3A) ||
	    (key >= 0xFF41 && key <= 0xFF5A))
		return key - 0xFF00 + 0x20;
	return key;
}

/* Append as much of the pasted text as fits, ending on a whole character. */
static void paste_input(struct app *a, const char *text)
{
	size_t len = strlen(a->input), k = strlen(text);
	if (len + k + 1 > sizeof a->input) {
		k = sizeof a->input - 1 - len;
		while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
			k--;
	}
	memcpy(a->input + len, text, k);
	a->input[len + k] = '\0';
}

static void global_key(struct app *a, enum action act)
{
	switch (act) {
	case ACT_BACK: app_pop(a); break;
	case ACT_QUIT: a->quit = true; break;
	case ACT_HELP:
		if (app_top(a) != SCR_HELP) {
			a->help_for = app_top(a);
			app_push(a, SCR_HELP);
		}
		break;
	case ACT_LANG:
		if (!ui_utf8())
			break;  /* Chinese cannot be shown without UTF-8 */
		a->lang = a->lang == LANG_EN ? LANG_ZH : LANG_EN;
		i18n_set(a->lang);
		relayout(a);
		break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	default: break;
	}
}

void app_first_frame(struct app *a)
{
	relayout(a);
	draw(a);   /* an empty stack shows home */
}

int app_run(struct app *a, enum screen_id start)
{
	relayout(a);
	a->depth = 0;
	/* An exam or the live board is all there is: leaving it quits. */
	if (start != SCR_EXAM && start != SCR_WATCH)
		app_push(a, SCR_HOME);
	if (start == SCR_CARD) {
		/* browse CODE: q goes back to the table the breadcrumb names. */
		app_push(a, SCR_CODES);
		codes_select(a, a->card.code);
	}
	if (start != SCR_HOME && start != SCR_QUIZ)
		app_push(a, start);
	if (start == SCR_QUIZ)
		app_start_quiz(a, &a->quiz.opts, false);
	while (!a->quit) {
		if (a->flush_input) {
			/* Keys typed before this frame showed were not meant for it.
			 * Drop them before drawing it: once it is on screen, a key is
			 * an answer to it, however soon it comes. */
			ui_flush_input();
			a->flush_input = false;
		}
		draw(a);
		/* Waiting for a key: what is kept only for speed goes back (to
		 * stay under 1 MB of private memory idle, issue 10); not while
		 * keys are queued, so held-down keys never pay for it. */
		if (!ui_input_waiting()) {
			store_idle(a->st);
			malloc_trim(0);
		}
		/* A clock on screen (an exam's time, the live board) ticks. */
		const struct screen *shown = &screens[app_top(a)];
		ui_set_tick(shown->tick_ms && !a->too_small ? shown->tick_ms(a) : 0);
		int key = ui_getkey();
		if (key < 0)
			break;
		if (key == KEY_TICK) {
			if (shown->tick)
				shown->tick(a);
			continue;
		}
		if (key == FN(KEY_RESIZE)) {
			relayout(a);
			continue;
		}
		if (key == KEY_PASTE) {
			/* Pasted text goes into a text box only; elsewhere its
			 * letters would act as keys. */
			if (a->input_on)
				paste_input(a, ui_paste_text());
			else if (*ui_paste_text() && !a->confirm_on && !a->too_small)
				app_status(a, false, "%s", tr(MSG_PASTE_ONLY_BOX));
			continue;
		}
		if (key == KEY_STRAY) {
			/* The rest of a key whose ESC came alone: it answers "no"
			 * to what that Esc asked, and does nothing else. */
			a->confirm_on = false;
			continue;
		}
		/* A Chinese input method in full-width mode types ５ and ｑ:
		 * as keys they are 5 and q (text typed into a box stays as it is). */
		if (!a->input_on)
			key = ascii_key(key);
		/* Too small: only a resize goes on (Ctrl-C ends the program as
		 * anywhere).  q here quit at once, even mid-quiz (QA 5a #3). */
		if (a->too_small)
			continue;
		if (a->confirm_on) {
			/* y answers yes; any other key (Enter included) is no, and
			 * what was typed behind it is dropped: it was not meant for
			 * the screen the question covered. */
			a->confirm_on = false;
			if (key == 'y' || key == 'Y')
				a->confirm_yes(a);
			else
				a->flush_input = true;
			continue;
		}
		if (a->input_on) {
			edit_input(a, key);
			continue;
		}
		/* A message lasts until the next key. */
		a->status[0] = 0;
		a->status_keys[0] = 0;
		a->status_alt[0] = 0;
		a->status_error = false;
		enum screen_id top = app_top(a);
		enum action act = keys_lookup(screens[top].keys, key);
		if (!screens[top].key(a, act, key))
			global_key(a, act);
		/* Esc that would end the program waits a moment for the late rest
		 * of a Home or End; that would not have meant "quit". */
		if (a->quit && key == 27 && ui_esc_was_sequence(ESC_QUIT_WAIT_MS))
			a->quit = false;
	}
	return 0;
}

/* The screen table: adding a screen is one line here and one file. */
const struct screen screens[SCR_COUNT] = {
	[SCR_HOME]     = { progress_enter, home_draw, home_key, NULL, NULL, home_keys, MSG_APP_NAME },
	[SCR_CHAPTERS] = { chapters_enter, chapters_draw, chapters_key, NULL, NULL,
	                   chapters_keys, MSG_CHAPTERS_TITLE },
	[SCR_READER]   = { NULL, reader_draw, reader_key, reader_input, reader_relayout,
	                   reader_keys, MSG_MENU_READ },
	[SCR_CODES]    = { codes_enter, codes_draw, codes_key, codes_input, codes_relayout,
	                   codes_keys, MSG_CODES_TITLE },
	[SCR_CARD]     = { card_enter, card_draw, card_key, NULL, card_relayout, card_keys,
	                   MSG_CODES_TITLE },
	[SCR_QUIZ]     = { NULL, quizview_draw, quizview_key, NULL, quizview_relayout, quizview_keys,
	                   MSG_QUIZ_TITLE },
	[SCR_REVIEW]   = { review_enter, review_draw, review_key, NULL, NULL, review_keys,
	                   MSG_REVIEW_TITLE },
	[SCR_PROGRESS] = { progress_enter, progress_draw, progress_key, NULL, progress_relayout,
	                   progress_keys, MSG_PROGRESS_TITLE },
	[SCR_HELP]     = { help_enter, help_draw, help_key, NULL, help_relayout, NULL, MSG_HELP_TITLE },
	[SCR_MISTAKE]  = { mistake_enter, mistake_draw, mistake_key, NULL, mistake_relayout, mistake_keys,
	                   MSG_REVIEW_TITLE },
	[SCR_CONTRAST] = { contrast_enter, contrast_draw, contrast_key, NULL, contrast_relayout,
	                   contrast_keys, MSG_CONTRAST_TITLE },
	[SCR_EXAM]     = { NULL, examview_draw, examview_key, examview_input, NULL, examview_keys,
	                   MSG_EXAM_TITLE, examview_tick_ms, examview_tick },
	[SCR_WATCH]    = { watch_enter, watch_draw, watch_key, NULL, NULL, watch_keys,
	                   MSG_WATCH_TITLE, watch_tick_ms, watch_tick },
};
