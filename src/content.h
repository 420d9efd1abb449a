/* content.h — load and validate a content folder (libyaml + md4c).
 * Layout: see content/README.md.  Errors are "path:line: message" strings. */
#ifndef HTTPTUTOR_CONTENT_H
#define HTTPTUTOR_CONTENT_H

#include "diag.h"
#include "model.h"

/* Load every file under dir into *m and validate it.  Returns true when there
 * is no error; on false, *d holds one message per problem (all of them, not
 * just the first) and *m is freed/zeroed.  The caller frees *m with
 * content_free() and *d with diag_free(). */
bool content_load(const char *dir, struct model *m, struct diag *d);
void content_free(struct model *m);

/* pending() is asked between files and while parsing; when it returns a
 * signal number, content_load stops early and fails (so Ctrl-C or SIGTERM
 * interrupt a slow load).  NULL: never stop. */
void content_set_stop_check(int (*pending)(void));

/* Find the content folder: explicit (--content / HTTPTUTOR_CONTENT) if given,
 * else ./content when it holds codes/, else the installed data dir, else the
 * folder beside the executable's ../share/httptutor.  Returns a malloc'd path
 * or NULL. */
char *content_find_dir(const char *explicit_dir, const char *argv0);

#endif
