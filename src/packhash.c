/* packhash.c — the content version: a hash of every file of the pack, stored
 * with each answer so a teacher can tell which text a learner saw. */
#include "packhash.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct srcfile *)a)->rel, ((const struct srcfile *)b)->rel);
}

/* 64-bit FNV-1a over each file's relative path, a NUL, and its bytes. */
void packhash_version(struct srcfile *files, size_t n, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ull;
	if (n > 1)
		qsort(files, n, sizeof *files, cmp_file);
	for (size_t i = 0; i < n; i++) {
		const struct srcfile *f = &files[i];
		const unsigned char *p = (const unsigned char *)f->rel;
		size_t rl = strlen(f->rel) + 1;
		for (size_t j = 0; j < rl; j++)
			h = (h ^ p[j]) * 0x100000001b3ull;
		p = (const unsigned char *)f->buf;
		for (size_t j = 0; j < f->len; j++)
			h = (h ^ p[j]) * 0x100000001b3ull;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}
