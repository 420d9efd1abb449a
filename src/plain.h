/* plain.h — line-mode quiz, review and exam on stdin/stdout (screen readers,
 * TERM=dumb, scripts).  Same engine and store as the full screen. */
#ifndef HTTPTUTOR_PLAIN_H
#define HTTPTUTOR_PLAIN_H

#include "model.h"
#include "quiz.h"

/* kind is "quiz", "review" or "exam" (minutes > 0 limits an exam's time);
 * prefer_fresh draws items not answered lately first (not with a --seed).
 * Returns an exit status. */
int plain_run(const struct model *m, const struct quiz_opts *o, const char *kind,
              int minutes, bool prefer_fresh, const char *db_path, const char *user, enum lang lang, bool utf8);

#endif
