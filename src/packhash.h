/* packhash.h — the content version hash, and the fast hash the pack's
 * snapshot uses for its checksum and its key. */
#ifndef HTTPTUTOR_PACKHASH_H
#define HTTPTUTOR_PACKHASH_H

#include "loader.h"

#include <stdint.h>

/* Sorts files by relative path and writes the 16-hex-digit hash of their
 * paths and bytes to out. */
void packhash_version(struct srcfile *files, size_t n, char out[17]);

/* XXH3 (64 bits) of p[0..n) with a seed: fast enough to check a snapshot
 * on every start. */
uint64_t packhash_bytes(const void *p, size_t n, uint64_t seed);

#if defined(__x86_64__) && defined(__GNUC__)
/* The same for long blocks on AVX2 processors (packhash_avx2.c); call
 * packhash_bytes, which chooses. */
uint64_t packhash_bytes_avx2(const void *p, size_t n, uint64_t seed);
#endif

/* The hash of a folder's listing: names (already sorted) joined by NULs. */
uint64_t packhash_names(char *const *names, size_t n);

#endif
