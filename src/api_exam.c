/* api_exam.c — the class server's routes for exams (papers, attempts,
 * answers, finishing: the rules are store_exam.h's, by the server's clock)
 * and for the teacher (exams, results, the class report, the roster). */
#include "api_int.h"
#include "clock.h"
#include "i18n.h"
#include "netlib.h"
#include "paper.h"
#include "store_int.h"
#include "store_serve.h"
#include "out.h"
#include "wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- exams --------------------------------------------------------------------- */

void api_exam_list(struct api_call *c)
{
	struct exam_info *v;
	size_t n;
	if (!store_exam_list(c->st, c->now, &v, &n)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_exam_list(v, n));
	free(v);
}

void api_exam_new(struct api_call *c)
{
	struct exam_info e;
	struct exam_item *q = NULL;
	size_t n = 0;
	uint64_t seed = 0;
	char err[256];

	if (!wire_read_exam_info(json_object_get(c->body, "exam"), &e, err, sizeof err) ||
	    !wire_read_items(json_object_get(c->body, "questions"), &q, &n, err, sizeof err)) {
		api_fail(c, 422, "/problems/bad-field", "%s", err);
		return;
	}
	if (api_u64(c, "seed", &seed)) {
		enum exam_rc rc = store_exam_create(c->st, &e, seed, q, n, c->now);
		if (rc == EXAM_OK) {
			snprintf(c->rp->location, sizeof c->rp->location, "/v1/exams/%s", e.name);
			api_json(c, 201, json_pack("{s:s, s:I}", "name", e.name, "questions",
			                           (json_int_t)n));
		} else {
			api_fail_rc(c, rc);
		}
	}
	paper_items_free(q, n);
}

/* A practice paper is built here, from the server's content: the client
 * only names the seed, the count and the filters. */
void api_practice(struct api_call *c)
{
	struct quiz_opts o = { 0 };
	struct exam_info e = { 0 };
	struct quiz qz = { 0 };
	struct exam_item *items = NULL;
	size_t n = 0;
	int64_t count = 0, minutes = 0;
	const char *filters = "";
	char buf[160];

	if (!api_u64(c, "seed", &o.seed) || !api_int(c, "count", true, 1, 1000, &count) ||
	    !api_int(c, "minutes", false, 0, 600, &minutes) ||
	    !api_str(c, "filters", false, 127, &filters))
		return;
	if (!paper_filters_parse(filters, &o, buf, sizeof buf)) {
		api_fail(c, 422, "/problems/bad-field", "the filters '%s' are not ones httptutor "
		         "writes (--class 4xx --chapter ID --type T --all)", filters);
		return;
	}
	o.count = (int)count;
	quiz_exam_id(o.seed, o.count, e.name, sizeof e.name);
	e.kind = EXAM_PRACTICE;
	e.count = o.count;
	e.minutes = (int)minutes;
	e.feedback = EXAM_FEEDBACK_END;
	paper_filters(&o, e.filters, sizeof e.filters);
	snprintf(e.content_version, sizeof e.content_version, "%s", c->api->c.m->version);
	if (!quiz_build(c->api->c.m, &o, &qz)) {
		api_fail(c, 422, "/problems/not-in-content", "no questions match these settings");
		return;
	}
	if (!paper_items(&qz, &items, &n)) {
		api_json(c, 500, NULL);
	} else {
		enum exam_rc rc = store_exam_practice(c->st, &e, o.seed, items, n, c->now);
		if (rc == EXAM_OK) {
			snprintf(c->rp->location, sizeof c->rp->location, "/v1/exams/%s", e.name);
			api_json(c, 200, json_pack("{s:s, s:I}", "name", e.name, "questions",
			                           (json_int_t)n));
		} else {
			api_fail_rc(c, rc);
		}
	}
	paper_items_free(items, n);
	quiz_free(&qz);
}

void api_exam_get(struct api_call *c)
{
	struct exam_paper p;
	struct exam_attempt a;
	enum exam_rc rc = store_exam_paper(c->st, c->name, &p);
	if (rc != EXAM_OK) {
		api_fail_rc(c, rc);
		return;
	}
	/* A learner gets the right answers and explanations only once the
	 * results of their latest attempt are released. */
	bool sealed = !c->teacher;
	if (sealed) {
		rc = store_exam_attempt(c->st, c->name, c->now, &a);
		if (rc != EXAM_OK) {
			store_exam_paper_free(&p);
			api_fail_rc(c, rc);
			return;
		}
		sealed = !(a.id && a.released);
		store_exam_attempt_free(&a);
	}
	api_json(c, 200, wire_paper(&p, sealed));
	store_exam_paper_free(&p);
}

void api_exam_close(struct api_call *c)
{
	int64_t at = c->now;
	if (!api_int(c, "at", false, 0, INT64_MAX, &at))
		return;
	enum exam_rc rc = store_exam_close(c->st, c->name, at, c->now);
	if (rc != EXAM_OK) {
		api_fail_rc(c, rc);
		return;
	}
	api_json(c, 200, json_pack("{s:s, s:I}", "name", c->name, "closes_at", (json_int_t)at));
}

/* ---- attempts ------------------------------------------------------------------- */

/* {"attempt": …} with status; an ended attempt rides along with a 409. */
static void attempt_reply(struct api_call *c, int status, struct exam_attempt *a)
{
	if (a->id)
		snprintf(c->rp->location, sizeof c->rp->location, "/v1/attempts/%lld",
		         (long long)a->id);
	api_json(c, status, json_pack("{s:o}", "attempt", wire_attempt(a)));
}

static void attempt_problem(struct api_call *c, enum exam_rc rc, struct exam_attempt *a)
{
	api_fail_rc(c, rc);
	if (a && a->id && c->rp->body) {
		/* RFC 9457 allows extension members: the attempt as it ended. */
		json_t *o = json_loads(c->rp->body, 0, NULL);
		if (o && json_object_set_new(o, "attempt", wire_attempt(a)) == 0) {
			free(c->rp->body);
			c->rp->body = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
		}
		json_decref(o);
	}
}

void api_attempt_latest(struct api_call *c)
{
	struct exam_attempt a;
	enum exam_rc rc = store_exam_attempt(c->st, c->name, c->now, &a);
	if (rc != EXAM_OK)
		api_fail_rc(c, rc);
	else
		attempt_reply(c, 200, &a);
	store_exam_attempt_free(&a);
}

void api_attempt_start(struct api_call *c)
{
	struct exam_attempt before, a;
	enum exam_rc rc = store_exam_attempt(c->st, c->name, c->now, &before);
	if (rc != EXAM_OK) {
		api_fail_rc(c, rc);
		return;
	}
	memset(&a, 0, sizeof a);
	rc = store_exam_start(c->st, c->name, c->now, &a);
	if (rc == EXAM_OK)
		/* 201 Created for a new attempt; 200 when the open one resumes. */
		attempt_reply(c, a.id != before.id ? 201 : 200, &a);
	else
		attempt_problem(c, rc, &a);
	store_exam_attempt_free(&a);
	store_exam_attempt_free(&before);
}

void api_attempt_get(struct api_call *c)
{
	struct exam_attempt a;
	enum exam_rc rc = store_exam_reload(c->st, c->id, c->now, &a);
	if (rc != EXAM_OK) {
		api_fail_rc(c, rc);
		return;
	}
	attempt_reply(c, 200, &a);
	store_exam_attempt_free(&a);
}

/* Why an ended attempt takes no answer, and since when, in c->st->err:
 * the 409's detail ("this attempt ended when its time ran out at 11:29"). */
static void ended_why(struct api_call *c, const struct exam_attempt *a)
{
	char at[40], today[16], day[16];
	int64_t when = a->ended_at ? a->ended_at : a->ends_at;
	enum msg m = a->state == ATTEMPT_TIME ? MSG_API_ENDED_TIME :
	             a->state == ATTEMPT_CLOSED ? MSG_API_ENDED_CLOSED : MSG_API_ENDED_FINISHED;
	/* The time alone on the day it ended, else the date too. */
	clock_local_str(when, "%Y-%m-%d", "", day, sizeof day);
	clock_local_str(c->now, "%Y-%m-%d", "", today, sizeof today);
	clock_local_str(when, strcmp(day, today) ? "%Y-%m-%d %H:%M" : "%H:%M", "?", at, sizeof at);
	snprintf(c->st->err, sizeof c->st->err, tr(m), at);
}

void api_attempt_answer(struct api_call *c)
{
	const char *given = NULL, *shown = "", *cv = NULL;
	int64_t pos = -1, ms = 0;
	if (!api_int(c, "pos", true, 0, 100000, &pos) || !api_str(c, "given", true, 47, &given) ||
	    !api_str(c, "shown", false, 159, &shown) || !api_int(c, "ms", false, 0, 86400000, &ms) ||
	    !api_str(c, "content_version", false, 23, &cv))
		return;
	enum exam_rc rc = store_exam_answer(c->st, c->id, (int)pos, given, shown, ms, c->now,
	                                    cv ? cv : c->api->c.m->version);
	if (rc != EXAM_OK) {
		struct exam_attempt a;
		/* An answer after the end ended the attempt: say how it stands. */
		if ((rc == EXAM_TIME_UP || rc == EXAM_CLOSED || rc == EXAM_ENDED) &&
		    store_exam_reload(c->st, c->id, c->now, &a) == EXAM_OK) {
			ended_why(c, &a);
			attempt_problem(c, rc, &a);
			store_exam_attempt_free(&a);
		} else {
			api_fail_rc(c, rc);
		}
		return;
	}
	long long id = db_last_id(c->st->db);
	snprintf(c->rp->location, sizeof c->rp->location, "/v1/answers/%lld", id);
	api_json(c, 201, json_pack("{s:I, s:I, s:s}", "id", (json_int_t)id, "pos", (json_int_t)pos,
	                           "given", given));
}

void api_attempt_finish(struct api_call *c)
{
	struct exam_attempt a;
	enum exam_rc rc = store_exam_finish(c->st, c->id, c->now);
	char why[sizeof c->st->err];
	snprintf(why, sizeof why, "%s", c->st->err);
	if (rc == EXAM_ERR || rc == EXAM_NOT_FOUND || rc == EXAM_FORBIDDEN) {
		api_fail_rc(c, rc);
		return;
	}
	if (store_exam_reload(c->st, c->id, c->now, &a) != EXAM_OK) {
		api_fail_store(c);
		return;
	}
	snprintf(c->st->err, sizeof c->st->err, "%s", why);
	if (rc == EXAM_OK)
		attempt_reply(c, 200, &a);
	else
		attempt_problem(c, rc, &a);
	store_exam_attempt_free(&a);
}

/* ---- the teacher's views ----------------------------------------------------------- */

void api_results(struct api_call *c)
{
	struct exam_results r;
	enum exam_rc rc = store_exam_results(c->st, c->name, c->now, &r);
	if (rc != EXAM_OK) {
		api_fail_rc(c, rc);
		return;
	}
	api_json(c, 200, wire_results(&r));
	store_exam_results_free(&r);
}

static void add_group(void *ctx, const struct report_group *g)
{
	json_t *arr = ctx;
	/* user or item is NULL in a whole-class report's rows: null, not "" */
	json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o, s:b, s:i, s:I}",
		"user", g->user ? out_json_str(g->user) : json_null(),
		"item", g->item ? out_json_str(g->item) : json_null(),
		"given", out_json_str(g->given), "expected", out_json_str(g->expected),
		"correct", g->correct, "count", g->count, "ms", (json_int_t)g->ms));
}

void api_report(struct api_call *c)
{
	json_t *arr = json_array();
	if (!arr || !store_report(c->st, c->rq->q_exam, add_group, arr)) {
		json_decref(arr);
		api_fail_store(c);
		return;
	}
	api_json(c, 200, json_pack("{s:o}", "groups", arr));
}

void api_roster_get(struct api_call *c)
{
	struct roster_entry *v;
	size_t n;
	json_t *arr = json_array();
	if (!store_roster_list(c->api->c.db, &v, &n)) {
		json_decref(arr);
		api_fail(c, 500, "/problems/database", "%s", c->api->c.db->err);
		return;
	}
	for (size_t i = 0; arr && i < n; i++)
		json_array_append_new(arr, json_pack("{s:o, s:I, s:I}", "name", out_json_str(v[i].name),
		                                     "token_issued_at", (json_int_t)v[i].issued_at,
		                                     "added_at", (json_int_t)v[i].added_at));
	free(v);
	api_json(c, 200, json_pack("{s:o}", "students", arr));
}

/* Add names to the roster.  "tokens": "missing" (default) issues one to
 * each name that has none, "new" issues a new one to each (an old slip
 * stops working).  An empty list means everyone already on the roster.
 * Tokens are in this reply only: the database keeps their hashes. */
void api_roster_add(struct api_call *c)
{
	json_t *names = json_object_get(c->body, "names"), *out = json_array();
	const char *mode = "missing";
	struct roster_entry *all = NULL;
	size_t n_all = 0, n;
	char err[512];

	if (!api_str(c, "tokens", false, 16, &mode))
		goto done;
	if (!json_is_array(names) || (strcmp(mode, "missing") && strcmp(mode, "new"))) {
		api_fail(c, 422, "/problems/bad-field", "send {\"names\": [\"NAME\", …], "
		         "\"tokens\": \"missing\" or \"new\"}");
		goto done;
	}
	if (!netlib_sodium(err, sizeof err)) {
		api_fail(c, 500, "/problems/server", "%s", err);
		goto done;
	}
	if (!store_roster_list(c->api->c.db, &all, &n_all)) {
		api_fail(c, 500, "/problems/database", "%s", c->api->c.db->err);
		goto done;
	}
	n = json_array_size(names) ? json_array_size(names) : n_all;
	/* Every name is checked before any is added: a 422 adds nobody (a
	 * name added then would have a token nobody was shown). */
	for (size_t i = 0; i < json_array_size(names); i++) {
		const char *name = json_string_value(json_array_get(names, i));
		char why[400];
		if (!name || store_roster_name_problem(name, why, sizeof why)) {
			api_fail(c, 422, "/problems/bad-field", "%s", name ? why : "names are texts");
			goto done;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const char *name = json_array_size(names) ? json_string_value(json_array_get(names, i))
		                                          : all[i].name;
		char token[40], hash[80];
		bool has = false;
		for (size_t k = 0; k < n_all; k++)
			has |= !strcmp(all[k].name, name) && all[k].issued_at;
		bool issue = !strcmp(mode, "new") || !has;
		if (issue && (!api_token_new(token, sizeof token) ||
		              !api_token_hash(token, hash, sizeof hash))) {
			api_fail(c, 500, "/problems/server", "could not make a token");
			goto done;
		}
		if (!store_roster_put(c->api->c.db, name, issue ? hash : NULL, c->now, err, sizeof err)) {
			api_fail(c, 500, "/problems/database", "%s", err);
			goto done;
		}
		json_array_append_new(out, json_pack("{s:s, s:o}", "name", name,
		                                     "token", issue ? json_string(token) : json_null()));
	}
	api_json(c, 201, json_pack("{s:O}", "students", out));
done:
	json_decref(out);
	free(all);
}
