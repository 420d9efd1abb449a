/* plain.c — the quiz as lines on stdin/stdout.  Every answer is committed
 * before its feedback is printed, so EOF or a kill loses nothing confirmed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "examhide.h"
#include "clock.h"
#include "i18n.h"
#include "out.h"
#include "paper.h"
#include "plain.h"
#include "plain_contrast.h"
#include "contrast.h"
#include "report.h"
#include "store.h"


/* A line of text, wrapped to COLUMNS. */
static void say(const char *s, bool utf8)
{
	report_wrap(stdout, s, report_width(), 0, utf8);
}

/* Longest answer line taken; a longer one is refused whole, once. */
#define LINE_MAX_ANSWER 200

void plain_ask(const struct model *m, const struct question *q, size_t i, size_t n,
               enum lang L, bool utf8)
{
	char buf[512];
	int w = report_width();
	putchar('\n');
	if (q->type == Q_MEANING) {
		snprintf(buf, sizeof buf, "[%zu/%zu] %d — %s", i + 1, n, q->code->code,
		         tr(MSG_QUIZ_MEANING_PROMPT));
		say(buf, utf8);
	} else {
		printf("[%zu/%zu]\n", i + 1, n);
		report_wrap(stdout, ltext_get(&q->sc->situation, L), w, 2, utf8);
		answer_prompt(q, buf, sizeof buf);
		say(buf, utf8);
	}
	/* One label per choice ("1) 201 Created"), so a screen reader does not
	 * read "1 a"; the letters a-d are still accepted. */
	for (int k = 0; k < q->n_choices; k++) {
		char label[300], num[16];
		answer_choice_label(m, q, k, L, label, sizeof label);
		snprintf(num, sizeof num, "  %d) ", k + 1);
		report_wrap_hang(stdout, num, label, w, 16, utf8);
	}
}

void plain_explain(const struct model *m, const struct question *q, int given, const char *label,
                   enum lang L, bool utf8)
{
	struct explanation ex;
	char buf[512];
	int w = report_width();
	answer_explain(q, given, L, &ex);
	answer_explain_meaning(m, q, given, L, &ex);
	if (*ex.why) {
		snprintf(buf, sizeof buf, "%s", tr(MSG_QUIZ_WHY));
		say(buf, utf8);
		report_wrap(stdout, ex.why, w, 2, utf8);
	}
	if (ex.also) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHY_ALSO), ex.also_code);
		say(buf, utf8);
		report_wrap(stdout, ex.also, w, 2, utf8);
	}
	if (ex.header_why) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHY_HEADER), label);
		say(buf, utf8);
		report_wrap(stdout, ex.header_why, w, 2, utf8);
	}
	if (ex.whynot) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHYNOT), ex.whynot_code);
		say(buf, utf8);
		report_wrap(stdout, ex.whynot, w, 2, utf8);
	}
	fflush(stdout);
}

static void feedback(const struct model *m, const struct question *q, int given, bool right,
                     enum lang L, bool utf8)
{
	struct explanation ex;
	char buf[512], label[200];
	answer_explain(q, given, L, &ex);
	answer_right_label(q, label, sizeof label);
	if (right && ex.also)
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_CORRECT_ALSO), ex.also_code, label);
	else if (right)
		snprintf(buf, sizeof buf, "%s", tr(MSG_QUIZ_CORRECT));
	else
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WRONG_IS), label);
	/* It follows the "> " prompt when the answer was not echoed (a pipe). */
	report_wrap(stdout, buf, report_width() - 2, 0, utf8);
	plain_explain(m, q, given, label, L, utf8);
}

/* Whether `quiz --seed S` with the same count and filters asks the questions
 * of qz again: a quiz drawn around the learner's recent answers (o->seen)
 * may not be the one the seed alone gives, and a review follows what is due. */
static bool same_again(const struct model *m, const struct quiz_opts *o, const struct quiz *qz)
{
	struct quiz_opts plain = *o;
	struct quiz again = { 0 };
	bool same;

	if (!o->seen)
		return true;
	plain.seen = NULL;
	plain.n_seen = 0;
	same = quiz_build(m, &plain, &again) && again.n == qz->n;
	for (size_t i = 0; same && i < qz->n; i++)
		same = again.q[i].type == qz->q[i].type && !strcmp(again.q[i].item, qz->q[i].item);
	quiz_free(&again);
	return same;
}

int plain_run(const struct model *m, const struct quiz_opts *o, const char *kind,
              bool prefer_fresh, const char *db_path, const char *user, enum lang L, bool utf8)
{
	char err[512];
	struct quiz qz = { 0 };
	struct leitner *states = NULL;
	size_t n_states = 0;
	int rc = 1, right = 0, answered = 0, unsaved = 0;
	bool review = !strcmp(kind, "review");
	struct store *st = store_open(db_path, user, false, err, sizeof err);
	if (!st) {
		fprintf(stderr, "httptutor: %s\n", err);
		return 1;
	}
	struct quiz_opts qo = *o;
	/* Nothing of an exam being sat is asked (its answers would show). */
	struct examhide hide = { 0 };
	examhide_load(&hide, st, clock_now());
	qo.hidden = examhide_quiz;
	qo.hidden_ctx = &hide;
	/* A database that cannot be read is broken: say so and stop (exit 1),
	 * never "no mistakes yet". */
	if ((review || prefer_fresh) && !store_item_states(st, &states, &n_states) &&
	    (review || !store_offline(st))) {
		/* Only a practice quiz goes on without the class server. */
		fprintf(stderr, "httptutor: %s\n", st->err);
		goto done;
	}
	if (!review && prefer_fresh) {
		qo.seen = states;
		qo.n_seen = n_states;
		qo.fresh_after = clock_now() - QUIZ_FRESH_DAYS * 86400;
	}
	bool drill = review && o->drill;
	struct quiz_opts ro = *o;      /* review and drill: no freshness, but the hiding */
	ro.hidden = qo.hidden;
	ro.hidden_ctx = qo.hidden_ctx;
	bool built = drill ? quiz_build(m, &ro, &qz)
	           : review ? quiz_build_review(m, states, n_states, clock_now(), &ro, &qz)
	                    : quiz_build(m, &qo, &qz);
	if (!built) {
		say(tr(review ? MSG_REVIEW_EMPTY : MSG_QUIZ_EMPTY), utf8);
		rc = review ? 0 : 1;
		goto done;
	}
	struct answer_session session = { kind, o->seed, m->version, 0, false };
	/* When this fails (a full disk), each answer tries again. */
	if (!answer_session_begin(st, &session))
		fprintf(stderr, "httptutor: %s\n", st->err);
	char drill_name[64] = "";
	if (drill) {
		contrast_label(o->drill, drill_name, sizeof drill_name);
		plain_contrast_card(m, o->drill, st, L, utf8);
	}
	/* The seed is for reproducing a quiz, not for hearing before every one:
	 * it is in the summary. */
	char head[256], count[32];
	snprintf(head, sizeof head, tr(MSG_PLAIN_HEADER),
	         tr(drill ? MSG_DRILL_TITLE : review ? MSG_QUIZ_REVIEW_TITLE : MSG_QUIZ_TITLE),
	         drill ? " " : "", drill_name,
	         i18n_count(MSG_N_QUESTIONS_ONE, MSG_N_QUESTIONS, (int)qz.n, count, sizeof count));
	say(head, utf8);
	bool eof = false;
	char *line = NULL;
	size_t line_cap = 0;
	int64_t started = clock_ms();
	int was_waiting = store_waiting(st);
	for (size_t i = 0; i < qz.n && !eof; i++) {
		const struct question *q = &qz.q[i];
		int64_t t0 = clock_ms();
		int given = 0;
		plain_ask(m, q, i, qz.n, L, utf8);
		fputs("> ", stdout);
		fflush(stdout);
		for (;;) {
			/* Whole lines of any length: a long or NUL-bearing line is
			 * refused once, never read as several answers. */
			ssize_t len = getline(&line, &line_cap, stdin);
			if (len < 0) {
				eof = true;
				break;
			}
			bool bad = (size_t)len > LINE_MAX_ANSWER || memchr(line, 0, (size_t)len);
			line[strcspn(line, "\r\n")] = 0;
			if (!bad && (!strcmp(line, "q") || !strcmp(line, "quit"))) {
				eof = true;
				break;
			}
			if (!bad && quiz_parse(q, line, &given))
				break;
			say(tr(bad ? MSG_PLAIN_BAD_LINE : q->type == Q_TYPE ? MSG_QUIZ_BAD_TYPED :
			       q->type == Q_PICK ? MSG_QUIZ_BAD_PICK : MSG_QUIZ_BAD_INPUT), utf8);
			fputs("> ", stdout);
			fflush(stdout);
		}
		if (eof)
			break;
		struct answer_rec rec;
		struct answer_buf b;
		answer_fill(&rec, &b, q, given, 0, clock_ms() - t0, clock_now(), m->version);
		bool gone = false;
		if (!answer_save(st, &session, &rec)) {
			/* Say so plainly: the learner must know this answer is not kept. */
			report_error_wrap(utf8, MSG_PLAIN_NOT_SAVED, st->err);
			unsaved++;
			gone = store_gone(st);   /* deleted or replaced: nothing more can be kept */
		}
		answered++;
		right += rec.correct;
		feedback(m, q, given, rec.correct, L, utf8);
		int waiting = unsaved ? 0 : store_waiting(st);
		if (waiting != was_waiting) {
			/* Said when it changes: kept here, or all sent after all. */
			char buf[300], n[120];
			i18n_count(MSG_QUEUE_WAITING_ONE, MSG_QUEUE_WAITING, waiting, n, sizeof n);
			if (waiting)
				snprintf(buf, sizeof buf, tr(MSG_QUEUE_KEPT), n);
			else
				snprintf(buf, sizeof buf, "%s", tr(MSG_QUEUE_SENT));
			say(buf, utf8);
			was_waiting = waiting;
		}
		if (gone)
			break;
		if (!rec.correct && q->type != Q_HEADER &&
		    !plain_contrast_offer(m, q->code->code, given, o->drill, st, L, utf8))
			eof = true;
	}
	free(line);
	if (session.id)
		store_session_end(st, session.id);
	char buf[256], t[32];
	long secs = (long)((clock_ms() - started) / 1000);
	clock_mmss(secs, t, sizeof t);
	if (answered)
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_SCORE), right, answered,
		         quiz_percent(right, answered), t);
	else   /* not "Score: 0/0 (0%)" */
		snprintf(buf, sizeof buf, "%s", tr(MSG_QUIZ_NONE_ANSWERED));
	putchar('\n');
	say(buf, utf8);
	if (!review && same_again(m, &qo, &qz)) {
		char cmd[224];
		paper_cmd("quiz", o, 0, cmd, sizeof cmd);
		snprintf(buf, sizeof buf, tr(MSG_PLAIN_SEED), cmd);
		say(buf, utf8);
	}
	if (unsaved)
		report_error(MSG_PLAIN_UNSAVED, unsaved);
	rc = unsaved ? 1 : 0;
done:
	quiz_free(&qz);
	free(states);
	examhide_free(&hide);
	store_close(st);
	return rc;
}
