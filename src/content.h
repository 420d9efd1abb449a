/* content.h — load and validate a content folder (libyaml + md4c).
 * Layout: see content/README.md.  Errors are "path:line: message" strings. */
#ifndef HTTPTUTOR_CONTENT_H
#define HTTPTUTOR_CONTENT_H

#include "diag.h"
#include "model.h"

#include <stdint.h>
#include <sys/stat.h>

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

/* A file or folder a load read, as it was when read: what a snapshot of the
 * pack is keyed by (packcache.c). */
struct content_src {
	char *rel;              /* under the content folder; "" is the folder */
	bool dir;
	struct stat st;         /* fstat of what was read */
	uint64_t hash;          /* of the bytes read, or of the folder's sorted names */
};

struct content_srcs {
	struct content_src *v;
	size_t n;
};

/* content_load that also hands out, in *src, every file and folder it read
 * (on success only; free with content_srcs_free). */
bool content_load_src(const char *dir, struct model *m, struct diag *d, struct content_srcs *src);
void content_srcs_free(struct content_srcs *s);

/* Find the content folder: explicit (--content / HTTPTUTOR_CONTENT) if given,
 * else ./content when it holds codes/, else the installed data dir, else the
 * folder beside the executable's ../share/httptutor.  Returns a malloc'd path
 * or NULL. */
char *content_find_dir(const char *explicit_dir, const char *argv0);

#endif
