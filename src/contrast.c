/* contrast.c — contrast groups applied to a learner's confusions. */
#include "contrast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int contrast_code(const char *s)
{
	return model_code_text(s);
}

int contrast_index(const struct contrast *g, int code)
{
	for (size_t i = 0; i < g->n_codes; i++)
		if (g->codes[i] == code)
			return (int)i;
	return -1;
}

const struct contrast *contrast_for_pair(const struct model *m, int a, int b)
{
	if (a == b)
		return NULL;
	for (size_t i = 0; i < m->n_contrasts; i++)
		if (contrast_index(&m->contrasts[i], a) >= 0 && contrast_index(&m->contrasts[i], b) >= 0)
			return &m->contrasts[i];
	return NULL;
}

const struct contrast *contrast_find(const struct model *m, const char *spec)
{
	int codes[8], n = 0;
	const char *p = spec;

	for (size_t i = 0; i < m->n_contrasts; i++)
		if (strcmp(m->contrasts[i].id, spec) == 0)
			return &m->contrasts[i];
	while (*p) {
		if (*p == ',' || *p == '/' || *p == ' ') {
			p++;
			continue;
		}
		int v = 0, digits = 0;
		for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
			v = v * 10 + (*p - '0');
		if (digits != 3 || n == 8 || (*p && *p != ',' && *p != '/' && *p != ' '))
			return NULL;
		codes[n++] = v;
	}
	if (n < 2)
		return NULL;
	const struct contrast *g = contrast_for_pair(m, codes[0], codes[1]);
	for (int i = 2; g && i < n; i++)
		if (contrast_index(g, codes[i]) < 0)
			g = NULL;
	return g;
}

void contrast_label(const struct contrast *g, char *buf, size_t n)
{
	size_t used = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < g->n_codes && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%d", i ? " ↔ " : "", g->codes[i]);
		if (w < 0)
			return;
		used += (size_t)w;
	}
}

static int cmp_rows(const void *x, const void *y)
{
	const struct contrast_row *a = x, *b = y;
	if (a->mistakes != b->mistakes)
		return a->mistakes > b->mistakes ? -1 : 1;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return strcmp(a->g->id, b->g->id);
}

bool contrast_rows(const struct model *m, const struct confusion_item *ci, size_t n,
                   struct contrast_row **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (m->n_contrasts == 0 || n == 0)
		return true;
	struct contrast_row *rows = calloc(m->n_contrasts, sizeof *rows);
	if (!rows)
		return false;
	for (size_t i = 0; i < n; i++) {
		const struct contrast *g = contrast_for_pair(m, ci[i].expected, ci[i].given);
		if (!g)
			continue;
		struct contrast_row *r = &rows[g - m->contrasts];
		r->g = g;
		r->mistakes += ci[i].times;
		if (ci[i].last > r->last)
			r->last = ci[i].last;
		/* an item counts once per group, however many pairs it had
		 * (its pairs are next to each other: ci is sorted by item) */
		bool seen = false;
		for (size_t j = i; j-- > 0 && !seen && strcmp(ci[j].item, ci[i].item) == 0;)
			seen = contrast_for_pair(m, ci[j].expected, ci[j].given) == g;
		r->items += !seen;
	}
	size_t k = 0;
	for (size_t i = 0; i < m->n_contrasts; i++)
		if (rows[i].g)
			rows[k++] = rows[i];
	if (k == 0) {
		free(rows);
		return true;
	}
	qsort(rows, k, sizeof *rows, cmp_rows);
	*out = rows;
	*nout = k;
	return true;
}

static int cmp_item(const void *x, const void *y)
{
	return strcmp(((const struct confusion_item *)x)->item, ((const struct confusion_item *)y)->item);
}

void contrast_sort_items(struct confusion_item *ci, size_t n)
{
	if (n > 1)
		qsort(ci, n, sizeof *ci, cmp_item);
}

int contrast_item_grouped(const struct model *m, const struct confusion_item *ci, size_t n,
                          const char *item)
{
	size_t lo = 0, hi = n;   /* the first entry of item: ci[lo] */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ci[mid].item, item) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int times = 0;
	for (size_t i = lo; i < n && strcmp(ci[i].item, item) == 0; i++)
		if (contrast_for_pair(m, ci[i].expected, ci[i].given))
			times += ci[i].times;
	return times;
}

static int cmp_confusions(const void *x, const void *y)
{
	const struct confusion *a = x, *b = y;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	if (a->expected != b->expected)
		return a->expected < b->expected ? -1 : 1;
	return (a->given > b->given) - (a->given < b->given);
}

bool contrast_confusions(const struct code_cell *cells, size_t n, struct confusion **out,
                         size_t *nout)
{
	size_t k = 0;
	*out = NULL;
	*nout = 0;
	for (size_t i = 0; i < n; i++)
		k += cells[i].expected != cells[i].given;
	if (k == 0)
		return true;
	struct confusion *v = calloc(k, sizeof *v);
	if (!v)
		return false;
	k = 0;
	for (size_t i = 0; i < n; i++) {
		if (cells[i].expected == cells[i].given)
			continue;
		struct confusion *c = &v[k++];
		c->expected = cells[i].expected;
		c->given = cells[i].given;
		c->count = cells[i].count;
		c->recent = cells[i].recent;
		c->last = cells[i].last;
		for (size_t j = 0; j < n; j++)
			if (cells[j].expected == c->expected) {
				c->row_total += cells[j].count;
				c->row_recent += cells[j].recent;
			}
	}
	qsort(v, k, sizeof *v, cmp_confusions);
	*out = v;
	*nout = k;
	return true;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

size_t contrast_matrix_codes(const struct confusion *c, size_t n, int *codes, size_t max)
{
	/* whole pairs, most frequent first, so no shown cell loses its partner */
	size_t taken = 0;
	for (size_t i = 0; i < n; i++) {
		int pair[2] = { c[i].expected, c[i].given };
		bool have[2] = { false, false };
		for (size_t k = 0; k < taken; k++)
			for (int s = 0; s < 2; s++)
				have[s] = have[s] || codes[k] == pair[s];
		size_t need = (size_t)!have[0] + (size_t)!have[1];
		if (taken + need > max)
			continue;
		for (int s = 0; s < 2; s++)
			if (!have[s])
				codes[taken++] = pair[s];
	}
	qsort(codes, taken, sizeof *codes, cmp_int);
	return taken;
}
