/* snapshot.c — the model as one block of bytes and back (see snapshot.h).
 *
 * Field tables list every pointer of every model struct; the scalars travel
 * as the structs' own bytes, so a new int or bool needs nothing here.  A new
 * pointer does: the size checks below stop the build until the struct's
 * table and size have been looked at. */
#include "snapshot.h"
#include "packhash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SNAP_FORMAT = 1, SNAP_ORDER = 0x01020304 };
static const char snap_magic[8] = { 'h', 't', 't', 'p', 's', 'n', 'a', 'p' };

struct snap_head {
	char magic[8];
	uint32_t format, order;
	uint64_t layout;          /* snapshot_layout_id() */
	uint64_t program;         /* which binary wrote it */
	uint64_t total;           /* bytes in the block */
	uint64_t checksum;        /* XXH3 of the block with this field zero */
	uint64_t arena;           /* bytes of structs the open copies */
	uint64_t paths, path_bytes; /* path slots and their relative bytes */
	uint64_t key_off, key_len;
	uint64_t str_off, str_len;
	uint64_t rec_off, rec_len; /* the model's record comes first */
};

/* ---- the field tables --------------------------------------------------- */

enum fkind {
	FK_STR,     /* n char * in a row (a char *, a struct ltext, an ltext[]) */
	FK_PATH,    /* n char * under m->dir: stored relative, joined on open */
	FK_STRV,    /* char ** with a size_t count */
	FK_INTV,    /* int * with a size_t count */
	FK_VEC,     /* struct elem * with a size_t count */
	FK_INLINE,  /* n struct elem in place */
	FK_SKIP,    /* n bytes not stored (set by the open) */
};

struct ftype;
struct field {
	const char *name;
	enum fkind kind;
	size_t off, n, count_off;
	const struct ftype *elem;
};

struct ftype {
	const char *name;
	size_t size;
	const struct field *f;
	size_t nf;
};

#define MEMBER(T, f) (((T *)0)->f)
/* A count must be a size_t: a negative array size stops the build otherwise. */
#define COUNT(T, c) (offsetof(T, c) + 0 * sizeof(char[sizeof MEMBER(T, c) == sizeof(size_t) ? 1 : -1]))
#define STR(T, f)    { #f, FK_STR, offsetof(T, f), sizeof MEMBER(T, f) / (sizeof(char *)), 0, NULL }
#define PATH(T, f)   { #f, FK_PATH, offsetof(T, f), sizeof MEMBER(T, f) / (sizeof(char *)), 0, NULL }
#define STRV(T, f, c) { #f, FK_STRV, offsetof(T, f), 1, COUNT(T, c), NULL }
#define INTV(T, f, c) { #f, FK_INTV, offsetof(T, f), 1, COUNT(T, c), NULL }
#define VEC(T, f, c, E) { #f, FK_VEC, offsetof(T, f), 1, COUNT(T, c), &E }
#define INLINE(T, f, ET, E) { #f, FK_INLINE, offsetof(T, f), sizeof MEMBER(T, f) / (sizeof(ET)), 0, &E }
#define SKIP(T, f)   { #f, FK_SKIP, offsetof(T, f), sizeof MEMBER(T, f), 0, NULL }
#define TYPE(T, tbl) { #T, sizeof(T), tbl, sizeof tbl / sizeof tbl[0] }

_Static_assert(sizeof(struct ltext) == LANG_COUNT * sizeof(char *), "struct ltext must be only its strings");

static const struct field class_f[] = {
	STR(struct class_entry, name), STR(struct class_entry, summary),
};
static const struct ftype class_t = TYPE(struct class_entry, class_f);

static const struct field code_f[] = {
	STR(struct code_entry, phrase), STR(struct code_entry, rfc),
	STRV(struct code_entry, headers, n_headers), INTV(struct code_entry, confused, n_confused),
	STR(struct code_entry, anchor), STR(struct code_entry, name), STR(struct code_entry, summary),
	STR(struct code_entry, detail), STR(struct code_entry, use), STR(struct code_entry, avoid),
};
static const struct ftype code_t = TYPE(struct code_entry, code_f);

static const struct field whynot_f[] = {
	STR(struct whynot, text),
};
static const struct ftype whynot_t = TYPE(struct whynot, whynot_f);

static const struct field scenario_f[] = {
	STR(struct scenario, id), STR(struct scenario, header), STRV(struct scenario, tags, n_tags),
	STR(struct scenario, anchor), STR(struct scenario, situation), STR(struct scenario, why),
	STR(struct scenario, header_why), VEC(struct scenario, whynot, n_whynot, whynot_t),
	VEC(struct scenario, also, n_also, whynot_t),
};
static const struct ftype scenario_t = TYPE(struct scenario, scenario_f);

static const struct field contrast_f[] = {
	STR(struct contrast, id), STR(struct contrast, anchor), STR(struct contrast, title),
	STR(struct contrast, question), STR(struct contrast, rule), STR(struct contrast, example),
};
static const struct ftype contrast_t = TYPE(struct contrast, contrast_f);

static const struct field term_f[] = {
	STR(struct term, concept), STR(struct term, en), STR(struct term, zh),
	STRV(struct term, avoid, n_avoid),
};
static const struct ftype term_t = TYPE(struct term, term_f);

static const struct field chapter_f[] = {
	STR(struct chapter, id), STR(struct chapter, title), PATH(struct chapter, path),
	STR(struct chapter, markdown), STRV(struct chapter, anchors, n_anchors),
};
static const struct ftype chapter_t = TYPE(struct chapter, chapter_f);

static const struct field model_f[] = {
	SKIP(struct model, dir), INLINE(struct model, classes, struct class_entry, class_t),
	VEC(struct model, codes, n_codes, code_t), VEC(struct model, chapters, n_chapters, chapter_t),
	VEC(struct model, scenarios, n_scenarios, scenario_t),
	VEC(struct model, contrasts, n_contrasts, contrast_t),
	VEC(struct model, terms, n_terms, term_t),
	SKIP(struct model, arena), SKIP(struct model, snap), SKIP(struct model, snap_len),
	SKIP(struct model, snap_owner),
};
static const struct ftype model_t = TYPE(struct model, model_f);

/* Tripwire: when one of these fails, a model struct changed.  Add any new
 * pointer (and its count) to the struct's table above — scalars need
 * nothing — then write the new size here.  tests/unit/test_snapshot.c then
 * checks a round trip of the real pack field by field. */
#if UINTPTR_MAX == UINT64_MAX && SIZE_MAX == UINT64_MAX
#define LAYOUT(T, bytes) _Static_assert(sizeof(T) == (bytes), \
	#T " changed: list its new pointers in snapshot.c's tables, then update this size")
LAYOUT(struct class_entry, 40);
LAYOUT(struct code_entry, 152);
LAYOUT(struct whynot, 24);
LAYOUT(struct scenario, 128);
LAYOUT(struct contrast, 152);
LAYOUT(struct term, 40);
LAYOUT(struct chapter, 80);
LAYOUT(struct model, 344);
#endif

static const struct ftype *const all_types[] = {
	&class_t, &code_t, &whynot_t, &scenario_t, &contrast_t, &term_t, &chapter_t, &model_t,
};

uint64_t snapshot_layout_id(void)
{
	uint64_t h = SNAP_FORMAT;
	for (size_t t = 0; t < sizeof all_types / sizeof all_types[0]; t++) {
		const struct ftype *ty = all_types[t];
		h = packhash_bytes(ty->name, strlen(ty->name), h ^ ty->size);
		for (size_t i = 0; i < ty->nf; i++) {
			const struct field *f = &ty->f[i];
			uint64_t v[4] = { f->kind, f->off, f->n, f->count_off };
			h = packhash_bytes(v, sizeof v, h);
			h = packhash_bytes(f->name, strlen(f->name), h);
		}
	}
	return h;
}

static size_t align_up(size_t n, size_t a)
{
	return (n + a - 1) / a * a;
}

/* Length of dir without its trailing slashes: paths under it continue with
 * one '/' (loader_path never doubles it). */
static size_t prefix_len(const char *dir)
{
	size_t n = strlen(dir);
	while (n && dir[n - 1] == '/')
		n--;
	return n;
}

static size_t count_at(const void *rec, const struct field *f)
{
	size_t n;
	memcpy(&n, (const char *)rec + f->count_off, sizeof n);
	return n;
}

/* ---- writing ------------------------------------------------------------ */

struct buf {
	unsigned char *p;
	size_t len, cap;
};

struct wr {
	struct buf str, rec;
	const char *dir;
	size_t dirlen;
	uint64_t arena, paths, path_bytes;
	bool oom;
};

/* Room for n more bytes at an aligned end; the offset, or SIZE_MAX. */
static size_t buf_take(struct wr *w, struct buf *b, size_t n, size_t align)
{
	size_t at = align_up(b->len, align);
	if (w->oom || at + n < at)
		goto fail;
	if (at + n > b->cap) {
		size_t nc = b->cap ? b->cap : 1 << 16;
		while (nc < at + n)
			nc *= 2;
		unsigned char *np = realloc(b->p, nc);
		if (!np)
			goto fail;
		b->p = np;
		b->cap = nc;
	}
	memset(b->p + b->len, 0, at + n - b->len);
	b->len = at + n;
	return at;
fail:
	w->oom = true;
	return SIZE_MAX;
}

/* A string reference: offset in the string section plus one; 0 is NULL. */
static uintptr_t put_str(struct wr *w, const char *s)
{
	if (!s)
		return 0;
	size_t n = strlen(s) + 1;
	size_t at = buf_take(w, &w->str, n, 1);
	if (at == SIZE_MAX)
		return 0;
	memcpy(w->str.p + at, s, n);
	return (uintptr_t)at + 1;
}

static void set_slot(struct wr *w, size_t at, uintptr_t v)
{
	if (!w->oom)
		memcpy(w->rec.p + at, &v, sizeof v);
}

static void put_record(struct wr *w, const struct ftype *t, const void *src, size_t at);

/* count elements of type t from src as a new array; its offset (0 if none). */
static uintptr_t put_vec(struct wr *w, const struct ftype *t, const void *src, size_t count)
{
	if (!count || !src)
		return 0;
	size_t at = buf_take(w, &w->rec, count * t->size, 16);
	if (at == SIZE_MAX)
		return 0;
	memcpy(w->rec.p + at, src, count * t->size);
	w->arena += align_up(count * t->size, 16);
	for (size_t i = 0; i < count && !w->oom; i++)
		put_record(w, t, (const char *)src + i * t->size, at + i * t->size);
	return (uintptr_t)at;
}

/* The record at rec[at] holds a copy of src: replace its pointers by offsets. */
static void put_record(struct wr *w, const struct ftype *t, const void *src, size_t at)
{
	for (size_t i = 0; i < t->nf && !w->oom; i++) {
		const struct field *f = &t->f[i];
		const char *from = (const char *)src + f->off;
		size_t slot = at + f->off;
		char *const *sv;
		size_t n = f->kind == FK_STRV || f->kind == FK_INTV || f->kind == FK_VEC ? count_at(src, f) : 0;
		switch (f->kind) {
		case FK_STR:
		case FK_PATH:
			for (size_t k = 0; k < f->n; k++) {
				const char *s;
				memcpy(&s, from + k * sizeof s, sizeof s);
				if (s && f->kind == FK_PATH) {
					if (w->dir[0] && strncmp(s, w->dir, w->dirlen) == 0 && s[w->dirlen] == '/')
						s += w->dirlen + 1;
					w->paths++;
					w->path_bytes += strlen(s) + 1;
				}
				set_slot(w, slot + k * sizeof s, put_str(w, s));
			}
			break;
		case FK_STRV: {
			memcpy(&sv, from, sizeof sv);
			size_t arr = n && sv ? buf_take(w, &w->rec, n * sizeof(uintptr_t), 16) : 0;
			if (arr == SIZE_MAX)
				return;
			for (size_t k = 0; arr && k < n; k++)
				set_slot(w, arr + k * sizeof(uintptr_t), put_str(w, sv[k]));
			w->arena += align_up(n * sizeof(char *), 16);
			set_slot(w, slot, arr);
			break;
		}
		case FK_INTV: {
			const int *iv;
			memcpy(&iv, from, sizeof iv);
			size_t arr = n && iv ? buf_take(w, &w->rec, n * sizeof *iv, 16) : 0;
			if (arr == SIZE_MAX)
				return;
			if (arr)
				memcpy(w->rec.p + arr, iv, n * sizeof *iv);
			set_slot(w, slot, arr);
			break;
		}
		case FK_VEC: {
			const void *v;
			memcpy(&v, from, sizeof v);
			set_slot(w, slot, put_vec(w, f->elem, v, n));
			break;
		}
		case FK_INLINE:
			for (size_t k = 0; k < f->n; k++)
				put_record(w, f->elem, from + k * f->elem->size, slot + k * f->elem->size);
			break;
		case FK_SKIP:
			if (!w->oom)
				memset(w->rec.p + slot, 0, f->n);
			break;
		}
	}
}

static uint64_t checksum(const unsigned char *data, size_t len)
{
	struct snap_head h;
	memcpy(&h, data, sizeof h);
	h.checksum = 0;
	return packhash_bytes(data + sizeof h, len - sizeof h, packhash_bytes(&h, sizeof h, 0));
}

bool snapshot_build(const struct model *m, const void *key, size_t key_len,
                    uint64_t program_id, unsigned char **out, size_t *out_len)
{
	struct wr w;
	unsigned char *blk = NULL;
	memset(&w, 0, sizeof w);
	w.dir = m->dir ? m->dir : "";
	w.dirlen = prefix_len(w.dir);
	*out = NULL;
	*out_len = 0;
	size_t at = buf_take(&w, &w.rec, sizeof *m, 16);
	if (at != SIZE_MAX)
		memcpy(w.rec.p + at, m, sizeof *m);
	put_record(&w, &model_t, m, 0);
	if (w.oom)
		goto done;

	struct snap_head h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, snap_magic, sizeof h.magic);
	h.format = SNAP_FORMAT;
	h.order = SNAP_ORDER;
	h.layout = snapshot_layout_id();
	h.program = program_id;
	h.arena = w.arena;
	h.paths = w.paths;
	h.path_bytes = w.path_bytes;
	h.key_off = align_up(sizeof h, 16);
	h.key_len = key_len;
	h.str_off = align_up(h.key_off + key_len, 16);
	h.str_len = w.str.len;
	h.rec_off = align_up(h.str_off + h.str_len, 16);
	h.rec_len = w.rec.len;
	h.total = h.rec_off + h.rec_len;
	blk = calloc(1, h.total);
	if (!blk)
		goto done;
	memcpy(blk, &h, sizeof h);
	if (key_len)
		memcpy(blk + h.key_off, key, key_len);
	if (h.str_len)
		memcpy(blk + h.str_off, w.str.p, h.str_len);
	memcpy(blk + h.rec_off, w.rec.p, h.rec_len);
	snapshot_reseal(blk, h.total);
	*out = blk;
	*out_len = h.total;
done:
	free(w.str.p);
	free(w.rec.p);
	return *out != NULL;
}

void snapshot_reseal(void *data, size_t len)
{
	struct snap_head h;
	memcpy(&h, data, sizeof h);
	h.checksum = checksum(data, len);
	memcpy(data, &h, sizeof h);
}

/* ---- reading ------------------------------------------------------------ */

static bool in_bounds(uint64_t off, uint64_t n, uint64_t len)
{
	return off <= len && n <= len - off;
}

bool snapshot_peek(const void *data, size_t len, uint64_t program_id,
                   const void **key, size_t *key_len)
{
	struct snap_head h;
	if (len < sizeof h)
		return false;
	memcpy(&h, data, sizeof h);
	if (memcmp(h.magic, snap_magic, sizeof h.magic) != 0 || h.format != SNAP_FORMAT ||
	    h.order != SNAP_ORDER || h.layout != snapshot_layout_id() || h.program != program_id ||
	    h.total != len || !in_bounds(h.key_off, h.key_len, len) ||
	    !in_bounds(h.str_off, h.str_len, len) || !in_bounds(h.rec_off, h.rec_len, len) ||
	    h.rec_off % 16 || h.rec_len < sizeof(struct model))
		return false;
	/* every string ends inside its section */
	if (h.str_len && ((const unsigned char *)data)[h.str_off + h.str_len - 1] != 0)
		return false;
	*key = (const unsigned char *)data + h.key_off;
	*key_len = (size_t)h.key_len;
	return true;
}

bool snapshot_verify(const void *data, size_t len)
{
	struct snap_head h;
	if (len < sizeof h)
		return false;
	memcpy(&h, data, sizeof h);
	return checksum(data, len) == h.checksum;
}

struct rd {
	const unsigned char *base;
	struct snap_head h;
	unsigned char *arena;
	size_t used, cap;
	const char *dir;
	size_t dirlen;
	const char *why;
};

static void *arena_take(struct rd *r, size_t n)
{
	size_t at = align_up(r->used, 16);
	if (at > r->cap || n > r->cap - at) {
		r->why = "its structs do not fit the size it gives";
		return NULL;
	}
	r->used = at + n;
	return r->arena + at;
}

static bool get_str(struct rd *r, uintptr_t v, const char **out)
{
	if (v == 0) {
		*out = NULL;
		return true;
	}
	if (v - 1 >= r->h.str_len) {
		r->why = "a string lies outside the block";
		return false;
	}
	*out = (const char *)r->base + r->h.str_off + (v - 1);
	return true;
}

/* Where count elements of size sz at record offset v live; NULL when out of
 * bounds. */
static const unsigned char *get_rec(struct rd *r, uintptr_t v, size_t count, size_t sz, size_t align)
{
	if (v % align || v > r->h.rec_len || count > (r->h.rec_len - v) / sz) {
		r->why = "an array lies outside the block";
		return NULL;
	}
	return r->base + r->h.rec_off + v;
}

/* dst holds a record's bytes: turn its offsets back into pointers. */
static bool fix_record(struct rd *r, const struct ftype *t, unsigned char *dst)
{
	for (size_t i = 0; i < t->nf; i++) {
		const struct field *f = &t->f[i];
		unsigned char *slot = dst + f->off;
		size_t n = f->kind == FK_STRV || f->kind == FK_INTV || f->kind == FK_VEC ? count_at(dst, f) : 0;
		uintptr_t v;
		const char *s;
		const unsigned char *src;
		void *p = NULL;
		switch (f->kind) {
		case FK_STR:
		case FK_PATH:
			for (size_t k = 0; k < f->n; k++) {
				memcpy(&v, slot + k * sizeof v, sizeof v);
				if (!get_str(r, v, &s))
					return false;
				if (s && f->kind == FK_PATH) {
					size_t sl = strlen(s);
					char *full = arena_take(r, r->dirlen + sl + 2);
					if (!full)
						return false;
					/* as loader_path joins them: "dir/rel", or rel alone */
					size_t at = r->dirlen;
					memcpy(full, r->dir, at);
					if (r->dir[0])
						full[at++] = '/';
					memcpy(full + at, s, sl + 1);
					s = full;
				}
				memcpy(slot + k * sizeof s, &s, sizeof s);
			}
			continue;
		case FK_STRV:
			memcpy(&v, slot, sizeof v);
			if (n) {
				const char **sv;
				if (!(src = get_rec(r, v, n, sizeof v, sizeof v)) ||
				    !(sv = arena_take(r, n * sizeof *sv)))
					return false;
				for (size_t k = 0; k < n; k++) {
					uintptr_t sk;
					memcpy(&sk, src + k * sizeof sk, sizeof sk);
					if (!get_str(r, sk, &sv[k]))
						return false;
				}
				p = sv;
			}
			break;
		case FK_INTV:  /* read-only numbers: used where they lie */
			memcpy(&v, slot, sizeof v);
			if (n && !(p = (void *)get_rec(r, v, n, sizeof(int), sizeof(int))))
				return false;
			break;
		case FK_VEC:
			memcpy(&v, slot, sizeof v);
			if (n) {
				unsigned char *arr;
				if (!(src = get_rec(r, v, n, f->elem->size, 16)) ||
				    !(arr = arena_take(r, n * f->elem->size)))
					return false;
				memcpy(arr, src, n * f->elem->size);
				for (size_t k = 0; k < n; k++)
					if (!fix_record(r, f->elem, arr + k * f->elem->size))
						return false;
				p = arr;
			}
			break;
		case FK_INLINE:
			for (size_t k = 0; k < f->n; k++)
				if (!fix_record(r, f->elem, slot + k * f->elem->size))
					return false;
			continue;
		case FK_SKIP:
			memset(slot, 0, f->n);
			continue;
		}
		memcpy(slot, &p, sizeof p);
	}
	return true;
}

bool snapshot_open(const void *data, size_t len, const char *dir, enum snap_owner own,
                   struct model *m, char *why, size_t whylen)
{
	struct rd r;
	memset(&r, 0, sizeof r);
	memset(m, 0, sizeof *m);
	memcpy(&r.h, data, sizeof r.h);
	r.base = data;
	r.dir = dir ? dir : "";
	r.dirlen = prefix_len(r.dir);
	/* the structs, the paths joined to dir, and m->dir itself */
	r.cap = (size_t)r.h.arena + (size_t)r.h.path_bytes + (size_t)r.h.paths * (r.dirlen + 1 + 16) +
	        align_up(strlen(r.dir) + 1, 16) + 16;
	if (r.h.arena > len || r.h.path_bytes > len || r.h.paths > len) {
		snprintf(why, whylen, "its sizes are wrong");
		return false;
	}
	if (!(r.arena = malloc(r.cap))) {
		snprintf(why, whylen, "out of memory");
		return false;
	}
	memcpy(m, r.base + r.h.rec_off, sizeof *m);
	if (!fix_record(&r, &model_t, (unsigned char *)m)) {
		snprintf(why, whylen, "%s", r.why ? r.why : "damaged");
		free(r.arena);
		memset(m, 0, sizeof *m);
		return false;
	}
	char *d = arena_take(&r, strlen(r.dir) + 1);
	if (d)
		memcpy(d, r.dir, strlen(r.dir) + 1);
	m->dir = d;
	m->arena = r.arena;
	m->snap = data;
	m->snap_len = len;
	m->snap_owner = own;
	return true;
}

/* ---- comparing ---------------------------------------------------------- */

struct cmp {
	char *why;
	size_t whylen;
};

static bool differ(struct cmp *c, const char *at, const char *field, size_t k, size_t n)
{
	if (n > 1)
		snprintf(c->why, c->whylen, "%s%s[%zu] differs", at, field, k);
	else
		snprintf(c->why, c->whylen, "%s%s differs", at, field);
	return false;
}

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Marks the bytes of t's pointers (and skipped fields) in mask[0..t->size). */
static void pointer_mask(const struct ftype *t, unsigned char *mask)
{
	for (size_t i = 0; i < t->nf; i++) {
		const struct field *f = &t->f[i];
		switch (f->kind) {
		case FK_STR:
		case FK_PATH:
			memset(mask + f->off, 1, f->n * sizeof(char *));
			break;
		case FK_STRV:
		case FK_INTV:
		case FK_VEC:
			memset(mask + f->off, 1, sizeof(void *));
			break;
		case FK_INLINE:
			for (size_t k = 0; k < f->n; k++)
				pointer_mask(f->elem, mask + f->off + k * f->elem->size);
			break;
		case FK_SKIP:
			memset(mask + f->off, 1, f->n);
			break;
		}
	}
}

static bool rec_eq(struct cmp *c, const struct ftype *t, const unsigned char *a,
                   const unsigned char *b, const char *at)
{
	unsigned char mask[512];
	char sub[256];
	if (t->size > sizeof mask) {
		snprintf(c->why, c->whylen, "%s is too large to compare", t->name);
		return false;
	}
	memset(mask, 0, t->size);
	pointer_mask(t, mask);
	for (size_t i = 0; i < t->size; i++)
		if (!mask[i] && a[i] != b[i]) {
			snprintf(c->why, c->whylen, "%sbyte %zu of %s differs (a number or flag, or a pointer missing from snapshot.c's tables)", at, i, t->name);
			return false;
		}
	for (size_t i = 0; i < t->nf; i++) {
		const struct field *f = &t->f[i];
		size_t n = f->kind == FK_STRV || f->kind == FK_INTV || f->kind == FK_VEC ? count_at(a, f) : 0;
		const char *const *sa, *const *sb;
		switch (f->kind) {
		case FK_STR:
		case FK_PATH:
			for (size_t k = 0; k < f->n; k++) {
				const char *x, *y;
				memcpy(&x, a + f->off + k * sizeof x, sizeof x);
				memcpy(&y, b + f->off + k * sizeof y, sizeof y);
				if (!str_eq(x, y))
					return differ(c, at, f->name, k, f->n);
			}
			break;
		case FK_STRV:
			memcpy(&sa, a + f->off, sizeof sa);
			memcpy(&sb, b + f->off, sizeof sb);
			for (size_t k = 0; k < n; k++)
				if (!str_eq(sa[k], sb[k]))
					return differ(c, at, f->name, k, 2);
			break;
		case FK_INTV: {
			const int *ia, *ib;
			memcpy(&ia, a + f->off, sizeof ia);
			memcpy(&ib, b + f->off, sizeof ib);
			if (n && memcmp(ia, ib, n * sizeof *ia) != 0)
				return differ(c, at, f->name, 0, 1);
			break;
		}
		case FK_VEC: {
			const unsigned char *va, *vb;
			memcpy(&va, a + f->off, sizeof va);
			memcpy(&vb, b + f->off, sizeof vb);
			for (size_t k = 0; k < n; k++) {
				snprintf(sub, sizeof sub, "%s%s[%zu].", at, f->name, k);
				if (!rec_eq(c, f->elem, va + k * f->elem->size, vb + k * f->elem->size, sub))
					return false;
			}
			break;
		}
		case FK_INLINE:
			for (size_t k = 0; k < f->n; k++) {
				snprintf(sub, sizeof sub, "%s%s[%zu].", at, f->name, k);
				if (!rec_eq(c, f->elem, a + f->off + k * f->elem->size,
				            b + f->off + k * f->elem->size, sub))
					return false;
			}
			break;
		case FK_SKIP:
			break;
		}
	}
	return true;
}

bool snapshot_equal(const struct model *a, const struct model *b, char *why, size_t whylen)
{
	struct cmp c = { why, whylen };
	if (whylen)
		why[0] = '\0';
	if (!str_eq(a->dir, b->dir)) {
		snprintf(why, whylen, "dir differs");
		return false;
	}
	return rec_eq(&c, &model_t, (const unsigned char *)a, (const unsigned char *)b, "");
}
