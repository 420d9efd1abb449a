/* api_learner.c — the class server's routes for a learner's own data:
 * who am I, sessions, answers (graded here, from the server's content),
 * chapter visits, and the learner's states, mistakes, history, progress,
 * export and confusions. */
#include "api_int.h"
#include "grade.h"
#include "store_confusion.h"
#include "store_int.h"
#include "store_serve.h"
#include "out.h"
#include "wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AT_PAST (30LL * 86400)  /* an answer kept offline may be this old */

void api_me(struct api_call *c)
{
	const char *tcp = c->api->c.tcp_url;
	json_t *o = json_pack("{s:s, s:o, s:b, s:s, s:s, s:I, s:o}", "user", c->st->user,
	                      "uid", c->st->uid >= 0 ? json_integer(c->st->uid) : json_null(),
	                      "teacher", c->teacher, "via", c->rq->via == API_UNIX ? "unix" : "tcp",
	                      "content_version", c->api->c.m->version, "now", (json_int_t)c->now,
	                      "tcp", tcp ? json_string(tcp) : json_null());
	api_json(c, 200, o);
}

/* The session in the path (or body) must be this learner's. */
static bool own_session(struct api_call *c, int64_t id, int missing_status)
{
	switch (store_session_owner(c->st, id)) {
	case OWNER_SELF:
		return true;
	case OWNER_OTHER:
		api_fail(c, 403, "/problems/not-yours", "session %lld belongs to another learner",
		         (long long)id);
		return false;
	case OWNER_NONE:
		api_fail(c, missing_status, missing_status == 404 ? "/problems/not-found"
		         : "/problems/bad-field", "there is no session %lld", (long long)id);
		return false;
	default:
		api_fail_store(c);
		return false;
	}
}

void api_session_new(struct api_call *c)
{
	const char *kind = NULL, *cv = NULL;
	uint64_t seed = 0;
	int64_t id;

	if (!api_str(c, "kind", true, 16, &kind) || !api_str(c, "content_version", false, 23, &cv))
		return;
	if (strcmp(kind, "quiz") && strcmp(kind, "review")) {
		api_fail(c, 422, "/problems/bad-field", "a session is a \"quiz\" or a \"review\" "
		         "(an exam attempt is started at /v1/exams/NAME/attempts)");
		return;
	}
	if (json_object_get(c->body, "seed") && !api_u64(c, "seed", &seed))
		return;
	if (!store_session_begin(c->st, kind, seed, cv, &id)) {
		api_fail_store(c);
		return;
	}
	snprintf(c->rp->location, sizeof c->rp->location, "/v1/sessions/%lld", (long long)id);
	api_json(c, 201, json_pack("{s:I, s:s}", "id", (json_int_t)id, "kind", kind));
}

void api_session_end(struct api_call *c)
{
	if (!json_is_true(json_object_get(c->body, "ended"))) {
		api_fail(c, 422, "/problems/bad-field", "a session can only be ended: "
		         "send {\"ended\": true}");
		return;
	}
	if (!own_session(c, c->id, 404))
		return;
	if (!store_session_end(c->st, c->id)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, json_pack("{s:I, s:b}", "id", (json_int_t)c->id, "ended", 1));
}

void api_answer_new(struct api_call *c)
{
	const char *item = NULL, *qtype = NULL, *given = NULL, *shown = "";
	int64_t session = 0, ms = 0, at = c->now;
	struct grade g;
	char why[256];

	if (!api_str(c, "item", true, 63, &item) || !api_str(c, "qtype", true, 15, &qtype) ||
	    !api_str(c, "given", true, 47, &given) || !api_str(c, "shown", false, 159, &shown) ||
	    !api_int(c, "session", false, 0, INT64_MAX, &session) ||
	    !api_int(c, "ms", false, 0, 86400000, &ms) ||
	    !api_int(c, "at", false, 0, INT64_MAX, &at))
		return;
	/* The verdict is the server's, from its own content; a client's word
	 * on it is not even read. */
	if (!grade_answer(c->api->c.m, item, qtype, given, &g, why, sizeof why)) {
		api_fail(c, 422, "/problems/not-in-content", "%s", why);
		return;
	}
	if (session && !own_session(c, session, 422))
		return;
	/* An answer kept offline keeps its time, within reason. */
	if (at > c->now || at < c->now - AT_PAST)
		at = c->now;
	struct answer_rec rec = {
		.session = session, .item = item, .qtype = qtype, .shown = shown, .given = given,
		.expected = g.expected, .code = g.code, .correct = g.correct, .ms = ms, .at = at,
		.content_version = c->api->c.m->version,
	};
	if (!store_record(c->st, &rec)) {
		api_fail_store(c);
		return;
	}
	long long id = db_last_id(c->st->db);
	snprintf(c->rp->location, sizeof c->rp->location, "/v1/answers/%lld", id);
	api_json(c, 201, json_pack("{s:I, s:b, s:s, s:b, s:i}", "id", (json_int_t)id,
	                           "correct", g.correct, "expected", g.expected, "also", g.also,
	                           "code", g.code));
}

/* Export rows of this learner, to find one answer by id. */
struct one_answer {
	const char *id;
	json_t *row;
};

static void pick_row(void *ctx, int ncols, const char *const *cols)
{
	struct one_answer *x = ctx;
	if (x->row || !cols[0] || strcmp(cols[0], x->id))
		return;
	x->row = json_object();
	for (int i = 0; x->row && i < ncols; i++)
		json_object_set_new(x->row, store_export_columns[i],
		                    !cols[i] ? json_null() : store_export_numeric[i]
		                    ? json_integer(strtoll(cols[i], NULL, 10)) : out_json_str(cols[i]));
}

void api_answer_get(struct api_call *c)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	switch (store_answer_owner(c->st, c->id)) {
	case OWNER_SELF:
		break;
	case OWNER_OTHER:
		api_fail(c, 403, "/problems/not-yours", "answer %s belongs to another learner", id);
		return;
	case OWNER_NONE:
		api_fail(c, 404, "/problems/not-found", "there is no answer %s", id);
		return;
	default:
		api_fail_store(c);
		return;
	}
	struct one_answer x = { id, NULL };
	if (!store_export(c->st, pick_row, &x)) {
		json_decref(x.row);
		api_fail_store(c);
		return;
	}
	api_json(c, 200, x.row);
}

void api_visit(struct api_call *c)
{
	const char *chapter = NULL;
	int64_t at = c->now;
	if (!api_str(c, "chapter", true, 63, &chapter) ||
	    !api_int(c, "at", false, 0, INT64_MAX, &at))
		return;
	if (!model_chapter(c->api->c.m, chapter)) {
		api_fail(c, 422, "/problems/not-in-content", "there is no chapter '%s'", chapter);
		return;
	}
	if (at > c->now || at < c->now - AT_PAST)
		at = c->now;
	if (!store_chapter_opened(c->st, chapter, at)) {
		api_fail_store(c);
		return;
	}
	c->rp->status = 204;
}

void api_states(struct api_call *c)
{
	struct leitner *v;
	size_t n;
	if (!store_item_states(c->st, &v, &n)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_states(v, n));
	free(v);
}

void api_mistakes(struct api_call *c)
{
	struct mistake *v;
	size_t n;
	if (!store_mistakes(c->st, &v, &n)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_mistakes(v, n));
	free(v);
}

void api_history(struct api_call *c)
{
	struct attempt *v;
	size_t n;
	if (!c->rq->q_item || !*c->rq->q_item) {
		api_fail(c, 422, "/problems/bad-field", "say which question: ?item=ID");
		return;
	}
	if (!store_item_history(c->st, c->rq->q_item, &v, &n)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_history(v, n));
	free(v);
}

/* A time from the query (?now=, ?since=), else def. */
static int64_t q_time(const char *s, int64_t def)
{
	char *end;
	long long v = s && *s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && v >= 0 ? (int64_t)v : def;
}

void api_progress(struct api_call *c)
{
	struct progress p;
	/* The learner's own view: their clock decides what "today" is. */
	if (!store_progress(c->st, q_time(c->rq->q_now, c->now), &p)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_progress(&p));
	store_progress_free(&p);
}

struct rows {
	json_t *rows;
};

static void add_row(void *ctx, int ncols, const char *const *cols)
{
	struct rows *x = ctx;
	json_t *r = json_array();
	for (int i = 0; r && i < ncols; i++)
		json_array_append_new(r, cols[i] ? out_json_str(cols[i]) : json_null());
	json_array_append_new(x->rows, r);
}

void api_export(struct api_call *c)
{
	struct rows x = { json_array() };
	json_t *cols = json_array();
	for (int i = 0; cols && i < store_export_ncolumns; i++)
		json_array_append_new(cols, json_string(store_export_columns[i]));
	if (!x.rows || !cols || !store_export(c->st, add_row, &x)) {
		json_decref(x.rows);
		json_decref(cols);
		if (c->st->err[0])
			api_fail_store(c);
		else
			api_json(c, 500, NULL);
		return;
	}
	api_json(c, 200, json_pack("{s:o, s:o}", "columns", cols, "rows", x.rows));
}

void api_confusions(struct api_call *c)
{
	struct confusion_item *v;
	size_t n;
	if (!store_confusion_items(c->st, &v, &n)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_confusions(v, n));
	free(v);
}

/* The scenarios of the exams this learner is sitting: search, the cards
 * and practice quizzes on the client leave them out meanwhile. */
void api_hidden(struct api_call *c)
{
	struct exam_item_id *v;
	size_t n;
	if (!store_exam_hidden(c->st, c->now, &v, &n)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_hidden(v, n));
	free(v);
}

void api_matrix(struct api_call *c)
{
	struct code_cell *v;
	size_t n;
	if (!store_code_matrix(c->st, q_time(c->rq->q_since, 0), &v, &n)) {
		api_fail_store(c);
		return;
	}
	api_json(c, 200, wire_matrix(v, n));
	free(v);
}
