/* store_int.h — helpers shared by the store's own files (store.c and
 * store_exam.c); nothing outside the store includes this. */
#ifndef HTTPTUTOR_STORE_INT_H
#define HTTPTUTOR_STORE_INT_H

#include "store.h"

/* A read failed: s->err gets sqlite's words (with `what` when not NULL). */
void store_read_fail(struct store *s, const char *what);
/* A write failed with sqlite rc: s->err gets "could not <what>: <why> (path)". */
void store_write_fail(struct store *s, const char *what, int rc);
/* Bind a string, or NULL when v is NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Copy at most n-1 bytes of src without cutting a UTF-8 character. */
void store_copy(char *dst, size_t n, const unsigned char *src);
/* Room for one more element in arr (see store.c); NULL with s->err when out of memory. */
void *store_grow(struct store *s, void *arr, size_t *cap, size_t len, size_t size);
/* The INSERT of one answer row, bound and ready to step inside the caller's
 * transaction; NULL with s->err set when a is incomplete or prepare failed. */
sqlite3_stmt *store_answer_stmt(struct store *s, const struct answer_rec *a);

#endif
