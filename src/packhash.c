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

/* xxhash.h as a header-only library: nothing more to link or load. */
#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t packhash_bytes(const void *p, size_t n, uint64_t seed)
{
#if defined(__x86_64__) && defined(__GNUC__)
	static int avx2 = -1;
	if (avx2 < 0)
		avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
	if (avx2 && n >= 1024)   /* the same hash, computed 32 bytes at a time */
		return packhash_bytes_avx2(p, n, seed);
#endif
	return XXH3_64bits_withSeed(p, n, seed);
}

uint64_t packhash_names(char *const *names, size_t n)
{
	uint64_t h = 0;
	for (size_t i = 0; i < n; i++)
		h = XXH3_64bits_withSeed(names[i], strlen(names[i]) + 1, h);
	return h;
}
