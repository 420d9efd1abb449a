/* content.c — load a content folder into a model and validate it.
 *
 * The steps live in their own modules: loader.c reads files and collects
 * "path:line: message" problems, yamlread.c turns YAML into fields,
 * codesload.c/scenload.c/chapload.c/contrastload.c/glossload.c read each kind of
 * file, packcheck.c and termcheck.c check across the pack and packhash.c
 * computes its version.  Problems are
 * collected, never stopping at the first one; on any error the partial model
 * is freed. */
#include "content.h"
#include "chapload.h"
#include "codesload.h"
#include "contrastload.h"
#include "glossload.h"
#include "loader.h"
#include "packcheck.h"
#include "packhash.h"
#include "scenload.h"
#include "termcheck.h"
#include "yamlread.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_code(const void *a, const void *b)
{
	const struct code_entry *x = a, *y = b;
	return (x->code > y->code) - (x->code < y->code);
}

static int cmp_chapter(const void *a, const void *b)
{
	const struct chapter *x = a, *y = b;
	int c = (x->number > y->number) - (x->number < y->number);
	return c ? c : strcmp(x->id ? x->id : "", y->id ? y->id : "");
}

/* What the load read, for the snapshot key; false when memory ran out. */
static bool collect_srcs(const struct loader *L, struct content_srcs *src)
{
	size_t n = L->n_files + L->n_dirs;
	src->n = 0;
	src->v = calloc(n ? n : 1, sizeof *src->v);
	if (!src->v)
		return false;
	for (size_t i = 0; i < L->n_dirs; i++, src->n++) {
		struct content_src *c = &src->v[src->n];
		*c = (struct content_src){ strdup(L->dirs[i].rel), true, L->dirs[i].st, L->dirs[i].names };
		if (!c->rel)
			return false;
	}
	for (size_t i = 0; i < L->n_files; i++, src->n++) {
		const struct srcfile *f = &L->files[i];
		struct content_src *c = &src->v[src->n];
		*c = (struct content_src){ strdup(f->rel), false, f->st, packhash_bytes(f->buf, f->len, 0) };
		if (!c->rel)
			return false;
	}
	return true;
}

void content_srcs_free(struct content_srcs *s)
{
	for (size_t i = 0; s && i < s->n; i++)
		free(s->v[i].rel);
	if (s) {
		free(s->v);
		s->v = NULL;
		s->n = 0;
	}
}

bool content_load(const char *dir, struct model *m, struct diag *d)
{
	return content_load_src(dir, m, d, NULL);
}

bool content_load_src(const char *dir, struct model *m, struct diag *d, struct content_srcs *src)
{
	struct loader L;
	bool ok = false;

	memset(&L, 0, sizeof L);
	memset(m, 0, sizeof *m);
	L.dir = dir ? dir : "";
	L.m = m;
	m->dir = loader_strdup(&L, L.dir);
	if (!loader_is_dir(L.dir)) {
		loader_err(&L, L.dir, 1, "cannot open content folder: %s", strerror(errno ? errno : ENOTDIR));
		goto publish;
	}
	if (!loader_note_root(&L)) {
		loader_err(&L, L.dir, 1, "cannot list content folder: %s", strerror(errno ? errno : EIO));
		goto publish;
	}
	glossload_file(&L);   /* first: every file read after it is checked against it */
	/* missing classes are only worth naming when the file itself was read */
	if (yr_load_list(&L, "classes.yaml", "classes", codesload_class))
		codesload_check_classes(&L);
	yr_load_folder(&L, "codes", "codes", codesload_code, true);
	chapload_all(&L);
	yr_load_folder(&L, "scenarios", "scenarios", scenload_item, false);
	contrastload_file(&L);
	packcheck_duplicates(&L);
	if (m->n_codes > 1)
		qsort(m->codes, m->n_codes, sizeof *m->codes, cmp_code);
	if (m->n_chapters > 1)
		qsort(m->chapters, m->n_chapters, sizeof *m->chapters, cmp_chapter);
	/* A file that could not be read leaves the pack short; checks across
	 * it would only name what that file held (one typo in a scenario file
	 * read as six contrasts "short of scenarios", listed before the typo). */
	if (!L.unread) {
		packcheck_refs(&L);
		packcheck_distractors(&L);
		termcheck_chapters(&L);
		contrastload_check(&L);
	}
	packhash_version(L.files, L.n_files, m->version);
publish:
	ok = loader_publish(&L, d);
	if (ok && src && !collect_srcs(&L, src)) {
		diag_add(d, "%s:1: out of memory while loading content", L.dir);
		ok = false;
	}
	if (!ok && src)
		content_srcs_free(src);
	loader_done(&L);
	if (!ok)
		content_free(m);
	return ok;
}

void content_free(struct model *m)
{
	model_free(m);
}

void content_set_stop_check(int (*pending)(void))
{
	loader_set_stop_check(pending);
}

/* ---- finding the folder ---- */

static bool has_codes(const char *dir)
{
	size_t n = strlen(dir);
	char *p = malloc(n + 7);
	bool ok = false;
	if (p) {
		snprintf(p, n + 7, "%s/codes", dir);
		ok = loader_is_dir(p);
		free(p);
	}
	return ok;
}

/* exe's folder + "/../share/httptutor" when that holds codes/. */
static char *beside(const char *exe)
{
	char *real = realpath(exe, NULL), *out = NULL;
	if (!real)
		return NULL;
	char *slash = strrchr(real, '/');
	if (slash) {
		*slash = '\0';
		size_t n = strlen(real) + sizeof "/../share/httptutor";
		out = malloc(n);
		if (out) {
			snprintf(out, n, "%s/../share/httptutor", real);
			if (!has_codes(out)) {
				free(out);
				out = NULL;
			}
		}
	}
	free(real);
	return out;
}

char *content_find_dir(const char *explicit_dir, const char *argv0)
{
	if (explicit_dir && explicit_dir[0])
		return strdup(explicit_dir);
	if (has_codes("./content"))
		return strdup("./content");
#ifdef HTTPTUTOR_DATADIR
	if (has_codes(HTTPTUTOR_DATADIR))
		return strdup(HTTPTUTOR_DATADIR);
#endif
	char *p = beside("/proc/self/exe");
	if (!p && argv0 && strchr(argv0, '/'))
		p = beside(argv0);   /* no /proc: trust argv[0] when it is a path */
	return p;
}
