/* api.c — the class server's requests: routes, who is asking, the checks
 * every route shares, Idempotency-Key replays and problem replies.  The
 * routes themselves are in api_learner.c and api_exam.c. */
#include "api_int.h"
#include "clock.h"
#include "i18n.h"
#include "netlib.h"
#include "store_int.h"
#include "store_serve.h"
#include "text.h"
#include "wire.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
	R_WRITE = 1,    /* may write: runs inside the group commit */
	R_TEACHER = 2,  /* teachers only (403 for a student) */
	R_BODY = 4,     /* takes a JSON body */
};

struct route {
	const char *method;
	const char *pattern;    /* segments; "*" an exam name, "#" a number */
	unsigned flags;
	void (*fn)(struct api_call *c);
};

static const struct route routes[] = {
	{ "GET", "/v1/me", 0, api_me },
	{ "POST", "/v1/sessions", R_WRITE | R_BODY, api_session_new },
	{ "PATCH", "/v1/sessions/#", R_WRITE | R_BODY, api_session_end },
	{ "POST", "/v1/answers", R_WRITE | R_BODY, api_answer_new },
	{ "GET", "/v1/answers/#", 0, api_answer_get },
	{ "POST", "/v1/visits", R_WRITE | R_BODY, api_visit },
	{ "GET", "/v1/me/states", 0, api_states },
	{ "GET", "/v1/me/mistakes", 0, api_mistakes },
	{ "GET", "/v1/me/history", 0, api_history },
	{ "GET", "/v1/me/progress", 0, api_progress },
	{ "GET", "/v1/me/answers", 0, api_export },
	{ "GET", "/v1/me/confusions", 0, api_confusions },
	{ "GET", "/v1/me/matrix", 0, api_matrix },
	{ "GET", "/v1/me/hidden", 0, api_hidden },
	{ "GET", "/v1/exams", R_TEACHER, api_exam_list },
	{ "POST", "/v1/exams", R_WRITE | R_TEACHER | R_BODY, api_exam_new },
	{ "POST", "/v1/practice", R_WRITE | R_BODY, api_practice },
	/* Reading an exam may end an attempt whose time is over: a write. */
	{ "GET", "/v1/exams/*", R_WRITE, api_exam_get },
	{ "POST", "/v1/exams/*/close", R_WRITE | R_TEACHER | R_BODY, api_exam_close },
	{ "GET", "/v1/exams/*/attempt", R_WRITE, api_attempt_latest },
	{ "POST", "/v1/exams/*/attempts", R_WRITE, api_attempt_start },
	{ "GET", "/v1/exams/*/results", R_TEACHER, api_results },
	{ "GET", "/v1/attempts/#", 0, api_attempt_get },
	{ "POST", "/v1/attempts/#/answers", R_WRITE | R_BODY, api_attempt_answer },
	{ "POST", "/v1/attempts/#/finish", R_WRITE, api_attempt_finish },
	{ "GET", "/v1/report", R_TEACHER, api_report },
	{ "GET", "/v1/roster", R_TEACHER, api_roster_get },
	{ "POST", "/v1/roster", R_WRITE | R_TEACHER | R_BODY, api_roster_add },
};
#define N_ROUTES (sizeof routes / sizeof routes[0])

/* ---- replies ------------------------------------------------------------------- */

static const char *reason(int status)
{
	switch (status) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

void api_problem(struct api_reply *rp, int status, const char *type, const char *detail)
{
	json_t *o = json_pack("{s:s, s:s, s:i, s:s}", "type", type ? type : "about:blank",
	                      "title", reason(status), "status", status, "detail", detail);
	rp->status = status;
	rp->problem = true;
	free(rp->body);
	rp->body = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
}

void api_refuse(struct api_reply *rp, enum api_refusal why, int retry)
{
	switch (why) {
	case API_TOO_LARGE:
		api_problem(rp, 413, "/problems/too-large", "the body is larger than this server "
		            "takes (4 MiB)");
		break;
	case API_STOPPING:
		api_problem(rp, 503, "/problems/stopping", "the class server is stopping; send it "
		            "again in a few seconds");
		break;
	case API_TOO_MANY:
		api_problem(rp, 429, "/problems/too-many", "too many requests at once; wait and "
		            "send it again");
		break;
	}
	rp->retry_after = retry;
}

void api_json(struct api_call *c, int status, json_t *v)
{
	char *s = v ? json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(v);
	if (!s) {
		api_problem(c->rp, 500, "/problems/server", "the server ran out of memory");
		return;
	}
	free(c->rp->body);
	c->rp->body = s;
	c->rp->status = status;
	c->rp->problem = false;
}

void api_fail(struct api_call *c, int status, const char *type, const char *fmt, ...)
{
	char detail[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	api_problem(c->rp, status, type, detail);
}

/* The database is gone (deleted or replaced): nothing more is accepted. */
static void fail_gone(struct api_call *c)
{
	c->api->gone = true;
	c->rp->retry_after = 60;
	api_fail(c, 503, "/problems/unavailable", "the class database was deleted or replaced "
	         "while the server was running, so it accepts nothing more; your answers are "
	         "kept until the teacher restarts the server");
	api_problem_reason(c->rp, tr(MSG_DB_WHY_GONE));
}

void api_fail_store(struct api_call *c)
{
	if (store_gone(c->st) || c->api->gone) {
		fail_gone(c);
		return;
	}
	api_fail(c, 500, "/problems/database", "%s", c->st->err[0] ? c->st->err : "the database failed");
	api_problem_reason(c->rp, c->st->db ? c->st->db->why : NULL);
}

void api_fail_rc(struct api_call *c, enum exam_rc rc)
{
	if (rc == EXAM_ERR) {
		api_fail_store(c);
		return;
	}
	api_fail(c, wire_rc_status(rc), wire_rc_type(rc), "%s",
	         c->st->err[0] ? c->st->err : "the request cannot be done");
	/* For the client to say it in its learner's language. */
	if (rc == EXAM_FORBIDDEN && c->st->denied == DENIED_OTHER_TOKEN)
		api_problem_field(c->rp, "started_with", "token");
}

void api_reply_free(struct api_reply *rp)
{
	free(rp->body);
	rp->body = NULL;
}

/* ---- body fields ----------------------------------------------------------------- */

/* Text a learner or teacher sent: valid UTF-8 without control, bidi or
 * invisible characters, at most max bytes. */
static bool text_ok(const char *s, size_t max)
{
	size_t len = strlen(s), bad;
	enum text_unsafe kind;
	return len <= max && text_valid_utf8(s, len, &bad) &&
	       text_find_unsafe(s, len, false, &kind) == (size_t)-1;
}

bool api_str(struct api_call *c, const char *key, bool required, size_t max, const char **out)
{
	json_t *v = json_object_get(c->body, key);
	if (!v && !required)
		return true;
	if (!json_is_string(v) || !text_ok(json_string_value(v), max)) {
		api_fail(c, 422, "/problems/bad-field", "the field \"%s\" must be %s of at most "
		         "%zu bytes, without control characters", key,
		         required ? "a text" : "a text when given", max);
		return false;
	}
	*out = json_string_value(v);
	return true;
}

bool api_int(struct api_call *c, const char *key, bool required, int64_t lo, int64_t hi,
             int64_t *out)
{
	json_t *v = json_object_get(c->body, key);
	if ((!v || json_is_null(v)) && !required)
		return true;
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
		api_fail(c, 422, "/problems/bad-field", "the field \"%s\" must be a whole number "
		         "from %lld to %lld", key, (long long)lo, (long long)hi);
		return false;
	}
	*out = (int64_t)json_integer_value(v);
	return true;
}

bool api_u64(struct api_call *c, const char *key, uint64_t *out)
{
	json_t *v = json_object_get(c->body, key);
	const char *s = json_string_value(v);
	char *end = NULL;
	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		*out = (uint64_t)json_integer_value(v);
		return true;
	}
	if (s && *s && *s != '-')
		*out = strtoull(s, &end, 10);
	if (!end || *end) {
		api_fail(c, 422, "/problems/bad-field", "the field \"%s\" must be a non-negative "
		         "number (or the same in a string)", key);
		return false;
	}
	return true;
}

/* ---- routes ----------------------------------------------------------------------- */

/* Whether path fits pattern; the name and number segments go to c. */
static bool match(const char *pattern, const char *path, const char **name, size_t *name_len,
                  int64_t *id)
{
	while (*pattern && *path) {
		if (*pattern != '/' || *path != '/')
			return false;
		pattern++;
		path++;
		size_t pl = strcspn(pattern, "/"), sl = strcspn(path, "/");
		if (pl == 1 && *pattern == '*') {
			if (sl == 0)
				return false;
			*name = path;
			*name_len = sl;
		} else if (pl == 1 && *pattern == '#') {
			if (sl == 0 || sl > 15 || strspn(path, "0123456789") < sl || *path == '0')
				return false;
			*id = strtoll(path, NULL, 10);
		} else if (pl != sl || strncmp(pattern, path, pl)) {
			return false;
		}
		pattern += pl;
		path += sl;
	}
	return !*pattern && !*path;
}

/* The route for method and path: NULL with *allow listing the methods the
 * path takes (405), or empty (404). */
static const struct route *find(const char *method, const char *path, char *allow, size_t n,
                                const char **name, size_t *name_len, int64_t *id)
{
	size_t used = 0;
	allow[0] = '\0';
	for (size_t i = 0; i < N_ROUTES; i++) {
		if (!match(routes[i].pattern, path, name, name_len, id))
			continue;
		if (!strcmp(routes[i].method, method)) {
			allow[0] = '\0';   /* Allow goes with a 405 only */
			return &routes[i];
		}
		if (used < n)
			used += (size_t)snprintf(allow + used, n - used, "%s%s", used ? ", " : "",
			                         routes[i].method);
	}
	return NULL;
}

bool api_writes(const char *method, const char *path)
{
	char allow[64];
	const char *name;
	size_t len;
	int64_t id;
	const struct route *r = find(method, path, allow, sizeof allow, &name, &len, &id);
	return r && (r->flags & R_WRITE);
}

/* ---- who is asking --------------------------------------------------------------- */

bool api_token_new(char *out, size_t n)
{
	/* No 0/o, 1/l: read from a paper slip and typed by hand. */
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
	unsigned char raw[17];
	size_t k = 0;
	if (n < 33)
		return false;
	netlib.randombytes_buf(raw, sizeof raw);
	for (int i = 0; i < 26; i++) {
		/* 5 bits at a time from the 128 + 8 random bits. */
		int bit = i * 5, byte = bit / 8, shift = bit % 8;
		unsigned v = ((unsigned)raw[byte] << 8 | raw[byte + 1]) >> (11 - shift);
		if (i && i % 4 == 0)
			out[k++] = '-';
		out[k++] = alphabet[v & 31];
	}
	out[k] = '\0';
	return true;
}

bool api_token_hash(const char *token, char *hex, size_t n)
{
	char norm[80];
	size_t k = 0;
	unsigned char h[32];
	for (const char *p = token; *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		if (k + 1 >= sizeof norm)
			return false;
		norm[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
	}
	norm[k] = '\0';
	if (k < 16 || n < 2 * sizeof h + 1)
		return false;
	if (netlib.crypto_generichash(h, sizeof h, (const unsigned char *)norm, k, NULL, 0) != 0)
		return false;
	netlib.sodium_bin2hex(hex, n, h, sizeof h);
	return true;
}

static void challenge(struct api_call *c, const char *error, const char *detail)
{
	snprintf(c->rp->www_auth, sizeof c->rp->www_auth,
	         "Bearer realm=\"httptutor class\"%s%s%s", error ? ", error=\"" : "",
	         error ? error : "", error ? "\"" : "");
	api_fail(c, 401, "/problems/token", "%s", detail);
}

static bool is_teacher_name(const struct api *api, const char *name)
{
	for (size_t i = 0; i < api->c.n_teacher_names; i++)
		if (!strcmp(api->c.teacher_names[i], name))
			return true;
	return false;
}

/* The store of learner name (made on first use); NULL after replying. */
static struct store *user_store(struct api_call *c, const char *name, int64_t uid)
{
	struct api *api = c->api;
	char err[512];
	for (size_t i = 0; i < api->n_users; i++)
		if (api->users[i].uid == uid && !strcmp(api->users[i].name, name)) {
			/* Made for another call (the sweep, a shared login's token):
			 * the store's rules follow who asks now. */
			api->users[i].st->teacher = c->teacher;
			return api->users[i].st;
		}
	if (api->n_users == api->cap_users) {
		size_t ncap = api->cap_users ? api->cap_users * 2 : 64;
		struct api_user *nv = realloc(api->users, ncap * sizeof *nv);
		if (!nv) {
			api_problem(c->rp, 500, "/problems/server", "the server ran out of memory");
			return NULL;
		}
		api->users = nv;
		api->cap_users = ncap;
	}
	/* Who asks is the store's input: its rules (attempts, teachers' steps)
	 * are decided on this uid and teacher flag, the server's own idea. */
	struct store *st = store_sql_attach(api->c.db, name, uid, c->teacher, err, sizeof err);
	if (!st) {
		if (api->c.db->gone || api->gone) {
			c->st = NULL;
			api->gone = true;
			c->rp->retry_after = 60;
			api_problem(c->rp, 503, "/problems/unavailable", "the class database was "
			            "deleted or replaced; the teacher has to restart the server");
		} else {
			api_problem(c->rp, 500, "/problems/database", err);
		}
		return NULL;
	}
	struct api_user *u = &api->users[api->n_users++];
	snprintf(u->name, sizeof u->name, "%s", name);
	u->uid = uid;
	u->st = st;
	return st;
}

/* Who asks: the login of the peer's uid on the Unix socket, else (TCP, or
 * the shared lab login) the roster name of a bearer token.  false after
 * replying 401 or 403. */
static bool identify(struct api_call *c)
{
	const struct api_request *rq = c->rq;
	struct api *api = c->api;
	bool unix_peer = rq->via == API_UNIX && !(api->c.have_shared && rq->uid == api->c.shared_uid);
	char name[72];

	if (unix_peer) {
		if (!rq->login) {
			api_fail(c, 403, "/problems/no-login", "uid %u has no login name on the "
			         "server, so its answers cannot be kept", (unsigned)rq->uid);
			return false;
		}
		c->teacher = rq->uid == api->c.owner;
		for (size_t i = 0; i < api->c.n_teacher_uids; i++)
			c->teacher |= rq->uid == api->c.teacher_uids[i];
		snprintf(c->rp->user, sizeof c->rp->user, "%s", rq->login);
		return (c->st = user_store(c, rq->login, (int64_t)rq->uid)) != NULL;
	}
	const char *a = rq->authorization;
	if (!a || !*a) {
		challenge(c, NULL, rq->via == API_TCP ? "this server needs your class token: "
		          "set HTTPTUTOR_TOKEN to the token on your slip (Authorization: Bearer TOKEN)"
		          : "this account is shared by the lab: set HTTPTUTOR_TOKEN to the token on "
		          "your slip (Authorization: Bearer TOKEN)");
		return false;
	}
	char hash[80];
	bool found = false;
	if (strncasecmp(a, "Bearer ", 7)) {
		challenge(c, "invalid_request", "the Authorization header must be \"Bearer\" and "
		          "the token from your slip");
		return false;
	}
	if (!api_token_hash(a + 7, hash, sizeof hash)) {
		challenge(c, "invalid_token", "that is not a class token: a token is 26 letters and "
		          "digits, as on the slip (xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xx; case and dashes "
		          "do not matter)");
		return false;
	}
	if (!store_roster_find(api->c.db, hash, name, sizeof name, &found)) {
		api_problem(c->rp, 500, "/problems/database", api->c.db->err);
		return false;
	}
	if (!found) {
		challenge(c, "invalid_token", "this token is not on the class roster (a new slip "
		          "replaces the old one; ask your teacher)");
		return false;
	}
	c->teacher = is_teacher_name(api, name);
	snprintf(c->rp->user, sizeof c->rp->user, "%s", name);
	return (c->st = user_store(c, name, -1)) != NULL;
}

/* ---- one request -------------------------------------------------------------------- */

/* Content-Type is JSON (parameters such as charset ignored) or absent. */
static bool is_json_type(const char *t)
{
	if (!t || !*t)
		return true;
	size_t len = strcspn(t, "; \t");
	return len == 16 && !strncasecmp(t, "application/json", 16);
}

/* An Idempotency-Key: 1–64 of letters, digits, '-' and '_'. */
static bool key_ok(const char *k)
{
	size_t len = strlen(k);
	return len >= 1 && len <= 64 &&
	       strspn(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == len;
}

/* What a stored reply answered: method, path (its first 256 bytes, for
 * the eye) and a BLAKE2b-256 hash of the whole path and the body.  false
 * when libsodium fails. */
static bool fingerprint(const struct api_request *rq, char *out, size_t n)
{
	crypto_generichash_state h;
	unsigned char sum[32];
	char hex[2 * sizeof sum + 1];
	if (netlib.crypto_generichash_init(&h, NULL, 0, sizeof sum) != 0 ||
	    netlib.crypto_generichash_update(&h, (const unsigned char *)rq->path,
	                                     strlen(rq->path) + 1) != 0 ||
	    netlib.crypto_generichash_update(&h, (const unsigned char *)(rq->body ? rq->body : ""),
	                                     rq->body ? rq->body_len : 0) != 0 ||
	    netlib.crypto_generichash_final(&h, sum, sizeof sum) != 0)
		return false;
	netlib.sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
	snprintf(out, n, "%.16s %.256s %s", rq->method, rq->path, hex);
	return true;
}

/* Run the route; with an Idempotency-Key, a stored reply is given again to
 * the same request (a reuse for another one is refused), and a new
 * success is stored with its write in one transaction. */
static void run(struct api_call *c, const struct route *r)
{
	const char *key = c->rq->idem_key;
	struct stored_reply sr;
	char request[400];
	bool found = false;

	if (!(r->flags & R_WRITE) || !key) {
		r->fn(c);
		return;
	}
	if (!fingerprint(c->rq, request, sizeof request)) {
		api_fail(c, 500, "/problems/database", "cannot hash the request (libsodium failed)");
		return;
	}
	if (!db_begin(c->api->c.db)) {
		snprintf(c->st->err, sizeof c->st->err, "%s", c->api->c.db->err);
		api_fail_store(c);
		return;
	}
	if (!store_key_find(c->st, key, &sr, &found)) {
		db_rollback(c->api->c.db);
		api_fail_store(c);
		return;
	}
	if (found && sr.request[0] && strcmp(sr.request, request)) {
		db_commit(c->api->c.db);
		free(sr.body);
		api_fail(c, 422, "/problems/idempotency-key", "this Idempotency-Key was already used "
		         "for another request; use a new key");
		return;
	}
	if (found) {
		db_commit(c->api->c.db);
		free(c->rp->body);
		c->rp->status = sr.status;
		c->rp->body = sr.body;
		c->rp->problem = false;
		c->rp->replayed = true;
		snprintf(c->rp->location, sizeof c->rp->location, "%s", sr.location);
		return;
	}
	r->fn(c);
	if (c->rp->status >= 200 && c->rp->status < 300) {
		if (!store_key_save(c->st, key, request, c->rp->status, c->rp->location,
		                    c->rp->body ? c->rp->body : "", c->now) ||
		    !db_commit(c->api->c.db)) {
			db_rollback(c->api->c.db);
			c->rp->location[0] = '\0';
			api_fail_store(c);
		}
		return;
	}
	db_rollback(c->api->c.db);
}

static void handle(struct api *api, const struct api_request *rq, struct api_reply *rp)
{
	struct api_call c = { .api = api, .rq = rq, .rp = rp, .now = clock_now() };
	const char *name = NULL;
	size_t name_len = 0;
	char exam[EXAM_NAME_MAX + 24];
	const struct route *r = find(rq->method, rq->path, rp->allow, sizeof rp->allow,
	                             &name, &name_len, &c.id);
	if (!r) {
		if (rp->allow[0])
			api_fail(&c, 405, "/problems/method", "%s is not a method of %.100s; it takes %s",
			         rq->method, rq->path, rp->allow);
		else
			api_fail(&c, 404, "/problems/no-route", "there is nothing at %.100s (the API "
			         "is described in the README, under \"Class server\")", rq->path);
		return;
	}
	if (name) {
		if (name_len >= sizeof exam) {
			api_fail(&c, 404, "/problems/not-found", "there is no exam with so long a name");
			return;
		}
		memcpy(exam, name, name_len);
		exam[name_len] = '\0';
		c.name = exam;
	}
	if (!identify(&c))
		return;
	if ((r->flags & R_TEACHER) && !c.teacher) {
		api_fail(&c, 403, "/problems/teachers-only", "only the teacher may %s %.100s",
		         strcmp(rq->method, "GET") ? "change" : "see", rq->path);
		return;
	}
	if ((r->flags & R_WRITE) && api->gone) {
		c.rp->retry_after = 60;
		api_fail(&c, 503, "/problems/unavailable", "the class database was deleted or "
		         "replaced; the teacher has to restart the server");
		api_problem_reason(rp, tr(MSG_DB_WHY_GONE));
		return;
	}
	if (r->flags & R_BODY) {
		json_error_t je;
		if (!is_json_type(rq->content_type)) {
			snprintf(rp->accept, sizeof rp->accept, "%s: application/json",
			         strcmp(rq->method, "PATCH") ? "Accept-Post" : "Accept-Patch");
			api_fail(&c, 415, "/problems/media-type", "the body must be JSON "
			         "(Content-Type: application/json), not %.60s", rq->content_type);
			return;
		}
		c.body = json_loadb(rq->body ? rq->body : "", rq->body_len, 0, &je);
		if (!c.body) {
			api_fail(&c, 400, "/problems/json", "the body is not JSON: %s (line %d, "
			         "column %d)", je.text, je.line, je.column);
			return;
		}
		if (!json_is_object(c.body)) {
			json_decref(c.body);
			api_fail(&c, 422, "/problems/bad-field", "the body must be a JSON object");
			return;
		}
	}
	if (rq->idem_key && !key_ok(rq->idem_key)) {
		json_decref(c.body);
		api_fail(&c, 400, "/problems/idempotency-key", "an Idempotency-Key is 1 to 64 "
		         "letters, digits, '-' or '_'");
		return;
	}
	c.st->err[0] = '\0';
	api->c.db->why = NULL;  /* a 500's reason is this request's */
	run(&c, r);
	json_decref(c.body);
	rp->wrote = (r->flags & R_WRITE) && rp->status < 300 && !rp->replayed;
}

void api_handle(struct api *api, const struct api_request *rq, struct api_reply *rp)
{
	bool own_batch = false;

	memset(rp, 0, sizeof *rp);
	/* A write on its own (tests, a server between batches) commits alone. */
	if (!api->c.db->batch && api_writes(rq->method, rq->path)) {
		if (!db_batch_begin(api->c.db)) {
			api_unavailable(api, rp);
			return;
		}
		own_batch = true;
	}
	handle(api, rq, rp);
	if (own_batch && !db_batch_commit(api->c.db)) {
		api_forget(api);
		api_unavailable(api, rp);
	}
}

void api_unavailable(struct api *api, struct api_reply *rp)
{
	char user[sizeof rp->user];
	snprintf(user, sizeof user, "%s", rp->user);
	api_reply_free(rp);
	memset(rp, 0, sizeof *rp);
	snprintf(rp->user, sizeof rp->user, "%s", user);
	if (api->c.db->gone)
		api->gone = true;
	rp->retry_after = api->gone ? 60 : 1;
	if (api->gone) {
		api_problem(rp, 503, "/problems/unavailable", "the class database was deleted or "
		            "replaced while the server was running, so nothing was saved and nothing "
		            "more is accepted; your answers are kept until the teacher restarts the "
		            "server");
		api_problem_reason(rp, tr(MSG_DB_WHY_GONE));
		return;
	}
	/* Why, in a member of its own: a client tells its learner "the
	 * server could not save this (the disk is full)", not "cannot reach". */
	const char *why = api->c.db->why;
	char detail[300];
	snprintf(detail, sizeof detail, "the database could not save this (%s); nothing of it "
	         "was kept: send it again", why ? why : "the commit failed");
	api_problem(rp, 503, "/problems/not-saved", detail);
	api_problem_reason(rp, why);
}

void api_problem_reason(struct api_reply *rp, const char *why)
{
	api_problem_field(rp, "reason", why);
	api_problem_field(rp, "reason_code", db_why_code(why));
}

void api_problem_field(struct api_reply *rp, const char *key, const char *value)
{
	if (!value || !rp->body)
		return;
	json_t *o = json_loads(rp->body, 0, NULL);
	if (o && json_object_set_new(o, key, json_string(value)) == 0) {
		free(rp->body);
		rp->body = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	}
	json_decref(o);
}

struct api *api_new(const struct api_config *c)
{
	struct api *api = calloc(1, sizeof *api);
	if (api)
		api->c = *c;
	return api;
}

void api_forget(struct api *api)
{
	for (size_t i = 0; i < api->n_users; i++)
		store_close(api->users[i].st);
	api->n_users = 0;
}

void api_free(struct api *api)
{
	if (!api)
		return;
	api_forget(api);
	free(api->users);
	free(api);
}

void api_sweep(struct api *api)
{
	struct api_reply rp = { 0 };
	/* The sweep is the server's own account: a teacher. */
	struct api_call c = { .api = api, .rp = &rp, .teacher = true };
	struct store *st;

	if (api->gone || !api->c.owner_login)
		return;
	if ((st = user_store(&c, api->c.owner_login, (int64_t)api->c.owner)))
		store_exam_sweep(st, clock_now());
	api_reply_free(&rp);
}

bool api_gone(const struct api *api)
{
	return api->gone || api->c.db->gone;
}
