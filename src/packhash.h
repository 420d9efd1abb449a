/* packhash.h — the content version hash. */
#ifndef HTTPTUTOR_PACKHASH_H
#define HTTPTUTOR_PACKHASH_H

#include "loader.h"

/* Sorts files by relative path and writes the 16-hex-digit hash of their
 * paths and bytes to out. */
void packhash_version(struct srcfile *files, size_t n, char out[17]);

#endif
