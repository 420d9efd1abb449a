/* packcache.h — the content pack, compiled once into the user's cache
 * folder ($XDG_CACHE_HOME/httptutor/, else ~/.cache/httptutor/) and mapped
 * read-only on every later start instead of being parsed again.
 *
 * A snapshot is keyed by the program that wrote it and by every file and
 * folder of the pack (size, mtime, ctime, inode; and a content hash, checked
 * whenever a timestamp is too recent to tell a later change apart).  One
 * that is stale, damaged, not ours or unreadable is rebuilt with a full load
 * (every lint check, chapter anchors included), never trusted. */
#ifndef HTTPTUTOR_PACKCACHE_H
#define HTTPTUTOR_PACKCACHE_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>

/* What packcache_load did, for tests and HTTPTUTOR_DEBUG=cache. */
enum packcache_how {
	PACKCACHE_USED,      /* a valid snapshot was mapped */
	PACKCACHE_BUILT,     /* loaded in full and saved as a new snapshot */
	PACKCACHE_MEMORY,    /* loaded in full; no snapshot could be saved */
};

struct packcache_info {
	enum packcache_how how;
	unsigned hashed;     /* files and folders whose content hash was checked */
	bool settled;        /* the snapshot was written again without racy flags */
	const char *why;     /* why it was not used (a static string), or NULL */
};

/* Loads the pack in dir into *m like content_load (same errors in *d, same
 * model), from its snapshot when one is valid.  The model is a view of the
 * snapshot either way (model_free releases it).  *info (may be NULL) says
 * which way it went. */
bool packcache_load(const char *dir, struct model *m, struct diag *d, struct packcache_info *info);

/* The snapshot file for dir (malloc'd), or NULL when there is no cache
 * folder (no HOME) or dir does not exist. */
char *packcache_path(const char *dir);

#endif
