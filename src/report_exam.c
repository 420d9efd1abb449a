/* report_exam.c — one exam's results for the teacher: gathered from one or
 * more databases, then printed as a table that fits COLUMNS, as CSV or as
 * JSON (jansson); the HTML page and the live board use the same data. */
#include <errno.h>
#include <jansson.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answer.h"
#include "clock.h"
#include "contrast.h"
#include "examrun.h"
#include "i18n.h"
#include "out.h"
#include "paper.h"
#include "report_confusion.h"
#include "report_exam.h"
#include "table.h"
#include "text.h"

bool exam_report_scored(const struct exam_student *s)
{
	return s->status >= ES_FINISHED;
}

void exam_report_status_line(const struct exam_student *s, int n_q, char *buf, size_t n)
{
	if (s->status == ES_IN_PROGRESS)
		snprintf(buf, n, "%s · %d/%d", exam_report_status(s->status), s->answered, n_q);
	else
		snprintf(buf, n, "%s", exam_report_status(s->status));
}

int exam_report_pct(int k, int n)
{
	return n > 0 ? (200 * k + n) / (2 * n) : 0;
}

const char *exam_report_status(enum exam_status s)
{
	static const enum msg m[] = { MSG_ES_NOT_STARTED, MSG_ES_IN_PROGRESS, MSG_ES_FINISHED,
	                              MSG_ES_TIMED_OUT, MSG_ES_CLOSED };
	return tr(m[s]);
}

/* The status words for CSV and JSON: the same in every language. */
static const char *status_key(enum exam_status s)
{
	static const char *const k[] = { "not started", "in progress", "finished", "timed out",
	                                 "closed" };
	return k[s];
}

/* ---- gathering ------------------------------------------------------------ */

static void student_free(struct exam_student *s, int n_q)
{
	free(s->name);
	free(s->cell);
	if (s->given)
		for (int i = 0; i < n_q; i++)
			free(s->given[i]);
	free(s->given);
}

void exam_report_free(struct watch_data *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_s; i++)
		student_free(&d->s[i], d->n_q);
	for (int i = 0; i < d->n_q; i++) {
		free(d->q[i].text);
		free(d->q[i].expected);
		free(d->q[i].top_wrong);
	}
	for (size_t i = 0; i < d->n_multi; i++) {
		for (int k = 0; k < d->multi[i].n; k++)
			free(d->multi[i].names[k]);
		free(d->multi[i].names);
	}
	free(d->multi);
	free(d->s);
	free(d->q);
	free(d->histogram);
	free(d->mix);
	free(d);
}

static struct exam_student *find_student(struct watch_data *d, const char *name, bool *oom)
{
	for (size_t i = 0; i < d->n_s; i++)
		if (!strcmp(d->s[i].name, name))
			return &d->s[i];
	struct exam_student *nv = realloc(d->s, (d->n_s + 1) * sizeof *nv);
	if (!nv) {
		*oom = true;
		return NULL;
	}
	d->s = nv;
	struct exam_student *s = &d->s[d->n_s];
	memset(s, 0, sizeof *s);
	s->score = -1;
	s->duration = -1;
	s->uid = -1;
	if (!(s->name = strdup(name))) {
		*oom = true;
		return NULL;
	}
	d->n_s++;
	return s;
}

/* Whether attempt a counts rather than the one s holds: the best ended one
 * (the earlier on a tie), else the latest still running — a learning
 * system's "highest grade". */
static bool beats(const struct exam_attempt *a, const struct exam_student *s)
{
	if (!s->cell)
		return true;
	bool ended = a->state != ATTEMPT_OPEN, held_ended = s->status != ES_IN_PROGRESS;
	if (ended != held_ended)
		return ended;
	return ended ? a->score > s->score : a->started_at > s->started;
}

static bool take_attempt(struct watch_data *d, struct exam_student *s, const struct exam_attempt *a)
{
	static const enum exam_status by_state[] = { ES_IN_PROGRESS, ES_FINISHED, ES_TIMED_OUT,
	                                             ES_CLOSED };
	if (!s->cell) {
		s->cell = malloc((size_t)d->n_q);
		s->given = calloc((size_t)d->n_q, sizeof *s->given);
		if (!s->cell || !s->given)
			return false;
	}
	for (int i = 0; i < d->n_q; i++) {
		free(s->given[i]);
		s->given[i] = NULL;
		s->cell[i] = -1;
		if (a->given && (size_t)i < a->n && a->given[i]) {
			if (!(s->given[i] = strdup(a->given[i])))
				return false;
			s->cell[i] = a->right && a->right[i] ? 1 : 0;
		}
	}
	s->status = by_state[a->state];
	s->score = a->score;
	s->answered = a->answered;
	s->started = a->started_at;
	s->finished = a->state != ATTEMPT_OPEN ? a->ended_at : 0;
	s->duration = s->finished ? (long)(s->finished - s->started) : -1;
	s->ends_at = a->state == ATTEMPT_OPEN ? a->ends_at : 0;
	s->uid = a->uid == STORE_ANY_UID ? -1 : a->uid;
	return true;
}

/* What the teacher should check about attempt a of s: answers written from
 * another uid, and a start from a uid that is not the login of s's name
 * (someone's --user NAME; a name that is nobody's login says nothing). */
static void note_who(struct exam_student *s, const struct exam_attempt *a)
{
	if (a->foreign) {
		s->foreign += a->foreign;
		if (!s->foreign_attempt)
			s->foreign_attempt = a->number;
	}
	if (a->uid < 0 || a->uid == STORE_ANY_UID || s->mismatch_attempt)
		return;
	struct passwd *pw = getpwnam(s->name);
	if (!pw || (int64_t)pw->pw_uid == a->uid)
		return;
	s->mismatch_attempt = a->number;
	s->mismatch_uid = a->uid;
	pw = getpwuid((uid_t)a->uid);
	snprintf(s->mismatch_login, sizeof s->mismatch_login, "%s", pw && pw->pw_name ? pw->pw_name : "?");
}

bool exam_report_check(const struct exam_student *s)
{
	return s->foreign || s->mismatch_attempt || s->other_names;
}

void exam_report_uid_line(const struct exam_uid_names *u, char *buf, size_t n)
{
	char names[768];
	size_t len = 0;
	names[0] = '\0';
	for (int k = 0; k < u->n && len < sizeof names; k++)
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", k ? tr(MSG_LIST_SEP) : "",
		                        u->names[k]);
	snprintf(buf, n, tr(MSG_RX_CHECK_NAMES), (long long)u->uid, u->login, u->n, names);
}

struct uid_name {
	int64_t uid;
	const char *name;
};

static int by_uid_name(const void *a, const void *b)
{
	const struct uid_name *x = a, *y = b;
	if (x->uid != y->uid)
		return x->uid < y->uid ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The uids of one database's attempts that sat the exam under more than
 * one name, added to d->multi.  false when out of memory. */
static bool note_uid_names(struct watch_data *d, const struct exam_results *res)
{
	struct uid_name *v = malloc((res->n ? res->n : 1) * sizeof *v);
	size_t n = 0;
	bool ok = v != NULL;
	if (res->paper.info.kind != EXAM_SET)
		goto out;     /* a practice paper: as many attempts as wanted */
	for (size_t k = 0; ok && k < res->n; k++) {
		int64_t uid = res->r[k].a.uid;
		/* No uid (a token), root, and the exam's teacher are not counted. */
		if (uid == STORE_ANY_UID || uid <= 0 || uid == res->paper.info.uid)
			continue;
		v[n++] = (struct uid_name){ uid, res->r[k].name };
	}
	if (!ok)
		goto out;
	qsort(v, n, sizeof *v, by_uid_name);
	for (size_t i = 0, j; i < n; i = j) {
		int names = 1;
		for (j = i + 1; j < n && v[j].uid == v[i].uid; j++)
			names += strcmp(v[j].name, v[j - 1].name) != 0;
		if (names < 2)
			continue;
		struct exam_uid_names *nv = realloc(d->multi, (d->n_multi + 1) * sizeof *nv);
		if (!nv || !(nv[d->n_multi].names = calloc((size_t)names, sizeof(char *)))) {
			if (nv)
				d->multi = nv;
			ok = false;
			break;
		}
		d->multi = nv;
		struct exam_uid_names *u = &d->multi[d->n_multi++];
		u->uid = v[i].uid;
		u->n = 0;
		struct passwd *pw = getpwuid((uid_t)u->uid);
		snprintf(u->login, sizeof u->login, "%s", pw && pw->pw_name ? pw->pw_name : "?");
		for (size_t k = i; k < j && ok; k++)
			if (k == i || strcmp(v[k].name, v[k - 1].name))
				ok = (u->names[u->n++] = strdup(v[k].name)) != NULL;
	}
out:
	free(v);
	return ok;
}

/* Each student under a name of a uid in d->multi has other names to check. */
static void mark_uid_names(struct watch_data *d)
{
	for (size_t i = 0; i < d->n_multi; i++)
		for (int k = 0; k < d->multi[i].n; k++)
			for (size_t j = 0; j < d->n_s; j++)
				if (!strcmp(d->s[j].name, d->multi[i].names[k]))
					d->s[j].other_names += d->multi[i].n - 1;
}

void exam_report_check_lines(const struct exam_student *s, char *a, size_t an, char *b, size_t bn)
{
	a[0] = b[0] = '\0';
	if (s->mismatch_attempt)
		snprintf(a, an, tr(MSG_RX_CHECK_LOGIN), s->name, s->mismatch_attempt,
		         (long long)s->mismatch_uid, s->mismatch_login);
	if (s->foreign)
		snprintf(b, bn, tr(MSG_RX_CHECK_FOREIGN), s->name, s->foreign_attempt, s->foreign);
}

static bool same_paper(const struct exam_paper *a, const struct exam_paper *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->q[i].item, b->q[i].item) || strcmp(a->q[i].expected, b->q[i].expected))
			return false;
	return true;
}

/* Question texts and right-answer labels from the paper itself. */
static bool question_texts(const struct report_ctx *r, struct watch_data *d,
                           const struct exam_paper *p)
{
	struct paper_view v;
	char err[256], buf[512];
	bool have = paper_view(r->m, p, false, 0, &v, err, sizeof err);
	for (int i = 0; i < d->n_q; i++) {
		struct exam_question_stat *q = &d->q[i];
		q->number = i + 1;
		snprintf(q->item, sizeof q->item, "%s", p->q[i].item);
		if (have && v.qz.q[i].sc) {
			snprintf(buf, sizeof buf, "%s", ltext_get(&v.qz.q[i].sc->situation, r->lang));
		} else if (have) {
			snprintf(buf, sizeof buf, "%d: %s", p->q[i].code, tr(MSG_QUIZ_MEANING_PROMPT));
		} else {
			snprintf(buf, sizeof buf, "%s", p->q[i].item);
		}
		if (have && v.qz.q[i].type == Q_HEADER) {
			size_t len = strlen(buf);
			snprintf(buf + len, sizeof buf - len, tr(MSG_REPORT_HEADER_Q), p->q[i].code);
		}
		q->text = text_clean(buf, strlen(buf), false);
		if (have)
			answer_right_label(&v.qz.q[i], buf, sizeof buf);
		else
			snprintf(buf, sizeof buf, "%s", p->q[i].expected);
		q->expected = strdup(buf);
		q->right_code = contrast_code(p->q[i].expected);
		if (!q->text || !q->expected) {
			if (have)
				paper_view_free(&v);
			return false;
		}
	}
	if (have)
		paper_view_free(&v);
	return true;
}

/* Names from the roster file, one per line (blank lines and #comments skipped). */
static bool add_roster(struct watch_data *d, const char *path, char *err, size_t errsz)
{
	FILE *f = fopen(path, "r");
	char line[512];
	bool oom = false;
	int n = 0;
	if (!f) {
		snprintf(err, errsz, tr(MSG_ROSTER_UNREADABLE), path, strerror(errno));
		return false;
	}
	while (fgets(line, sizeof line, f)) {
		n++;
		line[strcspn(line, "\r\n")] = '\0';
		char *s = line, *e;
		/* Notepad and Excel's "CSV UTF-8" begin the file with a BOM. */
		if (n == 1 && !strncmp(s, "\xEF\xBB\xBF", 3))
			s += 3;
		while (*s == ' ' || *s == '\t')
			s++;
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (!*s || *s == '#')
			continue;
		if (!text_valid_utf8(s, strlen(s), NULL) || text_find_control(s, strlen(s), false) != (size_t)-1) {
			snprintf(err, errsz, tr(MSG_ROSTER_BAD_LINE), path, n);
			fclose(f);
			return false;
		}
		find_student(d, s, &oom);
		if (oom)
			break;
	}
	fclose(f);
	if (oom)
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
	return !oom;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct exam_student *)a)->name, ((const struct exam_student *)b)->name);
}

static void stats(struct watch_data *d)
{
	long total = 0;
	for (size_t i = 0; i < d->n_s; i++) {
		const struct exam_student *s = &d->s[i];
		switch (s->status) {
		case ES_NOT_STARTED: d->n_not_started++; break;
		case ES_IN_PROGRESS: d->n_in_progress++; break;
		case ES_FINISHED: d->n_finished++; break;
		case ES_TIMED_OUT: d->n_timed_out++; break;
		case ES_CLOSED: d->n_closed++; break;
		}
		d->n_check += exam_report_check(s);
		if (s->status >= ES_FINISHED) {
			d->n_ended++;
			total += s->score;
			if (s->score >= 0 && s->score <= d->n_q)
				d->histogram[s->score]++;
		}
	}
	d->mean_score = d->n_ended ? (double)total / d->n_ended : 0.0;
	for (int k = 0; k < d->n_q; k++) {
		struct exam_question_stat *q = &d->q[k];
		/* Most common wrong answer: count each distinct one. */
		for (size_t i = 0; i < d->n_s; i++) {
			const struct exam_student *s = &d->s[i];
			if (s->status == ES_NOT_STARTED)
				continue;
			q->sat++;
			if (s->cell[k] < 0)
				continue;
			q->answered++;
			q->right += s->cell[k] == 1;
			if (s->cell[k] != 0)
				continue;
			int c = 0;
			for (size_t j = 0; j < d->n_s; j++)
				c += d->s[j].status != ES_NOT_STARTED && d->s[j].cell[k] == 0 &&
				     !strcmp(d->s[j].given[k], s->given[k]);
			bool better = c > q->top_wrong_count ||
			              (c == q->top_wrong_count && q->top_wrong && strcmp(s->given[k], q->top_wrong) < 0);
			if (better) {
				char *t = strdup(s->given[k]);
				if (t) {
					free(q->top_wrong);
					q->top_wrong = t;
					q->top_wrong_count = c;
				}
			}
		}
	}
}

bool exam_report_load(const struct report_ctx *r, const char *name, const char *roster,
                      int ndb, char **dbs, const char *db_default, int64_t now,
                      struct watch_data **out, char *err, size_t errsz)
{
	struct watch_data *d = calloc(1, sizeof *d);
	struct exam_paper ref = { 0 };
	bool found = false, oom = false, ok = false;
	int n = ndb ? ndb : 1;

	*out = NULL;
	err[0] = '\0';
	if (!d) {
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		return false;
	}
	d->now = now;
	for (int i = 0; i < n; i++) {
		const char *path = ndb ? dbs[i] : db_default;
		char e2[512];
		struct store *st = store_open(path, NULL, true, e2, sizeof e2);
		struct exam_results res;
		if (!st) {
			snprintf(err, errsz, "%s", e2);
			goto out;
		}
		enum exam_rc rc = store_exam_results(st, name, now, &res);
		if (rc == EXAM_NOT_FOUND) {
			store_close(st);
			continue;               /* this learner never had the exam */
		}
		if (rc != EXAM_OK) {
			if (st->denied)
				snprintf(err, errsz, tr(MSG_DENY_RESULTS), name, name);
			else
				snprintf(err, errsz, "%s", st->err);
			store_close(st);
			goto out;
		}
		oom |= !note_uid_names(d, &res);
		if (!found) {
			found = true;
			ref = res.paper;
			memset(&res.paper, 0, sizeof res.paper);
			d->info = ref.info;
			d->n_q = (int)ref.n;
			d->q = calloc(ref.n ? ref.n : 1, sizeof *d->q);
			d->histogram = calloc(ref.n + 1, sizeof *d->histogram);
			if (!d->q || !d->histogram || !question_texts(r, d, &ref))
				oom = true;
		} else if (!same_paper(&ref, &res.paper)) {
			snprintf(err, errsz, tr(MSG_RX_OTHER_PAPER), name, path);
			store_exam_results_free(&res);
			store_close(st);
			goto out;
		}
		/* Each learner's attempts, in order; the one that counts wins. */
		for (size_t k = 0; k < res.n && !oom; k++) {
			struct exam_student *s = find_student(d, res.r[k].name, &oom);
			if (!s)
				break;
			s->attempts++;
			note_who(s, &res.r[k].a);
			if (beats(&res.r[k].a, s))
				oom |= !take_attempt(d, s, &res.r[k].a);
		}
		store_exam_results_free(&res);
		store_close(st);
		if (oom)
			break;
	}
	if (oom) {
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	if (!found) {
		snprintf(err, errsz, tr(MSG_EXAM_NO_SUCH), name,
		         ndb == 1 ? dbs[0] : ndb ? tr(MSG_RX_THESE_DBS) : db_default ? db_default :
		         tr(MSG_RX_THE_DB));
		goto out;
	}
	if (roster && !add_roster(d, roster, err, errsz))
		goto out;
	qsort(d->s, d->n_s, sizeof *d->s, by_name);
	mark_uid_names(d);
	stats(d);
	if (!report_confusion_exam(r->m, d)) {
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	ok = true;
out:
	store_exam_paper_free(&ref);
	if (!ok) {
		exam_report_free(d);
		return false;
	}
	*out = d;
	return true;
}

/* ---- text ------------------------------------------------------------------ */

/* "14:02" on the exam's day, else "11-23 14:02". */
static void when_str(const struct watch_data *d, int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t, day = (time_t)d->info.created_at;
	struct tm tm, td;
	if (!t || !localtime_r(&tt, &tm) || !localtime_r(&day, &td)) {
		snprintf(buf, n, "-");
		return;
	}
	bool same = tm.tm_year == td.tm_year && tm.tm_yday == td.tm_yday;
	strftime(buf, n, same ? "%H:%M" : "%m-%d %H:%M", &tm);
}

/* The exam's settings in one sentence. */
static void exam_line(const struct watch_data *d, char *buf, size_t n)
{
	const struct exam_info *e = &d->info;
	size_t len = (size_t)snprintf(buf, n, trn(MSG_EXAM_HEAD_ONE, MSG_EXAM_HEAD, d->n_q), e->name,
	                              d->n_q);
	char at[32];
	if (e->minutes && len < n)
		len += (size_t)snprintf(buf + len, n - len, tr(MSG_EXAMNEW_MINUTES), e->minutes);
	if (len < n)
		len += (size_t)snprintf(buf + len, n - len, "%s",
		                        tr(e->feedback == EXAM_FEEDBACK_END ? MSG_EXAMNEW_FB_END :
		                           e->feedback == EXAM_FEEDBACK_NEVER ? MSG_EXAMNEW_FB_NEVER :
		                           MSG_EXAMNEW_FB_CLOSED));
	int64_t closed = exam_report_closed_at(d);
	if (closed && len < n) {
		examrun_clock_str(closed, at, sizeof at);
		len += (size_t)snprintf(buf + len, n - len, tr(MSG_REPORT_CLOSED_AT), at);
	} else if (e->closes_at && len < n) {
		examrun_clock_str(e->closes_at, at, sizeof at);
		len += (size_t)snprintf(buf + len, n - len, tr(MSG_EXAMNEW_CLOSES), at);
	}
	if (len < n)
		snprintf(buf + len, n - len, "%s", tr(MSG_REPORT_END));
}

int64_t exam_report_closed_at(const struct watch_data *d)
{
	const struct exam_info *e = &d->info;
	return e->closed_at ? e->closed_at : e->closes_at && e->closes_at <= d->now ? e->closes_at : 0;
}

size_t exam_report_counts(const struct watch_data *d, char *buf, size_t n)
{
	size_t len = (size_t)snprintf(buf, n, trn(MSG_REPORT_EXAM_COUNTS_ONE, MSG_REPORT_EXAM_COUNTS,
	                                          (long)d->n_s),
	                              (int)d->n_s, d->n_finished, d->n_timed_out, d->n_in_progress,
	                              d->n_not_started);
	if (d->n_closed && len < n)
		len += (size_t)snprintf(buf + len, n - len, tr(MSG_REPORT_EXAM_CLOSED_N), d->n_closed);
	return len < n ? len : n - 1;
}

static void counts_line(const struct watch_data *d, char *buf, size_t n)
{
	size_t len = exam_report_counts(d, buf, n);
	if (d->n_ended && len < n)
		snprintf(buf + len, n - len, tr(MSG_REPORT_EXAM_MEAN), d->mean_score, d->n_q,
		         d->n_q ? (int)(100.0 * d->mean_score / d->n_q + 0.5) : 0, d->n_ended);
	else if (len < n)
		snprintf(buf + len, n - len, "%s", tr(MSG_REPORT_END));
}

static void print_grid(const struct report_ctx *r, const struct watch_data *d, int width)
{
	int namew = 4;
	/* Names measured as they are printed (ASCII without UTF-8). */
	char **shown = calloc(d->n_s ? d->n_s : 1, sizeof *shown);
	if (!shown)
		return;
	for (size_t i = 0; i < d->n_s; i++) {
		shown[i] = d->s[i].cell ? out_shown(d->s[i].name, r->utf8) : NULL;
		if (shown[i] && text_width(shown[i]) > namew)
			namew = text_width(shown[i]);
	}
	if (namew > width / 3)
		namew = width / 3;
	int per = width - namew - 3;      /* questions per block */
	if (per < 5)
		per = 5;
	putchar('\n');
	report_wrap(stdout, tr(MSG_REPORT_GRID_LEGEND), width, 0, r->utf8);
	for (int from = 0; from < d->n_q; from += per) {
		int to = from + per < d->n_q ? from + per : d->n_q;
		/* Question numbers: 1, then every fifth, ending on their column. */
		char labels[1024];
		int w = to - from;
		memset(labels, ' ', (size_t)w);
		labels[w] = '\0';
		for (int k = from; k < to; k++) {
			int num = k + 1;
			if (num != 1 && num % 5 && k != from)
				continue;
			char t[16];
			int len = snprintf(t, sizeof t, "%d", num);
			int end = k - from, start = end - len + 1;
			if (start < 0)
				continue;
			memcpy(labels + start, t, (size_t)len);
		}
		printf("  %*s %s\n", namew, "", labels);
		for (size_t i = 0; i < d->n_s; i++) {
			const struct exam_student *s = &d->s[i];
			if (!s->cell)
				continue;
			char *nm = table_fit(shown[i] ? shown[i] : "", namew, TABLE_CLIP_MIDDLE);
			fputs("  ", stdout);
			out_puts(stdout, nm ? nm : "", r->utf8);
			printf("%*s ", namew - (nm ? text_width(nm) : 0), "");
			free(nm);
			for (int k = from; k < to; k++)
				out_puts(stdout, s->cell[k] == 1 ? "✓" : s->cell[k] == 0 ? "✗" : "·", r->utf8);
			putchar('\n');
		}
	}
	for (size_t i = 0; i < d->n_s; i++)
		free(shown[i]);
	free(shown);
}

static void print_text(const struct report_ctx *r, const struct watch_data *d)
{
	char buf[1024];
	int width = report_width();

	exam_line(d, buf, sizeof buf);
	report_wrap(stdout, buf, width, 0, r->utf8);
	counts_line(d, buf, sizeof buf);
	report_wrap(stdout, buf, width, 0, r->utf8);
	putchar('\n');

	struct table_col sc[] = {
		{ tr(MSG_RX_COL_STUDENT), TABLE_LEFT, TABLE_CLIP_MIDDLE, 6, 0 },
		/* Never clipped: "已…" or "fin…" says nothing, so a table too narrow
		 * for the whole status stacks each student, in every language. */
		{ tr(MSG_RX_COL_STATUS), TABLE_LEFT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_RX_COL_SCORE), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ "%", TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_RX_COL_STARTED), TABLE_LEFT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_RX_COL_FINISHED), TABLE_LEFT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_RX_COL_TIME), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_RX_COL_ATTEMPTS), TABLE_RIGHT, TABLE_CLIP_END, 2, 0 },
	};
	struct table t;
	table_init(&t, sc, (int)(sizeof sc / sizeof sc[0]));
	for (size_t i = 0; i < d->n_s; i++) {
		const struct exam_student *s = &d->s[i];
		char status[96], score[32] = "-", pct[16] = "-", st[32], fin[32], dur[32], att[16];
		exam_report_status_line(s, d->n_q, status, sizeof status);
		if (exam_report_scored(s)) {
			snprintf(score, sizeof score, "%d/%d", s->score, d->n_q);
			snprintf(pct, sizeof pct, "%d", exam_report_pct(s->score, d->n_q));
		}
		when_str(d, s->started, st, sizeof st);
		when_str(d, s->finished, fin, sizeof fin);
		if (s->duration >= 0)
			clock_mmss(s->duration, dur, sizeof dur);
		else
			snprintf(dur, sizeof dur, "-");
		snprintf(att, sizeof att, "%d", s->attempts);
		table_add(&t, (const char *[]){ s->name, status, score, pct, st, fin, dur, att });
	}
	table_print(&t, stdout, width, 0, r->utf8);
	table_free(&t);
	putchar('\n');
	if (d->n_check) {
		char a[512], b[512];
		report_wrap(stdout, tr(MSG_RX_CHECK_HEAD), width, 0, r->utf8);
		for (size_t i = 0; i < d->n_s; i++) {
			exam_report_check_lines(&d->s[i], a, sizeof a, b, sizeof b);
			if (a[0])
				report_wrap_hang(stdout, "  ", a, width, 20, r->utf8);
			if (b[0])
				report_wrap_hang(stdout, "  ", b, width, 20, r->utf8);
		}
		for (size_t i = 0; i < d->n_multi; i++) {
			exam_report_uid_line(&d->multi[i], a, sizeof a);
			report_wrap_hang(stdout, "  ", a, width, 20, r->utf8);
		}
		putchar('\n');
	}

	struct table_col qc[] = {
		{ "#", TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_RX_COL_QUESTION), TABLE_LEFT, TABLE_CLIP_END, 12, 0 },
		{ tr(MSG_RX_COL_RIGHT), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_RX_COL_ANSWER), TABLE_LEFT, TABLE_CLIP_END, 6, 22 },
		{ tr(MSG_RX_COL_WRONG), TABLE_LEFT, TABLE_CLIP_END, 6, 18 },
	};
	table_init(&t, qc, (int)(sizeof qc / sizeof qc[0]));
	for (int k = 0; k < d->n_q; k++) {
		const struct exam_question_stat *q = &d->q[k];
		char num[16], share[16], wrong[96] = "-";
		snprintf(num, sizeof num, "%d", q->number);
		if (q->sat)
			snprintf(share, sizeof share, "%d%%", exam_report_pct(q->right, q->sat));
		else
			snprintf(share, sizeof share, "-");
		if (q->top_wrong)
			snprintf(wrong, sizeof wrong, "%s ×%d", q->top_wrong, q->top_wrong_count);
		table_add(&t, (const char *[]){ num, q->text, share, q->expected, wrong });
	}
	table_print(&t, stdout, width, 0, r->utf8);
	table_free(&t);
	print_grid(r, d, width);
	report_confusion_class_text(r, d->mix, d->n_mix);
}

/* ---- CSV ------------------------------------------------------------------- */

static void csv_cell(const char *s)
{
	out_csv_field(stdout, s ? s : "");
}

static void print_csv(const struct watch_data *d)
{
	char a[32], b[32];
	fputs("scope,student,status,score,total,percent,started,finished,duration_s,attempts,"
	      "question,item,text,expected,given,correct,right,answered,sat,share,top_wrong,"
	      "top_wrong_count,confusion,group,students,times,ways,uid,foreign_answers,login_mismatch,"
	      "other_names\r\n",
	      stdout);
	for (size_t i = 0; i < d->n_s; i++) {
		const struct exam_student *s = &d->s[i];
		fputs("student,", stdout);
		csv_cell(s->name);
		printf(",%s,", status_key(s->status));
		if (exam_report_scored(s))
			printf("%d", s->score);
		printf(",%d,", d->n_q);
		if (s->status >= ES_FINISHED)
			printf("%d", exam_report_pct(s->score, d->n_q));
		clock_iso_str(s->started, a, sizeof a);
		clock_iso_str(s->finished, b, sizeof b);
		printf(",%s,%s,", a, b);
		if (s->duration >= 0)
			printf("%ld", s->duration);
		printf(",%d,,,,,,,,", s->attempts);     /* question … right: none */
		if (s->status != ES_NOT_STARTED)
			printf("%d", s->answered);
		printf(",,,,,,,,,,");                   /* sat … ways: none */
		if (s->uid >= 0)
			printf("%lld", (long long)s->uid);
		printf(",%d,%d,%d\r\n", s->foreign, s->mismatch_attempt ? 1 : 0, s->other_names);
	}
	for (int k = 0; k < d->n_q; k++) {
		const struct exam_question_stat *q = &d->q[k];
		printf("question,,,,,,,,,,%d,", q->number);
		csv_cell(q->item);
		putchar(',');
		csv_cell(q->text);
		putchar(',');
		csv_cell(q->expected);
		printf(",,,%d,%d,%d,", q->right, q->answered, q->sat);
		if (q->sat)
			printf("%d", exam_report_pct(q->right, q->sat));
		putchar(',');
		if (q->top_wrong)
			csv_cell(q->top_wrong);
		printf(",%d,,,,,,,,,\r\n", q->top_wrong_count);
	}
	for (size_t i = 0; i < d->n_s; i++) {
		const struct exam_student *s = &d->s[i];
		for (int k = 0; s->cell && k < d->n_q; k++) {
			fputs("answer,", stdout);
			csv_cell(s->name);
			printf(",,,,,,,,,%d,", k + 1);
			csv_cell(d->q[k].item);
			fputs(",,,", stdout);
			if (s->given[k])
				csv_cell(s->given[k]);
			printf(",%s,,,,,,,,,,,,,,,\r\n", s->cell[k] < 0 ? "" : s->cell[k] ? "1" : "0");
		}
	}
	for (size_t i = 0; i < d->n_mix; i++) {
		fputs("confusion,,,,,,,,,,,,,,,,,,,,,,", stdout);
		report_confusion_csv(stdout, &d->mix[i]);
		fputs(",,,,\r\n", stdout);
	}
}

/* ---- JSON ------------------------------------------------------------------ */

/* A JSON string of database text (out.h makes it safe), or null. */
static json_t *jstr(const char *s)
{
	return s ? out_json_str(s) : json_null();
}

static json_t *jtime(int64_t t)
{
	char buf[32];
	clock_iso_str(t, buf, sizeof buf);
	return t ? json_string(buf) : json_null();
}

static int print_json(const struct report_ctx *r, const struct watch_data *d)
{
	const struct exam_info *e = &d->info;
	json_t *root = json_object(), *exam = json_object(), *sum = json_object();
	json_t *studs = json_array(), *qs = json_array(), *hist = json_array();
	int rc = 1;

	if (!root || !exam || !sum || !studs || !qs || !hist)
		goto out;
	json_object_set_new(exam, "name", jstr(e->name));
	json_object_set_new(exam, "kind", json_string(e->kind == EXAM_SET ? "set" : "practice"));
	json_object_set_new(exam, "questions", json_integer(d->n_q));
	json_object_set_new(exam, "minutes", e->minutes ? json_integer(e->minutes) : json_null());
	json_object_set_new(exam, "attempts", e->attempts ? json_integer(e->attempts) : json_null());
	json_object_set_new(exam, "feedback", json_string(store_exam_feedback_name(e->feedback)));
	json_object_set_new(exam, "opened", jtime(e->created_at));
	json_object_set_new(exam, "closes", jtime(e->closes_at));
	json_object_set_new(exam, "closed", jtime(e->closed_at));
	json_object_set(root, "exam", exam);

	json_object_set_new(sum, "students", json_integer((json_int_t)d->n_s));
	json_object_set_new(sum, "finished", json_integer(d->n_finished));
	json_object_set_new(sum, "timed_out", json_integer(d->n_timed_out));
	json_object_set_new(sum, "closed", json_integer(d->n_closed));
	json_object_set_new(sum, "in_progress", json_integer(d->n_in_progress));
	json_object_set_new(sum, "not_started", json_integer(d->n_not_started));
	json_object_set_new(sum, "ended", json_integer(d->n_ended));
	json_object_set_new(sum, "mean_score", d->n_ended ?
	                    json_real((double)(long)(d->mean_score * 100 + 0.5) / 100) : json_null());
	json_object_set(root, "summary", sum);

	for (size_t i = 0; i < d->n_s; i++) {
		const struct exam_student *s = &d->s[i];
		json_t *o = json_object(), *ans = json_array();
		json_object_set_new(o, "name", jstr(s->name));
		json_object_set_new(o, "status", json_string(status_key(s->status)));
		json_object_set_new(o, "score", exam_report_scored(s) ? json_integer(s->score) : json_null());
		json_object_set_new(o, "total", json_integer(d->n_q));
		json_object_set_new(o, "percent", exam_report_scored(s) ?
		                    json_integer(exam_report_pct(s->score, d->n_q)) : json_null());
		json_object_set_new(o, "answered", json_integer(s->answered));
		json_object_set_new(o, "started", jtime(s->started));
		json_object_set_new(o, "finished", jtime(s->finished));
		json_object_set_new(o, "duration_s", s->duration >= 0 ? json_integer(s->duration) : json_null());
		json_object_set_new(o, "attempts", json_integer(s->attempts));
		json_object_set_new(o, "uid", s->uid >= 0 ? json_integer(s->uid) : json_null());
		json_object_set_new(o, "foreign_answers", json_integer(s->foreign));
		json_object_set_new(o, "login_mismatch", json_boolean(s->mismatch_attempt != 0));
		json_object_set_new(o, "other_names", json_integer(s->other_names));
		for (int k = 0; s->cell && k < d->n_q; k++) {
			json_t *a = json_object();
			json_object_set_new(a, "question", json_integer(k + 1));
			json_object_set_new(a, "given", jstr(s->given[k]));
			json_object_set_new(a, "correct", s->cell[k] < 0 ? json_null() : json_boolean(s->cell[k]));
			json_array_append_new(ans, a);
		}
		json_object_set_new(o, "answers", ans);
		json_array_append_new(studs, o);
	}
	json_object_set(root, "students", studs);
	json_t *multi = json_array();
	for (size_t i = 0; multi && i < d->n_multi; i++) {
		const struct exam_uid_names *u = &d->multi[i];
		json_t *o = json_object(), *names = json_array();
		for (int k = 0; k < u->n; k++)
			json_array_append_new(names, jstr(u->names[k]));
		json_object_set_new(o, "uid", json_integer(u->uid));
		json_object_set_new(o, "login", strcmp(u->login, "?") ? jstr(u->login) : json_null());
		json_object_set_new(o, "names", names);
		json_array_append_new(multi, o);
	}
	if (multi)
		json_object_set_new(root, "same_uid", multi);

	for (int k = 0; k < d->n_q; k++) {
		const struct exam_question_stat *q = &d->q[k];
		json_t *o = json_object();
		json_object_set_new(o, "question", json_integer(q->number));
		json_object_set_new(o, "item", jstr(q->item));
		json_object_set_new(o, "text", jstr(q->text));
		json_object_set_new(o, "expected", jstr(q->expected));
		json_object_set_new(o, "right", json_integer(q->right));
		json_object_set_new(o, "answered", json_integer(q->answered));
		json_object_set_new(o, "sat", json_integer(q->sat));
		json_object_set_new(o, "share", q->sat ? json_integer(exam_report_pct(q->right, q->sat))
		                                       : json_null());
		json_object_set_new(o, "top_wrong", jstr(q->top_wrong));
		json_object_set_new(o, "top_wrong_count", json_integer(q->top_wrong_count));
		json_array_append_new(qs, o);
	}
	json_object_set(root, "questions", qs);
	for (int k = 0; k <= d->n_q; k++) {
		json_t *o = json_object();
		json_object_set_new(o, "score", json_integer(k));
		json_object_set_new(o, "students", json_integer(d->histogram[k]));
		json_array_append_new(hist, o);
	}
	json_object_set(root, "histogram", hist);
	json_t *mix = report_confusion_class_json(r, d->mix, d->n_mix);
	if (mix && json_object_set_new(root, "confusions", mix) == 0 && out_json_dump(stdout, root, true))
		rc = 0;
out:
	json_decref(hist);
	json_decref(qs);
	json_decref(studs);
	json_decref(sum);
	json_decref(exam);
	json_decref(root);
	return rc;
}

int report_exam(const struct report_ctx *r, const struct report_exam_opts *o, int ndb,
                char **dbs, const char *db_default)
{
	struct watch_data *d;
	char err[1024];
	int rc;

	if (o->watch)
		return watch_run(r, o, ndb, dbs, db_default);
	if (!exam_report_load(r, o->exam, o->roster, ndb, dbs, db_default, examrun_now(), &d,
	                      err, sizeof err)) {
		fprintf(stderr, "httptutor: %s\n", err);
		return 1;
	}
	if (o->html)
		rc = report_html_write(r, d, o->html);
	else if (r->json)
		rc = print_json(r, d);
	else if (r->csv)
		print_csv(d), rc = 0;
	else
		print_text(r, d), rc = 0;
	exam_report_free(d);
	return rc;
}
