/* pending.h — what a learner did while the class server could not be
 * reached, kept in the learner's own database until it can be sent: each
 * request once, in the order it was made, with the Idempotency-Key it was
 * first sent with, so the server does it exactly once however often the
 * sending is interrupted. */
#ifndef HTTPTUTOR_PENDING_H
#define HTTPTUTOR_PENDING_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"

/* Keep one request for the class server klass from user (committed before
 * it returns: a crash loses nothing).  false with err. */
bool pending_add(struct db *db, const char *klass, const char *user, const char *method,
                 const char *path, const char *key, const char *body, char *err, size_t errsz);
/* How many requests wait for klass from user; -1 on a database error. */
int pending_count(struct db *db, const char *klass, const char *user);

enum pending_result {
	PENDING_SENT,           /* the server has it (now or before): drop it */
	PENDING_LATER,          /* not now (unreachable, busy): stop, keep the rest */
	PENDING_REFUSED,        /* the server will never take it: drop it, say why */
};
typedef enum pending_result (*pending_send_fn)(void *ctx, const char *method, const char *path,
                                               const char *key, const char *body,
                                               char *why, size_t whysz);
/* Send what waits, oldest first, until one must wait.  Returns how many
 * were sent; *refused counts those dropped (each reported through
 * note(ctx, why)), -1 on a database error. */
int pending_flush(struct db *db, const char *klass, const char *user, pending_send_fn send,
                  void (*note)(void *ctx, const char *why), void *ctx, int *refused);

#endif
