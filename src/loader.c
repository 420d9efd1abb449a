/* loader.c — the bookkeeping of one content load: reading files whole (with
 * a size limit), checking their bytes, listing folders, and collecting every
 * problem with its file and line so all of them can be reported at once. */
#include "loader.h"
#include "packhash.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PER_FILE   20           /* byte-level reports per file before "more" */

const char *const loader_lang_key[LANG_COUNT] = { "en", "zh-TW" };

/* Asked between files and while parsing: a signal that arrived (0: none). */
static int (*stop_check)(void);

void loader_set_stop_check(int (*pending)(void))
{
	stop_check = pending;
}

int loader_stop_pending(void)
{
	return stop_check ? stop_check() : 0;
}

bool loader_stopped(struct loader *L)
{
	if (!L->stopped && stop_check)
		L->stopped = stop_check();
	return L->stopped != 0;
}

bool loader_count_nodes(struct loader *L, size_t n)
{
	L->nodes += n;
	return L->nodes <= LOADER_MAX_NODES;
}

bool loader_grow(void **arr, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, nc * sz);
	if (!p)
		return false;
	*arr = p;
	*cap = nc;
	return true;
}

void loader_oom(struct loader *L)
{
	L->oom = true;
}

void loader_err(struct loader *L, const char *path, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = diag_vfmt(fmt, ap);
	va_end(ap);
	char *p = strdup(path);
	void *arr = L->ents;
	if (!msg || !p || !loader_grow(&arr, &L->cap_ents, L->n_ents, sizeof *L->ents)) {
		free(msg);
		free(p);
		loader_oom(L);
		return;
	}
	L->ents = arr;
	L->ents[L->n_ents] = (struct loader_ent){ p, line < 1 ? 1 : line, L->n_ents, msg };
	L->n_ents++;
}

char *loader_strdup(struct loader *L, const char *s)
{
	char *d = strdup(s);
	if (!d)
		loader_oom(L);
	return d;
}

/* "dir/rel" (no doubled slash); the copy lives in the loader's path pool. */
const char *loader_path(struct loader *L, const char *rel)
{
	size_t dl = strlen(L->dir), rl = strlen(rel);
	bool slash = dl > 0 && L->dir[dl - 1] != '/';
	char *p = malloc(dl + rl + 2);
	void *arr = L->paths;
	if (!p || !loader_grow(&arr, &L->cap_paths, L->n_paths, sizeof *L->paths)) {
		free(p);
		loader_oom(L);
		return rel;
	}
	L->paths = arr;
	memcpy(p, L->dir, dl);
	if (slash)
		p[dl++] = '/';
	memcpy(p + dl, rel, rl + 1);
	L->paths[L->n_paths++] = p;
	return p;
}

/* ---- raw bytes ---------------------------------------------------------------- */

/* 1-based line of byte offset off. */
int loader_line_of(const char *buf, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* Offset of the first control character other than LF (and CR before LF), or
 * (size_t)-1.  Tabs count: the README allows only newlines. */
size_t loader_find_control(const char *s, size_t n, const char **what)
{
	size_t pos = 0;
	while (pos < n) {
		enum text_unsafe kind;
		size_t off = text_find_unsafe(s + pos, n - pos, false, &kind);
		if (off == (size_t)-1)
			return (size_t)-1;
		size_t at = pos + off;
		if (s[at] == '\n' || (s[at] == '\r' && at + 1 < n && s[at + 1] == '\n')) {
			pos = at + 1;
			continue;
		}
		if (what)
			*what = kind == TEXT_BIDI ? "bidi control" :
			        kind == TEXT_INVISIBLE ? "invisible character" : "control character";
		return at;
	}
	return (size_t)-1;
}

unsigned long loader_code_point(const char *s, size_t n)
{
	wchar_t wc;
	text_decode(s, n, &wc);
	return (unsigned long)wc;
}

/* Report invalid UTF-8 and control characters with their lines, then replace
 * them with "_" in place (same length, and safe anywhere in YAML) so the rest of the
 * file still loads: one bad byte gives one error, not a cascade of missing
 * codes.  The pack as a whole still fails. */
bool loader_check_bytes(struct loader *L, const char *path, char *buf, size_t len)
{
	size_t bad = 0;
	if (!text_valid_utf8(buf, len, &bad)) {
		loader_err(L, path, loader_line_of(buf, bad), "invalid UTF-8 (byte 0x%02X)",
		       (unsigned)(unsigned char)buf[bad]);
		for (size_t i = 0; i < len;) {
			wchar_t wc;
			size_t k = text_decode(buf + i, len - i, &wc);
			if (wc == 0xFFFD && !(k == 3 && memcmp(buf + i, "\xEF\xBF\xBD", 3) == 0))
				memset(buf + i, '_', k);
			i += k;
		}
	}
	int shown = 0, line = 1;
	size_t counted = 0, pos = 0;
	while (pos < len) {
		const char *what;
		size_t off = loader_find_control(buf + pos, len - pos, &what);
		if (off == (size_t)-1)
			break;
		size_t at = pos + off;
		for (; counted < at; counted++)
			if (buf[counted] == '\n')
				line++;
		if (shown++ == MAX_PER_FILE) {
			/* Not a text file: reading on would only repeat this. */
			loader_err(L, path, line, "more control, bidi or invisible characters: "
			           "stopped checking this file");
			return false;
		}
		loader_err(L, path, line, "%s U+%04lX is not allowed", what,
		           loader_code_point(buf + at, len - at));
		wchar_t wc;
		size_t k = text_decode(buf + at, len - at, &wc);
		memset(buf + at, '_', k);
		pos = at + k;
	}
	return true;
}

bool loader_is_dir(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	errno = S_ISDIR(st.st_mode) ? 0 : ENOTDIR;   /* the reason the caller reports */
	return S_ISDIR(st.st_mode);
}

/* Reads rel (relative to the content dir) whole and records it for the
 * version hash.  Returns the buffer (NUL-terminated, owned by the loader) or
 * NULL after reporting why. */
/* What a file that is not a regular file is, for the message. */
static const char *file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a folder" : S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" :
	       S_ISCHR(m) || S_ISBLK(m) ? "a device" : "not a regular file";
}

char *loader_read(struct loader *L, const char *rel, const char *path, size_t *len)
{
	char *buf = NULL, *r = NULL, *ret = NULL;
	size_t n = 0;
	struct stat st;

	if (loader_stopped(L))
		return NULL;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; what it is
	 * is then asked of the open descriptor, not of the name. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		loader_err(L, path, 1, "cannot read file: %s", strerror(errno));
		goto cleanup;
	}
	if (!S_ISREG(st.st_mode)) {
		loader_err(L, path, 1, "cannot read file: it is %s; content files must be regular files",
		           file_kind(st.st_mode));
		goto cleanup;
	}
	/* Refused before reading: the limits keep memory bounded (content/README). */
	if ((uintmax_t)st.st_size > LOADER_MAX_FILE) {
		loader_err(L, path, 1, "file is %jd bytes; one content file may hold at most %u bytes (%u MiB)",
		           (intmax_t)st.st_size, LOADER_MAX_FILE, LOADER_MAX_FILE >> 20);
		goto cleanup;
	}
	if (L->bytes + (size_t)st.st_size > LOADER_MAX_PACK) {
		loader_err(L, path, 1, "with this file the content folder holds more than %u MiB, "
		           "the limit for a whole pack", LOADER_MAX_PACK >> 20);
		goto cleanup;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		loader_err(L, path, 1, "cannot read file: %s", strerror(errno));
		goto cleanup;
	}
	/* One byte more than the size, to notice a file that grows meanwhile. */
	size_t cap = (size_t)st.st_size + 1;
	if (!(buf = malloc(cap + 1))) {
		loader_oom(L);
		goto cleanup;
	}
	for (;;) {
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR) {
			if (loader_stopped(L))
				goto cleanup;
			continue;
		}
		if (got < 0) {
			loader_err(L, path, 1, "cannot read file: %s", strerror(errno));
			goto cleanup;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n == cap) {
			loader_err(L, path, 1, "file changed while it was read; try again");
			goto cleanup;
		}
	}
	buf[n] = '\0';
	L->bytes += n;
	r = loader_strdup(L, rel);
	void *arr = L->files;
	if (!r || !loader_grow(&arr, &L->cap_files, L->n_files, sizeof *L->files)) {
		loader_oom(L);
		goto cleanup;
	}
	L->files = arr;
	L->files[L->n_files++] = (struct srcfile){ r, buf, n, st };
	*len = n;
	ret = buf;
	buf = NULL;
	r = NULL;
cleanup:
	if (fd >= 0)
		close(fd);
	free(buf);
	free(r);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && strcmp(s + n - k, suf) == 0;
}

/* Appends a copy of name to v; false when memory runs out. */
static bool push_name(char ***v, size_t *n, size_t *cap, const char *name)
{
	void *arr = *v;
	char *copy = strdup(name);
	if (!copy || !loader_grow(&arr, cap, *n, sizeof **v)) {
		free(copy);
		return false;
	}
	*v = arr;
	(*v)[(*n)++] = copy;
	return true;
}

/* Records folder rel as it was listed. */
static bool add_dir(struct loader *L, const char *rel, const struct stat *st, uint64_t names)
{
	struct srcdir sd = { strdup(rel), *st, names };
	void *arr = L->dirs;
	if (!sd.rel || !loader_grow(&arr, &L->cap_dirs, L->n_dirs, sizeof *L->dirs)) {
		free(sd.rel);
		loader_oom(L);
		return false;
	}
	L->dirs = arr;
	L->dirs[L->n_dirs++] = sd;
	return true;
}

bool loader_dir_hash(const char *path, struct stat *st, uint64_t *hash)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0;
	bool ok = false;
	if (!d)
		return false;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (!push_name(&v, &n, &cap, e->d_name))
			goto cleanup;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	*hash = packhash_names(v, n);
	ok = !st || fstat(dirfd(d), st) == 0;
cleanup:
	closedir(d);
	loader_free_names(v, n);
	return ok;
}

bool loader_note_root(struct loader *L)
{
	struct stat st;
	uint64_t names;
	if (!loader_dir_hash(L->dir, &st, &names))
		return false;
	add_dir(L, "", &st, names);   /* running out of memory is reported as such */
	return true;
}

void loader_free_names(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Sorted names of the files in folder rel that end in suffix; other visible
 * entries are reported (a misnamed file must not be dropped silently).
 * Returns false when the folder cannot be opened. */
bool loader_list_dir(struct loader *L, const char *rel, const char *suffix,
                     char ***out, size_t *nout)
{
	const char *path = loader_path(L, rel);
	char **v = NULL;
	size_t n = 0, cap = 0;
	DIR *d = opendir(path);
	struct dirent *e;
	bool ok = false;

	*out = NULL;
	*nout = 0;
	if (!d) {
		loader_err(L, path, 1, "cannot open folder: %s", strerror(errno));
		return false;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (!has_suffix(e->d_name, suffix)) {
			size_t rl = strlen(rel);
			char *sub = malloc(rl + strlen(e->d_name) + 2);
			if (!sub) {
				loader_oom(L);
				goto cleanup;
			}
			sprintf(sub, "%s/%s", rel, e->d_name);
			loader_err(L, loader_path(L, sub), 1, "unexpected file: only *%s files belong here", suffix);
			free(sub);
			continue;
		}
		if (!push_name(&v, &n, &cap, e->d_name)) {
			loader_oom(L);
			goto cleanup;
		}
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	struct stat st;
	if (fstat(dirfd(d), &st) != 0)
		memset(&st, 0, sizeof st);
	if (!add_dir(L, rel, &st, packhash_names(v, n)))
		goto cleanup;
	*out = v;
	*nout = n;
	v = NULL;
	ok = true;
cleanup:
	closedir(d);
	loader_free_names(v, v ? n : 0);
	return ok;
}

static int cmp_ent(const void *a, const void *b)
{
	const struct loader_ent *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (!c)
		c = (x->line > y->line) - (x->line < y->line);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

void loader_free_chsrc(struct chsrc *h)
{
	free(h->file);
	free(h->slug);
	free(h->md);
	free(h->title);
	for (size_t i = 0; i < h->n_anc; i++)
		free(h->anc[i].name);
	free(h->anc);
}

bool loader_publish(struct loader *L, struct diag *d)
{
	if (L->stopped)
		loader_err(L, L->dir, 1, "loading stopped by signal %d", L->stopped);
	if (L->oom)
		loader_err(L, L->dir, 1, "out of memory while loading content");
	/* qsort with a NULL base is undefined even for zero items. */
	if (L->n_ents > 1)
		qsort(L->ents, L->n_ents, sizeof *L->ents, cmp_ent);
	for (size_t i = 0; i < L->n_ents; i++)
		diag_add(d, "%s:%d: %s", L->ents[i].path, L->ents[i].line, L->ents[i].msg);
	return L->n_ents == 0;
}

void loader_done(struct loader *L)
{
	for (size_t i = 0; i < L->n_ents; i++) {
		free(L->ents[i].path);
		free(L->ents[i].msg);
	}
	free(L->ents);
	for (size_t i = 0; i < L->n_files; i++) {
		free(L->files[i].rel);
		free(L->files[i].buf);
	}
	free(L->files);
	for (size_t i = 0; i < L->n_dirs; i++)
		free(L->dirs[i].rel);
	free(L->dirs);
	for (size_t i = 0; i < L->n_paths; i++)
		free(L->paths[i]);
	free(L->paths);
	free(L->code_pos);
	free(L->scen_pos);
	free(L->contrast_pos);
	for (int l = 0; l < LANG_COUNT; l++) {
		free(L->sit_pos[l]);
		for (size_t i = 0; i < L->n_ch[l]; i++)
			loader_free_chsrc(&L->ch[l][i]);
		free(L->ch[l]);
	}
	for (size_t i = 0; i < L->n_refs; i++) {
		free(L->refs[i].label);
		free(L->refs[i].target);
	}
	free(L->refs);
}

