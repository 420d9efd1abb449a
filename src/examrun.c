/* examrun.c — the learner's side of an exam attempt over the store's rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "examrun.h"
#include "i18n.h"

int64_t examrun_now(void)
{
	return clock_now_ms() / 1000;
}

void examrun_clock_str(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t, now = (time_t)examrun_now();
	struct tm tm, tn;
	if (!localtime_r(&tt, &tm) || !localtime_r(&now, &tn)) {
		snprintf(buf, n, "?");
		return;
	}
	bool today = tm.tm_year == tn.tm_year && tm.tm_yday == tn.tm_yday;
	strftime(buf, n, today ? "%H:%M" : "%Y-%m-%d %H:%M", &tm);
}

bool examrun_leave_msg(const struct examrun *r, char *buf, size_t n)
{
	char at[32];
	if (store_gone(r->st)) {
		snprintf(buf, n, "%s", tr(MSG_EXAM_LEFT_GONE));
		return false;
	}
	if (r->att.ends_at) {
		examrun_clock_str(r->att.ends_at, at, sizeof at);
		snprintf(buf, n, tr(MSG_EXAM_LEFT_UNTIL), at);
	} else {
		snprintf(buf, n, "%s", tr(MSG_EXAM_LEFT));
	}
	return true;
}

/* Rebuild the learner's view of the latest attempt. */
static bool build_view(struct examrun *r)
{
	if (r->have_view) {
		paper_view_free(&r->pv);
		r->have_view = false;
	}
	if (!r->att.id)
		return true;
	r->have_view = paper_view(r->m, &r->paper, r->paper.info.shuffle, r->att.shuffle_seed,
	                          &r->pv, r->err, sizeof r->err);
	return r->have_view;
}

/* The class server sends a paper without its right answers until the
 * results are released to this learner: then it is fetched whole. */
static bool unseal(struct examrun *r)
{
	struct exam_paper p;
	if (!r->paper.sealed || !r->att.id || !r->att.released)
		return true;
	if (store_exam_paper(r->st, r->paper.info.name, &p) != EXAM_OK) {
		snprintf(r->err, sizeof r->err, "%s", r->st->err);
		return false;
	}
	store_exam_paper_free(&r->paper);
	r->paper = p;
	return build_view(r);
}

/* name: the exam's (the paper may not be read yet). */
static enum exam_rc fail(struct examrun *r, enum exam_rc rc, const char *name)
{
	if (r->err[0])
		return rc;
	if (rc == EXAM_FORBIDDEN && r->st->denied) {
		/* Someone else's attempt, or another account's name: say which. */
		if (r->st->denied == DENIED_LOGIN_NAME)
			snprintf(r->err, sizeof r->err, tr(MSG_DENY_FOREIGN_NAME), r->st->user);
		else
			snprintf(r->err, sizeof r->err, tr(r->st->denied == DENIED_OTHER_TOKEN ?
			         MSG_DENY_ATTEMPT_TOKEN : MSG_DENY_ATTEMPT), name, r->st->user);
	} else {
		snprintf(r->err, sizeof r->err, "%s", r->st->err);
	}
	return rc;
}

enum exam_rc examrun_open(struct examrun *r, struct store *st, const struct model *m,
                          const char *name)
{
	enum exam_rc rc;

	memset(r, 0, sizeof *r);
	r->st = st;
	r->m = m;
	if ((rc = store_exam_paper(st, name, &r->paper)) != EXAM_OK)
		return fail(r, rc, name);
	snprintf(r->version, sizeof r->version, "%s",
	         r->paper.info.content_version[0] ? r->paper.info.content_version : m->version);
	if ((rc = store_exam_attempt(st, name, examrun_now(), &r->att)) != EXAM_OK)
		return fail(r, rc, name);
	return build_view(r) && unseal(r) ? EXAM_OK : EXAM_ERR;
}

enum exam_rc examrun_open_practice(struct examrun *r, struct store *st, const struct model *m,
                                   const struct quiz_opts *o, int minutes)
{
	struct quiz qz = { 0 };
	struct exam_item *items = NULL;
	size_t n = 0;
	struct exam_info e;
	enum exam_rc rc = EXAM_ERR;

	memset(r, 0, sizeof *r);
	memset(&e, 0, sizeof e);
	quiz_exam_id(o->seed, o->count, e.name, sizeof e.name);
	e.kind = EXAM_PRACTICE;
	e.count = o->count;
	e.minutes = minutes;
	e.feedback = EXAM_FEEDBACK_END;
	paper_filters(o, e.filters, sizeof e.filters);
	snprintf(e.content_version, sizeof e.content_version, "%s", m->version);
	if (!quiz_build(m, o, &qz)) {
		snprintf(r->err, sizeof r->err, "%s", tr(MSG_EXAM_NO_MATCH));
		return EXAM_NOT_FOUND;
	}
	if (!paper_items(&qz, &items, &n)) {
		snprintf(r->err, sizeof r->err, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	if ((rc = store_exam_practice(st, &e, o->seed, items, n, examrun_now())) != EXAM_OK) {
		r->st = st;
		fail(r, rc, r->paper.info.name);
		goto out;
	}
	rc = examrun_open(r, st, m, e.name);
out:
	paper_items_free(items, n);
	quiz_free(&qz);
	return rc;
}

void examrun_free(struct examrun *r)
{
	if (r->have_view)
		paper_view_free(&r->pv);
	store_exam_attempt_free(&r->att);
	store_exam_paper_free(&r->paper);
	memset(r, 0, sizeof *r);
}

enum examrun_phase examrun_phase(const struct examrun *r)
{
	if (!r->att.id)
		return ER_NEW;
	return r->att.state == ATTEMPT_OPEN ? ER_OPEN : ER_ENDED;
}

/* Take the store's word for the attempt again (after it ended). */
static enum exam_rc reload(struct examrun *r)
{
	struct exam_attempt a;
	enum exam_rc rc = store_exam_reload(r->st, r->att.id, examrun_now(), &a);
	if (rc != EXAM_OK)
		return fail(r, rc, r->paper.info.name);
	store_exam_attempt_free(&r->att);
	r->att = a;
	return unseal(r) ? EXAM_OK : EXAM_ERR;
}

enum exam_rc examrun_start(struct examrun *r)
{
	struct exam_attempt a;
	enum exam_rc rc;

	r->err[0] = '\0';
	rc = store_exam_start(r->st, r->paper.info.name, examrun_now(), &a);
	if (rc != EXAM_OK && rc != EXAM_TIME_UP && !(rc == EXAM_CLOSED && a.id))
		return fail(r, rc, r->paper.info.name);
	store_exam_attempt_free(&r->att);
	r->att = a;
	if (!build_view(r) || !unseal(r))
		return EXAM_ERR;
	return rc == EXAM_OK ? EXAM_OK : fail(r, rc, r->paper.info.name);
}

bool examrun_can_show(struct examrun *r)
{
	const struct exam_info *e = &r->paper.info;
	int64_t now = examrun_now(), close = e->closed_at ? e->closed_at : e->closes_at;
	if (r->att.id || !close || close > now)
		return true;
	char at[32];
	examrun_clock_str(close, at, sizeof at);
	snprintf(r->err, sizeof r->err, tr(MSG_EXAM_MISSED), e->name, at);
	return false;
}

size_t examrun_count(const struct examrun *r)
{
	return r->have_view ? r->pv.qz.n : 0;
}

const struct question *examrun_question(const struct examrun *r, size_t i)
{
	return r->have_view && i < r->pv.qz.n ? &r->pv.qz.q[i] : NULL;
}

enum exam_rc examrun_answer(struct examrun *r, size_t i, int given, int64_t ms)
{
	const struct question *q = examrun_question(r, i);
	char shown[160], text[48];
	enum exam_rc rc;

	r->err[0] = '\0';
	if (!q || examrun_phase(r) != ER_OPEN) {
		snprintf(r->err, sizeof r->err, "%s", tr(MSG_EXAM_NOT_OPEN));
		return EXAM_ENDED;
	}
	int pos = r->pv.order[i];
	quiz_shown_str(q, shown, sizeof shown);
	quiz_answer_str(q, given, text, sizeof text);
	rc = store_exam_answer(r->st, r->att.id, pos, text, shown, ms, examrun_now(), r->version);
	if (rc == EXAM_OK) {
		/* Keep what the store took, so the screen shows it without a query. */
		char *copy = strdup(text);
		if (!copy)
			return reload(r);
		if (!r->att.given[pos])
			r->att.answered++;
		free(r->att.given[pos]);
		r->att.given[pos] = copy;
		return EXAM_OK;
	}
	if (rc == EXAM_TIME_UP || rc == EXAM_CLOSED || rc == EXAM_ENDED) {
		char why[512];
		snprintf(why, sizeof why, "%s", r->st->err);
		if (reload(r) == EXAM_OK)
			snprintf(r->err, sizeof r->err, "%s", why);
		return rc;
	}
	return fail(r, rc, r->paper.info.name);
}

const char *examrun_late_why(const struct examrun *r, enum exam_rc rc)
{
	/* EXAM_ENDED: the attempt had ended before this answer came; the
	 * reloaded attempt says how (the teacher closed the exam meanwhile). */
	enum attempt_state st = rc == EXAM_CLOSED ? ATTEMPT_CLOSED :
	                        rc == EXAM_TIME_UP ? ATTEMPT_TIME : r->att.state;
	return tr(st == ATTEMPT_CLOSED ? MSG_EXAM_CLOSED_LATE :
	          st == ATTEMPT_FINISHED ? MSG_EXAM_HANDED_IN : MSG_EXAM_TIME_UP);
}

enum exam_rc examrun_finish(struct examrun *r)
{
	enum exam_rc rc;
	char why[512] = "";

	r->err[0] = '\0';
	rc = store_exam_finish(r->st, r->att.id, examrun_now());
	if (rc != EXAM_OK)
		snprintf(why, sizeof why, "%s", r->st->err);
	if (rc == EXAM_ERR)
		return fail(r, rc, r->paper.info.name);
	if (reload(r) != EXAM_OK)
		return EXAM_ERR;
	snprintf(r->err, sizeof r->err, "%s", why);
	return rc;
}

enum exam_rc examrun_time_check(struct examrun *r)
{
	if (examrun_phase(r) != ER_OPEN || examrun_left(r) != 0)
		return EXAM_OK;
	/* Ask the store: it decides whether the time is really over. */
	struct exam_attempt a;
	enum exam_rc rc = store_exam_attempt(r->st, r->paper.info.name, examrun_now(), &a);
	if (rc != EXAM_OK)
		return fail(r, rc, r->paper.info.name);
	store_exam_attempt_free(&r->att);
	r->att = a;
	if (!unseal(r))
		return EXAM_ERR;
	return examrun_phase(r) == ER_ENDED ? EXAM_TIME_UP : EXAM_OK;
}

bool examrun_given(const struct examrun *r, size_t i, int *given)
{
	const struct question *q = examrun_question(r, i);
	if (!q || !r->att.given)
		return false;
	return paper_given(q, r->att.given[r->pv.order[i]], given);
}

int examrun_right(const struct examrun *r, size_t i)
{
	if (!r->att.right || !examrun_question(r, i))
		return -1;
	int pos = r->pv.order[i];
	return r->att.given[pos] && r->att.right[pos];
}

size_t examrun_unanswered(const struct examrun *r, int *list, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < examrun_count(r); i++) {
		if (r->att.given && r->att.given[r->pv.order[i]])
			continue;
		if (k < max)
			list[k] = (int)i + 1;
		k++;
	}
	return k;
}

/* The sentence one/many with the k question numbers of list (at most max
 * of them, then "…"), or "" when k is 0. */
static void say_numbers(const int *list, size_t k, size_t max, enum msg one, enum msg many,
                        char *buf, size_t n)
{
	char nums[256];
	size_t len = 0;

	nums[0] = '\0';
	for (size_t i = 0; i < k && i < max && len < sizeof nums; i++)
		len += (size_t)snprintf(nums + len, sizeof nums - len, "%s%d", i ? tr(MSG_LIST_SEP) : "",
		                        list[i]);
	if (k > max && len < sizeof nums)
		snprintf(nums + len, sizeof nums - len, "%s…", tr(MSG_LIST_SEP));
	buf[0] = '\0';
	if (k)
		snprintf(buf, n, trn(one, many, (long)k), nums);
}

size_t examrun_unanswered_say(const struct examrun *r, size_t max, char *buf, size_t n)
{
	int list[64];

	if (max > 64)
		max = 64;
	size_t k = examrun_unanswered(r, list, max);
	say_numbers(list, k, max, MSG_EXAM_UNANSWERED_ONE, MSG_EXAM_UNANSWERED, buf, n);
	return k;
}

void examrun_elsewhere_say(const int *list, size_t k, size_t max, char *buf, size_t n)
{
	say_numbers(list, k, max, MSG_EXAM_ELSEWHERE_ONE, MSG_EXAM_ELSEWHERE, buf, n);
}

static bool same_answer(const char *a, const char *b)
{
	return a ? b && !strcmp(a, b) : !b;
}

int examrun_refresh(struct examrun *r, int *list, size_t max)
{
	size_t n = r->att.n, k = 0;
	if (examrun_phase(r) != ER_OPEN || !r->att.given || !n)
		return 0;
	char **g = calloc(n, sizeof *g);
	if (!g) {
		snprintf(r->err, sizeof r->err, "%s", tr(MSG_ERR_OOM));
		return -1;
	}
	r->err[0] = '\0';
	enum exam_rc rc = store_exam_given(r->st, r->att.id, &r->paper, g, n);
	if (rc != EXAM_OK) {
		for (size_t p = 0; p < n; p++)
			free(g[p]);
		free(g);
		fail(r, rc, r->paper.info.name);
		return -1;
	}
	for (size_t i = 0; i < examrun_count(r); i++) {
		size_t pos = (size_t)r->pv.order[i];
		if (pos < n && !same_answer(r->att.given[pos], g[pos])) {
			if (k < max)
				list[k] = (int)i + 1;
			k++;
		}
	}
	r->att.answered = 0;
	for (size_t p = 0; p < n; p++) {
		free(r->att.given[p]);
		r->att.given[p] = g[p];
		r->att.answered += g[p] != NULL;
	}
	free(g);
	return (int)k;
}

long examrun_left(const struct examrun *r)
{
	if (!r->att.ends_at)
		return -1;
	int64_t left_ms = r->att.ends_at * 1000 - clock_now_ms();
	return left_ms > 0 ? (long)((left_ms + 999) / 1000) : 0;
}
