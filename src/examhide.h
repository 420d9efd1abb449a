/* examhide.h — what a learner sitting an exam may not look up: while an
 * attempt of theirs is open, search, the code cards and practice quizzes
 * leave out the scenarios on that exam's paper (their right answers are on
 * every card).  The store says which (store_exam_hidden). */
#ifndef HTTPTUTOR_EXAMHIDE_H
#define HTTPTUTOR_EXAMHIDE_H

#include <stdbool.h>
#include <stddef.h>
#include "store_exam.h"

struct examhide {
	struct exam_item_id *items;   /* malloc'd, sorted */
	size_t n;
};

/* Ask st (NULL: nothing is hidden) as of now; replaces what h held.  A
 * store that cannot say (a class server out of reach) hides nothing: the
 * content folder is public anyway, and practice must go on offline. */
void examhide_load(struct examhide *h, struct store *st, int64_t now);
/* For a line command: open the database the learner uses (db_path NULL:
 * the default; user NULL: the login) read-only, ask it and close it.  A
 * database that cannot be opened holds no attempt: nothing is hidden. */
void examhide_load_path(struct examhide *h, const char *db_path, const char *user, int64_t now);
/* Whether scenario or item id must be left out now (h may be NULL). */
bool examhide_has(const struct examhide *h, const char *item);
/* The same as a quiz_opts.hidden callback (ctx is the examhide). */
bool examhide_quiz(const void *ctx, const char *item);
void examhide_free(struct examhide *h);

#endif
