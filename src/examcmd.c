/* examcmd.c — making, closing and listing exams for the teacher. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "clock.h"
#include "examcmd.h"
#include "examrun.h"
#include "i18n.h"
#include "out.h"
#include "paper.h"
#include "store_exam.h"
#include "table.h"
#include "text.h"

enum { EXIT_USAGE = 2 };

bool examcmd_parse_when(const char *s, int64_t now, int64_t *out)
{
	time_t t = (time_t)now;
	struct tm tm;
	char unit, tail;
	long n;
	int y, mo, d, h, mi, sec = 0;

	if (s[0] == '+' && sscanf(s + 1, "%ld%c%c", &n, &unit, &tail) == 2 && n > 0 &&
	    n <= 100000 && (unit == 'm' || unit == 'h' || unit == 'd')) {
		*out = now + n * (unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400);
		return true;
	}
	if (!localtime_r(&t, &tm))
		return false;
	if (sscanf(s, "%d:%d%c", &h, &mi, &tail) == 2) {
		/* today */
	} else if (sscanf(s, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &tail) == 5 ||
	           sscanf(s, "%d-%d-%dT%d:%d%c", &y, &mo, &d, &h, &mi, &tail) == 5 ||
	           sscanf(s, "%d-%d-%dT%d:%d:%d%c", &y, &mo, &d, &h, &mi, &sec, &tail) == 6) {
		if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31)
			return false;
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
	} else {
		return false;
	}
	if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
		return false;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	time_t when = mktime(&tm);
	if (when == (time_t)-1)
		return false;
	*out = (int64_t)when;
	return true;
}

static struct store *open_rw(const char *db_path, const char *user)
{
	char err[512];
	struct store *st = store_open(db_path, user, false, err, sizeof err);
	if (!st)
		fprintf(stderr, "httptutor: %s\n", err);
	return st;
}

/* A seed nobody can guess from the clock or the process id.  Screen tests
 * need a known paper: HTTPTUTOR_TEST_SEED gives one (tests only). */
/* A --closes value that is not a time or not in the future: a usage error. */
static void bad_closes(enum msg why, const char *closes)
{
	fprintf(stderr, "httptutor: ");
	fprintf(stderr, tr(why), closes);
	fprintf(stderr, "\n%s\n", tr(MSG_ERR_TRY_HELP));
}

static bool secret_seed(uint64_t *seed)
{
	const char *test = getenv("HTTPTUTOR_TEST_SEED");
	if (test && *test) {
		*seed = strtoull(test, NULL, 10);
		return true;
	}
	return getrandom(seed, sizeof *seed, 0) == (ssize_t)sizeof *seed;
}

int examcmd_new(const struct report_ctx *r, const struct examcmd_new *c,
                const char *db_path, const char *user)
{
	struct exam_info e;
	struct quiz qz = { 0 };
	struct quiz_opts o = c->quiz;
	struct exam_item *items = NULL;
	size_t n = 0;
	struct store *st = NULL;
	int64_t now = examrun_now();
	int rc = 1;

	memset(&e, 0, sizeof e);
	if (!store_exam_name_ok(c->name)) {
		fprintf(stderr, "httptutor: ");
		fprintf(stderr, tr(MSG_EXAM_BAD_NAME), c->name, EXAM_NAME_MAX);
		fprintf(stderr, "\n%s\n", tr(MSG_ERR_TRY_HELP));
		return EXIT_USAGE;
	}
	snprintf(e.name, sizeof e.name, "%s", c->name);
	e.kind = EXAM_SET;
	e.minutes = c->minutes;
	e.attempts = c->attempts ? c->attempts : 1;
	e.feedback = EXAM_FEEDBACK_CLOSED;
	if (c->feedback)
		store_exam_feedback_parse(c->feedback, &e.feedback);
	e.shuffle = !c->no_shuffle;
	if (c->closes) {
		if (!examcmd_parse_when(c->closes, now, &e.closes_at)) {
			bad_closes(MSG_EXAM_BAD_CLOSES, c->closes);
			return EXIT_USAGE;
		}
		if (e.closes_at <= now) {
			bad_closes(MSG_EXAM_CLOSES_PAST, c->closes);
			return EXIT_USAGE;
		}
	}
	paper_filters(&o, e.filters, sizeof e.filters);
	snprintf(e.content_version, sizeof e.content_version, "%s", r->m->version);
	if (!secret_seed(&o.seed)) {
		fprintf(stderr, "httptutor: %s\n", tr(MSG_EXAM_NO_RANDOM));
		return 1;
	}
	/* The paper is fixed now: these questions, whatever the content becomes. */
	if (!quiz_build(r->m, &o, &qz) || qz.n < (size_t)o.count) {
		fprintf(stderr, "httptutor: ");
		if (qz.n)
			fprintf(stderr, tr(MSG_EXAM_TOO_FEW), qz.n, e.filters[0] ? " " : "", e.filters, qz.n);
		else   /* --count 0 is no answer: the filters are */
			fprintf(stderr, tr(MSG_EXAM_NONE_MATCH), e.filters[0] ? " " : "", e.filters);
		fputc('\n', stderr);
		goto out;
	}
	if (!paper_items(&qz, &items, &n)) {
		fprintf(stderr, "httptutor: %s\n", tr(MSG_ERR_OOM));
		goto out;
	}
	if (!(st = open_rw(db_path, user)))
		goto out;
	if (store_exam_create(st, &e, o.seed, items, n, now) != EXAM_OK) {
		fprintf(stderr, "httptutor: ");
		if (st->denied)
			fprintf(stderr, tr(MSG_DENY_EXAM_NEW), store_where(st));
		else
			fputs(st->err, stderr);
		fputc('\n', stderr);
		goto out;
	}
	char buf[512], when[32] = "";
	if (e.closes_at)
		examrun_clock_str(e.closes_at, when, sizeof when);
	snprintf(buf, sizeof buf, trn(MSG_EXAMNEW_MADE_ONE, MSG_EXAMNEW_MADE, (long)n), e.name,
	         store_where(st), (int)n);
	size_t len = strlen(buf);
	if (e.minutes)
		len += (size_t)snprintf(buf + len, sizeof buf - len, tr(MSG_EXAMNEW_MINUTES), e.minutes);
	char attempts[32];
	len += (size_t)snprintf(buf + len, sizeof buf - len, tr(MSG_EXAMNEW_ATTEMPTS),
	                        i18n_count(MSG_N_ATTEMPTS_ONE, MSG_N_ATTEMPTS, e.attempts, attempts,
	                                   sizeof attempts));
	len += (size_t)snprintf(buf + len, sizeof buf - len, "%s",
	                        tr(e.feedback == EXAM_FEEDBACK_END ? MSG_EXAMNEW_FB_END :
	                           e.feedback == EXAM_FEEDBACK_NEVER ? MSG_EXAMNEW_FB_NEVER :
	                           MSG_EXAMNEW_FB_CLOSED));
	if (e.closes_at)
		len += (size_t)snprintf(buf + len, sizeof buf - len, tr(MSG_EXAMNEW_CLOSES), when);
	snprintf(buf + len, sizeof buf - len, "%s", tr(MSG_EXAMNEW_TELL));
	report_wrap(stdout, buf, report_width(), 0, r->utf8);
	printf("  httptutor exam %s\n", e.name);
	rc = 0;
out:
	store_close(st);
	paper_items_free(items, n);
	quiz_free(&qz);
	return rc;
}

int examcmd_close(const struct report_ctx *r, const char *name, const char *closes,
                  const char *db_path, const char *user)
{
	int64_t now = examrun_now(), when = now;
	char buf[256], at[32];
	struct store *st;
	int rc = 1;

	if (closes && !examcmd_parse_when(closes, now, &when)) {
		bad_closes(MSG_EXAM_BAD_CLOSES, closes);
		return EXIT_USAGE;
	}
	/* A past --closes is refused as exam new refuses it: closing now under
	 * a past time would report a time that is not when it closed. */
	if (closes && when <= now) {
		fprintf(stderr, "httptutor: ");
		fprintf(stderr, tr(MSG_EXAM_CLOSE_PAST), closes, name);
		fprintf(stderr, "\n%s\n", tr(MSG_ERR_TRY_HELP));
		return EXIT_USAGE;
	}
	if (!(st = open_rw(db_path, user)))
		return 1;
	if (store_exam_close(st, name, when, now) != EXAM_OK) {
		fprintf(stderr, "httptutor: ");
		if (st->denied)
			fprintf(stderr, tr(MSG_DENY_EXAM_CLOSE), name, store_where(st));
		else
			fputs(st->err, stderr);
		fputc('\n', stderr);
		goto out;
	}
	examrun_clock_str(when, at, sizeof at);
	snprintf(buf, sizeof buf, tr(when > now ? MSG_EXAMCLOSE_LATER : MSG_EXAMCLOSE_NOW), name, at);
	report_wrap(stdout, buf, report_width(), 0, r->utf8);
	rc = 0;
out:
	store_close(st);
	return rc;
}

/* ---- exams ----------------------------------------------------------------- */

static json_t *time_json(int64_t t)
{
	char buf[32];
	clock_iso_str(t, buf, sizeof buf);
	return t ? json_string(buf) : json_null();
}

static int list_json(const struct exam_info *v, size_t n, const char *path)
{
	json_t *root = json_object(), *arr = json_array();
	int rc = 1;
	if (!root || !arr)
		goto out;
	json_object_set_new(root, "database", out_json_str(path));
	for (size_t i = 0; i < n; i++) {
		const struct exam_info *e = &v[i];
		json_t *o = json_object();
		json_object_set_new(o, "name", out_json_str(e->name));
		json_object_set_new(o, "kind", json_string(e->kind == EXAM_SET ? "set" : "practice"));
		json_object_set_new(o, "questions", json_integer(e->count));
		json_object_set_new(o, "minutes", e->minutes ? json_integer(e->minutes) : json_null());
		json_object_set_new(o, "attempts", e->attempts ? json_integer(e->attempts) : json_null());
		json_object_set_new(o, "feedback", json_string(store_exam_feedback_name(e->feedback)));
		json_object_set_new(o, "shuffle", json_boolean(e->shuffle));
		json_object_set_new(o, "opened", time_json(e->created_at));
		json_object_set_new(o, "closes", time_json(e->closes_at));
		json_object_set_new(o, "closed", time_json(e->closed_at));
		json_object_set_new(o, "started", json_integer(e->started));
		json_object_set_new(o, "in_progress", json_integer(e->in_progress));
		/* ended: finished, timed out or closed ("finished" kept for scripts) */
		json_object_set_new(o, "finished", json_integer(e->finished));
		json_object_set_new(o, "ended", json_integer(e->finished));
		json_array_append_new(arr, o);
	}
	json_object_set(root, "exams", arr);
	if (out_json_dump(stdout, root, true))
		rc = 0;
out:
	json_decref(arr);
	json_decref(root);
	return rc;
}

int examcmd_list(const struct report_ctx *r, const char *db_path)
{
	char err[512];
	struct exam_info *v = NULL;
	size_t n = 0;
	int rc = 1;
	struct store *st = store_open(db_path, NULL, true, err, sizeof err);

	if (!st) {
		fprintf(stderr, "httptutor: %s\n", err);
		return 1;
	}
	int64_t now = examrun_now();
	if (!store_exam_list(st, now, &v, &n)) {
		fprintf(stderr, "httptutor: %s\n", st->err);
		goto out;
	}
	if (r->json) {
		rc = list_json(v, n, store_where(st));
		goto out;
	}
	if (!n) {
		report_wrap(stdout, tr(MSG_EXAMS_NONE), report_width(), 0, r->utf8);
		rc = 0;
		goto out;
	}
	struct table_col cols[] = {
		{ tr(MSG_EXAMS_COL_NAME), TABLE_LEFT, TABLE_CLIP_MIDDLE, 8, 0 },
		{ tr(MSG_EXAMS_COL_QUESTIONS), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_EXAMS_COL_MINUTES), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_EXAMS_COL_OPENED), TABLE_LEFT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_EXAMS_COL_CLOSES), TABLE_LEFT, TABLE_CLIP_END, 6, 0 },
		{ tr(MSG_EXAMS_COL_STARTED), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_EXAMS_COL_FINISHED), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
	};
	struct table t;
	table_init(&t, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; i < n; i++) {
		const struct exam_info *e = &v[i];
		char q[16], mins[16], opened[32], closes[64], started[16], finished[16];
		snprintf(q, sizeof q, "%d", e->count);
		snprintf(mins, sizeof mins, e->minutes ? "%d" : "-", e->minutes);
		clock_local_str(e->created_at, "%m-%d %H:%M", "-", opened, sizeof opened);
		if (e->kind == EXAM_PRACTICE) {
			snprintf(closes, sizeof closes, "%s", tr(MSG_EXAMS_PRACTICE));
		} else if (e->closed_at || (e->closes_at && e->closes_at <= now)) {
			char at[32];
			clock_local_str(e->closed_at ? e->closed_at : e->closes_at, "%m-%d %H:%M", "-", at, sizeof at);
			snprintf(closes, sizeof closes, tr(MSG_EXAMS_CLOSED_AT), at);
		} else {
			clock_local_str(e->closes_at, "%m-%d %H:%M", "-", closes, sizeof closes);
		}
		snprintf(started, sizeof started, "%d", e->started);
		snprintf(finished, sizeof finished, "%d", e->finished);
		table_add(&t, (const char *[]){ e->name, q, mins, opened, closes, started, finished });
	}
	table_print(&t, stdout, report_width(), 0, r->utf8);
	rc = t.oom ? 1 : 0;
	table_free(&t);
out:
	free(v);
	store_close(st);
	return rc;
}
