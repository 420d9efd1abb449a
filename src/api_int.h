/* api_int.h — what api.c shares with its route handlers (api_learner.c,
 * api_exam.c): one call's state and the reply helpers. */
#ifndef HTTPTUTOR_API_INT_H
#define HTTPTUTOR_API_INT_H

#include <jansson.h>

#include "api.h"
#include "store.h"
#include "store_exam.h"

struct api_user {
	char name[72];
	int64_t uid;
	struct store *st;
};

struct api {
	struct api_config c;
	struct api_user *users;         /* stores per learner, made on first use */
	size_t n_users, cap_users;
	bool gone;
};

/* One request being answered. */
struct api_call {
	struct api *api;
	const struct api_request *rq;
	struct api_reply *rp;
	struct store *st;               /* the asking learner's store */
	bool teacher;
	json_t *body;                   /* the parsed body, or NULL */
	const char *name;               /* the path's name segment ("*"), or NULL */
	int64_t id;                     /* the path's number segment ("#"), or 0 */
	int64_t now;                    /* the server's clock */
};

/* Reply status with JSON v (stolen; NULL: out of memory → 500). */
void api_json(struct api_call *c, int status, json_t *v);
/* Reply with a problem: status, its type ("/problems/…") and a sentence. */
void api_fail(struct api_call *c, int status, const char *type, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Reply to a store call that failed with rc: the status rc travels as, and
 * the store's sentence (503 when the database is gone). */
void api_fail_rc(struct api_call *c, enum exam_rc rc);
/* A failed store read or write (false from a bool call). */
void api_fail_store(struct api_call *c);

/* Body fields: false after replying 422 naming the field.  A missing
 * optional field leaves *out as it was. */
bool api_str(struct api_call *c, const char *key, bool required, size_t max, const char **out);
bool api_int(struct api_call *c, const char *key, bool required, int64_t lo, int64_t hi,
             int64_t *out);
bool api_u64(struct api_call *c, const char *key, uint64_t *out);

/* Route handlers. */
void api_me(struct api_call *c);
void api_session_new(struct api_call *c);
void api_session_end(struct api_call *c);
void api_answer_new(struct api_call *c);
void api_answer_get(struct api_call *c);
void api_visit(struct api_call *c);
void api_states(struct api_call *c);
void api_mistakes(struct api_call *c);
void api_history(struct api_call *c);
void api_progress(struct api_call *c);
void api_export(struct api_call *c);
void api_confusions(struct api_call *c);
void api_hidden(struct api_call *c);
void api_matrix(struct api_call *c);
void api_exam_list(struct api_call *c);
void api_exam_new(struct api_call *c);
void api_practice(struct api_call *c);
void api_exam_get(struct api_call *c);
void api_exam_close(struct api_call *c);
void api_attempt_latest(struct api_call *c);
void api_attempt_start(struct api_call *c);
void api_attempt_get(struct api_call *c);
void api_attempt_answer(struct api_call *c);
void api_attempt_finish(struct api_call *c);
void api_results(struct api_call *c);
void api_report(struct api_call *c);
void api_roster_get(struct api_call *c);
void api_roster_add(struct api_call *c);

#endif
