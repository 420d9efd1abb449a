/* content.c — load a content folder into a model and validate it.
 *
 * Every file is read whole, checked for UTF-8 and control characters, then
 * parsed (libyaml document API for YAML, md_render for chapters).  Problems
 * are collected with their file and line, never stopping at the first one;
 * cross references (codes, anchors) are checked once everything is loaded.
 * On any error the partial model is freed. */
#include "content.h"
#include "markdown.h"
#include "text.h"

#include <yaml.h>

#include <dirent.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES (8u << 20)   /* a content file is text, not a disk image */
#define MAX_PER_FILE   20           /* byte-level reports per file before "more" */

static const char *const lang_key[LANG_COUNT] = { "en", "zh-TW" };

/* ---- diagnostics (public list) ------------------------------------------ */

static char *vfmt(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

static char *vfmt(const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void diag_add(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vfmt(fmt, ap);
	va_end(ap);
	if (!s)
		return;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		char **nm = realloc(d->msg, cap * sizeof *nm);
		if (!nm) {
			free(s);
			return;
		}
		d->msg = nm;
		d->cap = cap;
	}
	d->msg[d->n++] = s;
}

void diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->msg[i]);
	free(d->msg);
	d->msg = NULL;
	d->n = d->cap = 0;
}

/* ---- loader state ----------------------------------------------------------- */

struct ent {            /* one collected problem, sorted before it is published */
	char *path;
	int line;
	size_t seq;
	char *msg;
};

struct srcfile {        /* every file read, kept for the version hash */
	char *rel;
	char *buf;
	size_t len;
};

struct cpos {           /* where something was defined; path owned by the loader */
	const char *path;
	int line;
};

enum ref_kind { REF_CODE, REF_ANCHOR };

struct ref {            /* a cross reference checked after everything is loaded */
	enum ref_kind kind;
	struct cpos at;
	char *label;        /* "code 403" / "scenario x" */
	const char *role;   /* "confused code", "answer", … */
	int code;
	char *target;       /* "chapter#anchor" */
};

struct anc {
	char *name;
	int line;
};

struct chsrc {          /* one chapter file in one language */
	char *file;         /* "01-common.md" */
	char *slug;
	int number;
	const char *path;
	char *md;           /* scrubbed copy */
	char *title;
	struct anc *anc;
	size_t n_anc;
};

struct loader {
	const char *dir;
	struct model *m;
	bool oom;
	struct ent *ents;
	size_t n_ents, cap_ents;
	struct srcfile *files;
	size_t n_files, cap_files;
	char **paths;                    /* pool of full paths for struct cpos */
	size_t n_paths, cap_paths;
	struct cpos *code_pos;           /* parallel to m->codes (file order) */
	size_t cap_codes, cap_code_pos;
	struct cpos *scen_pos;           /* parallel to m->scenarios */
	struct cpos *sit_pos[LANG_COUNT];
	size_t cap_scen[4];              /* scenarios, scen_pos, sit_pos[en], sit_pos[zh] */
	struct ref *refs;
	size_t n_refs, cap_refs;
	struct chsrc *ch[LANG_COUNT];
	size_t n_ch[LANG_COUNT], cap_ch[LANG_COUNT];
	struct cpos class_pos[5];
	bool class_seen[5];
};

/* Grows an array of elements of size sz so that one more fits; the old block
 * stays valid when this fails. */
static bool grow(void **arr, size_t *cap, size_t n, size_t sz)
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

static void oom(struct loader *L)
{
	L->oom = true;
}

static void err_at(struct loader *L, const char *path, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void err_at(struct loader *L, const char *path, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = vfmt(fmt, ap);
	va_end(ap);
	char *p = strdup(path);
	void *arr = L->ents;
	if (!msg || !p || !grow(&arr, &L->cap_ents, L->n_ents, sizeof *L->ents)) {
		free(msg);
		free(p);
		oom(L);
		return;
	}
	L->ents = arr;
	L->ents[L->n_ents] = (struct ent){ p, line < 1 ? 1 : line, L->n_ents, msg };
	L->n_ents++;
}

static char *xstrdup(struct loader *L, const char *s)
{
	char *d = strdup(s);
	if (!d)
		oom(L);
	return d;
}

/* "dir/rel" (no doubled slash); the copy lives in the loader's path pool. */
static const char *pool_path(struct loader *L, const char *rel)
{
	size_t dl = strlen(L->dir), rl = strlen(rel);
	bool slash = dl > 0 && L->dir[dl - 1] != '/';
	char *p = malloc(dl + rl + 2);
	void *arr = L->paths;
	if (!p || !grow(&arr, &L->cap_paths, L->n_paths, sizeof *L->paths)) {
		free(p);
		oom(L);
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
static int line_of(const char *buf, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* Offset of the first control character other than LF (and CR before LF), or
 * (size_t)-1.  Tabs count: the README allows only newlines. */
static size_t find_control(const char *s, size_t n)
{
	/* Fast byte scan first: C0, DEL and C1 (0xC2 0x80–0x9F) are easy to spot,
	 * and most text has none of them. */
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = 0;
	for (; pos < n; pos++) {
		unsigned char ch = u[pos];
		if ((ch < 0x20 && ch != '\n') || ch == 0x7f ||
		    (ch == 0xc2 && pos + 1 < n && u[pos + 1] >= 0x80 && u[pos + 1] <= 0x9f))
			break;
	}
	if (pos == n)
		return (size_t)-1;
	/* back to the start of this line so text_find_control sees whole characters */
	while (pos > 0 && s[pos - 1] != '\n')
		pos--;
	while (pos < n) {
		size_t off = text_find_control(s + pos, n - pos, false);
		if (off == (size_t)-1)
			return (size_t)-1;
		size_t at = pos + off;
		if (s[at] == '\n' || (s[at] == '\r' && at + 1 < n && s[at + 1] == '\n')) {
			pos = at + 1;
			continue;
		}
		return at;
	}
	return (size_t)-1;
}

static unsigned long code_point(const char *s, size_t n)
{
	wchar_t wc;
	text_decode(s, n, &wc);
	return (unsigned long)wc;
}

/* Report invalid UTF-8 and control characters with their lines, then replace
 * them with "_" in place (same length, and safe anywhere in YAML) so the rest of the
 * file still loads: one bad byte gives one error, not a cascade of missing
 * codes.  The pack as a whole still fails. */
static void check_bytes(struct loader *L, const char *path, char *buf, size_t len)
{
	size_t bad = 0;
	if (!text_valid_utf8(buf, len, &bad)) {
		err_at(L, path, line_of(buf, bad), "invalid UTF-8 (byte 0x%02X)",
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
		size_t off = find_control(buf + pos, len - pos);
		if (off == (size_t)-1)
			break;
		size_t at = pos + off;
		for (; counted < at; counted++)
			if (buf[counted] == '\n')
				line++;
		if (shown++ < MAX_PER_FILE)
			err_at(L, path, line, "control character U+%04lX is not allowed",
			       code_point(buf + at, len - at));
		else if (shown == MAX_PER_FILE + 1)
			err_at(L, path, line, "more control characters not shown");
		wchar_t wc;
		size_t k = text_decode(buf + at, len - at, &wc);
		memset(buf + at, '_', k);
		pos = at + k;
	}
}

static bool is_regular(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Reads rel (relative to the content dir) whole and records it for the
 * version hash.  Returns the buffer (NUL-terminated, owned by the loader) or
 * NULL after reporting why. */
static char *read_src(struct loader *L, const char *rel, const char *path, size_t *len)
{
	FILE *f = NULL;
	char *buf = NULL, *r = NULL, *ret = NULL;
	size_t cap = 0, n = 0;

	f = fopen(path, "rb");
	if (!f || !is_regular(path)) {
		err_at(L, path, 1, "cannot read file: %s", f ? "not a regular file" : strerror(errno));
		goto cleanup;
	}
	for (;;) {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			char *nb = realloc(buf, cap + 1);
			if (!nb) {
				oom(L);
				goto cleanup;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > MAX_FILE_BYTES) {
			err_at(L, path, 1, "file is larger than %u bytes", MAX_FILE_BYTES);
			goto cleanup;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		err_at(L, path, 1, "cannot read file: %s", strerror(errno));
		goto cleanup;
	}
	buf[n] = '\0';
	r = xstrdup(L, rel);
	void *arr = L->files;
	if (!r || !grow(&arr, &L->cap_files, L->n_files, sizeof *L->files)) {
		oom(L);
		goto cleanup;
	}
	L->files = arr;
	L->files[L->n_files++] = (struct srcfile){ r, buf, n };
	*len = n;
	ret = buf;
	buf = NULL;
	r = NULL;
cleanup:
	if (f)
		fclose(f);
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

static void free_names(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Sorted names of the files in folder rel that end in suffix; other visible
 * entries are reported (a misnamed file must not be dropped silently).
 * Returns false when the folder cannot be opened. */
static bool list_dir(struct loader *L, const char *rel, const char *suffix,
                     char ***out, size_t *nout)
{
	const char *path = pool_path(L, rel);
	char **v = NULL;
	size_t n = 0, cap = 0;
	DIR *d = opendir(path);
	struct dirent *e;
	bool ok = false;

	*out = NULL;
	*nout = 0;
	if (!d) {
		err_at(L, path, 1, "cannot open folder: %s", strerror(errno));
		return false;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (!has_suffix(e->d_name, suffix)) {
			size_t rl = strlen(rel);
			char *sub = malloc(rl + strlen(e->d_name) + 2);
			if (!sub) {
				oom(L);
				goto cleanup;
			}
			sprintf(sub, "%s/%s", rel, e->d_name);
			err_at(L, pool_path(L, sub), 1, "unexpected file: only *%s files belong here", suffix);
			free(sub);
			continue;
		}
		void *arr = v;
		char *name = strdup(e->d_name);
		if (!name || !grow(&arr, &cap, n, sizeof *v)) {
			free(name);
			oom(L);
			goto cleanup;
		}
		v = arr;
		v[n++] = name;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	*out = v;
	*nout = n;
	v = NULL;
	ok = true;
cleanup:
	closedir(d);
	free_names(v, v ? n : 0);
	return ok;
}

/* ---- YAML helpers -------------------------------------------------------------- */

struct ctx {             /* where we are while reading one YAML item */
	struct loader *L;
	const char *path;
	yaml_document_t *doc;
	char label[96];      /* "code 403", "scenario alice-token" */
};

static int node_line(const yaml_node_t *n)
{
	return n ? (int)(n->start_mark.line > INT_MAX - 1 ? INT_MAX - 1 : n->start_mark.line) + 1 : 1;
}

static void cerr(struct ctx *c, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void cerr(struct ctx *c, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = vfmt(fmt, ap);
	va_end(ap);
	if (!msg) {
		oom(c->L);
		return;
	}
	err_at(c->L, c->path, node_line(at), "%s: %s", c->label, msg);
	free(msg);
}

static yaml_node_t *node_at(yaml_document_t *doc, yaml_node_item_t i)
{
	return yaml_document_get_node(doc, i);
}

/* Scalar text and length, or NULL when n is not a scalar. */
static const char *scalar(const yaml_node_t *n, size_t *len)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	*len = n->data.scalar.length;
	return (const char *)n->data.scalar.value;
}

static bool scalar_is(const yaml_node_t *n, const char *s)
{
	size_t len;
	const char *v = scalar(n, &len);
	return v && len == strlen(s) && memcmp(v, s, len) == 0;
}

/* A plain "~", "null" or nothing: YAML's way of saying no value. */
static bool scalar_null(const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return n->data.scalar.length == 0 || scalar_is(n, "~") || scalar_is(n, "null");
}

static yaml_node_t *map_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
		if (scalar_is(node_at(doc, p->key), key))
			return node_at(doc, p->value);
	return NULL;
}

/* Splits a mapping into the allowed keys: vals[i]/keys[i] get the nodes of
 * allowed[i].  Unknown and duplicate keys are reported; where names the
 * block for messages ("" for the item itself, "en" for a language). */
static void map_fields(struct ctx *c, yaml_node_t *map, const char *const *allowed, size_t n,
                       yaml_node_t **vals, yaml_node_t **keys, const char *where)
{
	for (size_t i = 0; i < n; i++)
		vals[i] = keys[i] = NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(c->doc, p->key), *v = node_at(c->doc, p->value);
		size_t len;
		const char *ks = scalar(k, &len);
		if (!ks) {
			cerr(c, k, "keys must be plain words%s%s", *where ? " in " : "", where);
			continue;
		}
		size_t i = 0;
		while (i < n && !(strlen(allowed[i]) == len && memcmp(allowed[i], ks, len) == 0))
			i++;
		if (i == n) {
			char list[256] = "";
			size_t used = 0;
			for (size_t j = 0; j < n && used < sizeof list; j++) {
				int w = snprintf(list + used, sizeof list - used, "%s%s", j ? ", " : "", allowed[j]);
				if (w < 0)
					break;
				used += (size_t)w;
			}
			cerr(c, k, "unknown key '%.*s'%s%s (allowed: %s)", (int)(len > 60 ? 60 : len), ks,
			     *where ? " in " : "", where, list);
			continue;
		}
		if (keys[i]) {
			cerr(c, k, "duplicate key '%s'%s%s (first at line %d)", allowed[i],
			     *where ? " in " : "", where, node_line(keys[i]));
			continue;
		}
		keys[i] = k;
		vals[i] = v;
	}
}

/* The text of a scalar field, trimmed of trailing white space and scrubbed;
 * NULL after reporting when it is absent (and required), not text, empty
 * (unless allow_empty) or holds control characters. */
static char *get_text(struct ctx *c, yaml_node_t *v, yaml_node_t *owner, const char *name,
                      bool required, bool allow_empty)
{
	size_t len;
	if (!v) {
		if (required)
			cerr(c, owner, "missing %s", name);
		return NULL;
	}
	const char *s = scalar(v, &len);
	if (!s) {
		cerr(c, v, "%s must be text, not a %s", name,
		     v->type == YAML_SEQUENCE_NODE ? "list" : "mapping");
		return NULL;
	}
	if (scalar_null(v))
		len = 0;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	/* The file was valid UTF-8 and libyaml encodes escapes itself, so only
	 * control characters written as escapes ("\x07") can appear here. */
	size_t ctl = find_control(s, len);
	if (ctl != (size_t)-1) {
		/* An escape in a quoted scalar: count lines into the value. */
		int vl = line_of(s, ctl);
		char where[40] = "";
		if (vl > 1)
			snprintf(where, sizeof where, " (line %d of the text)", vl);
		cerr(c, v, "%s: control character U+%04lX is not allowed%s", name,
		     code_point(s + ctl, len - ctl), where);
		return NULL;
	}
	if (len == 0 && !allow_empty) {
		cerr(c, v, "empty %s", name);
		return NULL;
	}
	char *out = text_scrub(s, len, true);
	if (!out)
		oom(c->L);
	else
		text_join_cjk(out);
	return out;
}

/* A plain integer scalar in [lo, hi]; false after reporting otherwise. */
static bool get_int(struct ctx *c, yaml_node_t *v, const char *name, int lo, int hi, int *out,
                    const char *what)
{
	size_t len;
	const char *s = scalar(v, &len);
	bool ok = s && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && len > 0 && len <= 6;
	long n = 0;
	for (size_t i = 0; ok && i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			ok = false;
		else
			n = n * 10 + (s[i] - '0');
	}
	if (!ok || n < lo || n > hi) {
		cerr(c, v, "%s must be a %s %d–%d", name, what, lo, hi);
		return false;
	}
	*out = (int)n;
	return true;
}

static bool get_bool(struct ctx *c, yaml_node_t *v, const char *name, bool *out)
{
	if (scalar_is(v, "true") && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		*out = true;
	else if (scalar_is(v, "false") && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		*out = false;
	else {
		cerr(c, v, "%s must be true or false", name);
		return false;
	}
	return true;
}

/* A list of non-empty texts: [a, b]. */
static void get_str_list(struct ctx *c, yaml_node_t *v, const char *name, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (v->type != YAML_SEQUENCE_NODE) {
		cerr(c, v, "%s must be a list, like [A, B]", name);
		return;
	}
	size_t cnt = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	if (cnt == 0)
		return;
	char **arr = calloc(cnt, sizeof *arr);
	if (!arr) {
		oom(c->L);
		return;
	}
	size_t k = 0;
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		char *s = get_text(c, node_at(c->doc, *it), v, name, true, false);
		if (s)
			arr[k++] = s;
	}
	*out = arr;
	*n = k;
}

/* ---- cross references ------------------------------------------------------------ */

static void add_ref(struct ctx *c, yaml_node_t *at, enum ref_kind kind, const char *role,
                    int code, const char *target)
{
	struct loader *L = c->L;
	void *arr = L->refs;
	char *label = strdup(c->label), *t = target ? strdup(target) : NULL;
	if (!label || (target && !t) || !grow(&arr, &L->cap_refs, L->n_refs, sizeof *L->refs)) {
		free(label);
		free(t);
		oom(L);
		return;
	}
	L->refs = arr;
	L->refs[L->n_refs++] = (struct ref){ kind, { c->path, node_line(at) }, label, role, code, t };
}

/* Checks the form "chapter#anchor" now; whether it resolves is checked later. */
static char *get_anchor_ref(struct ctx *c, yaml_node_t *v, yaml_node_t *owner, bool required)
{
	char *s = get_text(c, v, owner, "anchor", required, false);
	if (!s)
		return NULL;
	const char *hash = strchr(s, '#');
	bool ok = hash && hash > s && hash[1] != '\0';
	for (const char *p = s; ok && *p; p++)
		if (p != hash && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		                   (*p >= '0' && *p <= '9') || *p == '-'))
			ok = false;
	if (!ok) {
		cerr(c, v, "anchor '%s' must look like chapter#anchor", s);
		free(s);
		return NULL;
	}
	add_ref(c, v, REF_ANCHOR, "anchor", 0, s);
	return s;
}

/* Opens path's only YAML document.  False after reporting syntax errors. */
static bool yaml_open(struct loader *L, const char *path, const char *buf, size_t len,
                      yaml_document_t *doc)
{
	yaml_parser_t p;
	yaml_document_t extra;
	bool ok = false, loaded = false;

	if (!yaml_parser_initialize(&p)) {
		oom(L);
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&p, doc))
		goto syntax;
	loaded = true;
	if (!yaml_document_get_root_node(doc)) {
		err_at(L, path, 1, "file is empty");
		goto cleanup;
	}
	if (!yaml_parser_load(&p, &extra))
		goto syntax;
	yaml_node_t *root2 = yaml_document_get_root_node(&extra);
	if (root2)
		err_at(L, path, node_line(root2), "only one YAML document per file (remove '---')");
	yaml_document_delete(&extra);
	ok = !root2;
	goto cleanup;
syntax:
	if (p.error == YAML_MEMORY_ERROR) {
		oom(L);
	} else if (p.error == YAML_READER_ERROR) {
		err_at(L, path, line_of(buf, p.problem_offset < len ? p.problem_offset : len),
		       "YAML: %s", p.problem ? p.problem : "cannot read");
	} else if (p.context) {
		err_at(L, path, (int)p.problem_mark.line + 1, "YAML: %s (%s at line %d)",
		       p.problem ? p.problem : "syntax error", p.context, (int)p.context_mark.line + 1);
	} else {
		err_at(L, path, (int)p.problem_mark.line + 1, "YAML: %s",
		       p.problem ? p.problem : "syntax error");
	}
cleanup:
	if (loaded && !ok)
		yaml_document_delete(doc);
	yaml_parser_delete(&p);
	return ok;
}

/* Reads, checks and parses one YAML file; calls each(c, item, index) for every
 * entry of its top-level list.  False when the file could not be read as a list. */
static bool load_yaml_list(struct loader *L, const char *rel, const char *what,
                           void (*each)(struct ctx *, yaml_node_t *, int))
{
	const char *path = pool_path(L, rel);
	size_t len = 0;
	char *buf = read_src(L, rel, path, &len);
	yaml_document_t doc;

	if (!buf)
		return false;
	check_bytes(L, path, buf, len);
	if (!yaml_open(L, path, buf, len, &doc))
		return false;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	bool ok = root->type == YAML_SEQUENCE_NODE;
	if (!ok) {
		err_at(L, path, node_line(root), "expected a list of %s (each entry starts with '- ')", what);
	} else {
		struct ctx c = { L, path, &doc, "" };
		int i = 0;
		for (yaml_node_item_t *it = root->data.sequence.items.start; it < root->data.sequence.items.top; it++) {
			yaml_node_t *item = node_at(&doc, *it);
			i++;
			if (!item || item->type != YAML_MAPPING_NODE) {
				err_at(L, path, node_line(item), "entry %d of %s must be a mapping (key: value)", i, what);
				continue;
			}
			each(&c, item, i);
		}
	}
	yaml_document_delete(&doc);
	return ok;
}

/* Reads the en and zh-TW blocks of an item: fields[] of each language go to
 * out[lang][field]; missing_ok[field] marks optional fields. */
static void get_langs(struct ctx *c, yaml_node_t *item, yaml_node_t *const *langs,
                      yaml_node_t *const *lkeys, const char *const *fields, size_t nf,
                      const bool *allow_empty, struct ltext *const *out,
                      yaml_node_t *(*extra_vals)[8], yaml_node_t *(*extra_keys)[8])
{
	for (int l = 0; l < LANG_COUNT; l++) {
		yaml_node_t *blk = langs[l];
		yaml_node_t *owner = lkeys[l] ? lkeys[l] : blk;   /* "missing" points at "en:" */
		yaml_node_t *vals[8], *keys[8];
		if (!blk) {
			cerr(c, item, "missing %s translation", lang_key[l]);
			continue;
		}
		if (blk->type != YAML_MAPPING_NODE) {
			cerr(c, blk, "%s must be a mapping of %s, %s, …", lang_key[l], fields[0], fields[1]);
			continue;
		}
		map_fields(c, blk, fields, nf, vals, keys, lang_key[l]);
		for (size_t f = 0; f < nf; f++) {
			if (extra_vals)
				extra_vals[l][f] = vals[f];
			if (extra_keys)
				extra_keys[l][f] = keys[f];
			if (!out[f])
				continue;     /* caller handles this field itself */
			char name[48];
			snprintf(name, sizeof name, "%s.%s", lang_key[l], fields[f]);
			free(out[f]->s[l]);
			out[f]->s[l] = get_text(c, vals[f], owner, name, true, allow_empty[f]);
		}
	}
}

/* ---- classes.yaml ------------------------------------------------------------------ */

enum { KC_CLASS, KC_EN, KC_ZH, KC_N };
static const char *const class_keys[KC_N] = { "class", "en", "zh-TW" };
static const char *const class_lang_keys[] = { "name", "summary" };

static void load_class(struct ctx *c, yaml_node_t *item, int idx)
{
	yaml_node_t *v[KC_N], *k[KC_N];
	int klass = 0;

	snprintf(c->label, sizeof c->label, "class (entry %d)", idx);
	yaml_node_t *cv = map_get(c->doc, item, "class");
	if (cv && get_int(c, cv, "class", 1, 5, &klass, "number"))
		snprintf(c->label, sizeof c->label, "class %d", klass);
	map_fields(c, item, class_keys, KC_N, v, k, "");
	if (!v[KC_CLASS])
		cerr(c, item, "missing class");
	if (klass == 0)
		return;
	struct loader *L = c->L;
	struct class_entry *e = &L->m->classes[klass - 1];
	if (L->class_seen[klass - 1]) {
		cerr(c, v[KC_CLASS], "duplicate class %d (first at line %d)", klass,
		     L->class_pos[klass - 1].line);
		return;
	}
	L->class_seen[klass - 1] = true;
	L->class_pos[klass - 1] = (struct cpos){ c->path, node_line(v[KC_CLASS]) };
	e->klass = klass;
	yaml_node_t *langs[LANG_COUNT] = { v[KC_EN], v[KC_ZH] };
	yaml_node_t *lkeys[LANG_COUNT] = { k[KC_EN], k[KC_ZH] };
	struct ltext *out[] = { &e->name, &e->summary };
	static const bool allow_empty[] = { false, false };
	get_langs(c, item, langs, lkeys, class_lang_keys, 2, allow_empty, out, NULL, NULL);
}

/* ---- codes/NXX.yaml ---------------- */

enum { KD_CODE, KD_PHRASE, KD_RFC, KD_STATUS, KD_CORE, KD_CACHE, KD_HEADERS, KD_CONFUSED,
       KD_ANCHOR, KD_EN, KD_ZH, KD_N };
static const char *const code_keys[KD_N] = {
	"code", "phrase", "rfc", "status", "core", "cacheable", "headers", "confused",
	"anchor", "en", "zh-TW",
};
static const char *const code_lang_keys[] = { "name", "summary", "detail", "use", "avoid" };
static const char *const status_names[] = {
	[CODE_REGISTERED] = "registered", [CODE_TEMPORARY] = "temporary", [CODE_UNUSED] = "unused",
	[CODE_OBSOLETED] = "obsoleted", [CODE_UNOFFICIAL] = "unofficial",
};

static void free_code(struct code_entry *e);

const char *model_status_name(enum code_status s)
{
	return (unsigned)s < sizeof status_names / sizeof status_names[0] ? status_names[s] : "";
}

static void load_code(struct ctx *c, yaml_node_t *item, int idx)
{
	struct loader *L = c->L;
	struct model *m = L->m;
	yaml_node_t *v[KD_N], *k[KD_N];
	struct code_entry e;
	int code = 0;

	memset(&e, 0, sizeof e);
	snprintf(c->label, sizeof c->label, "code (entry %d)", idx);
	yaml_node_t *cv = map_get(c->doc, item, "code");
	if (cv && get_int(c, cv, "code", 100, 599, &code, "number"))
		snprintf(c->label, sizeof c->label, "code %d", code);
	map_fields(c, item, code_keys, KD_N, v, k, "");
	if (!v[KD_CODE])
		cerr(c, item, "missing code");
	e.code = code;
	e.phrase = get_text(c, v[KD_PHRASE], item, "phrase", true, false);
	e.rfc = get_text(c, v[KD_RFC], item, "rfc", true, false);
	if (!v[KD_STATUS]) {
		cerr(c, item, "missing status");
	} else {
		size_t s = 0;
		while (s < sizeof status_names / sizeof *status_names && !scalar_is(v[KD_STATUS], status_names[s]))
			s++;
		if (s == sizeof status_names / sizeof *status_names)
			cerr(c, v[KD_STATUS], "status must be one of registered, temporary, unused, obsoleted, unofficial");
		else
			e.status = (enum code_status)s;
		if (e.status == CODE_UNOFFICIAL && e.rfc && strncmp(e.rfc, "RFC", 3) == 0)
			cerr(c, v[KD_RFC], "an unofficial code cannot cite an RFC (use rfc: none or the vendor)");
	}
	if (v[KD_CORE])
		get_bool(c, v[KD_CORE], "core", &e.core);
	if (v[KD_CACHE])
		get_bool(c, v[KD_CACHE], "cacheable", &e.cacheable);
	if (v[KD_HEADERS])
		get_str_list(c, v[KD_HEADERS], "headers", &e.headers, &e.n_headers);
	if (v[KD_CONFUSED]) {
		yaml_node_t *lv = v[KD_CONFUSED];
		if (lv->type != YAML_SEQUENCE_NODE) {
			cerr(c, lv, "confused must be a list of codes, like [401, 404]");
		} else {
			size_t cnt = (size_t)(lv->data.sequence.items.top - lv->data.sequence.items.start);
			e.confused = cnt ? calloc(cnt, sizeof *e.confused) : NULL;
			if (cnt && !e.confused)
				oom(L);
			for (size_t i = 0; e.confused && i < cnt; i++) {
				yaml_node_t *cn = node_at(c->doc, lv->data.sequence.items.start[i]);
				int cc;
				if (!get_int(c, cn, "each confused code", 100, 599, &cc, "number"))
					continue;
				if (cc == code) {
					cerr(c, cn, "a code cannot be confused with itself");
					continue;
				}
				e.confused[e.n_confused++] = cc;
				add_ref(c, cn, REF_CODE, "confused code", cc, NULL);
			}
		}
	}
	e.anchor = get_anchor_ref(c, v[KD_ANCHOR], item, false);
	if (e.core && !v[KD_ANCHOR])
		cerr(c, item, "a core code needs an anchor (chapter#anchor)");
	yaml_node_t *langs[LANG_COUNT] = { v[KD_EN], v[KD_ZH] };
	yaml_node_t *lkeys[LANG_COUNT] = { k[KD_EN], k[KD_ZH] };
	struct ltext *out[] = { &e.name, &e.summary, &e.detail, &e.use, &e.avoid };
	static const bool allow_empty[] = { false, false, false, false, true };
	get_langs(c, item, langs, lkeys, code_lang_keys, 5, allow_empty, out, NULL, NULL);

	if (code == 0) {          /* nothing can refer to it: drop it */
		free_code(&e);
		return;
	}
	void *a1 = m->codes, *a2 = L->code_pos;
	bool ok = grow(&a1, &L->cap_codes, m->n_codes, sizeof *m->codes);
	m->codes = a1;
	ok = ok && grow(&a2, &L->cap_code_pos, m->n_codes, sizeof *L->code_pos);
	L->code_pos = a2;
	if (!ok) {
		free_code(&e);
		oom(L);
		return;
	}
	m->codes[m->n_codes] = e;
	L->code_pos[m->n_codes] = (struct cpos){ c->path, node_line(v[KD_CODE]) };
	m->n_codes++;
}

/* ---- scenarios/NAME.yaml ---------- */

enum { KS_ID, KS_ANSWER, KS_HEADER, KS_TAGS, KS_ANCHOR, KS_EN, KS_ZH, KS_N };
static const char *const scen_keys[KS_N] = {
	"id", "answer", "header", "tags", "anchor", "en", "zh-TW",
};
enum { KSL_SIT, KSL_WHY, KSL_HWHY, KSL_WHYNOT, KSL_N };
static const char *const scen_lang_keys[KSL_N] = { "situation", "why", "header_why", "whynot" };

static void free_scenario(struct scenario *s);

static bool valid_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* True when text contains the number code as a word of its own. */
/* Whether text mentions code as a number of its own ("… returns 403"), not
 * inside a longer number or a token such as "100-continue" or "v403". */
static bool names_code(const char *text, int code)
{
	char num[8];
	snprintf(num, sizeof num, "%d", code);
	size_t k = strlen(num);
	for (const char *p = strstr(text, num); p; p = strstr(p + 1, num)) {
		bool before = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '-');
		bool after = !(isalnum((unsigned char)p[k]) || p[k] == '-');
		if (before && after)
			return true;
	}
	return false;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Reads one language's whynot mapping into codes[]/texts[] (n entries). */
static size_t get_whynot(struct ctx *c, yaml_node_t *wv, yaml_node_t *blk, int l, int answer,
                         int *codes, char **texts, size_t max)
{
	char name[48];
	size_t n = 0;
	snprintf(name, sizeof name, "%s.whynot", lang_key[l]);
	if (!wv) {
		cerr(c, blk, "missing %s", name);
		return 0;
	}
	if (wv->type != YAML_MAPPING_NODE) {
		cerr(c, wv, "%s must be a mapping of code: why it is wrong", name);
		return 0;
	}
	for (yaml_node_pair_t *p = wv->data.mapping.pairs.start; p < wv->data.mapping.pairs.top && n < max; p++) {
		yaml_node_t *kn = node_at(c->doc, p->key);
		int code;
		if (!get_int(c, kn, "each whynot key", 100, 599, &code, "code"))
			continue;
		bool dup = false;
		for (size_t i = 0; i < n; i++)
			dup = dup || codes[i] == code;
		if (dup) {
			cerr(c, kn, "%s lists %d twice", name, code);
			continue;
		}
		if (code == answer) {
			cerr(c, kn, "%s lists the answer %d itself", name, code);
			continue;
		}
		char fname[64];
		snprintf(fname, sizeof fname, "%s.whynot.%d", lang_key[l], code);
		char *t = get_text(c, node_at(c->doc, p->value), kn, fname, true, false);
		if (!t)
			t = xstrdup(c->L, "");   /* keep the code so the sets can be compared */
		codes[n] = code;
		texts[n] = t;
		n++;
		if (l == LANG_EN)
			add_ref(c, kn, REF_CODE, "whynot code", code, NULL);
	}
	if ((size_t)(wv->data.mapping.pairs.top - wv->data.mapping.pairs.start) > max)
		cerr(c, wv, "%s has more than %zu entries", name, max);
	if (n < 2)
		cerr(c, wv, "%s needs at least two tempting wrong codes", name);
	return n;
}

/* Joins both languages' whynot lists into s->whynot, reporting codes that
 * only one language explains. */
static void merge_whynot(struct ctx *c, struct scenario *s, yaml_node_t *const *wv,
                         int *const *codes, char **const *texts, const size_t *n)
{
	int sorted[LANG_COUNT][64];
	for (int l = 0; l < LANG_COUNT; l++) {
		if (n[l] == 0)
			continue;   /* codes[l] may be NULL */
		memcpy(sorted[l], codes[l], n[l] * sizeof(int));
		qsort(sorted[l], n[l], sizeof(int), cmp_int);
	}
	if (wv[LANG_EN] && wv[LANG_ZH]) {
		for (int l = 0; l < LANG_COUNT; l++) {
			int o = 1 - l;
			for (size_t i = 0; i < n[l]; i++)
				if (!bsearch(&sorted[l][i], sorted[o], n[o], sizeof(int), cmp_int))
					cerr(c, wv[o], "whynot codes differ between en and zh-TW: %d is only in %s",
					     sorted[l][i], lang_key[l]);
		}
	}
	s->whynot = n[LANG_EN] ? calloc(n[LANG_EN], sizeof *s->whynot) : NULL;
	if (n[LANG_EN] && !s->whynot) {
		oom(c->L);
		return;
	}
	for (size_t i = 0; i < n[LANG_EN]; i++) {
		struct whynot *w = &s->whynot[s->n_whynot++];
		w->code = codes[LANG_EN][i];
		w->text.s[LANG_EN] = texts[LANG_EN][i];
		texts[LANG_EN][i] = NULL;
		for (size_t j = 0; j < n[LANG_ZH]; j++)
			if (codes[LANG_ZH][j] == w->code) {
				w->text.s[LANG_ZH] = texts[LANG_ZH][j];
				texts[LANG_ZH][j] = NULL;
			}
	}
}

static void load_scenario(struct ctx *c, yaml_node_t *item, int idx)
{
	struct loader *L = c->L;
	struct model *m = L->m;
	yaml_node_t *v[KS_N], *k[KS_N];
	yaml_node_t *lv[LANG_COUNT][8], *lk[LANG_COUNT][8];
	struct scenario s;
	int wcodes[LANG_COUNT][64];
	char *wtexts[LANG_COUNT][64];
	size_t wn[LANG_COUNT] = { 0, 0 };

	memset(&s, 0, sizeof s);
	memset(lv, 0, sizeof lv);
	memset(lk, 0, sizeof lk);
	snprintf(c->label, sizeof c->label, "scenario (entry %d)", idx);
	yaml_node_t *iv = map_get(c->doc, item, "id");
	s.id = get_text(c, iv, item, "id", false, false);
	if (s.id && !valid_id(s.id)) {
		cerr(c, iv, "id '%s' may only use a-z, 0-9 and '-'", s.id);
		free(s.id);
		s.id = NULL;
	}
	if (s.id)
		snprintf(c->label, sizeof c->label, "scenario %.80s", s.id);
	map_fields(c, item, scen_keys, KS_N, v, k, "");
	if (!v[KS_ID])
		cerr(c, item, "missing id");
	if (!v[KS_ANSWER])
		cerr(c, item, "missing answer");
	else if (get_int(c, v[KS_ANSWER], "answer", 100, 599, &s.answer, "code"))
		add_ref(c, v[KS_ANSWER], REF_CODE, "answer", s.answer, NULL);
	if (v[KS_HEADER])
		s.header = get_text(c, v[KS_HEADER], item, "header", true, false);
	if (v[KS_TAGS])
		get_str_list(c, v[KS_TAGS], "tags", &s.tags, &s.n_tags);
	s.anchor = get_anchor_ref(c, v[KS_ANCHOR], item, true);

	yaml_node_t *langs[LANG_COUNT] = { v[KS_EN], v[KS_ZH] };
	yaml_node_t *lkeys[LANG_COUNT] = { k[KS_EN], k[KS_ZH] };
	struct ltext *out[KSL_N] = { &s.situation, &s.why, NULL, NULL };
	static const bool allow_empty[KSL_N] = { false, false, false, false };
	get_langs(c, item, langs, lkeys, scen_lang_keys, KSL_N, allow_empty, out, lv, lk);
	for (int l = 0; l < LANG_COUNT; l++) {
		if (!langs[l] || langs[l]->type != YAML_MAPPING_NODE)
			continue;
		char name[48];
		snprintf(name, sizeof name, "%s.header_why", lang_key[l]);
		if (v[KS_HEADER])
			s.header_why.s[l] = get_text(c, lv[l][KSL_HWHY], lkeys[l], name, true, false);
		else if (lv[l][KSL_HWHY])
			cerr(c, lv[l][KSL_HWHY], "%s is given but the scenario has no header", name);
		wn[l] = get_whynot(c, lv[l][KSL_WHYNOT], lkeys[l], l, s.answer, wcodes[l], wtexts[l], 64);
		if (s.situation.s[l] && s.answer && names_code(s.situation.s[l], s.answer))
			cerr(c, lv[l][KSL_SIT], "%s.situation gives away the answer %d", lang_key[l], s.answer);
	}
	yaml_node_t *wv[LANG_COUNT] = { lk[LANG_EN][KSL_WHYNOT], lk[LANG_ZH][KSL_WHYNOT] };
	int *wc[LANG_COUNT] = { wcodes[LANG_EN], wcodes[LANG_ZH] };
	char **wt[LANG_COUNT] = { wtexts[LANG_EN], wtexts[LANG_ZH] };
	merge_whynot(c, &s, wv, wc, wt, wn);
	for (int l = 0; l < LANG_COUNT; l++)
		for (size_t i = 0; i < wn[l]; i++)
			free(wtexts[l][i]);

	void *a1 = m->scenarios, *a2 = L->scen_pos, *a3 = L->sit_pos[LANG_EN], *a4 = L->sit_pos[LANG_ZH];
	bool ok = grow(&a1, &L->cap_scen[0], m->n_scenarios, sizeof *m->scenarios);
	m->scenarios = a1;
	ok = ok && grow(&a2, &L->cap_scen[1], m->n_scenarios, sizeof *L->scen_pos);
	L->scen_pos = a2;
	ok = ok && grow(&a3, &L->cap_scen[2], m->n_scenarios, sizeof *L->scen_pos);
	L->sit_pos[LANG_EN] = a3;
	ok = ok && grow(&a4, &L->cap_scen[3], m->n_scenarios, sizeof *L->scen_pos);
	L->sit_pos[LANG_ZH] = a4;
	if (!ok) {
		free_scenario(&s);
		oom(L);
		return;
	}
	size_t i = m->n_scenarios++;
	m->scenarios[i] = s;
	L->scen_pos[i] = (struct cpos){ c->path, node_line(iv ? iv : item) };
	for (int l = 0; l < LANG_COUNT; l++)
		L->sit_pos[l][i] = (struct cpos){ c->path, node_line(lv[l][KSL_SIT] ? lv[l][KSL_SIT] : item) };
}

/* ---- chapters ---------------------------------------------------------------------------- */

static bool valid_anchor(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* Line of the nth (0-based) "{#name}" in the Markdown source, or 1. */
static int anchor_line(const char *md, const char *name, size_t nth)
{
	size_t k = strlen(name);
	for (const char *p = strstr(md, "{#"); p; p = strstr(p + 2, "{#")) {
		if (strncmp(p + 2, name, k) == 0 && p[2 + k] == '}' && nth-- == 0)
			return line_of(md, (size_t)(p - md));
	}
	return 1;
}

/* Parses "NN-slug.md": false when the name does not fit. */
static bool chapter_name(const char *file, int *number, char **slug)
{
	const char *p = file;
	int n = 0, digits = 0;
	while (*p >= '0' && *p <= '9' && digits < 4) {
		n = n * 10 + (*p++ - '0');
		digits++;
	}
	if (digits == 0 || *p != '-')
		return false;
	p++;
	size_t len = strlen(p) - 3;  /* has_suffix(".md") was checked */
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9') || p[i] == '-'))
			return false;
	*slug = strndup(p, len);
	*number = n;
	return *slug != NULL;
}

static void free_chsrc(struct chsrc *h)
{
	free(h->file);
	free(h->slug);
	free(h->md);
	free(h->title);
	for (size_t i = 0; i < h->n_anc; i++)
		free(h->anc[i].name);
	free(h->anc);
}

static void load_chapter(struct loader *L, int lang, const char *file)
{
	char rel[512];
	struct chsrc h;
	struct md_doc doc;
	char merr[256] = "";
	size_t len = 0;
	bool rendered = false;

	memset(&h, 0, sizeof h);
	memset(&doc, 0, sizeof doc);
	snprintf(rel, sizeof rel, "%s/chapters/%s", lang_key[lang], file);
	const char *path = pool_path(L, rel);
	if (!chapter_name(file, &h.number, &h.slug)) {
		err_at(L, path, 1, "chapter file names must look like NN-slug.md (slug: a-z, 0-9, '-')");
		goto cleanup;
	}
	h.file = xstrdup(L, file);
	h.path = path;
	char *buf = read_src(L, rel, path, &len);
	if (!buf || !h.file)
		goto cleanup;
	check_bytes(L, path, buf, len);
	h.md = text_scrub(buf, len, true);
	if (!h.md) {
		oom(L);
		goto cleanup;
	}
	if (!md_render(buf, len, 80, &doc, merr, sizeof merr)) {
		err_at(L, path, 1, "Markdown: %s", merr[0] ? merr : "cannot render");
		goto cleanup;
	}
	rendered = true;
	if (!doc.title || !doc.title[0])
		err_at(L, path, 1, "missing title: the chapter must start with a '# heading'");
	else if (!(h.title = text_scrub(doc.title, strlen(doc.title), false)))
		oom(L);
	for (size_t i = 0; i < doc.n_lines; i++) {
		const char *a = doc.lines[i].anchor;
		if (!a)
			continue;
		size_t seen = 0;
		for (size_t j = 0; j < h.n_anc; j++)
			if (strcmp(h.anc[j].name, a) == 0)
				seen++;
		int line = anchor_line(buf, a, seen);
		if (!valid_anchor(a)) {
			err_at(L, path, line, "anchor '{#%s}' may only use A-Z, a-z, 0-9 and '-'", a);
			continue;
		}
		if (seen) {
			for (size_t j = 0; j < h.n_anc; j++)
				if (strcmp(h.anc[j].name, a) == 0) {
					err_at(L, path, line, "duplicate anchor '%s' (first at line %d)", a, h.anc[j].line);
					break;
				}
		}
		void *arr = h.anc;
		size_t cap = h.n_anc;   /* exact-fit growth: chapters have few anchors */
		char *name = strdup(a);
		struct anc *na = name ? realloc(arr, (cap + 1) * sizeof *h.anc) : NULL;
		if (!na) {
			free(name);
			oom(L);
			goto cleanup;
		}
		h.anc = na;
		h.anc[h.n_anc++] = (struct anc){ name, line };
	}
	void *arr = L->ch[lang];
	if (!grow(&arr, &L->cap_ch[lang], L->n_ch[lang], sizeof h)) {
		oom(L);
		goto cleanup;
	}
	L->ch[lang] = arr;
	L->ch[lang][L->n_ch[lang]++] = h;
	memset(&h, 0, sizeof h);
cleanup:
	if (rendered)
		md_doc_free(&doc);
	free_chsrc(&h);
}

static bool anchor_in(const struct chsrc *h, const char *name)
{
	for (size_t i = 0; i < h->n_anc; i++)
		if (strcmp(h->anc[i].name, name) == 0)
			return true;
	return false;
}

/* Reports anchors of a that b lacks (at b's file). */
static void anchors_missing(struct loader *L, const struct chsrc *a, const struct chsrc *b, int la)
{
	for (size_t i = 0; i < a->n_anc; i++) {
		bool first = true;
		for (size_t j = 0; j < i; j++)
			first = first && strcmp(a->anc[j].name, a->anc[i].name) != 0;
		if (first && !anchor_in(b, a->anc[i].name))
			err_at(L, b->path, 1, "anchor '%s' is in %s/chapters/%s (line %d) but not in this file",
			       a->anc[i].name, lang_key[la], a->file, a->anc[i].line);
	}
}

/* Pairs the chapter files of both languages into m->chapters. */
static void build_chapters(struct loader *L)
{
	struct model *m = L->m;
	size_t cap = L->n_ch[LANG_EN] + L->n_ch[LANG_ZH];

	for (int l = 0; l < LANG_COUNT; l++)
		for (size_t i = 0; i < L->n_ch[l]; i++)
			for (size_t j = 0; j < i; j++) {
				const struct chsrc *a = &L->ch[l][j], *b = &L->ch[l][i];
				if (strcmp(a->slug, b->slug) == 0)
					err_at(L, b->path, 1, "duplicate chapter id '%s' (first in %s)", b->slug, a->file);
				else if (a->number == b->number)
					err_at(L, b->path, 1, "chapter number %d is also used by %s", b->number, a->file);
			}
	if (cap == 0)
		return;
	m->chapters = calloc(cap, sizeof *m->chapters);
	if (!m->chapters) {
		oom(L);
		return;
	}
	for (int l = 0; l < LANG_COUNT; l++) {
		for (size_t i = 0; i < L->n_ch[l]; i++) {
			struct chsrc *h = &L->ch[l][i];
			struct chapter *ch = NULL;
			for (size_t j = 0; j < m->n_chapters && !ch; j++)
				if (strcmp(m->chapters[j].id, h->slug) == 0)
					ch = &m->chapters[j];
			if (ch && ch->path[l])
				continue;     /* duplicate id, reported above */
			if (!ch) {
				ch = &m->chapters[m->n_chapters++];
				ch->id = xstrdup(L, h->slug);
				ch->number = h->number;
				ch->anchors = h->n_anc ? calloc(h->n_anc, sizeof *ch->anchors) : NULL;
				for (size_t a = 0; ch->anchors && a < h->n_anc; a++)
					ch->anchors[ch->n_anchors++] = xstrdup(L, h->anc[a].name);
			}
			ch->path[l] = xstrdup(L, h->path);
			ch->markdown[l] = h->md;
			h->md = NULL;
			ch->title.s[l] = h->title;
			h->title = NULL;
		}
	}
	/* Pairs: a chapter must exist in both languages with the same anchors. */
	for (size_t i = 0; i < L->n_ch[LANG_EN]; i++) {
		struct chsrc *e = &L->ch[LANG_EN][i], *z = NULL;
		for (size_t j = 0; j < L->n_ch[LANG_ZH] && !z; j++)
			if (strcmp(L->ch[LANG_ZH][j].slug, e->slug) == 0)
				z = &L->ch[LANG_ZH][j];
		if (!z) {
			err_at(L, e->path, 1, "chapter '%s' has no zh-TW version (zh-TW/chapters/%s)", e->slug, e->file);
			continue;
		}
		if (strcmp(e->file, z->file) != 0)
			err_at(L, z->path, 1, "chapter '%s' is %s in en: use the same file name", z->slug, e->file);
		anchors_missing(L, e, z, LANG_EN);
		anchors_missing(L, z, e, LANG_ZH);
	}
	for (size_t j = 0; j < L->n_ch[LANG_ZH]; j++) {
		struct chsrc *z = &L->ch[LANG_ZH][j];
		bool found = false;
		for (size_t i = 0; i < L->n_ch[LANG_EN] && !found; i++)
			found = strcmp(L->ch[LANG_EN][i].slug, z->slug) == 0;
		if (!found)
			err_at(L, z->path, 1, "chapter '%s' has no en version (en/chapters/%s)", z->slug, z->file);
	}
}

static void load_chapters(struct loader *L)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		char rel[32];
		char **names;
		size_t n;
		snprintf(rel, sizeof rel, "%s/chapters", lang_key[l]);
		if (!list_dir(L, rel, ".md", &names, &n))
			continue;
		if (n == 0)
			err_at(L, pool_path(L, rel), 1, "no chapters (NN-slug.md) in this folder");
		for (size_t i = 0; i < n; i++)
			load_chapter(L, l, names[i]);
		free_names(names, n);
	}
	build_chapters(L);
}

/* ---- whole-pack checks ---------------------------------------------------------------- */

struct keyed {           /* for duplicate detection by sorting */
	const char *s;
	int n;
	size_t idx;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = x->s && y->s ? strcmp(x->s, y->s) : (x->n > y->n) - (x->n < y->n);
	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

static void check_duplicates(struct loader *L)
{
	struct model *m = L->m;
	size_t n = m->n_codes > m->n_scenarios ? m->n_codes : m->n_scenarios;
	struct keyed *k = n ? calloc(n, sizeof *k) : NULL;
	if (n && !k) {
		oom(L);
		return;
	}
	for (size_t i = 0; i < m->n_codes; i++)
		k[i] = (struct keyed){ NULL, m->codes[i].code, i };
	if (m->n_codes > 1)
		qsort(k, m->n_codes, sizeof *k, cmp_keyed);
	for (size_t i = 1; i < m->n_codes; i++)
		if (k[i].n == k[i - 1].n) {
			struct cpos a = L->code_pos[k[i - 1].idx], b = L->code_pos[k[i].idx];
			err_at(L, b.path, b.line, "duplicate code %d (first at %s:%d)", k[i].n, a.path, a.line);
			k[i].idx = k[i - 1].idx;   /* later copies all point at the first */
		}

	size_t c = 0;
	for (size_t i = 0; i < m->n_scenarios; i++)
		if (m->scenarios[i].id)
			k[c++] = (struct keyed){ m->scenarios[i].id, 0, i };
	if (c > 1)
		qsort(k, c, sizeof *k, cmp_keyed);
	for (size_t i = 1; i < c; i++)
		if (strcmp(k[i].s, k[i - 1].s) == 0) {
			struct cpos a = L->scen_pos[k[i - 1].idx], b = L->scen_pos[k[i].idx];
			err_at(L, b.path, b.line, "duplicate scenario id '%s' (first at %s:%d)", k[i].s, a.path, a.line);
			k[i].idx = k[i - 1].idx;
		}

	for (int l = 0; l < LANG_COUNT; l++) {
		c = 0;
		for (size_t i = 0; i < m->n_scenarios; i++)
			if (m->scenarios[i].situation.s[l])
				k[c++] = (struct keyed){ m->scenarios[i].situation.s[l], 0, i };
		if (c > 1)
			qsort(k, c, sizeof *k, cmp_keyed);
		for (size_t i = 1; i < c; i++)
			if (strcmp(k[i].s, k[i - 1].s) == 0) {
				struct cpos a = L->sit_pos[l][k[i - 1].idx], b = L->sit_pos[l][k[i].idx];
				const struct scenario *s = &m->scenarios[k[i].idx];
				err_at(L, b.path, b.line, "scenario %s: %s.situation is the same as scenario %s (%s:%d)",
				       s->id ? s->id : "?", lang_key[l],
				       m->scenarios[k[i - 1].idx].id ? m->scenarios[k[i - 1].idx].id : "?",
				       a.path, a.line);
				k[i].idx = k[i - 1].idx;
			}
	}
	free(k);
}

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

static void check_refs(struct loader *L)
{
	struct model *m = L->m;
	for (size_t i = 0; i < L->n_refs; i++) {
		struct ref *r = &L->refs[i];
		if (r->kind == REF_CODE) {
			if (!model_code(m, r->code))
				err_at(L, r->at.path, r->at.line, "%s: %s %d is not in the code table",
				       r->label, r->role, r->code);
			continue;
		}
		const char *hash = strchr(r->target, '#');
		size_t idlen = hash ? (size_t)(hash - r->target) : strlen(r->target);
		const struct chapter *ch = NULL;
		for (size_t j = 0; j < m->n_chapters && !ch; j++)
			if (strlen(m->chapters[j].id) == idlen && strncmp(m->chapters[j].id, r->target, idlen) == 0)
				ch = &m->chapters[j];
		if (!ch)
			err_at(L, r->at.path, r->at.line, "%s: anchor '%s': there is no chapter '%.*s'",
			       r->label, r->target, (int)idlen, r->target);
		else if (model_resolve(m, r->target, NULL) < 0)
			err_at(L, r->at.path, r->at.line, "%s: anchor '%s': chapter '%s' has no heading {#%s}",
			       r->label, r->target, ch->id, hash + 1);
	}
}

static void check_classes(struct loader *L)
{
	const char *path = pool_path(L, "classes.yaml");
	for (int i = 0; i < 5; i++)
		if (!L->class_seen[i])
			err_at(L, path, 1, "class %d is missing (classes 1 to 5 must each appear once)", i + 1);
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct srcfile *)a)->rel, ((const struct srcfile *)b)->rel);
}

/* 64-bit FNV-1a over each file's relative path, a NUL, and its bytes. */
static void compute_version(struct loader *L)
{
	uint64_t h = 0xcbf29ce484222325ull;
	if (L->n_files > 1)
		qsort(L->files, L->n_files, sizeof *L->files, cmp_file);
	for (size_t i = 0; i < L->n_files; i++) {
		const struct srcfile *f = &L->files[i];
		const unsigned char *p = (const unsigned char *)f->rel;
		size_t rl = strlen(f->rel) + 1;
		for (size_t j = 0; j < rl; j++)
			h = (h ^ p[j]) * 0x100000001b3ull;
		p = (const unsigned char *)f->buf;
		for (size_t j = 0; j < f->len; j++)
			h = (h ^ p[j]) * 0x100000001b3ull;
	}
	snprintf(L->m->version, sizeof L->m->version, "%016llx", (unsigned long long)h);
}

static int cmp_ent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (!c)
		c = (x->line > y->line) - (x->line < y->line);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void loader_done(struct loader *L)
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
	for (size_t i = 0; i < L->n_paths; i++)
		free(L->paths[i]);
	free(L->paths);
	free(L->code_pos);
	free(L->scen_pos);
	for (int l = 0; l < LANG_COUNT; l++) {
		free(L->sit_pos[l]);
		for (size_t i = 0; i < L->n_ch[l]; i++)
			free_chsrc(&L->ch[l][i]);
		free(L->ch[l]);
	}
	for (size_t i = 0; i < L->n_refs; i++) {
		free(L->refs[i].label);
		free(L->refs[i].target);
	}
	free(L->refs);
}

static void load_yaml_folder(struct loader *L, const char *rel, const char *what,
                             void (*each)(struct ctx *, yaml_node_t *, int), bool need_one)
{
	char **names;
	size_t n;
	if (!list_dir(L, rel, ".yaml", &names, &n))
		return;
	if (n == 0 && need_one)
		err_at(L, pool_path(L, rel), 1, "no *.yaml files in this folder");
	for (size_t i = 0; i < n; i++) {
		char sub[512];
		snprintf(sub, sizeof sub, "%s/%s", rel, names[i]);
		load_yaml_list(L, sub, what, each);
	}
	free_names(names, n);
}

bool content_load(const char *dir, struct model *m, struct diag *d)
{
	struct loader L;
	bool ok = false;

	memset(&L, 0, sizeof L);
	memset(m, 0, sizeof *m);
	L.dir = dir ? dir : "";
	L.m = m;
	m->dir = xstrdup(&L, L.dir);
	if (!is_dir(L.dir)) {
		err_at(&L, L.dir, 1, "cannot open content folder: %s", strerror(errno ? errno : ENOTDIR));
		goto publish;
	}
	/* missing classes are only worth naming when the file itself was read */
	if (load_yaml_list(&L, "classes.yaml", "classes", load_class))
		check_classes(&L);
	load_yaml_folder(&L, "codes", "codes", load_code, true);
	load_chapters(&L);
	load_yaml_folder(&L, "scenarios", "scenarios", load_scenario, false);
	check_duplicates(&L);
	if (m->n_codes > 1)
		qsort(m->codes, m->n_codes, sizeof *m->codes, cmp_code);
	if (m->n_chapters > 1)
		qsort(m->chapters, m->n_chapters, sizeof *m->chapters, cmp_chapter);
	check_refs(&L);
	compute_version(&L);
publish:
	if (L.oom)
		err_at(&L, L.dir, 1, "out of memory while loading content");
	/* qsort with a NULL base is undefined even for zero items. */
	if (L.n_ents > 1)
		qsort(L.ents, L.n_ents, sizeof *L.ents, cmp_ent);
	for (size_t i = 0; i < L.n_ents; i++)
		diag_add(d, "%s:%d: %s", L.ents[i].path, L.ents[i].line, L.ents[i].msg);
	ok = L.n_ents == 0;
	loader_done(&L);
	if (!ok)
		content_free(m);
	return ok;
}

/* ---- freeing ------------------------------------------------------------------------------- */

static void free_ltext(struct ltext *t)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		free(t->s[l]);
		t->s[l] = NULL;
	}
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void free_code(struct code_entry *e)
{
	free(e->phrase);
	free(e->rfc);
	free_strv(e->headers, e->n_headers);
	free(e->confused);
	free(e->anchor);
	free_ltext(&e->name);
	free_ltext(&e->summary);
	free_ltext(&e->detail);
	free_ltext(&e->use);
	free_ltext(&e->avoid);
}

static void free_scenario(struct scenario *s)
{
	free(s->id);
	free(s->header);
	free_strv(s->tags, s->n_tags);
	free(s->anchor);
	free_ltext(&s->situation);
	free_ltext(&s->why);
	free_ltext(&s->header_why);
	for (size_t i = 0; i < s->n_whynot; i++)
		free_ltext(&s->whynot[i].text);
	free(s->whynot);
}

void content_free(struct model *m)
{
	if (!m)
		return;
	free(m->dir);
	for (int i = 0; i < 5; i++) {
		free_ltext(&m->classes[i].name);
		free_ltext(&m->classes[i].summary);
	}
	for (size_t i = 0; i < m->n_codes; i++)
		free_code(&m->codes[i]);
	free(m->codes);
	for (size_t i = 0; i < m->n_chapters; i++) {
		struct chapter *c = &m->chapters[i];
		free(c->id);
		free_ltext(&c->title);
		for (int l = 0; l < LANG_COUNT; l++) {
			free(c->path[l]);
			free(c->markdown[l]);
		}
		free_strv(c->anchors, c->n_anchors);
	}
	free(m->chapters);
	for (size_t i = 0; i < m->n_scenarios; i++)
		free_scenario(&m->scenarios[i]);
	free(m->scenarios);
	memset(m, 0, sizeof *m);
}

/* ---- lookups --------------------------------------------------------------------------------- */

const struct code_entry *model_code(const struct model *m, int code)
{
	size_t lo = 0, hi = m->n_codes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->codes[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n_codes && m->codes[lo].code == code ? &m->codes[lo] : NULL;
}

const struct chapter *model_chapter(const struct model *m, const char *id)
{
	for (size_t i = 0; id && i < m->n_chapters; i++)
		if (m->chapters[i].id && strcmp(m->chapters[i].id, id) == 0)
			return &m->chapters[i];
	return NULL;
}

const struct scenario *model_scenario(const struct model *m, const char *id)
{
	for (size_t i = 0; id && i < m->n_scenarios; i++)
		if (m->scenarios[i].id && strcmp(m->scenarios[i].id, id) == 0)
			return &m->scenarios[i];
	return NULL;
}

int model_resolve(const struct model *m, const char *ref, const char **anchor)
{
	if (anchor)
		*anchor = NULL;
	if (!ref)
		return -1;
	const char *hash = strchr(ref, '#');
	size_t idlen = hash ? (size_t)(hash - ref) : strlen(ref);
	for (size_t i = 0; i < m->n_chapters; i++) {
		const struct chapter *c = &m->chapters[i];
		if (!c->id || strlen(c->id) != idlen || strncmp(c->id, ref, idlen) != 0)
			continue;
		if (!hash)
			return (int)i;
		for (size_t a = 0; a < c->n_anchors; a++)
			if (c->anchors[a] && strcmp(c->anchors[a], hash + 1) == 0) {
				if (anchor)
					*anchor = hash + 1;
				return (int)i;
			}
		return -1;
	}
	return -1;
}

const char *ltext_get(const struct ltext *t, enum lang lang)
{
	if (!t)
		return "";
	if ((int)lang >= 0 && lang < LANG_COUNT && t->s[lang])
		return t->s[lang];
	return t->s[LANG_EN] ? t->s[LANG_EN] : "";
}

/* ---- finding the folder ------------------------------------------------------------------------ */

static bool has_codes(const char *dir)
{
	size_t n = strlen(dir);
	char *p = malloc(n + 7);
	bool ok = false;
	if (p) {
		snprintf(p, n + 7, "%s/codes", dir);
		ok = is_dir(p);
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
