/* screen_watch.c — the teacher's live board during an exam: every learner's
 * answered k/N, time left and status, and who has not started, read again
 * every 2 s.  Read-only; each read is one short transaction (WAL: students'
 * writes never wait for it).  curses sends only what changed: no flicker. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_exam.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

#define WATCH_MS 2000

const struct keybind watch_keys[] = {
	{ 'o', ACT_SORT }, { 's', ACT_SORT },
	KEYMAP_END
};

/* Read the databases again; on failure keep the last good read. */
static void reload(struct app *a)
{
	struct watch_view *w = &a->watch;
	struct watch_data *d;
	char err[512];
	if (!exam_report_load(w->rx, w->exam, w->roster, w->ndb, w->dbs, w->db_default,
	                      examrun_now(), &d, err, sizeof err)) {
		snprintf(w->err, sizeof w->err, "%s", err);
		return;
	}
	exam_report_free(w->data);
	w->data = d;
	w->err[0] = '\0';
	w->read_at = clock_now_ms();
}

void watch_enter(struct app *a)
{
	if (!a->watch.data)
		reload(a);
}

int watch_tick_ms(const struct app *a)
{
	(void)a;
	return WATCH_MS;
}

void watch_tick(struct app *a)
{
	reload(a);
}

/* Text ending at column end (exclusive), in at most w columns. */
static void right_put(int y, int end, const char *s, int w, enum ui_elem e)
{
	int tw = text_width(s);
	if (tw > w)
		ui_put_fit(y, end - w, s, w, e);
	else
		ui_put(y, end - tw, s, tw, e);
}

static int status_rank(enum exam_status s)
{
	static const int rank[] = { [ES_IN_PROGRESS] = 0, [ES_NOT_STARTED] = 1,
	                            [ES_TIMED_OUT] = 2, [ES_CLOSED] = 3, [ES_FINISHED] = 4 };
	return rank[s];
}

/* Row order: by name (the data's order), or in progress first. */
static void order(const struct app *a, size_t *idx)
{
	const struct watch_data *d = a->watch.data;
	for (size_t i = 0; i < d->n_s; i++)
		idx[i] = i;
	if (!a->watch.by_status)
		return;
	for (size_t i = 1; i < d->n_s; i++)     /* stable insertion sort */
		for (size_t j = i; j > 0 &&
		     status_rank(d->s[idx[j - 1]].status) > status_rank(d->s[idx[j]].status); j--) {
			size_t t = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = t;
		}
}

static int rows_shown(const struct app *a)
{
	return BODY_ROWS(a) - 4;        /* counts, update time, a gap, the headings */
}

bool watch_key(struct app *a, enum action act, int key)
{
	struct watch_view *w = &a->watch;
	int n = w->data ? (int)w->data->n_s : 0, page = rows_shown(a);
	(void)key;
	switch (act) {
	case ACT_SORT: w->by_status = !w->by_status; return true;
	case ACT_UP: if (w->top > 0) w->top--; return true;
	case ACT_DOWN: if (w->top + page < n) w->top++; return true;
	case ACT_PGDN: w->top = w->top + page < n - page ? w->top + page : (n > page ? n - page : 0);
		return true;
	case ACT_PGUP: w->top = w->top > page ? w->top - page : 0; return true;
	case ACT_TOP: w->top = 0; return true;
	case ACT_BOTTOM: w->top = n > page ? n - page : 0; return true;
	default: return false;
	}
}

void watch_draw(const struct app *a)
{
	const struct watch_view *w = &a->watch;
	const struct watch_data *d = w->data;
	char title[160], line[512], t[32];

	/* Once it has closed, the board no longer says "live". */
	snprintf(title, sizeof title, tr(d && exam_report_closed_at(d) ? MSG_WATCH_HEAD_CLOSED :
	                                 MSG_WATCH_HEAD), w->exam);
	draw_frame(a, title, w->err[0] ? "" : tr(MSG_WATCH_HINT));
	if (w->err[0]) {
		snprintf(line, sizeof line, tr(MSG_WATCH_READ_FAILED), w->err);
		ui_fill(a->rows - 1, 0, a->cols, E_ERROR);
		ui_put_fit(a->rows - 1, 1, line, a->cols - 2, E_ERROR);
	}
	if (!d)
		return;
	int y = BODY_TOP + 1;
	exam_report_counts(d, line, sizeof line);   /* the text report's words */
	time_t at = (time_t)(w->read_at / 1000);
	struct tm tm;
	if (localtime_r(&at, &tm))
		strftime(t, sizeof t, "%H:%M:%S", &tm);
	else
		snprintf(t, sizeof t, "?");
	char upd[160];
	snprintf(upd, sizeof upd, tr(MSG_WATCH_UPDATED), t);
	/* The counts may take two lines (then without the gap below): every
	 * number stays on the screen. */
	size_t nl = 0;
	char **ls = text_wrap(line, a->cols - 4, &nl);
	if (ls && nl == 2 && text_width(ls[1]) < 8) {    /* no word or character alone */
		text_lines_free(ls, nl);
		ls = text_wrap(line, a->cols - 12, &nl);
	}
	if (ls && nl >= 2) {
		ui_put_fit(y++, 2, ls[0], a->cols - 4, E_STRONG);
		ui_put_fit(y++, 2, ls[1], a->cols - 4, E_STRONG);
		ui_put_fit(y, 2, upd, a->cols - 4, E_DIM);
		y++;
	} else {
		ui_put_fit(y, 2, line, a->cols - 4, E_STRONG);
		ui_put_fit(y + 1, 2, upd, a->cols - 4, E_DIM);
		y += 3;
	}
	if (ls)
		text_lines_free(ls, nl);
	/* Columns: name takes what the others leave. */
	int wa = 9, wl = 10, ws = 20, wn = a->cols - 4 - wa - wl - ws - 3;
	ui_put_fit(y, 2, tr(MSG_RX_COL_STUDENT), wn, E_HEAD);
	/* Numbers are right-aligned: so are their headings, by display width. */
	right_put(y, 3 + wn + wa, tr(MSG_WATCH_COL_ANSWERED), wa, E_HEAD);
	right_put(y, 4 + wn + wa + wl, tr(MSG_WATCH_COL_LEFT), wl, E_HEAD);
	ui_put_fit(y, 5 + wn + wa + wl, tr(MSG_RX_COL_STATUS), ws, E_HEAD);
	y++;
	size_t *idx = calloc(d->n_s ? d->n_s : 1, sizeof *idx);
	if (!idx)
		return;
	order(a, idx);
	int64_t now = examrun_now();
	for (size_t k = (size_t)w->top; k < d->n_s && y < a->rows - 1; k++, y++) {
		const struct exam_student *s = &d->s[idx[k]];
		char ans[32] = "-", left[32] = "-", st[96];
		enum ui_elem e = s->status == ES_IN_PROGRESS ? E_NORMAL :
		                 s->status == ES_NOT_STARTED ? E_WRONG : E_DIM;
		if (s->status != ES_NOT_STARTED)
			snprintf(ans, sizeof ans, "%d/%d", s->answered, d->n_q);
		if (s->status == ES_IN_PROGRESS && s->ends_at) {
			long l = (long)(s->ends_at - now);
			clock_mmss(l < 0 ? 0 : l, left, sizeof left);   /* 04:59, as the exam shows it */
		}
		if (s->status >= ES_FINISHED)
			snprintf(st, sizeof st, "%s · %d/%d", exam_report_status(s->status), s->score, d->n_q);
		else
			snprintf(st, sizeof st, "%s", exam_report_status(s->status));
		if (exam_report_check(s))   /* the report says what (Check these attempts) */
			snprintf(st + strlen(st), sizeof st - strlen(st), " · %s", tr(MSG_WATCH_CHECK));
		ui_put_fit(y, 2, s->name, wn, e);
		right_put(y, 3 + wn + wa, ans, wa, e);
		right_put(y, 4 + wn + wa + wl, left, wl, e);
		ui_put_fit(y, 5 + wn + wa + wl, st, ws, e);
	}
	if ((size_t)w->top + (size_t)rows_shown(a) < d->n_s)
		ui_put(a->rows - 2, a->cols - 3, "↓", 1, E_DIM);
	free(idx);
}

int watch_run(const struct report_ctx *r, const struct report_exam_opts *o, int ndb,
              char **dbs, const char *db_default)
{
	struct app *a = calloc(1, sizeof *a);
	char err[512];
	int rc = 1;
	if (!a)
		return 1;
	a->m = r->m;
	a->lang = r->lang;
	a->reader.chapter = -1;
	a->watch = (struct watch_view){ .rx = r, .exam = o->exam, .ndb = ndb, .dbs = dbs,
	                                .db_default = db_default, .roster = o->roster };
	/* A board for an exam that is not there says so before the screen starts. */
	reload(a);
	if (!a->watch.data) {
		fprintf(stderr, "httptutor: %s\n", a->watch.err);
		goto out;
	}
	if (!ui_start(!o->no_color, r->utf8, err, sizeof err)) {
		fprintf(stderr, tr(MSG_TERM_NEEDED), err);
		goto out;
	}
	rc = app_run(a, SCR_WATCH);
	ui_stop();
out:
	exam_report_free(a->watch.data);
	free(a);
	return rc;
}
