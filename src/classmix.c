/* classmix.c — a class's confusions, by contrast group or pair. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classmix.h"
#include "contrast.h"

struct classmix_entry {
	int key;                  /* group index + 1, or -(expected * 1000 + given) */
	int expected, given;
	char *user;
	int times;
};

static int key_of(const struct model *m, int expected, int given)
{
	const struct contrast *g = contrast_for_pair(m, expected, given);
	return g ? (int)(g - m->contrasts) + 1 : -(expected * 1000 + given);
}

void classmix_add(struct classmix *c, const char *user, int expected, int given, int times)
{
	if (expected < 100 || expected > 599 || given < 100 || given > 599 || expected == given ||
	    times <= 0 || c->oom)
		return;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct classmix_entry *v = realloc(c->v, cap * sizeof *v);
		if (!v) {
			c->oom = true;
			return;
		}
		c->v = v;
		c->cap = cap;
	}
	char *u = strdup(user ? user : "");
	if (!u) {
		c->oom = true;
		return;
	}
	c->v[c->n++] = (struct classmix_entry){ 0, expected, given, u, times };
}

static int cmp_entry(const void *x, const void *y)
{
	const struct classmix_entry *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return strcmp(a->user, b->user);
}

static int cmp_row(const void *x, const void *y)
{
	const struct classmix_row *a = x, *b = y;
	if (a->students != b->students)
		return a->students > b->students ? -1 : 1;
	if (a->times != b->times)
		return a->times > b->times ? -1 : 1;
	int ka = a->g ? a->g->codes[0] * 1000 + a->g->codes[1] : a->expected * 1000 + a->given;
	int kb = b->g ? b->g->codes[0] * 1000 + b->g->codes[1] : b->expected * 1000 + b->given;
	return (ka > kb) - (ka < kb);
}

static void release(struct classmix *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].user);
	free(c->v);
	memset(c, 0, sizeof *c);
}

bool classmix_finish(struct classmix *c, const struct model *m, struct classmix_row **out,
                     size_t *n)
{
	*out = NULL;
	*n = 0;
	if (c->oom) {
		release(c);
		return false;
	}
	for (size_t i = 0; i < c->n; i++)
		c->v[i].key = key_of(m, c->v[i].expected, c->v[i].given);
	if (c->n > 1)
		qsort(c->v, c->n, sizeof *c->v, cmp_entry);
	size_t rows = 0;
	for (size_t i = 0; i < c->n; i++)
		rows += i == 0 || c->v[i].key != c->v[i - 1].key;
	struct classmix_row *v = rows ? calloc(rows, sizeof *v) : NULL;
	if (rows && !v) {
		release(c);
		return false;
	}
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct classmix_entry *e = &c->v[i];
		bool first = i == 0 || e->key != c->v[i - 1].key;
		if (first) {
			struct classmix_row *r = &v[k++];
			r->g = e->key > 0 ? &m->contrasts[e->key - 1] : NULL;
			if (!r->g) {
				r->expected = e->expected;
				r->given = e->given;
			}
		}
		struct classmix_row *r = &v[k - 1];
		r->times += e->times;
		r->students += first || strcmp(e->user, c->v[i - 1].user) != 0;
		if (r->g) {
			int a = contrast_index(r->g, e->expected), b = contrast_index(r->g, e->given);
			r->dir[a][b] += e->times;
		}
	}
	release(c);
	if (k > 1)
		qsort(v, k, sizeof *v, cmp_row);
	*out = v;
	*n = k;
	return true;
}

void classmix_label(const struct classmix_row *r, char *buf, size_t n)
{
	if (r->g)
		contrast_label(r->g, buf, n);
	else
		snprintf(buf, n, "%d → %d", r->expected, r->given);
}
