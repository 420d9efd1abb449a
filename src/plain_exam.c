/* plain_exam.c — an exam on stdin/stdout: the limit in the header, the time
 * left in every prompt, answers saved without a verdict, `back N`, `finish`
 * and `q` as typed commands, and the result as the exam's feedback allows.
 * Input is read with poll(), so the time runs out even while nobody types. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answer.h"
#include "clock.h"
#include "examrun.h"
#include "i18n.h"
#include "out.h"
#include "paper.h"
#include "plain.h"
#include "report.h"

#define LINE_MAX_BYTES 256

/* Whole lines from fd 0, with a deadline. */
struct linein {
	char buf[4096];
	size_t len;
	bool eof;
};

enum { LINE_OK = 1, LINE_TIMEOUT = 0, LINE_EOF = -1, LINE_LONG = 2 };

/* Next line into out (without its newline).  timeout_ms < 0 waits forever. */
static int read_line(struct linein *in, char *out, size_t n, long timeout_ms)
{
	int64_t until = timeout_ms >= 0 ? clock_ms() + timeout_ms : 0;
	bool dropping = false;

	for (;;) {
		char *nl = memchr(in->buf, '\n', in->len);
		if (nl || (in->eof && in->len)) {
			size_t k = nl ? (size_t)(nl - in->buf) : in->len;
			size_t used = k + (nl != NULL);
			bool too_long = dropping || k >= n || memchr(in->buf, '\0', k);
			if (!too_long) {
				memcpy(out, in->buf, k);
				out[k] = '\0';
				if (k && out[k - 1] == '\r')
					out[k - 1] = '\0';
			}
			memmove(in->buf, in->buf + used, in->len - used);
			in->len -= used;
			return too_long ? LINE_LONG : LINE_OK;
		}
		if (in->eof)
			return LINE_EOF;
		if (in->len == sizeof in->buf) {
			in->len = 0;            /* a line longer than the buffer: drop it */
			dropping = true;
		}
		int wait = -1;
		if (timeout_ms >= 0) {
			int64_t left = until - clock_ms();
			if (left <= 0)
				return LINE_TIMEOUT;
			wait = left > 60000 ? 60000 : (int)left;
		}
		struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
		int rc = poll(&p, 1, wait);
		if (rc < 0 && errno != EINTR)
			in->eof = true;
		if (rc <= 0)
			continue;
		ssize_t got = read(STDIN_FILENO, in->buf + in->len, sizeof in->buf - in->len);
		if (got > 0)
			in->len += (size_t)got;
		else if (got == 0 || errno != EINTR)
			in->eof = true;
	}
}

/* A message, wrapped to COLUMNS. */
static void say(const char *s, bool utf8)
{
	report_wrap(stdout, s, report_width(), 0, utf8);
}

/* The answers standing are the store's: this attempt may have been answered
 * elsewhere meanwhile (the full screen in another terminal).  Says which. */
static void say_elsewhere(struct examrun *r, bool utf8)
{
	int list[64];
	char buf[320];
	int k = examrun_refresh(r, list, 64);
	if (k > 0) {
		examrun_elsewhere_say(list, (size_t)k, 64, buf, sizeof buf);
		say(buf, utf8);
	}
}

static void wrap(const char *s, bool utf8)
{
	report_wrap(stdout, s, report_width(), 0, utf8);
}

/* A command to run, on a line of its own and never wrapped: it is copied
 * whole into the shell. */
static void command_line(const char *cmd, bool utf8)
{
	fputs("  ", stdout);
	out_puts(stdout, cmd, utf8);
	putchar('\n');
}

/* "httptutor exam NAME" or the practice command, to tell how to come back. */
static void come_back_cmd(const struct examrun *r, const struct quiz_opts *o, int minutes,
                          char *buf, size_t n)
{
	if (r->paper.info.kind == EXAM_SET)
		snprintf(buf, n, "httptutor exam %s", r->paper.info.name);
	else
		paper_cmd("exam", o, minutes, buf, n);
}

static void header(const struct examrun *r, const struct quiz_opts *o, bool utf8)
{
	const struct exam_info *e = &r->paper.info;
	char buf[512], part[160];
	size_t len;

	snprintf(buf, sizeof buf, trn(MSG_EXAM_HEAD_ONE, MSG_EXAM_HEAD, (long)r->paper.n), e->name,
	         (int)r->paper.n);
	len = strlen(buf);
	if (e->kind == EXAM_PRACTICE) {
		snprintf(part, sizeof part, tr(MSG_EXAM_HEAD_PRACTICE), (unsigned long long)o->seed);
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", part);
	}
	if (e->minutes) {
		snprintf(part, sizeof part, tr(MSG_EXAM_HEAD_MINUTES), e->minutes);
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", part);
	}
	if (r->att.ends_at) {
		char at[32];
		examrun_clock_str(r->att.ends_at, at, sizeof at);
		snprintf(part, sizeof part, tr(MSG_EXAM_HEAD_UNTIL), at);
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", part);
	}
	if (e->attempts)
		snprintf(part, sizeof part, tr(MSG_EXAM_HEAD_ATTEMPT_OF), r->att.number, e->attempts);
	else
		snprintf(part, sizeof part, tr(MSG_EXAM_HEAD_ATTEMPT), r->att.number);
	snprintf(buf + len, sizeof buf - len, "%s", part);
	wrap(buf, utf8);
	wrap(tr(MSG_EXAM_PLAIN_HELP), utf8);
}

/* Comma-separated shown numbers of the unanswered questions, "" if none. */
static void result(const struct examrun *r, const struct quiz_opts *o, int minutes,
                   enum lang L, bool utf8)
{
	const struct exam_attempt *a = &r->att;
	char buf[512], t[32], cmd[160];
	enum msg title = a->state == ATTEMPT_TIME ? MSG_EXAM_TIME_UP_TITLE :
	                 a->state == ATTEMPT_CLOSED ? MSG_EXAM_CLOSED_TITLE : MSG_EXAM_FINISHED_TITLE;
	int n = (int)examrun_count(r);

	putchar('\n');
	snprintf(buf, sizeof buf, tr(MSG_SENTENCE), tr(title));
	say(buf, utf8);
	clock_mmss((long)(a->ended_at - a->started_at), t, sizeof t);
	snprintf(buf, sizeof buf, tr(MSG_QUIZ_SCORE), a->score, n, n ? (100 * a->score + n / 2) / n : 0, t);
	say(buf, utf8);
	come_back_cmd(r, o, minutes, cmd, sizeof cmd);
	if (!a->released) {
		putchar('\n');
		if (r->paper.info.feedback == EXAM_FEEDBACK_NEVER) {
			wrap(tr(MSG_EXAM_RESULTS_NEVER), utf8);
		} else if (r->paper.info.closes_at) {
			char at[32];
			examrun_clock_str(r->paper.info.closes_at, at, sizeof at);
			snprintf(buf, sizeof buf, tr(MSG_EXAM_RESULTS_LATER), at);
			wrap(buf, utf8);
			command_line(cmd, utf8);
		} else {
			wrap(tr(MSG_EXAM_RESULTS_LATER_OPEN), utf8);
			command_line(cmd, utf8);
		}
		return;
	}
	for (size_t i = 0; i < examrun_count(r); i++) {
		const struct question *q = examrun_question(r, i);
		char label[320], yours[320];
		int given = -1;
		bool answered = examrun_given(r, i, &given);
		plain_ask(r->m, q, i, examrun_count(r), L, utf8);
		answer_right_shown(r->m, q, L, label, sizeof label);
		if (!answered) {
			snprintf(buf, sizeof buf, tr(MSG_EXAM_NOT_ANSWERED_IS), label);
		} else if (examrun_right(r, i) == 1) {
			snprintf(buf, sizeof buf, "%s", tr(MSG_QUIZ_CORRECT));
		} else {
			answer_given_label(r->m, q, given, L, yours, sizeof yours);
			snprintf(buf, sizeof buf, tr(MSG_EXAM_WRONG_YOURS), yours, label);
		}
		say(buf, utf8);
		plain_explain(r->m, q, answered ? given : -1, label, L, utf8);
	}
}

/* Ask a y/n question; true for yes.  EOF or a timeout is no. */
static bool confirm(struct linein *in, const char *question, long timeout_ms, bool utf8,
                    int *status)
{
	char line[LINE_MAX_BYTES];
	for (;;) {
		out_puts(stdout, question, utf8);
		fputs(" > ", stdout);
		fflush(stdout);
		*status = read_line(in, line, sizeof line, timeout_ms);
		if (*status != LINE_OK) {
			putchar('\n');
			return false;
		}
		if (!strcmp(line, "y") || !strcmp(line, "yes") || !strcmp(line, "Y"))
			return true;
		if (!strcmp(line, "n") || !strcmp(line, "no") || !strcmp(line, "N") || !line[0])
			return false;
	}
}

static void leave_msg(const struct examrun *r, const struct quiz_opts *o, int minutes,
                      bool utf8)
{
	char buf[512], cmd[160];
	bool back = examrun_leave_msg(r, buf, sizeof buf);
	putchar('\n');
	wrap(buf, utf8);
	if (back) {
		come_back_cmd(r, o, minutes, cmd, sizeof cmd);
		command_line(cmd, utf8);
	}
}

/* The question to show after i: the next unanswered one (wrapping), or n
 * (the end prompt) when every question is answered. */
static size_t next_unanswered(const struct examrun *r, size_t i)
{
	size_t n = examrun_count(r);
	int g;
	for (size_t k = 1; k <= n; k++) {
		size_t j = (i + k) % n;
		if (!examrun_given(r, j, &g))
			return j;
	}
	return n;
}

/* The running attempt: returns when it has ended (true) or the learner
 * left (false). */
/* lost[pos] is 1 while the answer at pos was refused and not yet saved by
 * a later try; lost[n] the same for handing in. */
static bool run_loop(struct examrun *r, struct linein *in, enum lang L, bool utf8,
                     unsigned char *lost)
{
	size_t n = examrun_count(r), cur = next_unanswered(r, n - 1);
	char line[LINE_MAX_BYTES], buf[512];
	int64_t asked = clock_ms();
	bool show = true;

	for (;;) {
		long left = examrun_left(r);
		if (left == 0 && examrun_time_check(r) == EXAM_TIME_UP)
			return true;
		if (show && cur < n) {
			int g;
			plain_ask(r->m, examrun_question(r, cur), cur, n, L, utf8);
			if (examrun_given(r, cur, &g)) {
				char lab[240];
				answer_given_label(r->m, examrun_question(r, cur), g, L, lab, sizeof lab);
				snprintf(buf, sizeof buf, tr(MSG_EXAM_YOUR_ANSWER), lab);
				say(buf, utf8);
			}
			asked = clock_ms();
		} else if (show) {
			putchar('\n');
			say_elsewhere(r, utf8);
			if (examrun_unanswered_say(r, 64, buf, sizeof buf)) {
				say(buf, utf8);
			} else {
				snprintf(buf, sizeof buf, trn(MSG_EXAM_ALL_ANSWERED_ONE, MSG_EXAM_ALL_ANSWERED,
				                              (long)n), (int)n);
				say(buf, utf8);
			}
			wrap(tr(MSG_EXAM_END_PROMPT), utf8);
		}
		show = true;
		if (left > 0) {
			char t[32];
			clock_mmss(left, t, sizeof t);
			snprintf(buf, sizeof buf, tr(MSG_EXAM_PROMPT_LEFT), t);
			out_puts(stdout, buf, utf8);
		} else {
			fputs("> ", stdout);
		}
		fflush(stdout);
		int st = read_line(in, line, sizeof line, left > 0 ? left * 1000 : -1);
		if (st == LINE_TIMEOUT)
			continue;               /* the clock check at the top ends it */
		if (st == LINE_EOF)
			return false;
		if (st == LINE_LONG) {
			snprintf(buf, sizeof buf, tr(MSG_EXAM_BAD_CMD), (int)n);
			say(buf, utf8);
			show = false;
			continue;
		}
		char *s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		int back;
		char tail;
		if (!strcmp(s, "q") || !strcmp(s, "quit")) {
			char ask[512], at[32];
			if (r->att.ends_at) {
				examrun_clock_str(r->att.ends_at, at, sizeof at);
				snprintf(ask, sizeof ask, tr(MSG_EXAM_LEAVE_ASK), at);
			} else {
				snprintf(ask, sizeof ask, "%s", tr(MSG_EXAM_LEAVE_ASK_OPEN));
			}
			if (confirm(in, ask, left > 0 ? examrun_left(r) * 1000 : -1, utf8, &st) ||
			    st == LINE_EOF)
				return false;
			continue;
		}
		if (!strcmp(s, "finish")) {
			char ask[512], part[300];
			say_elsewhere(r, utf8);
			if (!examrun_unanswered_say(r, 64, part, sizeof part))
				snprintf(part, sizeof part, trn(MSG_EXAM_ALL_ANSWERED_ONE, MSG_EXAM_ALL_ANSWERED,
				                                (long)n), (int)n);
			snprintf(ask, sizeof ask, tr(MSG_EXAM_FINISH_ASK), part);
			if (confirm(in, ask, left > 0 ? examrun_left(r) * 1000 : -1, utf8, &st)) {
				enum exam_rc rc = examrun_finish(r);
				if (rc == EXAM_ERR) {
					report_error_wrap(utf8, MSG_PLAIN_NOT_SAVED, r->err);
					lost[n] = 1;
					continue;
				}
				lost[n] = 0;
				return true;
			}
			if (st == LINE_EOF)
				return false;
			continue;
		}
		if (sscanf(s, "back %d%c", &back, &tail) == 1) {
			if (back >= 1 && (size_t)back <= n) {
				cur = (size_t)back - 1;
				continue;
			}
			snprintf(buf, sizeof buf, tr(MSG_EXAM_BAD_CMD), (int)n);
			say(buf, utf8);
			show = false;
			continue;
		}
		if (!*s || !strcmp(s, "next")) {
			cur = cur + 1 < n ? cur + 1 : n;
			continue;
		}
		int given;
		if (cur == n || !quiz_parse(examrun_question(r, cur), s, &given)) {
			if (cur < n)
				say(tr(examrun_question(r, cur)->type == Q_TYPE ? MSG_QUIZ_BAD_TYPED
				                                                 : MSG_QUIZ_BAD_INPUT), utf8);
			snprintf(buf, sizeof buf, tr(MSG_EXAM_BAD_CMD), (int)n);
			say(buf, utf8);
			show = false;
			continue;
		}
		enum exam_rc rc = examrun_answer(r, cur, given, clock_ms() - asked);
		if (rc == EXAM_TIME_UP || rc == EXAM_CLOSED || rc == EXAM_ENDED) {
			say(examrun_late_why(r, rc), utf8);
			return true;
		}
		if (rc != EXAM_OK) {
			/* Say so plainly: the learner must know this answer is not kept. */
			report_error_wrap(utf8, MSG_PLAIN_NOT_SAVED, r->err);
			lost[cur] = 1;
			if (store_gone(r->st))
				return false;   /* deleted or replaced: nothing more can be kept */
			show = false;
			continue;
		}
		char lab[240];
		answer_given_label(r->m, examrun_question(r, cur), given, L, lab, sizeof lab);
		snprintf(buf, sizeof buf, tr(MSG_EXAM_SAVED), lab);
		say(buf, utf8);
		lost[cur] = 0;
		cur = next_unanswered(r, cur);
	}
}

/* The exam's questions until it ends or the learner leaves; *unsaved is how
 * many answers (or the hand-in) were refused and never saved by a later try:
 * an answer NOT SAVED while the server restarted and then given again counts
 * as saved. */
static bool run(struct examrun *r, struct linein *in, enum lang L, bool utf8, int *unsaved)
{
	size_t n = examrun_count(r);
	unsigned char *lost = calloc(n + 1, 1);
	if (!lost) {
		report_error(MSG_ERR_OOM);
		*unsaved = 1;
		return false;
	}
	bool done = run_loop(r, in, L, utf8, lost);
	*unsaved = 0;
	for (size_t i = 0; i <= n; i++)
		*unsaved += lost[i];
	free(lost);
	return done;
}

int plain_exam(const struct model *m, const char *name, const struct quiz_opts *o, int minutes,
               const char *db_path, const char *user, enum lang L, bool utf8)
{
	char err[512], buf[512];
	struct examrun r;
	struct linein in = { .len = 0 };
	enum exam_rc rc;
	int status = 1, unsaved = 0, st_read;
	struct store *st = store_open(db_path, user, false, err, sizeof err);

	if (!st) {
		fprintf(stderr, "httptutor: %s\n", err);
		return 1;
	}
	rc = name ? examrun_open(&r, st, m, name) : examrun_open_practice(&r, st, m, o, minutes);
	if (rc != EXAM_OK || !examrun_can_show(&r)) {
		report_error_wrap(utf8, MSG_PLAIN_ERR, r.err);
		goto out;
	}
	if (examrun_phase(&r) == ER_ENDED) {
		/* Say how the last attempt went, then offer another if allowed. */
		result(&r, o, minutes, L, utf8);
		if (!r.att.attempts_left) {
			status = 0;
			goto out;
		}
		putchar('\n');
		snprintf(buf, sizeof buf, tr(MSG_EXAM_NEW_ATTEMPT), r.att.number + 1);
		if (!confirm(&in, buf, -1, utf8, &st_read)) {
			status = 0;
			goto out;
		}
		putchar('\n');
	}
	bool resumed = examrun_phase(&r) == ER_OPEN;
	rc = examrun_start(&r);
	if ((rc == EXAM_TIME_UP || rc == EXAM_CLOSED) && r.att.id) {
		result(&r, o, minutes, L, utf8);
		status = 0;
		goto out;
	}
	if (rc != EXAM_OK) {
		report_error_wrap(utf8, MSG_PLAIN_ERR, r.err);
		goto out;
	}
	header(&r, o, utf8);
	if (resumed) {
		snprintf(buf, sizeof buf, tr(MSG_EXAM_RESUMED), r.att.number, r.att.answered,
		         (int)examrun_count(&r));
		say(buf, utf8);
	}
	if (run(&r, &in, L, utf8, &unsaved))
		result(&r, o, minutes, L, utf8);
	else
		leave_msg(&r, o, minutes, utf8);
	if (unsaved)
		report_error(MSG_PLAIN_UNSAVED, unsaved);
	status = unsaved ? 1 : 0;
out:
	fflush(stdout);
	examrun_free(&r);
	store_close(st);
	return status;
}
