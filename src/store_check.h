/* store_check.h — the tables schema 6 derives from the answer log (progress,
 * review state, confusions, the class tally), compared with a rebuild from
 * the log, and rebuilt. */
#ifndef HTTPTUTOR_STORE_CHECK_H
#define HTTPTUTOR_STORE_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include "store.h"

/* One derived table against its rebuild. */
struct store_check {
	const char *table;
	long rows;              /* rows it has once rebuilt */
	long only_kept;         /* rows the file has that the rebuild does not */
	long only_rebuilt;      /* rows the rebuild has that the file lacks */
};

/* Rebuilds every derived table from the log inside one write transaction
 * and compares it with what the file held, one entry per table in out
 * (at most max; *n set).  Without repair the transaction is rolled back and
 * the file stays as it was; with repair the rebuild is committed.  Days are
 * the local days of this process.  False with s->err set when it cannot
 * (read-only file, locked, damaged). */
bool store_check(struct store *s, bool repair, struct store_check *out, size_t max, size_t *n);

#endif
