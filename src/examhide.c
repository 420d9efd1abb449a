/* examhide.c — the scenarios of the exam a learner is sitting, left out of
 * search, the cards and practice quizzes until the attempt ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examhide.h"

static int by_item(const void *a, const void *b)
{
	return strcmp(((const struct exam_item_id *)a)->item, ((const struct exam_item_id *)b)->item);
}

void examhide_load(struct examhide *h, struct store *st, int64_t now)
{
	examhide_free(h);
	if (!st)
		return;
	if (!store_exam_hidden(st, now, &h->items, &h->n)) {
		examhide_free(h);
		return;
	}
	if (h->n > 1)
		qsort(h->items, h->n, sizeof *h->items, by_item);
}

void examhide_load_path(struct examhide *h, const char *db_path, const char *user, int64_t now)
{
	char err[512];
	struct store *st = store_open(db_path, user, true, err, sizeof err);
	examhide_free(h);
	if (!st)
		return;
	examhide_load(h, st, now);
	store_close(st);
}

bool examhide_has(const struct examhide *h, const char *item)
{
	struct exam_item_id key;
	if (!h || !h->n)
		return false;
	snprintf(key.item, sizeof key.item, "%s", item);
	return bsearch(&key, h->items, h->n, sizeof *h->items, by_item) != NULL;
}

bool examhide_quiz(const void *ctx, const char *item)
{
	return examhide_has(ctx, item);
}

void examhide_free(struct examhide *h)
{
	free(h->items);
	memset(h, 0, sizeof *h);
}
