/* store_remote.c — the store's class server backend: every call of the
 * interface as a request to the server (client.c), the reply back into the
 * same structs (wire.c).  The server decides: who the learner is, whether
 * an answer is right, every exam rule by its own clock.
 *
 * An answer is confirmed only when the server replied that it committed
 * it.  When the server cannot be reached (or is busy or stopping), practice
 * answers, chapter visits and session ends go to the queue in the learner's
 * own database (pending.c) and are sent, in order, each once, when it is
 * back; store_waiting says how many wait.  Exam calls wait up to
 * EXAM_WAIT_MS for a server that restarts, then fail: the attempt, its
 * answers and its deadline are on the server and resume with it. */
#include "store_int.h"
#include "client.h"
#include "clock.h"
#include "i18n.h"
#include "pending.h"
#include "text.h"
#include "wire.h"

#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RETRY_OFFLINE_MS 5000   /* while unreachable, try again this often */
#define EXAM_WAIT_MS 10000      /* an exam call waits this long for the server */

struct remote {
	struct client *c;
	char target[4200];
	char queue_user[128];   /* whose queue: the login, and the token when one is set */
	struct db *own;         /* the learner's own database (the queue), opened when needed */
	int waiting;            /* requests in the queue */
	bool offline;           /* the last try did not reach the server */
	uint32_t version;       /* store_data_version: a new one each call */
	int64_t retry_at;       /* ms: when to try again while offline */
};

static struct remote *R(struct store *s)
{
	return s->priv;
}

/* ---- requests ------------------------------------------------------------------- */

/* Send method path with body (stolen; NULL for none); r gets the reply.
 * false when there was none (s->err says why). */
static bool call(struct store *s, const char *method, const char *path, json_t *body,
                 const char *key, struct client_reply *r)
{
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	bool ok;
	json_decref(body);
	if (body && !text) {
		memset(r, 0, sizeof *r);
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		return false;
	}
	ok = client_call(R(s)->c, method, path, text, key, r);
	free(text);
	if (!ok) {
		snprintf(s->err, sizeof s->err, "%s", r->err);
		if (!R(s)->offline)
			R(s)->retry_at = clock_ms() + RETRY_OFFLINE_MS;
		R(s)->offline = true;
	} else if (!R(s)->waiting) {
		R(s)->offline = false;
	}
	return ok;
}

/* A reply that says no: s->err gets why, in the learner's language for
 * the problems a learner meets outside exams, else the server's sentence. */
static void refused(struct store *s, const struct client_reply *r)
{
	static const struct { const char *type; enum msg m; } known[] = {
		{ "/problems/teachers-only", MSG_CLASS_TEACHERS_ONLY },
		{ "/problems/not-yours", MSG_CLASS_NOT_YOURS },
		{ "/problems/unavailable", MSG_CLASS_GONE },
	};
	/* 403: because of who asks — another learner's attempt, or a teacher's step. */
	s->denied = r->status != 403 ? DENIED_NO :
	            strcmp(r->type, "/problems/not-yours") ? DENIED_TEACHER :
	            json_string_value(json_object_get(r->json, "started_with")) ? DENIED_OTHER_TOKEN :
	            DENIED_OTHER_UID;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (!strcmp(r->type, known[i].type)) {
			snprintf(s->err, sizeof s->err, "%s", tr(known[i].m));
			return;
		}
	if (r->status == 401) {
		snprintf(s->err, sizeof s->err, "%s",
		         tr(getenv("HTTPTUTOR_TOKEN") ? MSG_CLASS_TOKEN_BAD : MSG_CLASS_TOKEN_NEEDED));
		return;
	}
	snprintf(s->err, sizeof s->err, "%s", r->err[0] ? r->err : tr(MSG_CLASS_SAID_NO));
}

/* A GET whose reply is JSON: false with s->err when it failed. */
static bool get(struct store *s, const char *path, struct client_reply *r)
{
	if (!call(s, "GET", path, NULL, NULL, r)) {
		/* Away: what waits here is not lost, and goes when it is back. */
		int n = R(s)->waiting;
		size_t k = strlen(s->err);
		if (n > 0 && k < sizeof s->err)
			snprintf(s->err + k, sizeof s->err - k,
			         tr(n == 1 ? MSG_CLASS_AWAY_WAITING_ONE : MSG_CLASS_AWAY_WAITING), n);
		return false;
	}
	if (r->status != 200 || !r->json) {
		refused(s, r);
		client_reply_free(r);
		return false;
	}
	return true;
}

/* Whether a request that got r (or none) should wait in the queue: the
 * server was not there, was stopping, busy, or failed; a 4xx never will
 * be taken. */
static bool try_later(const struct client_reply *r)
{
	return r->status == 0 || r->status == 429 || r->status >= 500;
}

/* The server's class database was deleted or replaced: it takes nothing
 * more until the teacher restarts it. */
static bool server_gone(const struct client_reply *r)
{
	return r->status == 503 && !strcmp(r->type, "/problems/unavailable");
}

/* Why the server could not save what r answers (its database failed:
 * 500, or a 503 for a failed commit, or it was deleted), or NULL for any
 * other reply.  In the learner's language when the server named the
 * reason (reason_code), else in the server's words. */
static const char *not_saved(const struct client_reply *r)
{
	if (!(r->status == 500 && !strcmp(r->type, "/problems/database")) &&
	    !(r->status == 503 && !strcmp(r->type, "/problems/not-saved")) && !server_gone(r))
		return NULL;
	const char *named = db_why_named(json_string_value(json_object_get(r->json, "reason_code")));
	if (named)
		return named;
	if (server_gone(r))
		return tr(MSG_DB_WHY_GONE);
	const char *why = json_string_value(json_object_get(r->json, "reason"));
	return why && *why ? why : r->err[0] ? r->err : tr(MSG_CLASS_SAID_NO);
}

/* An exam call: wait for a server that is restarting (up to EXAM_WAIT_MS),
 * then give up with s->err. */
static bool call_exam(struct store *s, const char *method, const char *path, json_t *body,
                      const char *key, struct client_reply *r)
{
	int64_t until = clock_ms() + EXAM_WAIT_MS;
	long wait = 200;
	s->why = NULL;
	for (;;) {
		bool got = call(s, method, path, body ? json_incref(body) : NULL, key, r);
		if (got && !try_later(r))
			break;
		/* A deleted database stays deleted: waiting does not help. */
		if (clock_ms() >= until || (got && server_gone(r))) {
			char why[sizeof s->err];
			/* Reached, but it could not save: not a network problem,
			 * and the teacher must know (a full disk, a read-only file,
			 * a deleted database). */
			const char *reason = got ? not_saved(r) : NULL;
			if (got)
				refused(s, r);
			snprintf(why, sizeof why, "%.300s", reason ? reason : s->err);
			snprintf(s->err, sizeof s->err, tr(!reason ? MSG_CLASS_EXAM_LATER :
			         server_gone(r) ? MSG_CLASS_EXAM_GONE : MSG_CLASS_EXAM_NOT_SAVED), why);
			/* For a status line too narrow for s->err: the reason
			 * alone, when it is one of the i18n table's (it outlives r). */
			s->why = db_why_code(reason) ? reason : NULL;
			json_decref(body);
			return false;
		}
		if (got && r->retry_after > 0)
			wait = r->retry_after * 1000L > 2000 ? 2000 : r->retry_after * 1000L;
		client_reply_free(r);
		struct timespec ts = { wait / 1000, (wait % 1000) * 1000000L };
		nanosleep(&ts, NULL);
		wait = wait * 2 > 2000 ? 2000 : wait * 2;
	}
	json_decref(body);
	return true;
}

/* ---- the queue ---------------------------------------------------------------------- */

static bool own_db(struct store *s)
{
	struct remote *rm = R(s);
	char *path;
	if (rm->own)
		return true;
	if (!(path = db_default_path())) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_CLASS_NO_PLACE));
		return false;
	}
	rm->own = db_open(path, false, s->err, sizeof s->err);
	free(path);
	return rm->own != NULL;
}

static enum pending_result send_one(void *ctx, const char *method, const char *path,
                                    const char *key, const char *body, char *why, size_t n)
{
	struct store *s = ctx;
	struct client_reply r;
	bool got = client_call(R(s)->c, method, path, body, key, &r);
	enum pending_result res = !got || try_later(&r) ? PENDING_LATER :
	                          r.status < 300 ? PENDING_SENT : PENDING_REFUSED;
	if (res == PENDING_REFUSED)
		snprintf(why, n, "%s", r.err);
	client_reply_free(&r);
	return res;
}

static void refused_note(void *ctx, const char *why)
{
	struct store *s = ctx;
	char w[400];
	snprintf(w, sizeof w, "%s", why);
	snprintf(s->err, sizeof s->err, tr(MSG_CLASS_DROPPED), w);
	if (!isatty(STDERR_FILENO))
		fprintf(stderr, "httptutor: %s\n", s->err);
}

/* Send what waits (not more often than every RETRY_OFFLINE_MS while the
 * server is away).  True when nothing waits any more. */
static bool flush(struct store *s)
{
	struct remote *rm = R(s);
	int refused_n;
	if (!rm->waiting)
		return true;
	if (rm->offline && clock_ms() < rm->retry_at)
		return false;
	if (!own_db(s))
		return false;
	int sent = pending_flush(rm->own, rm->target, rm->queue_user, send_one, refused_note, s,
	                         &refused_n);
	rm->waiting = pending_count(rm->own, rm->target, rm->queue_user);
	if (rm->waiting < 0)
		rm->waiting = 0;
	rm->offline = sent < 0 || rm->waiting > 0;
	if (rm->offline)
		rm->retry_at = clock_ms() + RETRY_OFFLINE_MS;
	return rm->waiting == 0;
}

/* Whether to send now: the server is not known to be away (then not every
 * answer waits for a timeout) and nothing waits before this. */
static bool ready(struct store *s)
{
	if (R(s)->offline && clock_ms() < R(s)->retry_at)
		return false;
	return flush(s);
}

/* Keep a write for later; false (with s->err) when even that fails. */
static bool keep(struct store *s, const char *method, const char *path, json_t *body,
                 const char *key, const char *why)
{
	struct remote *rm = R(s);
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	char err[512];
	bool ok = own_db(s) && pending_add(rm->own, rm->target, rm->queue_user, method, path, key,
	                                  text ? text : "", err, sizeof err);
	free(text);
	if (!ok) {
		if (rm->own)
			snprintf(s->err, sizeof s->err, "%s", err);
		char tmp[250], w[200];
		snprintf(tmp, sizeof tmp, "%.249s", s->err);
		snprintf(w, sizeof w, "%.199s", why);
		snprintf(s->err, sizeof s->err, tr(MSG_CLASS_NOT_KEPT), w, tmp);
		return false;
	}
	rm->waiting++;
	if (!rm->offline)
		rm->retry_at = clock_ms() + RETRY_OFFLINE_MS;
	rm->offline = true;
	return true;
}

/* A write a practice session makes: sent when the server is there and
 * nothing waits before it, else kept for later.  r gets the reply when it
 * was sent (r->status 0 when kept).  false with s->err: refused, or lost. */
static bool write_or_keep(struct store *s, const char *method, const char *path, json_t *body,
                          struct client_reply *r)
{
	char key[33];
	client_key(key);
	memset(r, 0, sizeof *r);
	if (ready(s)) {
		bool got = call(s, method, path, body ? json_incref(body) : NULL, key, r);
		if (got && !try_later(r)) {
			json_decref(body);
			if (r->status >= 300) {
				refused(s, r);
				client_reply_free(r);
				return false;
			}
			R(s)->offline = false;
			return true;
		}
		if (got)
			snprintf(s->err, sizeof s->err, "%s", r->err);
		client_reply_free(r);
		memset(r, 0, sizeof *r);
	} else {
		snprintf(s->err, sizeof s->err, tr(MSG_CLASS_UNREACHABLE), client_label(R(s)->c));
	}
	char why[sizeof s->err];
	snprintf(why, sizeof why, "%s", s->err);
	bool ok = keep(s, method, path, body, key, why);
	json_decref(body);
	return ok;
}

/* ---- open and close ------------------------------------------------------------------ */

static void remote_close(struct store *s)
{
	if (!s)
		return;
	if (R(s)) {
		client_free(R(s)->c);
		db_close(R(s)->own);
		free(R(s));
	}
	free(s->user);
	free(s);
}

/* FNV-1a: tells tokens apart in the queue (not a secret, not a check). */
static unsigned long long fnv(const char *t)
{
	unsigned long long h = 1469598103934665603ULL;
	for (; *t; t++)
		h = (h ^ (unsigned char)*t) * 1099511628211ULL;
	return h;
}

struct store *store_remote_open(const char *target, bool readonly, char *err, size_t errsz)
{
	struct store *s = calloc(1, sizeof *s);
	struct remote *rm = calloc(1, sizeof *rm);
	struct passwd *pw = getpwuid(getuid());
	const char *login = pw && pw->pw_name ? pw->pw_name : "learner";
	const char *tok = getenv("HTTPTUTOR_TOKEN");
	struct client_reply r;
	(void)readonly;

	if (!s || !rm) {
		free(s);
		free(rm);
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		return NULL;
	}
	s->ops = &store_remote_ops;
	s->priv = rm;
	s->uid = -1;
	snprintf(rm->target, sizeof rm->target, "%s", target);
	if (tok && *tok)
		snprintf(rm->queue_user, sizeof rm->queue_user, "%s/%016llx", login, fnv(tok));
	else
		snprintf(rm->queue_user, sizeof rm->queue_user, "%s", login);
	if (!(rm->c = client_new(target, err, errsz)))
		goto fail;
	/* What waits from an earlier run goes first. */
	if (own_db(s)) {
		rm->waiting = pending_count(rm->own, rm->target, rm->queue_user);
		if (rm->waiting < 0)
			rm->waiting = 0;
	}
	if (call(s, "GET", "/v1/me", NULL, NULL, &r) && r.status == 200) {
		const char *user = json_string_value(json_object_get(r.json, "user"));
		json_t *uid = json_object_get(r.json, "uid");
		s->user = strdup(user ? user : login);
		s->uid = json_is_integer(uid) ? (int64_t)json_integer_value(uid) : -1;
		client_reply_free(&r);
		flush(s);
	} else if (r.status == 401 || r.status == 403) {
		/* Not a network problem: nothing would ever be accepted.  Said
		 * in the learner's language where it is the token. */
		refused(s, &r);
		snprintf(err, errsz, "%s", s->err);
		client_reply_free(&r);
		goto fail;
	} else {
		/* Not there now: practice goes on, and is sent when it is back. */
		s->user = strdup(login);
		rm->offline = true;
		rm->retry_at = clock_ms() + RETRY_OFFLINE_MS;
		client_reply_free(&r);
	}
	if (!s->user) {
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		goto fail;
	}
	s->err[0] = '\0';
	return s;
fail:
	remote_close(s);
	return NULL;
}

static bool remote_gone(struct store *s)
{
	(void)s;
	return false;
}

static const char *remote_where(struct store *s)
{
	return client_label(R(s)->c);
}

static int remote_waiting(struct store *s)
{
	return R(s)->waiting;
}

static bool remote_offline(struct store *s)
{
	return R(s)->offline;
}

/* The server's data can change at any time without this process seeing it:
 * a new number each call, so nothing read from it is kept between screens. */
static uint32_t remote_data_version(struct store *s)
{
	return ++R(s)->version;
}

/* ---- practice ---------------------------------------------------------------------------- */

static bool remote_session_begin(struct store *s, const char *kind, uint64_t seed,
                                 const char *content_version, int64_t *id)
{
	char num[24];
	struct client_reply r;
	*id = 0;
	snprintf(num, sizeof num, "%" PRIu64, seed);
	/* Not worth waiting for: without the server the quiz runs without one. */
	if (!ready(s))
		return true;
	json_t *b = json_pack("{s:s, s:s, s:s}", "kind", kind, "seed", num, "content_version",
	                      content_version ? content_version : "");
	if (!call(s, "POST", "/v1/sessions", b, NULL, &r) || try_later(&r)) {
		client_reply_free(&r);
		R(s)->offline = true;
		R(s)->retry_at = clock_ms() + RETRY_OFFLINE_MS;
		return true;
	}
	bool ok = r.status == 201;
	if (ok)
		*id = (int64_t)json_integer_value(json_object_get(r.json, "id"));
	else
		refused(s, &r);
	client_reply_free(&r);
	return ok;
}

static bool remote_session_end(struct store *s, int64_t id)
{
	char path[64];
	struct client_reply r;
	if (id <= 0)
		return true;
	snprintf(path, sizeof path, "/v1/sessions/%lld", (long long)id);
	bool ok = write_or_keep(s, "PATCH", path, json_pack("{s:b}", "ended", 1), &r);
	client_reply_free(&r);
	return ok;
}

static bool remote_record(struct store *s, const struct answer_rec *a)
{
	struct client_reply r;
	s->err[0] = '\0';
	/* The client's verdict is not sent: the server grades from its content. */
	json_t *b = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:s}", "item", a->item ? a->item : "",
	                      "qtype", a->qtype ? a->qtype : "", "given", a->given ? a->given : "",
	                      "shown", a->shown ? a->shown : "", "ms", (json_int_t)(a->ms > 0 ? a->ms : 0),
	                      "at", (json_int_t)(a->at > 0 ? a->at : (int64_t)time(NULL)),
	                      "content_version", a->content_version ? a->content_version : "");
	if (b && a->session > 0)
		json_object_set_new(b, "session", json_integer(a->session));
	bool ok = write_or_keep(s, "POST", "/v1/answers", b, &r);
	client_reply_free(&r);
	return ok;
}

static bool remote_chapter_opened(struct store *s, const char *chapter, int64_t at)
{
	struct client_reply r;
	bool ok = write_or_keep(s, "POST", "/v1/visits",
	                        json_pack("{s:s, s:I}", "chapter", chapter, "at", (json_int_t)at), &r);
	client_reply_free(&r);
	return ok;
}

/* ---- the learner's views ------------------------------------------------------------------ */

/* Reads see what waited, once it is sent. */
static bool read_json(struct store *s, const char *path, struct client_reply *r)
{
	flush(s);
	return get(s, path, r);
}

#define READ_LIST(fn, path, T, reader)                                              \
	static bool fn(struct store *s, T **out, size_t *n)                          \
	{                                                                            \
		struct client_reply r;                                               \
		*out = NULL;                                                         \
		*n = 0;                                                              \
		if (!read_json(s, path, &r))                                         \
			return false;                                                \
		bool ok = reader(r.json, out, n, s->err, sizeof s->err);             \
		client_reply_free(&r);                                               \
		return ok;                                                           \
	}
READ_LIST(remote_item_states, "/v1/me/states", struct leitner, wire_read_states)
READ_LIST(remote_mistakes, "/v1/me/mistakes", struct mistake, wire_read_mistakes)
READ_LIST(remote_confusion_items, "/v1/me/confusions", struct confusion_item, wire_read_confusions)
READ_LIST(remote_hidden_list, "/v1/me/hidden", struct exam_item_id, wire_read_hidden)

/* The server decides "now" by its own clock. */
static bool remote_exam_hidden(struct store *s, int64_t now, struct exam_item_id **out, size_t *n)
{
	(void)now;
	return remote_hidden_list(s, out, n);
}

/* A query argument: letters, digits and - _ . : as they are, the rest %XX. */
static void q_arg(char *out, size_t n, const char *v)
{
	size_t k = 0;
	for (; *v && k + 4 < n; v++) {
		unsigned char ch = (unsigned char)*v;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '_' || ch == '.' || ch == ':')
			out[k++] = (char)ch;
		else
			k += (size_t)snprintf(out + k, n - k, "%%%02X", ch);
	}
	out[k] = '\0';
}

static bool remote_item_history(struct store *s, const char *item, struct attempt **out,
                                size_t *n)
{
	char path[300], arg[240];
	struct client_reply r;
	*out = NULL;
	*n = 0;
	q_arg(arg, sizeof arg, item);
	snprintf(path, sizeof path, "/v1/me/history?item=%s", arg);
	if (!read_json(s, path, &r))
		return false;
	bool ok = wire_read_history(r.json, out, n, s->err, sizeof s->err);
	client_reply_free(&r);
	return ok;
}

static bool remote_progress(struct store *s, int64_t now, struct progress *p)
{
	char path[64];
	struct client_reply r;
	memset(p, 0, sizeof *p);
	snprintf(path, sizeof path, "/v1/me/progress?now=%lld", (long long)now);
	if (!read_json(s, path, &r))
		return false;
	bool ok = wire_read_progress(r.json, p, s->err, sizeof s->err);
	client_reply_free(&r);
	if (!ok)
		store_progress_free(p);
	return ok;
}

static bool remote_code_matrix(struct store *s, int64_t since, struct code_cell **out, size_t *n)
{
	char path[64];
	struct client_reply r;
	*out = NULL;
	*n = 0;
	snprintf(path, sizeof path, "/v1/me/matrix?since=%lld", (long long)since);
	if (!read_json(s, path, &r))
		return false;
	bool ok = wire_read_matrix(r.json, out, n, s->err, sizeof s->err);
	client_reply_free(&r);
	return ok;
}

static bool remote_export(struct store *s, store_row_fn fn, void *ctx)
{
	struct client_reply r;
	if (!read_json(s, "/v1/me/answers", &r))
		return false;
	json_t *rows = json_object_get(r.json, "rows");
	const char *cols[64];
	bool ok = json_is_array(rows);
	for (size_t i = 0; ok && i < json_array_size(rows); i++) {
		json_t *row = json_array_get(rows, i);
		size_t nc = json_array_size(row);
		if (!json_is_array(row) || nc != (size_t)store_export_ncolumns) {
			ok = false;
			break;
		}
		for (size_t k = 0; k < nc; k++)
			cols[k] = json_string_value(json_array_get(row, k));
		fn(ctx, (int)nc, cols);
	}
	if (!ok)
		snprintf(s->err, sizeof s->err, tr(MSG_CLASS_BAD_REPLY), "answers");
	client_reply_free(&r);
	return ok;
}

static bool remote_report(struct store *s, const char *exam_id, store_group_fn fn, void *ctx)
{
	char path[200], arg[120];
	struct client_reply r;
	if (exam_id) {
		q_arg(arg, sizeof arg, exam_id);
		snprintf(path, sizeof path, "/v1/report?exam=%s", arg);
	} else {
		snprintf(path, sizeof path, "/v1/report");
	}
	if (!read_json(s, path, &r))
		return false;
	json_t *groups = json_object_get(r.json, "groups");
	for (size_t i = 0; i < json_array_size(groups); i++) {
		json_t *g = json_array_get(groups, i);
		struct report_group rg = {
			json_string_value(json_object_get(g, "user")),
			json_string_value(json_object_get(g, "item")),
			json_string_value(json_object_get(g, "given")),
			json_string_value(json_object_get(g, "expected")),
			json_is_true(json_object_get(g, "correct")),
			(int)json_integer_value(json_object_get(g, "count")),
			(int64_t)json_integer_value(json_object_get(g, "ms")),
		};
		/* A whole-class report sends per-learner rows (no item) and
		 * per-question rows (no user): see store_report. */
		if ((rg.user || rg.item) && rg.given && rg.expected)
			fn(ctx, &rg);
	}
	client_reply_free(&r);
	return true;
}

/* ---- exams ---------------------------------------------------------------------------- */

/* Whether name can be an exam's: what exam new takes, or a practice
 * paper's "seed-S-nN".  Anything else (a space, a control character) is
 * no exam, said as for an unknown one, and never put into a URL. */
static bool exam_name_fits(struct store *s, const char *name)
{
	unsigned long long seed;
	int count, len = 0;
	if (name && (store_exam_name_ok(name) ||
	             (sscanf(name, "seed-%llu-n%d%n", &seed, &count, &len) == 2 &&
	              (size_t)len == strlen(name) && strlen(name) < EXAM_NAME_MAX + 24 &&
	              strspn(name + 5, "0123456789-n") == strlen(name) - 5)))
		return true;
	char *clean = text_clean(name ? name : "", name ? strlen(name) : 0, false);
	snprintf(s->err, sizeof s->err, tr(MSG_EXAM_NO_SUCH), clean ? clean : "?",
	         client_label(R(s)->c));
	free(clean);
	return false;
}

/* The rc a failed exam reply stands for; s->err gets its sentence. */
static enum exam_rc exam_fail(struct store *s, const struct client_reply *r)
{
	refused(s, r);
	return wire_rc_from((int)r->status, r->type);
}

static enum exam_rc remote_exam_create(struct store *s, const struct exam_info *e,
                                       uint64_t seed, const struct exam_item *q, size_t n,
                                       int64_t now)
{
	char num[24];
	struct client_reply r;
	(void)now;
	s->err[0] = '\0';
	snprintf(num, sizeof num, "%" PRIu64, seed);
	json_t *b = json_pack("{s:o, s:s, s:o}", "exam", wire_exam_info(e), "seed", num,
	                      "questions", wire_items(q, n));
	if (!call_exam(s, "POST", "/v1/exams", b, NULL, &r))
		return EXAM_ERR;
	enum exam_rc rc = r.status == 201 ? EXAM_OK : exam_fail(s, &r);
	client_reply_free(&r);
	return rc;
}

static enum exam_rc remote_exam_practice(struct store *s, const struct exam_info *e,
                                         uint64_t seed, const struct exam_item *q, size_t n,
                                         int64_t now)
{
	char num[24];
	struct client_reply r;
	(void)q;
	(void)n;
	(void)now;
	s->err[0] = '\0';
	/* The server builds the paper from its own content. */
	snprintf(num, sizeof num, "%" PRIu64, seed);
	json_t *b = json_pack("{s:s, s:i, s:i, s:s}", "seed", num, "count", e->count,
	                      "minutes", e->minutes, "filters", e->filters);
	if (!call_exam(s, "POST", "/v1/practice", b, NULL, &r))
		return EXAM_ERR;
	enum exam_rc rc = r.status < 300 ? EXAM_OK : exam_fail(s, &r);
	client_reply_free(&r);
	return rc;
}

static enum exam_rc remote_exam_paper(struct store *s, const char *name, struct exam_paper *p)
{
	char path[160];
	struct client_reply r;
	memset(p, 0, sizeof *p);
	s->err[0] = '\0';
	if (!exam_name_fits(s, name))
		return EXAM_NOT_FOUND;
	snprintf(path, sizeof path, "/v1/exams/%s", name);
	if (!call_exam(s, "GET", path, NULL, NULL, &r))
		return EXAM_ERR;
	enum exam_rc rc = EXAM_OK;
	if (r.status != 200)
		rc = exam_fail(s, &r);
	else if (!wire_read_paper(r.json, p, s->err, sizeof s->err))
		rc = EXAM_ERR;
	client_reply_free(&r);
	return rc;
}

static bool remote_exam_list(struct store *s, int64_t now, struct exam_info **out, size_t *n)
{
	struct client_reply r;
	(void)now;
	*out = NULL;
	*n = 0;
	if (!get(s, "/v1/exams", &r))
		return false;
	bool ok = wire_read_exam_list(r.json, out, n, s->err, sizeof s->err);
	client_reply_free(&r);
	return ok;
}

static enum exam_rc remote_exam_close(struct store *s, const char *name, int64_t when, int64_t now)
{
	char path[160];
	struct client_reply r;
	(void)now;
	s->err[0] = '\0';
	if (!exam_name_fits(s, name))
		return EXAM_NOT_FOUND;
	snprintf(path, sizeof path, "/v1/exams/%s/close", name);
	if (!call_exam(s, "POST", path, json_pack("{s:I}", "at", (json_int_t)when), NULL, &r))
		return EXAM_ERR;
	enum exam_rc rc = r.status == 200 ? EXAM_OK : exam_fail(s, &r);
	client_reply_free(&r);
	return rc;
}

/* An attempt from a reply, as {"attempt": …} or inside a problem. */
static enum exam_rc attempt_from(struct store *s, struct client_reply *r, bool ok_status,
                                 struct exam_attempt *a)
{
	json_t *j = json_object_get(r->json, "attempt");
	enum exam_rc rc = ok_status ? EXAM_OK : exam_fail(s, r);
	char why[sizeof s->err];
	snprintf(why, sizeof why, "%s", s->err);
	memset(a, 0, sizeof *a);
	if (j && !wire_read_attempt(j, a, s->err, sizeof s->err))
		return EXAM_ERR;
	snprintf(s->err, sizeof s->err, "%s", why);
	if (ok_status && !j) {
		snprintf(s->err, sizeof s->err, tr(MSG_CLASS_BAD_REPLY), "attempt");
		return EXAM_ERR;
	}
	return rc;
}

static enum exam_rc remote_attempt_call(struct store *s, const char *method, const char *path,
                                        struct exam_attempt *a)
{
	struct client_reply r;
	memset(a, 0, sizeof *a);
	s->err[0] = '\0';
	if (!call_exam(s, method, path, NULL, NULL, &r))
		return EXAM_ERR;
	enum exam_rc rc = attempt_from(s, &r, r.status < 300, a);
	client_reply_free(&r);
	return rc;
}

static enum exam_rc remote_exam_attempt(struct store *s, const char *name, int64_t now,
                                        struct exam_attempt *a)
{
	char path[160];
	(void)now;
	memset(a, 0, sizeof *a);
	if (!exam_name_fits(s, name))
		return EXAM_NOT_FOUND;
	snprintf(path, sizeof path, "/v1/exams/%s/attempt", name);
	return remote_attempt_call(s, "GET", path, a);
}

static enum exam_rc remote_exam_start(struct store *s, const char *name, int64_t now,
                                      struct exam_attempt *a)
{
	char path[160];
	(void)now;
	memset(a, 0, sizeof *a);
	if (!exam_name_fits(s, name))
		return EXAM_NOT_FOUND;
	snprintf(path, sizeof path, "/v1/exams/%s/attempts", name);
	return remote_attempt_call(s, "POST", path, a);
}

static enum exam_rc remote_exam_reload(struct store *s, int64_t attempt, int64_t now,
                                       struct exam_attempt *a)
{
	char path[64];
	(void)now;
	snprintf(path, sizeof path, "/v1/attempts/%lld", (long long)attempt);
	return remote_attempt_call(s, "GET", path, a);
}

/* The server's attempt (GET, one request), of which only the answers are kept. */
static enum exam_rc remote_exam_given(struct store *s, int64_t attempt, const struct exam_paper *p,
                                      char **given, size_t n)
{
	struct exam_attempt a;
	(void)p;
	enum exam_rc rc = remote_exam_reload(s, attempt, 0, &a);
	if (rc == EXAM_OK)
		for (size_t i = 0; i < n && i < a.n && a.given; i++) {
			given[i] = a.given[i];
			a.given[i] = NULL;
		}
	store_exam_attempt_free(&a);
	return rc;
}

static enum exam_rc remote_exam_answer(struct store *s, int64_t attempt, int pos,
                                       const char *given, const char *shown, int64_t ms,
                                       int64_t now, const char *content_version)
{
	char path[64], key[33];
	struct client_reply r;
	(void)now;
	s->err[0] = '\0';
	client_key(key);
	snprintf(path, sizeof path, "/v1/attempts/%lld/answers", (long long)attempt);
	json_t *b = json_pack("{s:i, s:s, s:s, s:I, s:s}", "pos", pos, "given", given ? given : "",
	                      "shown", shown ? shown : "", "ms", (json_int_t)(ms > 0 ? ms : 0),
	                      "content_version", content_version ? content_version : "");
	/* Sent again after a lost reply, the key makes it one answer. */
	if (!call_exam(s, "POST", path, b, key, &r))
		return EXAM_ERR;
	enum exam_rc rc = r.status == 201 ? EXAM_OK : exam_fail(s, &r);
	client_reply_free(&r);
	return rc;
}

static enum exam_rc remote_exam_finish(struct store *s, int64_t attempt, int64_t now)
{
	char path[64];
	struct client_reply r;
	(void)now;
	s->err[0] = '\0';
	snprintf(path, sizeof path, "/v1/attempts/%lld/finish", (long long)attempt);
	if (!call_exam(s, "POST", path, NULL, NULL, &r))
		return EXAM_ERR;
	enum exam_rc rc = r.status == 200 ? EXAM_OK : exam_fail(s, &r);
	client_reply_free(&r);
	return rc;
}

static bool remote_exam_sweep(struct store *s, int64_t now)
{
	/* The server ends attempts by its own clock. */
	(void)s;
	(void)now;
	return true;
}

static enum exam_rc remote_exam_results(struct store *s, const char *name, int64_t now,
                                        struct exam_results *out)
{
	char path[160];
	struct client_reply r;
	(void)now;
	memset(out, 0, sizeof *out);
	s->err[0] = '\0';
	if (!exam_name_fits(s, name))
		return EXAM_NOT_FOUND;
	snprintf(path, sizeof path, "/v1/exams/%s/results", name);
	if (!call(s, "GET", path, NULL, NULL, &r))
		return EXAM_ERR;
	enum exam_rc rc = EXAM_OK;
	if (r.status != 200)
		rc = exam_fail(s, &r);
	else if (!wire_read_results(r.json, out, s->err, sizeof s->err))
		rc = EXAM_ERR;
	client_reply_free(&r);
	return rc;
}

const struct store_ops store_remote_ops = {
	.close = remote_close,
	.gone = remote_gone,
	.where = remote_where,
	.waiting = remote_waiting,
	.offline = remote_offline,
	.data_version = remote_data_version,
	.session_begin = remote_session_begin,
	.session_end = remote_session_end,
	.record = remote_record,
	.chapter_opened = remote_chapter_opened,
	.item_states = remote_item_states,
	.mistakes = remote_mistakes,
	.item_history = remote_item_history,
	.progress = remote_progress,
	.export_rows = remote_export,
	.report = remote_report,
	.confusion_items = remote_confusion_items,
	.code_matrix = remote_code_matrix,
	.exam_create = remote_exam_create,
	.exam_practice = remote_exam_practice,
	.exam_paper = remote_exam_paper,
	.exam_list = remote_exam_list,
	.exam_close = remote_exam_close,
	.exam_attempt = remote_exam_attempt,
	.exam_start = remote_exam_start,
	.exam_answer = remote_exam_answer,
	.exam_finish = remote_exam_finish,
	.exam_reload = remote_exam_reload,
	.exam_given = remote_exam_given,
	.exam_sweep = remote_exam_sweep,
	.exam_results = remote_exam_results,
	.exam_hidden = remote_exam_hidden,
};
