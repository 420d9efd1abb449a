/* api.h — the class server's HTTP API, without the HTTP: one request in
 * (method, path, the few headers and query arguments it uses, the body, and
 * who the kernel or a token says is asking), one reply out (status, the
 * headers that go with it, a JSON body).  It decides everything a reply
 * says — identity, teacher-only routes, 401/403/404/405/409/415/422, the
 * grading of practice answers from the server's own content, exam rules
 * through store_exam.h, Idempotency-Key replays — so it is tested without
 * sockets (tests/unit/test_api.c); serve.c only moves bytes.
 *
 * Not thread-safe: one thread (the server's database worker) calls it. */
#ifndef HTTPTUTOR_API_H
#define HTTPTUTOR_API_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "db.h"
#include "model.h"

struct api;

struct api_config {
	struct db *db;                  /* the class database, open for writing */
	const struct model *m;          /* the server's own content */
	uid_t owner;                    /* the server's uid: a teacher */
	const uid_t *teacher_uids;      /* --teacher logins as uids */
	size_t n_teacher_uids;
	char *const *teacher_names;     /* --teacher logins (for roster names over TCP) */
	size_t n_teacher_names;
	bool have_shared;               /* --shared-login: that uid must show a token too */
	uid_t shared_uid;
	const char *owner_login;        /* the server's login, for its own housekeeping */
	const char *tcp_url;            /* how lab PCs reach it ("https://lab1:8443"), or NULL */
};

enum api_via { API_UNIX, API_TCP };

struct api_request {
	const char *method;             /* "GET", "POST", "PATCH", … */
	const char *path;               /* "/v1/answers", without the query */
	const char *q_item, *q_exam;    /* query arguments (NULL when absent) */
	const char *q_now, *q_since;
	const char *body;               /* may be NULL when body_len is 0 */
	size_t body_len;
	const char *content_type;       /* Content-Type, or NULL */
	const char *idem_key;           /* Idempotency-Key, or NULL */
	const char *authorization;      /* Authorization, or NULL */
	enum api_via via;
	uid_t uid;                      /* API_UNIX: the peer, from SO_PEERCRED */
	const char *login;              /* API_UNIX: its login name, NULL when it has none */
};

struct api_reply {
	int status;
	char location[160];             /* Location, "" for none */
	int retry_after;                /* Retry-After seconds, 0 for none */
	char www_auth[200];             /* WWW-Authenticate, "" for none */
	char allow[64];                 /* Allow (405) */
	char accept[64];                /* Accept-Post / Accept-Patch (415): "Accept-Post: …" */
	bool problem;                   /* body is application/problem+json */
	bool replayed;                  /* the reply stored for this Idempotency-Key */
	bool wrote;                     /* the request changed the database */
	char *body;                     /* JSON, malloc'd; NULL for none (204) */
	char user[72];                  /* who asked, for the log ("" when unknown) */
};

/* NULL when out of memory. */
struct api *api_new(const struct api_config *c);
void api_free(struct api *api);

/* Whether method and path name a request that may write: the server runs
 * those inside its group commit (db_batch_begin), the rest after it. */
bool api_writes(const char *method, const char *path);
/* Answer one request into rp (zeroed first; free with api_reply_free).
 * A writing request outside a batch gets a transaction of its own. */
void api_handle(struct api *api, const struct api_request *rq, struct api_reply *rp);
void api_reply_free(struct api_reply *rp);
/* A problem reply (RFC 9457 problem+json) made without the database: the
 * HTTP side uses it for 413, 429 and 503, and after a lost commit. */
void api_problem(struct api_reply *rp, int status, const char *type, const char *detail);

/* What the HTTP side refuses before a request reaches the database. */
enum api_refusal {
	API_TOO_LARGE,          /* 413: a body over the limit */
	API_STOPPING,           /* 503: the server is stopping */
	API_TOO_MANY,           /* 429: one learner sent too many at once */
};
/* Fill rp with that refusal; retry is its Retry-After (0: none). */
void api_refuse(struct api_reply *rp, enum api_refusal why, int retry);
/* Replace rp with the 503 for a write that was not kept: the class
 * database is gone (Retry-After 60), or its commit failed (1). */
void api_unavailable(struct api *api, struct api_reply *rp);
/* Add "reason" (why the database failed, in plain words) to the problem
 * in rp; nothing when why is NULL. */
void api_problem_reason(struct api_reply *rp, const char *why);
/* Add the member key: value (a string) to the problem in rp; nothing when
 * value is NULL. */
void api_problem_field(struct api_reply *rp, const char *key, const char *value);
/* Forget the stores kept per learner: after a batch was rolled back, a
 * profile made inside it is gone too. */
void api_forget(struct api *api);
/* End attempts whose time is over and close exams whose time has come
 * (the server calls it now and then, so reports count them). */
void api_sweep(struct api *api);
/* True once the class database was deleted or replaced under the server:
 * nothing more is accepted (503), and the teacher has to restart it. */
bool api_gone(const struct api *api);

/* Tokens for the roster: a new one from the system's random source
 * (26 letters and digits in groups of four, easy to type from a slip), and
 * the hash kept in the database (BLAKE2b-256, hex, of the token with dashes
 * and case ignored).  Need netlib_sodium(). */
bool api_token_new(char *out, size_t n);
bool api_token_hash(const char *token, char *hex, size_t n);

#endif
