/* model.c — the loaded curriculum: lookups, status names and freeing. */
#include "model.h"
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static const char *const status_names[] = {
	[CODE_REGISTERED] = "registered", [CODE_TEMPORARY] = "temporary", [CODE_UNUSED] = "unused",
	[CODE_OBSOLETED] = "obsoleted", [CODE_UNOFFICIAL] = "unofficial",
};

const char *model_status_name(enum code_status s)
{
	return (unsigned)s < sizeof status_names / sizeof status_names[0] ? status_names[s] : "";
}

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

void model_free_code(struct code_entry *e)
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

void model_free_scenario(struct scenario *s)
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
	for (size_t i = 0; i < s->n_also; i++)
		free_ltext(&s->also[i].text);
	free(s->also);
}

void model_free_term(struct term *t)
{
	free(t->concept);
	free(t->en);
	free(t->zh);
	free_strv(t->avoid, t->n_avoid);
}

void model_free_contrast(struct contrast *g)
{
	free(g->id);
	free(g->anchor);
	free_ltext(&g->title);
	free_ltext(&g->question);
	for (size_t i = 0; i < CONTRAST_MAX_CODES; i++)
		free_ltext(&g->rule[i]);
	free_ltext(&g->example);
}

void model_free(struct model *m)
{
	if (!m)
		return;
	if (m->arena || m->snap) {   /* a snapshot's view: nothing owned string by string */
		free(m->arena);
		if (m->snap_owner == SNAP_MAPPED)
			munmap((void *)m->snap, m->snap_len);
		else if (m->snap_owner == SNAP_MALLOC)
			free((void *)m->snap);
		memset(m, 0, sizeof *m);
		return;
	}
	free(m->dir);
	for (int i = 0; i < 5; i++) {
		free_ltext(&m->classes[i].name);
		free_ltext(&m->classes[i].summary);
	}
	for (size_t i = 0; i < m->n_codes; i++)
		model_free_code(&m->codes[i]);
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
		model_free_scenario(&m->scenarios[i]);
	free(m->scenarios);
	for (size_t i = 0; i < m->n_contrasts; i++)
		model_free_contrast(&m->contrasts[i]);
	free(m->contrasts);
	for (size_t i = 0; i < m->n_terms; i++)
		model_free_term(&m->terms[i]);
	free(m->terms);
	memset(m, 0, sizeof *m);
}

/* ---- lookups ---- */

int model_code_text(const char *s)
{
	/* Read per row of every confusion list: digit by digit (each test
	 * stops before the string's end), no strlen, strspn or atoi. */
	if (!s || s[0] < '1' || s[0] > '5' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9' ||
	    s[3])
		return 0;
	return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
}

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
