/* chapload.c — chapters: NN-slug.md files in each language, rendered once to
 * find the title and the {#anchor}s, then paired across languages. */
#include "chapload.h"
#include "markdown.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
			return loader_line_of(md, (size_t)(p - md));
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
	snprintf(rel, sizeof rel, "%s/chapters/%s", loader_lang_key[lang], file);
	const char *path = loader_path(L, rel);
	if (!chapter_name(file, &h.number, &h.slug)) {
		loader_err(L, path, 1, "chapter file names must look like NN-slug.md (slug: a-z, 0-9, '-')");
		goto cleanup;
	}
	h.file = loader_strdup(L, file);
	h.path = path;
	char *buf = loader_read(L, rel, path, &len);
	if (!buf || !h.file) {
		L->unread += !buf;
		goto cleanup;
	}
	if (!loader_check_bytes(L, path, buf, len)) {
		L->unread++;
		goto cleanup;
	}
	h.md = text_scrub(buf, len, true);
	if (!h.md) {
		loader_oom(L);
		goto cleanup;
	}
	if (!md_render(buf, len, 80, &doc, merr, sizeof merr)) {
		loader_err(L, path, 1, "Markdown: %s", merr[0] ? merr : "cannot render");
		goto cleanup;
	}
	rendered = true;
	if (!doc.title || !doc.title[0])
		loader_err(L, path, 1, "missing title: the chapter must start with a '# heading'");
	else if (!(h.title = text_scrub(doc.title, strlen(doc.title), false)))
		loader_oom(L);
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
			loader_err(L, path, line, "anchor '{#%s}' may only use A-Z, a-z, 0-9 and '-'", a);
			continue;
		}
		if (seen) {
			for (size_t j = 0; j < h.n_anc; j++)
				if (strcmp(h.anc[j].name, a) == 0) {
					loader_err(L, path, line, "duplicate anchor '%s' (first at line %d)", a, h.anc[j].line);
					break;
				}
		}
		void *arr = h.anc;
		size_t cap = h.n_anc;   /* exact-fit growth: chapters have few anchors */
		char *name = strdup(a);
		struct anc *na = name ? realloc(arr, (cap + 1) * sizeof *h.anc) : NULL;
		if (!na) {
			free(name);
			loader_oom(L);
			goto cleanup;
		}
		h.anc = na;
		h.anc[h.n_anc++] = (struct anc){ name, line };
	}
	void *arr = L->ch[lang];
	if (!loader_grow(&arr, &L->cap_ch[lang], L->n_ch[lang], sizeof h)) {
		loader_oom(L);
		goto cleanup;
	}
	L->ch[lang] = arr;
	L->ch[lang][L->n_ch[lang]++] = h;
	memset(&h, 0, sizeof h);
cleanup:
	if (rendered)
		md_doc_free(&doc);
	loader_free_chsrc(&h);
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
			loader_err(L, b->path, 1, "anchor '%s' is in %s/chapters/%s (line %d) but not in this file",
			       a->anc[i].name, loader_lang_key[la], a->file, a->anc[i].line);
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
					loader_err(L, b->path, 1, "duplicate chapter id '%s' (first in %s)", b->slug, a->file);
				else if (a->number == b->number)
					loader_err(L, b->path, 1, "chapter number %d is also used by %s", b->number, a->file);
			}
	if (cap == 0)
		return;
	m->chapters = calloc(cap, sizeof *m->chapters);
	if (!m->chapters) {
		loader_oom(L);
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
				ch->id = loader_strdup(L, h->slug);
				ch->number = h->number;
				ch->anchors = h->n_anc ? calloc(h->n_anc, sizeof *ch->anchors) : NULL;
				for (size_t a = 0; ch->anchors && a < h->n_anc; a++)
					ch->anchors[ch->n_anchors++] = loader_strdup(L, h->anc[a].name);
			}
			ch->path[l] = loader_strdup(L, h->path);
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
			loader_err(L, e->path, 1, "chapter '%s' has no zh-TW version (zh-TW/chapters/%s)", e->slug, e->file);
			continue;
		}
		if (strcmp(e->file, z->file) != 0)
			loader_err(L, z->path, 1, "chapter '%s' is %s in en: use the same file name", z->slug, e->file);
		anchors_missing(L, e, z, LANG_EN);
		anchors_missing(L, z, e, LANG_ZH);
	}
	for (size_t j = 0; j < L->n_ch[LANG_ZH]; j++) {
		struct chsrc *z = &L->ch[LANG_ZH][j];
		bool found = false;
		for (size_t i = 0; i < L->n_ch[LANG_EN] && !found; i++)
			found = strcmp(L->ch[LANG_EN][i].slug, z->slug) == 0;
		if (!found)
			loader_err(L, z->path, 1, "chapter '%s' has no en version (en/chapters/%s)", z->slug, z->file);
	}
}

void chapload_all(struct loader *L)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		char rel[32];
		char **names;
		size_t n;
		snprintf(rel, sizeof rel, "%s/chapters", loader_lang_key[l]);
		if (!loader_list_dir(L, rel, ".md", &names, &n))
			continue;
		if (n == 0)
			loader_err(L, loader_path(L, rel), 1, "no chapters (NN-slug.md) in this folder");
		for (size_t i = 0; i < n; i++)
			load_chapter(L, l, names[i]);
		loader_free_names(names, n);
	}
	build_chapters(L);
}

