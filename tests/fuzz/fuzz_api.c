/* fuzz_api.c — libFuzzer harness: the class server's API (api.c and its
 * routes) on hostile requests, without sockets.
 *
 * At start-up a class database is made once through the API itself: the
 * teacher adds ana and ben to the roster and makes exam "e1"; ana and ben
 * each answer a practice question, open a quiz session, start e1 and answer
 * its first question.  Each input then runs on a fresh copy of that file: up
 * to eight requests, separated by a 0 byte, each three bytes (who, route,
 * arguments) and a body.  Who is ana, ben, the teacher, or the shared lab
 * login showing ben's token.
 *
 * Whatever comes in: a status between 200 and 599; a body that is JSON; a
 * problem only with a status of 400 or more; ben (by his uid or his token)
 * never changes a row that is ana's — her profile, sessions, answers, review
 * state, counters, Idempotency-Keys, roster row — and no student changes an
 * exam or its questions. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api.h"
#include "content.h"
#include "db.h"
#include "netlib.h"
#include "paper.h"
#include "quiz.h"
#include "wire.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { ANA = 1001, BEN = 1002, TEACHER = 1000, LAB = 1003 };

static struct model model;
static char dir[256], path[300];
static unsigned char *tmpl;       /* the class database as made at start-up */
static size_t tmpl_len;
static char ben_auth[80];         /* "Bearer <ben's token>" */

struct route {
	const char *method, *pattern;   /* '#' an id, '*' an exam name */
};

/* api.c's routes, and a few it must refuse. */
static const struct route routes[] = {
	{ "GET", "/v1/me" }, { "POST", "/v1/sessions" }, { "PATCH", "/v1/sessions/#" },
	{ "POST", "/v1/answers" }, { "GET", "/v1/answers/#" }, { "POST", "/v1/visits" },
	{ "GET", "/v1/me/states" }, { "GET", "/v1/me/mistakes" }, { "GET", "/v1/me/history" },
	{ "GET", "/v1/me/progress" }, { "GET", "/v1/me/answers" }, { "GET", "/v1/me/confusions" },
	{ "GET", "/v1/me/matrix" }, { "GET", "/v1/me/hidden" }, { "GET", "/v1/exams" },
	{ "POST", "/v1/exams" }, { "POST", "/v1/practice" }, { "GET", "/v1/exams/*" },
	{ "POST", "/v1/exams/*/close" }, { "GET", "/v1/exams/*/attempt" },
	{ "POST", "/v1/exams/*/attempts" }, { "GET", "/v1/exams/*/results" },
	{ "GET", "/v1/attempts/#" }, { "POST", "/v1/attempts/#/answers" },
	{ "POST", "/v1/attempts/#/finish" }, { "GET", "/v1/report" }, { "GET", "/v1/roster" },
	{ "POST", "/v1/roster" }, { "DELETE", "/v1/answers/#" }, { "PUT", "/v1/exams/*" },
	{ "GET", "/v1/attempts/#/../../exams" }, { "GET", "" },
};
#define N_ROUTES (sizeof routes / sizeof routes[0])

static const char *const exam_names[] = { "e1", "nope", "", "e1/close", "%00", "E1" };

static struct db *db;
static struct api *api;

static bool open_api(void)
{
	static const uid_t teachers[] = { 999 };
	static char *const names[] = { "ms-lin" };
	char err[512];
	if (!(db = db_open(path, false, err, sizeof err))) {
		fprintf(stderr, "fuzz_api: %s\n", err);
		return false;
	}
	struct api_config c = {
		.db = db, .m = &model, .owner = TEACHER, .teacher_uids = teachers,
		.n_teacher_uids = 1, .teacher_names = names, .n_teacher_names = 1,
		.have_shared = true, .shared_uid = LAB, .owner_login = "teacher",
	};
	return (api = api_new(&c)) != NULL;
}

static void close_api(void)
{
	api_free(api);
	db_close(db);
	api = NULL;
	db = NULL;
}

/* One request; the reply's status, with the invariants on its shape checked. */
static int send_req(int who, const char *method, const char *p, const char *body, size_t body_len,
                    unsigned args, json_t **out)
{
	static const char *const logins[] = { "ana", "ben", "teacher", "lab" };
	static const uid_t uids[] = { ANA, BEN, TEACHER, LAB };
	struct api_request rq = {
		.method = method, .path = p, .via = API_UNIX, .uid = uids[who], .login = logins[who],
		.authorization = who == 3 ? ben_auth : NULL, .body = body, .body_len = body_len,
		.q_item = args & 0x10 ? "x" : NULL, .q_exam = args & 0x20 ? "e1" : NULL,
		.q_since = args & 0x10 ? "-1" : NULL,
		.idem_key = args & 0x40 ? "k-1" : NULL,
		.content_type = args & 0x80 ? "text/plain" : NULL,
	};
	struct api_reply rp;
	api_handle(api, &rq, &rp);
	int status = rp.status;
	if (status < 200 || status > 599 || (rp.problem && status < 400))
		abort();
	if (rp.body) {
		json_t *j = json_loads(rp.body, JSON_DECODE_ANY, NULL);
		if (!j)
			abort();   /* what the server says is JSON */
		if (out)
			*out = j;
		else
			json_decref(j);
	}
	api_reply_free(&rp);
	return status;
}

/* A fingerprint of the rows of the given SELECTs (FNV-1a over their text). */
static uint64_t fingerprint(const char *const *sql, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db->h, sql[i], -1, &st, NULL) != SQLITE_OK)
			abort();
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *t = sqlite3_column_text(st, c);
				for (; t && *t; t++)
					h = (h ^ *t) * 1099511628211ull;
				h = (h ^ 0xFF) * 1099511628211ull;
			}
		sqlite3_finalize(st);
	}
	return h;
}

#define ANA_ID "(SELECT id FROM profile WHERE name = 'ana')"
static const char *const ana_rows[] = {
	"SELECT * FROM profile WHERE name = 'ana'",
	"SELECT * FROM session WHERE profile_id = " ANA_ID " ORDER BY id",
	"SELECT * FROM answer WHERE profile_id = " ANA_ID " OR uid = 1001 ORDER BY id",
	"SELECT * FROM item_state WHERE profile_id = " ANA_ID,
	"SELECT * FROM day_stat WHERE profile_id = " ANA_ID,
	"SELECT * FROM tally WHERE profile_id = " ANA_ID,
	"SELECT * FROM class_learner WHERE profile_id = " ANA_ID,
	"SELECT * FROM chapter_visit WHERE profile_id = " ANA_ID,
	"SELECT * FROM request_key WHERE profile_id = " ANA_ID,
	"SELECT * FROM roster WHERE name = 'ana'",
};
static const char *const exam_rows[] = {
	"SELECT * FROM exam ORDER BY id",
	"SELECT * FROM exam_question ORDER BY exam_id, pos",
};
#define FP(a) fingerprint(a, sizeof a / sizeof a[0])

static void must(int got, int want, const char *what)
{
	if (got != want) {
		fprintf(stderr, "fuzz_api: setting up, %s gave %d (want %d)\n", what, got, want);
		exit(1);
	}
}

/* The class the inputs start from. */
static void make_class(void)
{
	json_t *r = NULL;
	const char *roster = "{\"names\":[\"ana\",\"ben\"]}";
	must(send_req(2, "POST", "/v1/roster", roster, strlen(roster), 0, &r), 201, "roster");
	json_t *s = json_array_get(json_object_get(r, "students"), 1);
	snprintf(ben_auth, sizeof ben_auth, "Bearer %s", json_string_value(json_object_get(s, "token")));
	json_decref(r);

	struct quiz_opts o = { .count = 4, .seed = 7, .types = 1u << Q_PICK };
	struct quiz qz;
	struct exam_item *items;
	size_t n;
	if (!quiz_build(&model, &o, &qz) || !paper_items(&qz, &items, &n))
		exit(1);
	struct exam_info e = { .kind = EXAM_SET, .count = 4, .minutes = 30, .attempts = 2,
	                       .feedback = EXAM_FEEDBACK_END };
	snprintf(e.name, sizeof e.name, "e1");
	json_t *b = json_pack("{s:o, s:s, s:o}", "exam", wire_exam_info(&e), "seed", "7",
	                      "questions", wire_items(items, n));
	char *body = json_dumps(b, 0);
	must(send_req(2, "POST", "/v1/exams", body, strlen(body), 0, NULL), 201, "exam");
	free(body);
	json_decref(b);
	paper_items_free(items, n);
	quiz_free(&qz);

	const struct scenario *sc = &model.scenarios[0];
	char ans[512], sess[] = "{\"kind\":\"quiz\",\"seed\":\"3\"}";
	snprintf(ans, sizeof ans, "{\"item\":\"%s\",\"qtype\":\"pick\",\"given\":\"%d\"}", sc->id,
	         sc->whynot[0].code);
	for (int who = 0; who < 2; who++) {
		must(send_req(who, "POST", "/v1/answers", ans, strlen(ans), 0, NULL), 201, "answer");
		must(send_req(who, "POST", "/v1/sessions", sess, strlen(sess), 0, NULL), 201, "session");
		must(send_req(who, "POST", "/v1/exams/e1/attempts", NULL, 0, 0, &r), 201, "attempt");
		char p[64];
		snprintf(p, sizeof p, "/v1/attempts/%lld/answers",
		         (long long)json_integer_value(json_object_get(json_object_get(r, "attempt"), "id")));
		json_decref(r);
		const char *first = "{\"pos\":0,\"given\":\"404\"}";
		must(send_req(who, "POST", p, first, strlen(first), 0, NULL), 201, "exam answer");
	}
}

static int rm_files(void)
{
	char p[320];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return 0;
}

static void cleanup(void)
{
	rm_files();
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d = { 0 };
	char err[256];
	const char *content = getenv("HTTPTUTOR_FUZZ_CONTENT");
	(void)argc;
	(void)argv;
	setenv("HTTPTUTOR_NOW", "1763769600", 1);
	if (!content_load(content ? content : "content", &model, &d) ||
	    !netlib_sodium(err, sizeof err)) {
		fprintf(stderr, "fuzz_api: cannot load the content (run from the repository root"
		        " or set HTTPTUTOR_FUZZ_CONTENT) or libsodium\n");
		exit(1);
	}
	diag_free(&d);
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/httptutor-fuzz-api-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		exit(1);
	atexit(cleanup);
	snprintf(path, sizeof path, "%s/class.db", dir);
	if (!open_api())
		exit(1);
	make_class();
	close_api();   /* checkpoints: the whole class is in the one file */
	FILE *f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (tmpl_len = (size_t)ftell(f)) == 0 ||
	    !(tmpl = malloc(tmpl_len)) || fseek(f, 0, SEEK_SET) || fread(tmpl, 1, tmpl_len, f) != tmpl_len)
		exit(1);
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rm_files();
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(tmpl, 1, tmpl_len, f) != tmpl_len || fclose(f) != 0)
		abort();
	if (!open_api())
		abort();
	uint64_t ana0 = FP(ana_rows), exams0 = FP(exam_rows);
	for (int k = 0; k < 8 && size >= 3; k++) {
		const uint8_t *end = memchr(data, 0, size);
		size_t seg = end ? (size_t)(end - data) : size;
		if (seg >= 3) {
			int who = data[0] % 4;
			const struct route *r = &routes[data[1] % N_ROUTES];
			unsigned args = data[2];
			char p[128], *o = p;
			for (const char *c = r->pattern; *c && o < p + sizeof p - 16; c++) {
				if (*c == '#')
					o += sprintf(o, "%u", (args & 7) + 1);
				else if (*c == '*')
					o += sprintf(o, "%s", exam_names[(args >> 3 & 7) % 6]);
				else
					*o++ = *c;
			}
			*o = '\0';
			/* a body that is not NUL-terminated, as the HTTP side hands it over */
			char *body = seg > 3 ? malloc(seg - 3) : NULL;
			if (body)
				memcpy(body, data + 3, seg - 3);
			send_req(who, r->method, p, body, body ? seg - 3 : 0, args, NULL);
			free(body);
			if (who == 1 || who == 3) {
				if (FP(ana_rows) != ana0)
					abort();   /* ben changed something of ana's */
			} else {
				ana0 = FP(ana_rows);
			}
			if (who != 2) {
				if (FP(exam_rows) != exams0)
					abort();   /* a student changed an exam */
			} else {
				exams0 = FP(exam_rows);
			}
		}
		if (!end)
			break;
		size -= seg + 1;
		data = end + 1;
	}
	close_api();
	return 0;
}
