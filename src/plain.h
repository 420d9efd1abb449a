/* plain.h — line-mode quiz, review and exam on stdin/stdout (screen readers,
 * TERM=dumb, scripts).  Same engine and store as the full screen. */
#ifndef HTTPTUTOR_PLAIN_H
#define HTTPTUTOR_PLAIN_H

#include "model.h"
#include "quiz.h"

/* kind is "quiz" or "review"; prefer_fresh draws items not answered lately
 * first (not with a --seed).  Returns an exit status. */
int plain_run(const struct model *m, const struct quiz_opts *o, const char *kind,
              bool prefer_fresh, const char *db_path, const char *user, enum lang lang, bool utf8);

/* An exam in line mode: the teacher's exam `name`, or with name NULL the
 * practice paper of o (seed, count, filters) limited to minutes (0 none).
 * Returns an exit status. */
int plain_exam(const struct model *m, const char *name, const struct quiz_opts *o, int minutes,
               const char *db_path, const char *user, enum lang lang, bool utf8);

/* Print question q as "[i/n]", its text and numbered choices (no prompt). */
void plain_ask(const struct model *m, const struct question *q, size_t i, size_t n,
               enum lang lang, bool utf8);
/* Print why q's right answer (label) is right, and why `given` is not. */
void plain_explain(const struct model *m, const struct question *q, int given,
                   const char *label, enum lang lang, bool utf8);

#endif
