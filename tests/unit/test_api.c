/* test_api.c — the class server's API without sockets (api.c and its
 * routes): identity from the peer uid or a roster token, teacher-only
 * routes, every problem status, grading from the server's content whatever
 * the client claims, Idempotency-Key replays, exam rules by the server's
 * clock, sealed papers, and what the JSON on the wire carries (wire.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api.h"
#include "clock.h"
#include "content.h"
#include "grade.h"
#include "netlib.h"
#include "paper.h"
#include "store.h"
#include "store_int.h"
#include "wire.h"

#define T0 1763769600        /* 2025-11-22 00:00 UTC */
#define TEACHER 1000
#define ANA 1001
#define BEN 1002
#define LAB 1003             /* the shared lab login */

static struct model model;
static char dir[64], dbpath[128];
static struct db *db;
static struct api *api;

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb; (void)flag; (void)f;
	return remove(p);
}

static int group_setup(void **state)
{
	struct diag d = { 0 };
	char err[256];
	(void)state;
	setenv("HTTPTUTOR_NOW", "1763769600", 1);
	bool ok = content_load("content", &model, &d);
	diag_free(&d);
	return ok && netlib_sodium(err, sizeof err) ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	content_free(&model);
	return 0;
}

static int setup(void **state)
{
	static const uid_t teachers[] = { 999 };
	static char *const names[] = { "ms-lin" };
	char err[512];
	(void)state;
	setenv("HTTPTUTOR_NOW", "1763769600", 1);
	snprintf(dir, sizeof dir, "/tmp/httptutor-api-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/class.db", dir);
	if (!(db = db_open(dbpath, false, err, sizeof err)))
		return -1;
	struct api_config c = {
		.db = db, .m = &model, .owner = TEACHER, .teacher_uids = teachers,
		.n_teacher_uids = 1, .teacher_names = names, .n_teacher_names = 1,
		.have_shared = true, .shared_uid = LAB, .owner_login = "teacher",
	};
	api = api_new(&c);
	return api ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	api_free(api);
	db_close(db);
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return 0;
}

/* ---- requests ------------------------------------------------------------ */

struct who {
	enum api_via via;
	uid_t uid;
	const char *login;
	const char *auth;
};
static const struct who ana = { API_UNIX, ANA, "ana", NULL };
static const struct who ben = { API_UNIX, BEN, "ben", NULL };
static const struct who teacher = { API_UNIX, TEACHER, "teacher", NULL };

static struct api_reply rp;
static json_t *reply;       /* rp.body parsed */

/* Send one request; the reply is in rp and reply.  Returns the status. */
static int req(const struct who *w, const char *method, const char *path, const char *body,
               const char *key)
{
	char p[256], *q;
	struct api_request rq = {
		.method = method, .via = w->via, .uid = w->uid, .login = w->login,
		.authorization = w->auth, .body = body, .body_len = body ? strlen(body) : 0,
		.idem_key = key,
	};
	snprintf(p, sizeof p, "%s", path);
	if ((q = strchr(p, '?'))) {
		*q++ = '\0';
		if (!strncmp(q, "item=", 5))
			rq.q_item = q + 5;
		else if (!strncmp(q, "exam=", 5))
			rq.q_exam = q + 5;
	}
	rq.path = p;
	api_reply_free(&rp);
	json_decref(reply);
	reply = NULL;
	api_handle(api, &rq, &rp);
	if (rp.body)
		reply = json_loads(rp.body, 0, NULL);
	return rp.status;
}

static const char *rstr(const char *key)
{
	return json_string_value(json_object_get(reply, key));
}

static long long rnum(const char *key)
{
	return (long long)json_integer_value(json_object_get(reply, key));
}

static long long count(const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A scenario with its right and a wrong answer. */
static const struct scenario *scen(char *right, char *wrong)
{
	const struct scenario *sc = &model.scenarios[0];
	snprintf(right, 8, "%d", sc->answer);
	snprintf(wrong, 8, "%d", sc->whynot[0].code);
	return sc;
}

/* ---- tests ----------------------------------------------------------------- */

static void test_identity(void **state)
{
	(void)state;
	assert_int_equal(req(&ana, "GET", "/v1/me", NULL, NULL), 200);
	assert_string_equal(rstr("user"), "ana");
	assert_false(json_is_true(json_object_get(reply, "teacher")));
	assert_int_equal(rnum("uid"), ANA);
	assert_int_equal(req(&teacher, "GET", "/v1/me", NULL, NULL), 200);
	assert_true(json_is_true(json_object_get(reply, "teacher")));
	struct who listed = { API_UNIX, 999, "ms-lin", NULL };
	assert_int_equal(req(&listed, "GET", "/v1/me", NULL, NULL), 200);
	assert_true(json_is_true(json_object_get(reply, "teacher")));
	/* A uid without a login name is refused, never called by a number. */
	struct who nobody = { API_UNIX, 4242, NULL, NULL };
	assert_int_equal(req(&nobody, "GET", "/v1/me", NULL, NULL), 403);
	assert_true(rp.problem);
	assert_string_equal(rstr("title"), "Forbidden");
}

static void test_routes(void **state)
{
	(void)state;
	assert_int_equal(req(&ana, "GET", "/v1/nothing", NULL, NULL), 404);
	assert_int_equal(req(&ana, "DELETE", "/v1/answers", NULL, NULL), 405);
	assert_string_equal(rp.allow, "POST");
	assert_int_equal(req(&ana, "PUT", "/v1/exams", NULL, NULL), 405);
	assert_string_equal(rp.allow, "GET, POST");
	/* A route found after another method of its path: no Allow then. */
	assert_int_equal(req(&ana, "POST", "/v1/exams", "{}", NULL), 403);
	assert_string_equal(rp.allow, "");
	assert_int_equal(req(&ana, "GET", "/v1/answers/0", NULL, NULL), 404);
	assert_int_equal(req(&ana, "GET", "/v1/answers/x1", NULL, NULL), 404);
	assert_true(api_writes("POST", "/v1/answers"));
	assert_true(api_writes("POST", "/v1/attempts/3/answers"));
	assert_false(api_writes("GET", "/v1/me/progress"));
	assert_false(api_writes("GET", "/v1/report"));
}

static void test_teacher_only(void **state)
{
	(void)state;
	assert_int_equal(req(&ana, "GET", "/v1/report", NULL, NULL), 403);
	assert_string_equal(rstr("type"), "/problems/teachers-only");
	assert_int_equal(req(&ana, "GET", "/v1/exams", NULL, NULL), 403);
	assert_int_equal(req(&ana, "POST", "/v1/roster", "{\"names\":[\"ana\"]}", NULL), 403);
	assert_int_equal(req(&ana, "GET", "/v1/exams/x/results", NULL, NULL), 403);
	assert_int_equal(req(&teacher, "GET", "/v1/report", NULL, NULL), 200);
	assert_true(json_is_array(json_object_get(reply, "groups")));
}

/* The verdict comes from the server's content, whatever the client says. */
static void test_answer_graded_here(void **state)
{
	char right[8], wrong[8], body[512];
	const struct scenario *sc = scen(right, wrong);
	(void)state;
	snprintf(body, sizeof body, "{\"item\":\"%s\",\"qtype\":\"pick\",\"given\":\"%s\","
	         "\"correct\":true,\"expected\":\"%s\",\"shown\":\"%s,%s\"}", sc->id, wrong, wrong,
	         right, wrong);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, NULL), 201);
	assert_false(json_is_true(json_object_get(reply, "correct")));
	assert_string_equal(rstr("expected"), right);
	char loc[64];
	snprintf(loc, sizeof loc, "/v1/answers/%lld", rnum("id"));
	assert_string_equal(rp.location, loc);
	assert_int_equal(count("SELECT correct FROM answer"), 0);
	assert_int_equal(count("SELECT uid FROM answer"), ANA);
	/* The Location names the answer, and only its learner may read it. */
	assert_int_equal(req(&ana, "GET", loc, NULL, NULL), 200);
	assert_string_equal(rstr("given"), wrong);
	assert_int_equal(req(&ben, "GET", loc, NULL, NULL), 403);
	snprintf(body, sizeof body, "{\"item\":\"%s\",\"qtype\":\"type\",\"given\":\"%s\"}",
	         sc->id, right);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, NULL), 201);
	assert_true(json_is_true(json_object_get(reply, "correct")));
	assert_int_equal(count("SELECT count(*) FROM answer WHERE correct = 1"), 1);
}

static void test_answer_problems(void **state)
{
	(void)state;
	assert_int_equal(req(&ana, "POST", "/v1/answers", "{\"item\": \"x\",", NULL), 400);
	assert_string_equal(rstr("type"), "/problems/json");
	assert_int_equal(req(&ana, "POST", "/v1/answers", "[1]", NULL), 422);
	assert_int_equal(req(&ana, "POST", "/v1/answers",
	                     "{\"item\":\"no-such-scenario\",\"qtype\":\"pick\",\"given\":\"404\"}",
	                     NULL), 422);
	assert_string_equal(rstr("type"), "/problems/not-in-content");
	assert_int_equal(req(&ana, "POST", "/v1/answers",
	                     "{\"item\":\"code:404\",\"qtype\":\"meaning\",\"given\":\"x\\u001b\"}",
	                     NULL), 422);
	struct api_request rq = { .method = "POST", .path = "/v1/answers", .via = API_UNIX,
	                          .uid = ANA, .login = "ana", .body = "item=x", .body_len = 6,
	                          .content_type = "application/x-www-form-urlencoded" };
	api_reply_free(&rp);
	api_handle(api, &rq, &rp);
	assert_int_equal(rp.status, 415);
	assert_string_equal(rp.accept, "Accept-Post: application/json");
	rq.content_type = "application/json; charset=utf-8";
	api_reply_free(&rp);
	api_handle(api, &rq, &rp);
	assert_int_equal(rp.status, 400);
	assert_int_equal(count("SELECT count(*) FROM answer"), 0);
}

/* The same Idempotency-Key twice: one answer, the same reply twice. */
static void test_idempotency(void **state)
{
	char right[8], wrong[8], body[256], first[256], loc[160];
	const struct scenario *sc = scen(right, wrong);
	(void)state;
	snprintf(body, sizeof body, "{\"item\":\"%s\",\"qtype\":\"pick\",\"given\":\"%s\"}",
	         sc->id, right);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, "k-1"), 201);
	assert_false(rp.replayed);
	snprintf(first, sizeof first, "%s", rp.body);
	snprintf(loc, sizeof loc, "%s", rp.location);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, "k-1"), 201);
	assert_true(rp.replayed);
	assert_string_equal(rp.body, first);
	assert_string_equal(rp.location, loc);
	assert_int_equal(count("SELECT count(*) FROM answer"), 1);
	/* Keys are per learner: ben's k-1 is his own answer. */
	assert_int_equal(req(&ben, "POST", "/v1/answers", body, "k-1"), 201);
	assert_false(rp.replayed);
	assert_int_equal(count("SELECT count(*) FROM answer"), 2);
	/* A failed request stores nothing: the same key may succeed later. */
	assert_int_equal(req(&ana, "POST", "/v1/answers", "{\"item\":\"nope\",\"qtype\":\"pick\","
	                     "\"given\":\"200\"}", "k-2"), 422);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, "k-2"), 201);
	assert_false(rp.replayed);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, "bad key!"), 400);
	assert_int_equal(count("SELECT count(*) FROM answer"), 3);
}

/* A key sent again with another body or to another path is refused
 * (422): neither done nor answered with the first reply.  The same request
 * is still replayed, and keys stay per learner. */
static void test_idempotency_other_request(void **state)
{
	char right[8], wrong[8], first[256], other[256];
	const struct scenario *sc = scen(right, wrong);
	(void)state;
	snprintf(first, sizeof first, "{\"item\":\"%s\",\"qtype\":\"pick\",\"given\":\"%s\"}",
	         sc->id, right);
	snprintf(other, sizeof other, "{\"item\":\"%s\",\"qtype\":\"pick\",\"given\":\"%s\"}",
	         sc->id, wrong);
	assert_int_equal(req(&ana, "POST", "/v1/answers", first, "k1"), 201);
	assert_int_equal(req(&ana, "POST", "/v1/answers", other, "k1"), 422);
	assert_false(rp.replayed);
	assert_true(rp.problem);
	assert_string_equal(rstr("type"), "/problems/idempotency-key");
	assert_non_null(strstr(rstr("detail"), "already used for another request; use a new key"));
	assert_int_equal(req(&ana, "POST", "/v1/visits", "{\"chapter\":\"forgotten\"}", "k1"), 422);
	assert_int_equal(count("SELECT count(*) FROM answer"), 1);
	assert_int_equal(count("SELECT count(*) FROM chapter_visit"), 0);
	assert_int_equal(req(&ana, "POST", "/v1/answers", first, "k1"), 201);
	assert_true(rp.replayed);
	assert_int_equal(req(&ben, "POST", "/v1/answers", other, "k1"), 201);
	assert_false(rp.replayed);
	assert_int_equal(count("SELECT count(*) FROM answer"), 2);
	/* A reply kept before the request was: replayed as before. */
	assert_int_equal(sqlite3_exec(db->h, "UPDATE request_key SET request = NULL", NULL, NULL,
	                              NULL), SQLITE_OK);
	assert_int_equal(req(&ana, "POST", "/v1/answers", other, "k1"), 201);
	assert_true(rp.replayed);
	assert_int_equal(count("SELECT count(*) FROM answer"), 2);
}

static void test_sessions(void **state)
{
	char right[8], wrong[8], body[256], loc[64];
	const struct scenario *sc = scen(right, wrong);
	(void)state;
	assert_int_equal(req(&ana, "POST", "/v1/sessions", "{\"kind\":\"quiz\",\"seed\":\"18446744073709551615\"}",
	                     NULL), 201);
	long long id = rnum("id");
	snprintf(loc, sizeof loc, "/v1/sessions/%lld", id);
	assert_string_equal(rp.location, loc);
	assert_int_equal(req(&ana, "POST", "/v1/sessions", "{\"kind\":\"exam\"}", NULL), 422);
	/* ben may neither end ana's session nor answer into it. */
	assert_int_equal(req(&ben, "PATCH", loc, "{\"ended\":true}", NULL), 403);
	snprintf(body, sizeof body, "{\"item\":\"%s\",\"qtype\":\"pick\",\"given\":\"%s\","
	         "\"session\":%lld}", sc->id, right, id);
	assert_int_equal(req(&ben, "POST", "/v1/answers", body, NULL), 403);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, NULL), 201);
	assert_int_equal(req(&ana, "PATCH", loc, "{\"ended\":true}", NULL), 200);
	assert_int_equal(count("SELECT count(*) FROM session WHERE ended_at IS NOT NULL"), 1);
	assert_int_equal(req(&ana, "PATCH", "/v1/sessions/99999", "{\"ended\":true}", NULL), 404);
}

/* An exam of pick questions (all four types when mixed) made by the teacher. */
static void make_exam_of(const char *name, int minutes, bool mixed)
{
	struct quiz_opts o = { .count = mixed ? 16 : 4, .seed = 7,
	                       .types = mixed ? QTYPE_ALL : 1u << Q_PICK };
	struct quiz qz;
	struct exam_item *items;
	size_t n;
	assert_true(quiz_build(&model, &o, &qz));
	assert_true(paper_items(&qz, &items, &n));
	struct exam_info e = { .kind = EXAM_SET, .count = 4, .minutes = minutes, .attempts = 1,
	                       .feedback = EXAM_FEEDBACK_END };
	snprintf(e.name, sizeof e.name, "%s", name);
	json_t *b = json_pack("{s:o, s:s, s:o}", "exam", wire_exam_info(&e), "seed", "7",
	                      "questions", wire_items(items, n));
	char *s = json_dumps(b, 0);
	assert_int_equal(req(&ana, "POST", "/v1/exams", s, NULL), 403);
	assert_int_equal(req(&teacher, "POST", "/v1/exams", s, NULL), 201);
	assert_int_equal(req(&teacher, "POST", "/v1/exams", s, NULL), 409);
	free(s);
	json_decref(b);
	paper_items_free(items, n);
	quiz_free(&qz);
}

static void make_exam(const char *name, int minutes)
{
	make_exam_of(name, minutes, false);
}

/* A sealed paper carries what a learner reads before answering — the
 * situation — and nothing that gives the answer away: not the header that
 * goes with the right code (Upgrade means 101), not the explanations. */
static void test_sealed_paper(void **state)
{
	(void)state;
	make_exam_of("mixed", 0, true);
	assert_int_equal(req(&teacher, "GET", "/v1/exams/mixed", NULL, NULL), 200);
	size_t i, with_header = 0;
	json_t *q;
	json_array_foreach(json_object_get(reply, "questions"), i, q)
		with_header += json_object_get(json_object_get(q, "body"), "header") != NULL;
	assert_true(with_header > 0);   /* the whole paper has them: the test can fail */
	assert_int_equal(req(&ana, "GET", "/v1/exams/mixed", NULL, NULL), 200);
	assert_true(json_is_true(json_object_get(reply, "sealed")));
	json_array_foreach(json_object_get(reply, "questions"), i, q) {
		json_t *body = json_object_get(q, "body");
		const char *key;
		json_t *v;
		json_object_foreach(body, key, v)
			assert_string_equal(key, "situation");
		assert_string_equal(json_string_value(json_object_get(q, "expected")), "");
	}
}

/* The server's sweep (every 30 s) works as the teacher: the store it makes
 * is the one the teacher's own requests use afterwards, so it must be a
 * teacher's, or a server up for more than 30 s refuses its teacher. */
static void test_sweep_keeps_teacher(void **state)
{
	(void)state;
	api_sweep(api);
	make_exam("after-sweep", 0);
	assert_int_equal(req(&teacher, "GET", "/v1/exams/after-sweep/results", NULL, NULL), 200);
	assert_int_equal(req(&teacher, "GET", "/v1/report", NULL, NULL), 200);
}

static void test_exam(void **state)
{
	char path[96], apath[96];
	(void)state;
	make_exam("quiz1", 10);
	assert_int_equal(req(&ana, "GET", "/v1/exams/nope", NULL, NULL), 404);
	assert_int_equal(req(&ana, "POST", "/v1/exams/nope/attempts", NULL, NULL), 404);
	/* Sealed: no right answers, no explanations, no code of a pick question. */
	assert_int_equal(req(&ana, "GET", "/v1/exams/quiz1", NULL, NULL), 200);
	assert_true(json_is_true(json_object_get(reply, "sealed")));
	json_t *q0 = json_array_get(json_object_get(reply, "questions"), 0);
	assert_string_equal(json_string_value(json_object_get(q0, "expected")), "");
	assert_int_equal(json_integer_value(json_object_get(q0, "code")), 0);
	assert_null(json_object_get(json_object_get(q0, "body"), "why"));
	assert_non_null(json_object_get(json_object_get(q0, "body"), "situation"));
	assert_int_equal(req(&teacher, "GET", "/v1/exams/quiz1", NULL, NULL), 200);
	assert_false(json_is_true(json_object_get(reply, "sealed")));

	assert_int_equal(req(&ana, "POST", "/v1/exams/quiz1/attempts", NULL, NULL), 201);
	json_t *a = json_object_get(reply, "attempt");
	long long id = (long long)json_integer_value(json_object_get(a, "id"));
	assert_int_equal(json_integer_value(json_object_get(a, "deadline_at")), T0 + 600);
	snprintf(apath, sizeof apath, "/v1/attempts/%lld", id);
	assert_string_equal(rp.location, apath);
	assert_int_equal(req(&ana, "POST", "/v1/exams/quiz1/attempts", NULL, NULL), 200);
	/* While ana sits it, her client leaves its scenarios out of search and
	 * the cards; ben is not sitting it. */
	assert_int_equal(req(&ana, "GET", "/v1/me/hidden", NULL, NULL), 200);
	assert_int_equal(json_array_size(reply), count("SELECT count(*) FROM exam_question WHERE exam_id = 'quiz1'"));
	assert_int_equal(req(&ben, "GET", "/v1/me/hidden", NULL, NULL), 200);
	assert_int_equal(json_array_size(reply), 0);
	snprintf(path, sizeof path, "/v1/attempts/%lld/answers", id);
	assert_int_equal(req(&ana, "POST", path, "{\"pos\":9,\"given\":\"404\"}", NULL), 422);
	assert_string_equal(rstr("type"), "/problems/not-in-paper");
	/* Says which positions there are (QA 5b #10). */
	{
		char want[80];
		long long nq = count("SELECT count(*) FROM exam_question WHERE exam_id = 'quiz1'");
		snprintf(want, sizeof want, "this exam has %lld questions (pos 0–%lld)", nq, nq - 1);
		assert_non_null(strstr(rstr("detail"), want));
	}
	assert_int_equal(req(&ben, "POST", path, "{\"pos\":0,\"given\":\"404\"}", NULL), 403);
	assert_int_equal(req(&ben, "GET", apath, NULL, NULL), 403);
	assert_int_equal(req(&ana, "POST", path, "{\"pos\":0,\"given\":\"404\"}", NULL), 201);
	assert_non_null(strstr(rp.location, "/v1/answers/"));
	snprintf(path, sizeof path, "/v1/attempts/%lld/finish", id);
	assert_int_equal(req(&ben, "POST", path, NULL, NULL), 403);
	assert_int_equal(req(&ana, "POST", path, NULL, NULL), 200);
	assert_string_equal(json_string_value(json_object_get(json_object_get(reply, "attempt"),
	                                                       "state")), "finished");
	assert_int_equal(req(&ana, "GET", "/v1/me/hidden", NULL, NULL), 200);
	assert_int_equal(json_array_size(reply), 0);
	/* Finished: answers are final (409), and the paper is now shown whole. */
	snprintf(path, sizeof path, "/v1/attempts/%lld/answers", id);
	assert_int_equal(req(&ana, "POST", path, "{\"pos\":1,\"given\":\"404\"}", NULL), 409);
	assert_string_equal(rstr("type"), "/problems/ended");
	/* … and says why, not "the request cannot be done" (QA 4b D13). */
	assert_non_null(strstr(rstr("detail"), "this attempt was finished (handed in) at "));
	assert_non_null(strstr(rstr("detail"), "answers are no longer taken"));
	assert_int_equal(req(&ana, "POST", "/v1/exams/quiz1/attempts", NULL, NULL), 409);
	assert_string_equal(rstr("type"), "/problems/no-attempts");
	assert_int_equal(req(&ana, "GET", "/v1/exams/quiz1", NULL, NULL), 200);
	assert_false(json_is_true(json_object_get(reply, "sealed")));
	assert_int_equal(req(&teacher, "GET", "/v1/exams/quiz1/results", NULL, NULL), 200);
}

/* The deadline is the server's: a client clock or a late answer gains nothing. */
static void test_exam_time(void **state)
{
	char path[96];
	(void)state;
	make_exam("timed", 1);
	assert_int_equal(req(&ana, "POST", "/v1/exams/timed/attempts", NULL, NULL), 201);
	long long id = (long long)json_integer_value(
		json_object_get(json_object_get(reply, "attempt"), "id"));
	setenv("HTTPTUTOR_NOW", "1763769661", 1);
	snprintf(path, sizeof path, "/v1/attempts/%lld/answers", id);
	assert_int_equal(req(&ana, "POST", path, "{\"pos\":0,\"given\":\"404\"}", NULL), 409);
	assert_string_equal(rstr("type"), "/problems/time-up");
	assert_string_equal(json_string_value(json_object_get(json_object_get(reply, "attempt"),
	                                                       "state")), "time");
	assert_int_equal(count("SELECT count(*) FROM answer"), 0);
	/* Answered again once it has ended: 409 with the reason and the time. */
	assert_int_equal(req(&ana, "POST", path, "{\"pos\":0,\"given\":\"404\"}", NULL), 409);
	assert_string_equal(rstr("type"), "/problems/ended");
	char want[120], at[16];
	clock_local_str(1763769660, "%H:%M", "", at, sizeof at);
	snprintf(want, sizeof want, "this attempt ended when its time ran out at %s; answers are "
	         "no longer taken", at);
	assert_string_equal(rstr("detail"), want);
	setenv("HTTPTUTOR_NOW", "1763769600", 1);
}

/* A commit that failed: the 503 says why (its own member too), so a
 * client tells "could not save: the disk is full" from "cannot reach". */
static void test_not_saved_says_why(void **state)
{
	struct api_reply r = { 0 };
	(void)state;
	db->why = "the disk is full";
	api_unavailable(api, &r);
	json_t *j = json_loads(r.body, 0, NULL);
	assert_non_null(j);
	assert_int_equal(r.status, 503);
	assert_string_equal(json_string_value(json_object_get(j, "type")), "/problems/not-saved");
	assert_string_equal(json_string_value(json_object_get(j, "reason")), "the disk is full");
	assert_non_null(strstr(json_string_value(json_object_get(j, "detail")), "(the disk is full)"));
	json_decref(j);
	api_reply_free(&r);
	db->why = NULL;
}

static void test_tokens(void **state)
{
	struct who tcp = { API_TCP, 0, NULL, NULL }, lab = { API_UNIX, LAB, "lab", NULL };
	char auth[80], token[40];
	(void)state;
	assert_int_equal(req(&tcp, "GET", "/v1/me", NULL, NULL), 401);
	assert_string_equal(rp.www_auth, "Bearer realm=\"httptutor class\"");
	assert_int_equal(req(&lab, "GET", "/v1/me", NULL, NULL), 401);
	tcp.auth = "Bearer abcd-efgh-ijkm-npqr-stuv-wx";
	assert_int_equal(req(&tcp, "GET", "/v1/me", NULL, NULL), 401);
	assert_non_null(strstr(rp.www_auth, "error=\"invalid_token\""));
	/* A malformed token is said to be one (QA 5b #10). */
	tcp.auth = "Bearer abcd";
	assert_int_equal(req(&tcp, "GET", "/v1/me", NULL, NULL), 401);
	assert_non_null(strstr(rstr("detail"), "that is not a class token: a token is 26 letters and digits"));
	tcp.auth = "Basic YWxpY2U6eA==";
	assert_int_equal(req(&tcp, "GET", "/v1/me", NULL, NULL), 401);
	/* A bad name is named, without --user advice; nobody is added. */
	assert_int_equal(req(&teacher, "POST", "/v1/roster", "{\"names\":[\"newkid\",\"bad\\tname\"]}",
	                     NULL), 422);
	assert_non_null(strstr(rstr("detail"), "the roster name 'bad\tname' has a control character U+0009 at byte 4"));
	assert_null(strstr(rstr("detail"), "--user"));
	assert_int_equal(count("SELECT count(*) FROM roster"), 0);
	assert_int_equal(req(&teacher, "POST", "/v1/roster", "{\"names\":[\"cho\",\"ms-lin\"]}",
	                     NULL), 201);
	json_t *s = json_array_get(json_object_get(reply, "students"), 0);
	snprintf(token, sizeof token, "%s", json_string_value(json_object_get(s, "token")));
	assert_int_equal(strlen(token), 32);
	/* Only a hash is kept. */
	assert_int_equal(count("SELECT count(*) FROM roster WHERE token_hash LIKE '%-%'"), 0);
	snprintf(auth, sizeof auth, "Bearer %s", token);
	tcp.auth = auth;
	assert_int_equal(req(&tcp, "GET", "/v1/me", NULL, NULL), 200);
	assert_string_equal(rstr("user"), "cho");
	assert_true(json_is_null(json_object_get(reply, "uid")));
	lab.auth = auth;
	assert_int_equal(req(&lab, "GET", "/v1/me", NULL, NULL), 200);
	assert_string_equal(rstr("user"), "cho");
	/* Typed from a slip in capitals, without dashes: the same token. */
	char upper[80] = "Bearer ";
	for (size_t i = 0, k = 7; token[i]; i++)
		if (token[i] != '-')
			upper[k++] = (char)(token[i] >= 'a' && token[i] <= 'z' ? token[i] - 32 : token[i]);
	tcp.auth = upper;
	assert_int_equal(req(&tcp, "GET", "/v1/me", NULL, NULL), 200);
	/* A new slip replaces the old one. */
	assert_int_equal(req(&teacher, "POST", "/v1/roster",
	                     "{\"names\":[\"cho\"],\"tokens\":\"new\"}", NULL), 201);
	tcp.auth = auth;
	assert_int_equal(req(&tcp, "GET", "/v1/me", NULL, NULL), 401);
	/* Adding again without "new" keeps a token that was issued. */
	assert_int_equal(req(&teacher, "POST", "/v1/roster", "{\"names\":[\"cho\"]}", NULL), 201);
	assert_true(json_is_null(json_object_get(json_array_get(json_object_get(reply, "students"),
	                                                        0), "token")));
	assert_int_equal(req(&teacher, "POST", "/v1/roster", "{\"names\":[\"a\\u202eb\"]}", NULL),
	                 422);
	/* One bad name adds nobody: a name added then would have a token that
	 * was never shown. */
	long long before = count("SELECT count(*) FROM roster");
	assert_int_equal(req(&teacher, "POST", "/v1/roster",
	                     "{\"names\":[\"dee\",\"eve\",\"\\tX\"]}", NULL), 422);
	assert_int_equal(count("SELECT count(*) FROM roster"), before);
	assert_int_equal(count("SELECT count(*) FROM roster WHERE name IN ('dee', 'eve')"), 0);
}

static void test_practice(void **state)
{
	(void)state;
	assert_int_equal(req(&ana, "POST", "/v1/practice",
	                     "{\"seed\":\"5\",\"count\":3,\"filters\":\"--class 4xx\"}", NULL), 200);
	assert_string_equal(rstr("name"), "seed-5-n3");
	assert_string_equal(rp.location, "/v1/exams/seed-5-n3");
	/* The paper is the one this content makes for seed 5, whoever asked. */
	struct quiz_opts o = { .count = 3, .seed = 5, .klass = 4 };
	struct quiz qz;
	assert_true(quiz_build(&model, &o, &qz));
	assert_int_equal(count("SELECT count(*) FROM exam_question WHERE exam_id = 'seed-5-n3'"), 3);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM exam_question WHERE exam_id = 'seed-5-n3' "
	         "AND pos = 0 AND item = '%s'", qz.q[0].item);
	assert_int_equal(count(sql), 1);
	quiz_free(&qz);
	assert_int_equal(req(&ana, "POST", "/v1/practice",
	                     "{\"seed\":\"5\",\"count\":3,\"filters\":\"--class 5xx\"}", NULL), 409);
	assert_string_equal(rstr("type"), "/problems/mismatch");
	assert_int_equal(req(&ana, "POST", "/v1/practice",
	                     "{\"seed\":\"5\",\"count\":3,\"filters\":\"; DROP\"}", NULL), 422);
}

/* Deleted under the server: no write is accepted, loudly (503). */
static void test_gone(void **state)
{
	char right[8], wrong[8], body[256];
	const struct scenario *sc = scen(right, wrong);
	(void)state;
	assert_int_equal(req(&ana, "GET", "/v1/me", NULL, NULL), 200);
	unlink(dbpath);
	snprintf(body, sizeof body, "{\"item\":\"%s\",\"qtype\":\"pick\",\"given\":\"%s\"}",
	         sc->id, right);
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, NULL), 503);
	assert_int_equal(rp.retry_after, 60);
	assert_true(api_gone(api));
	assert_int_equal(req(&ana, "POST", "/v1/answers", body, NULL), 503);
}

static void test_grade(void **state)
{
	struct grade g;
	char why[200], right[8], wrong[8];
	const struct scenario *sc = scen(right, wrong);
	(void)state;
	assert_true(grade_answer(&model, sc->id, "pick", right, &g, why, sizeof why));
	assert_true(g.correct);
	assert_int_equal(g.code, sc->answer);
	assert_true(grade_answer(&model, sc->id, "pick", wrong, &g, why, sizeof why));
	assert_false(g.correct);
	assert_false(grade_answer(&model, sc->id, "meaning", right, &g, why, sizeof why));
	assert_false(grade_answer(&model, sc->id, "pick", "4041", &g, why, sizeof why));
	assert_true(grade_answer(&model, "code:404", "meaning", "404", &g, why, sizeof why));
	assert_true(g.correct);
	assert_false(grade_answer(&model, "code:999", "meaning", "404", &g, why, sizeof why));
	for (size_t i = 0; i < model.n_scenarios; i++) {
		const struct scenario *s = &model.scenarios[i];
		char c[8];
		if (s->n_also) {
			snprintf(c, sizeof c, "%d", s->also[0].code);
			assert_true(grade_answer(&model, s->id, "type", c, &g, why, sizeof why));
			assert_true(g.correct && g.also);
		}
		if (s->header) {
			assert_true(grade_answer(&model, s->id, "header", s->header, &g, why, sizeof why));
			assert_true(g.correct);
			assert_true(grade_answer(&model, s->id, "header", "X-Nope", &g, why, sizeof why));
			assert_false(g.correct);
		}
	}
}

/* Each struct comes back from its JSON as it went. */
static void test_wire_roundtrip(void **state)
{
	char err[200];
	(void)state;
	struct leitner l[2] = { { "a", 2, 5, 6, 7, 8, 9 }, { "code:403", 1, -1, 0, 0, 1, 1 } }, *l2;
	size_t n;
	json_t *j = wire_states(l, 2);
	assert_true(wire_read_states(j, &l2, &n, err, sizeof err));
	assert_int_equal(n, 2);
	for (int i = 0; i < 2; i++) {
		assert_string_equal(l[i].item, l2[i].item);
		assert_int_equal(l[i].box, l2[i].box);
		assert_int_equal(l[i].due, l2[i].due);
		assert_int_equal(l[i].last, l2[i].last);
		assert_int_equal(l[i].last_wrong, l2[i].last_wrong);
		assert_int_equal(l[i].seen, l2[i].seen);
		assert_int_equal(l[i].wrong, l2[i].wrong);
	}
	free(l2);
	json_decref(j);

	struct exam_attempt a = { .id = 5, .number = 2, .shuffle_seed = UINT64_MAX, .n = 3,
	                          .state = ATTEMPT_TIME, .score_known = true, .attempts_left = -1 };
	char *given[3] = { "404", NULL, "WWW-Authenticate" };
	bool right[3] = { true, false, false };
	a.given = given;
	a.right = right;
	struct exam_attempt b;
	j = wire_attempt(&a);
	assert_true(wire_read_attempt(j, &b, err, sizeof err));
	assert_int_equal(b.shuffle_seed, UINT64_MAX);
	assert_int_equal(b.state, ATTEMPT_TIME);
	assert_int_equal(b.n, 3);
	assert_null(b.given[1]);
	assert_string_equal(b.given[2], "WWW-Authenticate");
	assert_true(b.right[0] && !b.right[1]);
	assert_int_equal(b.attempts_left, -1);
	store_exam_attempt_free(&b);
	json_decref(j);

	struct progress p = { .answers = 3, .correct = 2, .streak = 1 }, q;
	struct group_stat codes[1] = { { 404, 3, 2 } };
	p.codes = codes;
	p.n_codes = 1;
	p.days[13].day = T0;
	p.klass[3].answers = 3;
	j = wire_progress(&p);
	assert_true(wire_read_progress(j, &q, err, sizeof err));
	assert_int_equal(q.n_codes, 1);
	assert_int_equal(q.codes[0].key, 404);
	assert_int_equal(q.days[13].day, T0);
	assert_int_equal(q.klass[3].answers, 3);
	store_progress_free(&q);
	json_decref(j);

	/* A reply missing a field is refused, naming it. */
	j = json_loads("[{\"item\":\"a\",\"box\":1}]", 0, NULL);
	assert_false(wire_read_states(j, &l2, &n, err, sizeof err));
	assert_non_null(strstr(err, "due"));
	json_decref(j);

	for (int rc = EXAM_OK; rc <= EXAM_FORBIDDEN; rc++)
		assert_int_equal(wire_rc_from(wire_rc_status((enum exam_rc)rc),
		                              wire_rc_type((enum exam_rc)rc)), rc);
}

static void test_filters_roundtrip(void **state)
{
	struct quiz_opts o = { .klass = 4, .chapter = "forgotten", .unofficial = true,
	                       .types = (1u << Q_PICK) | (1u << Q_HEADER) }, p = { 0 };
	char text[128], buf[128], again[128];
	(void)state;
	paper_filters(&o, text, sizeof text);
	assert_true(paper_filters_parse(text, &p, buf, sizeof buf));
	paper_filters(&p, again, sizeof again);
	assert_string_equal(text, again);
	assert_false(paper_filters_parse("--class 9xx", &p, buf, sizeof buf));
	assert_false(paper_filters_parse("--chapter", &p, buf, sizeof buf));
	assert_true(paper_filters_parse("", &p, buf, sizeof buf));
	assert_int_equal(p.klass, 0);
}

static void test_token_format(void **state)
{
	char a[40], b[40], h1[80], h2[80];
	(void)state;
	assert_true(api_token_new(a, sizeof a));
	assert_true(api_token_new(b, sizeof b));
	assert_string_not_equal(a, b);
	assert_int_equal(strspn(a, "abcdefghijkmnpqrstuvwxyz23456789-"), strlen(a));
	assert_true(api_token_hash(a, h1, sizeof h1));
	assert_true(api_token_hash(b, h2, sizeof h2));
	assert_string_not_equal(h1, h2);
	assert_int_equal(strlen(h1), 64);
	assert_false(api_token_hash("short", h1, sizeof h1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_identity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sealed_paper, setup, teardown),
		cmocka_unit_test_setup_teardown(test_routes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_teacher_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_graded_here, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_problems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idempotency, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idempotency_other_request, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exam, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sweep_keeps_teacher, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exam_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_saved_says_why, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_practice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gone, setup, teardown),
		cmocka_unit_test(test_grade),
		cmocka_unit_test(test_wire_roundtrip),
		cmocka_unit_test(test_filters_roundtrip),
		cmocka_unit_test(test_token_format),
	};
	int rc = cmocka_run_group_tests(tests, group_setup, group_teardown);
	api_reply_free(&rp);
	json_decref(reply);
	return rc;
}
