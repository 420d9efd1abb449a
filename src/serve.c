/* serve.c — the class server's threads: libmicrohttpd receives requests
 * (one polling thread per socket, epoll, so idle and slow connections cost
 * nothing), each complete request becomes a job and its connection is
 * suspended; one database thread takes every waiting job, runs the writes
 * inside one transaction (db_batch_*) and the reads after it, then resumes
 * the connections with their replies.  A reply that says "saved" is only
 * sent after the commit. */
#define _GNU_SOURCE             /* struct ucred, SO_PEERCRED */
#include "serve.h"
#include "api.h"
#include "i18n.h"
#include "clock.h"
#include "netlib.h"
#include "report.h"
#include "serve_setup.h"

#include <errno.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BODY_MAX (4 << 20)      /* an exam paper with texts in two languages fits */
#define BATCH_MAX 512           /* jobs taken at once */
#define RATE_BURST 120.0        /* requests one learner may send at once … */
#define RATE_PER_S 60.0         /* … and per second after that */
#define GRACE_MS 1500           /* after a stop signal: 503 to new requests this long */
#define SWEEP_S 30              /* end timed-out attempts and close exams this often */
#define CHECKPOINT_MS 500       /* copy the WAL into the database this often */
#define FAIL_LOG_MS 10000       /* the same ERROR again at most this often */

/* ---- one request -------------------------------------------------------------- */

struct job {
	struct MHD_Connection *conn;
	struct api_request rq;
	struct api_reply rp;
	bool done;
	struct job *next;
};

struct req {
	char *method, *path;
	char *q_item, *q_exam, *q_now, *q_since;
	char *ctype, *key, *auth;
	char *body;
	size_t len, cap;
	bool too_big;
	enum api_via via;
	uid_t uid;
	char login[72];
	bool have_login;
	struct job job;
	bool queued;
	int64_t t0;             /* ms, for the log */
};

struct server;
struct daemon_ctx {
	struct server *srv;
	enum api_via via;
};

/* A login name looked up for a uid, kept a minute: reading the password
 * database for every request was most of a request's system calls. */
struct login {
	uid_t uid;
	bool have;
	char name[72];
	int64_t at_ms;
};

/* Per-learner request budget (token bucket), keyed by uid or token. */
struct bucket {
	char key[48];
	double tokens;
	int64_t at_ms;
};

struct server {
	struct db *db;
	struct api *api;
	pthread_t worker;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct job *head, *tail;
	size_t queued;
	bool quit;
	pthread_t checkpointer;
	pthread_cond_t ckpt_cv;         /* the checkpointer's own: enqueue wakes only the worker */
	bool checkpoint_up;
	atomic_bool stopping;
	bool gone_logged;
	pthread_mutex_t rate_mu;
	struct bucket *buckets;
	size_t n_buckets;
	struct login *logins;           /* under rate_mu */
	size_t n_logins;
	struct daemon_ctx unix_ctx, tcp_ctx;
	pthread_mutex_t log_mu;
	char last_fail[512];            /* the database thread's: the last ERROR it logged */
	int64_t last_fail_ms;           /* and when */
};

static void slog(struct server *s, const char *fmt, ...)
{
	char line[1024];
	time_t now = time(NULL);
	struct tm tm;
	va_list ap;
	size_t n;
	gmtime_r(&now, &tm);
	n = strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ ", &tm);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof line - n - 1, fmt, ap);
	va_end(ap);
	n = strlen(line);
	line[n++] = '\n';
	/* One write a line: stderr is unbuffered, and lines must not mix. */
	pthread_mutex_lock(&s->log_mu);
	fwrite(line, 1, n, stderr);
	pthread_mutex_unlock(&s->log_mu);
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct server *s = cls;
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	slog(s, "libmicrohttpd: %s", msg);
}

/* Whether the learner behind key may send one more request now; when not,
 * *wait gets the seconds until they may. */
static bool rate_ok(struct server *s, const char *key, int *wait)
{
	int64_t now = clock_ms();
	struct bucket *b = NULL;
	bool ok;

	pthread_mutex_lock(&s->rate_mu);
	for (size_t i = 0; i < s->n_buckets && !b; i++)
		if (!strcmp(s->buckets[i].key, key))
			b = &s->buckets[i];
	if (!b) {
		/* Full buckets forget their owner: the table stays small. */
		for (size_t i = 0; i < s->n_buckets && !b; i++) {
			double t = s->buckets[i].tokens +
			           (double)(now - s->buckets[i].at_ms) * RATE_PER_S / 1000.0;
			if (t >= RATE_BURST)
				b = &s->buckets[i];
		}
		if (!b) {
			struct bucket *nv = realloc(s->buckets, (s->n_buckets + 1) * sizeof *nv);
			if (!nv) {
				pthread_mutex_unlock(&s->rate_mu);
				return true;
			}
			s->buckets = nv;
			b = &s->buckets[s->n_buckets++];
		}
		snprintf(b->key, sizeof b->key, "%s", key);
		b->tokens = RATE_BURST;
		b->at_ms = now;
	}
	b->tokens += (double)(now - b->at_ms) * RATE_PER_S / 1000.0;
	if (b->tokens > RATE_BURST)
		b->tokens = RATE_BURST;
	b->at_ms = now;
	ok = b->tokens >= 1.0;
	if (ok)
		b->tokens -= 1.0;
	else
		*wait = (int)((1.0 - b->tokens) / RATE_PER_S) + 1;
	pthread_mutex_unlock(&s->rate_mu);
	return ok;
}

/* The login of uid into name (false when it has none). */
static bool login_of(struct server *s, uid_t uid, char *name, size_t n)
{
	int64_t now = clock_ms();
	struct login *l = NULL;
	bool have;

	pthread_mutex_lock(&s->rate_mu);
	for (size_t i = 0; i < s->n_logins && !l; i++)
		if (s->logins[i].uid == uid && now - s->logins[i].at_ms < 60000)
			l = &s->logins[i];
	if (!l) {
		struct passwd pw, *res = NULL;
		char buf[2048];
		struct login fresh = { .uid = uid, .at_ms = now };
		if (getpwuid_r(uid, &pw, buf, sizeof buf, &res) == 0 && res && res->pw_name) {
			snprintf(fresh.name, sizeof fresh.name, "%s", res->pw_name);
			fresh.have = true;
		}
		for (size_t i = 0; i < s->n_logins && !l; i++)
			if (s->logins[i].uid == uid)
				l = &s->logins[i];
		if (!l) {
			struct login *nv = realloc(s->logins, (s->n_logins + 1) * sizeof *nv);
			if (nv) {
				s->logins = nv;
				l = &s->logins[s->n_logins++];
			}
		}
		if (l)
			*l = fresh;
		else
			l = &fresh;     /* out of memory: this once without the cache */
		have = l->have;
		snprintf(name, n, "%s", l->name);
		pthread_mutex_unlock(&s->rate_mu);
		return have;
	}
	have = l->have;
	snprintf(name, n, "%s", l->name);
	pthread_mutex_unlock(&s->rate_mu);
	return have;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void req_free(struct req *r)
{
	free(r->method);
	free(r->path);
	free(r->q_item);
	free(r->q_exam);
	free(r->q_now);
	free(r->q_since);
	free(r->ctype);
	free(r->key);
	free(r->auth);
	free(r->body);
	api_reply_free(&r->job.rp);
	free(r);
}

static const char *hdr(struct MHD_Connection *c, enum MHD_ValueKind k, const char *name)
{
	return netlib.MHD_lookup_connection_value(c, k, name);
}

/* A new request: what the API needs, copied; the peer's uid from the kernel. */
static struct req *req_new(struct daemon_ctx *d, struct MHD_Connection *c, const char *url,
                           const char *method)
{
	struct req *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->t0 = clock_ms();
	r->via = d->via;
	r->method = strdup(method);
	r->path = strdup(url);
	r->q_item = dup_or_null(hdr(c, MHD_GET_ARGUMENT_KIND, "item"));
	r->q_exam = dup_or_null(hdr(c, MHD_GET_ARGUMENT_KIND, "exam"));
	r->q_now = dup_or_null(hdr(c, MHD_GET_ARGUMENT_KIND, "now"));
	r->q_since = dup_or_null(hdr(c, MHD_GET_ARGUMENT_KIND, "since"));
	r->ctype = dup_or_null(hdr(c, MHD_HEADER_KIND, "Content-Type"));
	r->key = dup_or_null(hdr(c, MHD_HEADER_KIND, "Idempotency-Key"));
	r->auth = dup_or_null(hdr(c, MHD_HEADER_KIND, "Authorization"));
	if (d->via == API_UNIX) {
		const union MHD_ConnectionInfo *ci =
			netlib.MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		struct ucred cr;
		socklen_t len = sizeof cr;
		r->uid = (uid_t)-1;
		if (ci && getsockopt(ci->connect_fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) == 0) {
			r->uid = cr.uid;
			r->have_login = login_of(d->srv, cr.uid, r->login, sizeof r->login);
		}
	}
	if (!r->method || !r->path) {
		req_free(r);
		return NULL;
	}
	return r;
}

static enum MHD_Result send_reply(struct server *s, struct MHD_Connection *c, struct req *r,
                                  struct api_reply *rp)
{
	const char *body = rp->body ? rp->body : "";
	struct MHD_Response *res = netlib.MHD_create_response_from_buffer(
		strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
	char num[16];
	if (!res)
		return MHD_NO;
	if (rp->body)
		netlib.MHD_add_response_header(res, "Content-Type", rp->problem ?
		                               "application/problem+json" : "application/json");
	/* Answers and reports are personal: no cache keeps them. */
	netlib.MHD_add_response_header(res, "Cache-Control", "no-store");
	if (rp->location[0])
		netlib.MHD_add_response_header(res, "Location", rp->location);
	if (rp->retry_after) {
		snprintf(num, sizeof num, "%d", rp->retry_after);
		netlib.MHD_add_response_header(res, "Retry-After", num);
	}
	if (rp->www_auth[0])
		netlib.MHD_add_response_header(res, "WWW-Authenticate", rp->www_auth);
	if (rp->allow[0])
		netlib.MHD_add_response_header(res, "Allow", rp->allow);
	if (rp->accept[0]) {
		char name[32];
		size_t k = strcspn(rp->accept, ":");
		snprintf(name, sizeof name, "%.*s", (int)k, rp->accept);
		netlib.MHD_add_response_header(res, name, rp->accept + k + 2);
	}
	if (rp->replayed)
		netlib.MHD_add_response_header(res, "Idempotent-Replayed", "true");
	if (atomic_load(&s->stopping))
		netlib.MHD_add_response_header(res, "Connection", "close");
	enum MHD_Result ret = netlib.MHD_queue_response(c, (unsigned)rp->status, res);
	netlib.MHD_destroy_response(res);
	slog(s, "%s %s %s %d %lldms%s", rp->user[0] ? rp->user : "-", r->method, r->path,
	     rp->status, (long long)(clock_ms() - r->t0), rp->replayed ? " (replayed)" : "");
	return ret;
}

/* A reply made here, without the database thread. */
static enum MHD_Result reply_now(struct server *s, struct MHD_Connection *c, struct req *r,
                                 enum api_refusal why, int retry)
{
	struct api_reply rp = { 0 };
	api_refuse(&rp, why, retry);
	if (r->have_login)
		snprintf(rp.user, sizeof rp.user, "%s", r->login);
	enum MHD_Result ret = send_reply(s, c, r, &rp);
	api_reply_free(&rp);
	return ret;
}

static void enqueue(struct server *s, struct job *j)
{
	pthread_mutex_lock(&s->mu);
	if (s->tail)
		s->tail->next = j;
	else
		s->head = j;
	s->tail = j;
	s->queued++;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls)
{
	struct daemon_ctx *d = cls;
	struct server *s = d->srv;
	struct req *r = *con_cls;
	(void)version;

	if (!r) {
		if (!(*con_cls = r = req_new(d, c, url, method)))
			return MHD_NO;
		return MHD_YES;
	}
	if (*upload_size) {
		if (!r->too_big && r->len + *upload_size > BODY_MAX)
			r->too_big = true;
		if (!r->too_big) {
			if (r->len + *upload_size + 1 > r->cap) {
				size_t ncap = (r->len + *upload_size + 1) * 2;
				char *nb = realloc(r->body, ncap);
				if (!nb)
					return MHD_NO;
				r->body = nb;
				r->cap = ncap;
			}
			memcpy(r->body + r->len, upload, *upload_size);
			r->len += *upload_size;
			r->body[r->len] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (r->queued)          /* resumed: the database thread has answered */
		return send_reply(s, c, r, &r->job.rp);
	if (r->too_big)
		return reply_now(s, c, r, API_TOO_LARGE, 0);
	if (atomic_load(&s->stopping))
		return reply_now(s, c, r, API_STOPPING, 5);
	char key[48];
	int wait = 1;
	if (r->via == API_UNIX)
		snprintf(key, sizeof key, "uid:%u", (unsigned)r->uid);
	else
		snprintf(key, sizeof key, "tok:%.40s", r->auth ? r->auth : "-");
	if (!rate_ok(s, key, &wait))
		return reply_now(s, c, r, API_TOO_MANY, wait);
	r->job.conn = c;
	r->job.rq = (struct api_request){
		.method = r->method, .path = r->path, .q_item = r->q_item, .q_exam = r->q_exam,
		.q_now = r->q_now, .q_since = r->q_since, .body = r->body, .body_len = r->len,
		.content_type = r->ctype, .idem_key = r->key, .authorization = r->auth,
		.via = r->via, .uid = r->uid, .login = r->have_login ? r->login : NULL,
	};
	r->queued = true;
	/* Suspend first: the database thread may resume it at once. */
	netlib.MHD_suspend_connection(c);
	enqueue(s, &r->job);
	return MHD_YES;
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls,
                    enum MHD_RequestTerminationCode why)
{
	(void)cls;
	(void)c;
	(void)why;
	if (*con_cls)
		req_free(*con_cls);
	*con_cls = NULL;
}

/* ---- the database thread -------------------------------------------------------- */

/* A write the database refused: an ERROR the teacher sees in the log
 * (the same one again at most every FAIL_LOG_MS, not at every request). */
static void log_fail(struct server *s, const char *why)
{
	int64_t now = clock_ms();
	if (!strcmp(why, s->last_fail) && now - s->last_fail_ms < FAIL_LOG_MS)
		return;
	snprintf(s->last_fail, sizeof s->last_fail, "%s", why);
	s->last_fail_ms = now;
	slog(s, tr(MSG_SERVE_WRITE_FAILED), why);
}

/* The writes of a batch that was not kept must not say they were. */
static void unsave(struct server *s, struct job **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i]->rp.status < 300 || v[i]->rp.replayed)
			api_unavailable(s->api, &v[i]->rp);
}

static void run_batch(struct server *s, struct job **v, size_t n)
{
	struct job *writes[BATCH_MAX];
	size_t nw = 0, first = 0;

	for (size_t i = 0; i < n; i++)
		if (api_writes(v[i]->rq.method, v[i]->rq.path))
			writes[nw++] = v[i];
	if (nw) {
		bool open = db_batch_begin(s->db);
		if (!open && !api_gone(s->api) && !s->db->gone)
			log_fail(s, s->db->err);
		for (size_t i = 0; i < nw; i++) {
			if (!open) {
				/* Not even a transaction: say so; the client sends it again. */
				api_unavailable(s->api, &writes[i]->rp);
				continue;
			}
			api_handle(s->api, &writes[i]->rq, &writes[i]->rp);
			if (writes[i]->rp.status == 500)
				log_fail(s, writes[i]->rp.body ? writes[i]->rp.body : "?");
			if (db_batch_lost(s->db)) {
				/* SQLite ended the transaction: all of it so far is gone. */
				unsave(s, writes + first, i + 1 - first);
				db_batch_rollback(s->db);
				api_forget(s->api);
				first = i + 1;
				open = db_batch_begin(s->db);
			}
		}
		if (open && !db_batch_commit(s->db)) {
			if (!s->db->gone)
				log_fail(s, s->db->err);
			unsave(s, writes + first, nw - first);
			api_forget(s->api);
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!api_writes(v[i]->rq.method, v[i]->rq.path))
			api_handle(s->api, &v[i]->rq, &v[i]->rp);
	if (api_gone(s->api) && !s->gone_logged) {
		s->gone_logged = true;
		slog(s, tr(MSG_SERVE_GONE), s->db->path);
	}
	for (size_t i = 0; i < n; i++) {
		v[i]->done = true;
		netlib.MHD_resume_connection(v[i]->conn);
	}
}

static void *worker(void *arg)
{
	struct server *s = arg;
	struct job *v[BATCH_MAX];
	int64_t swept = 0;

	for (;;) {
		size_t n = 0;
		pthread_mutex_lock(&s->mu);
		while (!s->head && !s->quit) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += SWEEP_S;
			if (pthread_cond_timedwait(&s->cv, &s->mu, &until) == ETIMEDOUT)
				break;
		}
		while (s->head && n < BATCH_MAX) {
			v[n++] = s->head;
			s->head = s->head->next;
			s->queued--;
		}
		if (!s->head)
			s->tail = NULL;
		bool quit = s->quit && n == 0;
		pthread_mutex_unlock(&s->mu);
		if (quit)
			break;
		if (n)
			run_batch(s, v, n);
		if (clock_ms() - swept >= SWEEP_S * 1000) {
			api_sweep(s->api);
			swept = clock_ms();
		}
		if (n) {
			/* Wake whoever waits for the queue to drain. */
			pthread_mutex_lock(&s->mu);
			pthread_cond_broadcast(&s->cv);
			pthread_mutex_unlock(&s->mu);
		}
	}
	return NULL;
}

/* The WAL is copied into the database by a thread of its own, with its own
 * connection: done by a commit (SQLite's default), a checkpoint's two
 * extra fsyncs held up every request of that batch. */
static void *checkpointer(void *arg)
{
	struct server *s = arg;
	sqlite3 *h = NULL;

	if (sqlite3_open_v2(s->db->path, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		slog(s, tr(MSG_SERVE_NO_CHECKPOINTS), sqlite3_errmsg(h));
		sqlite3_close(h);
		sqlite3_wal_autocheckpoint(s->db->h, 1000);
		return NULL;
	}
	sqlite3_busy_timeout(h, 1000);
	pthread_mutex_lock(&s->mu);
	while (!s->quit) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += CHECKPOINT_MS * 1000000L;
		until.tv_sec += until.tv_nsec / 1000000000L;
		until.tv_nsec %= 1000000000L;
		pthread_cond_timedwait(&s->ckpt_cv, &s->mu, &until);
		if (s->quit)
			break;
		pthread_mutex_unlock(&s->mu);
		/* PASSIVE: never waits for the writer, nor makes it wait. */
		sqlite3_wal_checkpoint_v2(h, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&s->mu);
	}
	pthread_mutex_unlock(&s->mu);
	sqlite3_close(h);
	return NULL;
}

/* ---- start and stop ----------------------------------------------------------------- */

static struct MHD_Daemon *start_daemon(struct server *s, struct daemon_ctx *d, int fd,
                                       const char *cert, const char *key, unsigned limit)
{
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
	if (cert)
		flags |= MHD_USE_TLS;
	d->srv = s;
	return netlib.MHD_start_daemon(flags, 0, NULL, NULL, on_request, d,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, (void *)s,
		MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_CONNECTION_LIMIT, limit,
		/* Idle or half-sent for this long, a connection is closed. */
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
		MHD_OPTION_NOTIFY_COMPLETED, on_done, (void *)NULL,
		/* Without a certificate the list ends here. */
		cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert,
		MHD_OPTION_HTTPS_MEM_KEY, key,
		MHD_OPTION_END);
}

/* Open as many descriptors as the system allows: 1,000 idle connections
 * must not starve the rest. */
static unsigned raise_fd_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 900;
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
	getrlimit(RLIMIT_NOFILE, &rl);
	rlim_t n = rl.rlim_cur > 64 ? (rl.rlim_cur - 64) / 2 : 16;
	return n > 20000 ? 20000 : (unsigned)n;
}

static bool teachers_of(const struct serve_opts *o, uid_t *uids, char *err, size_t errsz)
{
	for (size_t i = 0; i < o->n_teachers; i++) {
		struct passwd *pw = getpwnam(o->teachers[i]);
		if (!pw) {
			char opt[120];
			snprintf(opt, sizeof opt, "--teacher %.100s", o->teachers[i]);
			snprintf(err, errsz, tr(MSG_SERVE_NO_LOGIN), opt);
			return false;
		}
		uids[i] = pw->pw_uid;
	}
	return true;
}

int serve_run(const struct serve_opts *o, const struct model *m)
{
	struct server s = { 0 };
	struct MHD_Daemon *ud = NULL, *td = NULL;
	char err[512], *cert = NULL, *key = NULL;
	uid_t tuids[64];
	int ufd = -1, tfd = -1, rc = 1, sig;
	bool loopback = true, worker_up = false;
	sigset_t sigs;

	if (o->n_teachers > 64) {
		report_error(MSG_ERR_TEACHERS, "");
		return 2;
	}
	if (!netlib_mhd(err, sizeof err) || !netlib_sodium(err, sizeof err) ||
	    !teachers_of(o, tuids, err, sizeof err))
		goto fail;
	struct passwd *shared = o->shared_login ? getpwnam(o->shared_login) : NULL;
	if (o->shared_login && !shared) {
		char opt[120];
		snprintf(opt, sizeof opt, "--shared-login %.100s", o->shared_login);
		snprintf(err, sizeof err, tr(MSG_SERVE_NO_LOGIN), opt);
		goto fail;
	}
	if (o->tls_cert && (!(cert = serve_read_file(o->tls_cert, err, sizeof err)) ||
	                    !(key = serve_read_file(o->tls_key, err, sizeof err))))
		goto fail;
	/* Signals are taken by sigwait below, never by the threads. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	bool made = false;
	if (!(s.db = serve_open_db(o->dir, &made, err, sizeof err)))
		goto fail;
	if ((ufd = serve_unix_socket(o->dir, err, sizeof err)) < 0)
		goto fail;
	if (o->listen && (tfd = serve_tcp_socket(o->listen, &loopback, err, sizeof err)) < 0)
		goto fail;
	struct passwd *me = getpwuid(getuid());
	char url[400] = "";
	if (o->listen) {
		/* A wildcard address names no host: the machine's name stands in. */
		char host[256];
		const char *colon = strrchr(o->listen, ':');
		size_t hl = (size_t)(colon - o->listen);
		if ((hl == 7 && !strncmp(o->listen, "0.0.0.0", 7)) || (hl == 4 && !strncmp(o->listen, "[::]", 4)) ||
		    hl == 0) {
			if (gethostname(host, sizeof host) != 0)
				snprintf(host, sizeof host, "localhost");
			host[sizeof host - 1] = '\0';
			snprintf(url, sizeof url, "%s://%s%s", cert ? "https" : "http", host, colon);
		} else {
			snprintf(url, sizeof url, "%s://%s", cert ? "https" : "http", o->listen);
		}
	}
	struct api_config ac = {
		.db = s.db, .m = m, .owner = getuid(), .teacher_uids = tuids,
		.n_teacher_uids = o->n_teachers, .teacher_names = o->teachers,
		.n_teacher_names = o->n_teachers, .have_shared = shared != NULL,
		.shared_uid = shared ? shared->pw_uid : 0,
		.owner_login = me && me->pw_name ? me->pw_name : "teacher",
		.tcp_url = url[0] ? url : NULL,
	};
	if (!(s.api = api_new(&ac))) {
		snprintf(err, sizeof err, "%s", tr(MSG_ERR_OOM));
		goto fail;
	}
	pthread_mutex_init(&s.mu, NULL);
	pthread_mutex_init(&s.rate_mu, NULL);
	pthread_mutex_init(&s.log_mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	pthread_cond_init(&s.ckpt_cv, NULL);
	if (pthread_create(&s.worker, NULL, worker, &s) != 0) {
		snprintf(err, sizeof err, "%s", tr(MSG_SERVE_NO_THREAD));
		goto fail;
	}
	worker_up = true;
	sqlite3_wal_autocheckpoint(s.db->h, 0);
	s.checkpoint_up = pthread_create(&s.checkpointer, NULL, checkpointer, &s) == 0;
	if (!s.checkpoint_up)
		sqlite3_wal_autocheckpoint(s.db->h, 1000);
	unsigned limit = raise_fd_limit();
	s.unix_ctx.via = API_UNIX;
	s.tcp_ctx.via = API_TCP;
	if (!(ud = start_daemon(&s, &s.unix_ctx, ufd, NULL, NULL, limit)) ||
	    (tfd >= 0 && !(td = start_daemon(&s, &s.tcp_ctx, tfd, cert, key, limit)))) {
		snprintf(err, sizeof err, "%s", tr(cert ? MSG_SERVE_MHD_TLS : MSG_SERVE_MHD));
		goto fail;
	}
	/* After "restart the server" on a deleted database, an empty class:
	 * say so, or students only meet "there is no exam". */
	if (made)
		slog(&s, tr(MSG_SERVE_NEW_DB), o->dir);
	slog(&s, tr(MSG_SERVE_SERVING), s.db->path,
	     o->dir, o->listen ? tr(MSG_SERVE_AND) : "", o->listen ? (cert ? "https://" : "http://") : "",
	     o->listen ? o->listen : "", m->version, m->n_scenarios);
	if (o->listen && !cert && !loopback)
		slog(&s, tr(MSG_SERVE_PLAIN_HTTP), o->listen);

	sigwait(&sigs, &sig);
	slog(&s, tr(MSG_SERVE_STOPPING),
	     strsignal(sig), GRACE_MS);
	atomic_store(&s.stopping, true);
	int64_t until = clock_ms() + GRACE_MS;
	struct timespec zero = { 0, 0 };
	while (clock_ms() < until) {
		/* A second signal stops at once. */
		struct timespec step = { 0, 50 * 1000 * 1000 };
		if (sigtimedwait(&sigs, NULL, &zero) > 0)
			break;
		nanosleep(&step, NULL);
	}
	rc = 0;
fail:
	if (rc)
		fprintf(stderr, "httptutor: %s\n", err);
	if (worker_up) {
		/* Let the database thread answer everything it took. */
		pthread_mutex_lock(&s.mu);
		while (s.head)
			pthread_cond_wait(&s.cv, &s.mu);
		s.quit = true;
		pthread_cond_broadcast(&s.cv);
		pthread_cond_broadcast(&s.ckpt_cv);
		pthread_mutex_unlock(&s.mu);
		pthread_join(s.worker, NULL);
		if (s.checkpoint_up)
			pthread_join(s.checkpointer, NULL);
	}
	if (td)
		netlib.MHD_stop_daemon(td);
	if (ud)
		netlib.MHD_stop_daemon(ud);
	if (ufd >= 0) {
		char path[4200];
		snprintf(path, sizeof path, "%s/class.sock", o->dir);
		if (!ud)
			close(ufd);
		unlink(path);
	}
	if (tfd >= 0 && !td)
		close(tfd);
	api_free(s.api);
	db_close(s.db);
	free(s.buckets);
	free(s.logins);
	free(cert);
	free(key);
	if (!rc)
		fprintf(stderr, "httptutor: %s\n", tr(MSG_SERVE_STOPPED));
	return rc;
}
