/* snapshot.h — a loaded model as one block of bytes (the compiled pack that
 * packcache.c keeps in the cache folder) and back.  No files here: bytes in,
 * bytes out.
 *
 * A block is a header, the pack's key (opaque here, packcache.c's), the
 * strings, then the structs with offsets where the model has pointers.
 * Opening it copies only the structs into one malloc'd arena; the strings
 * stay in the block, which may be a read-only mapping of the file.
 *
 * Every pointer of the model is listed in snapshot.c's field tables; the
 * scalars travel as the structs' bytes.  Those tables also drive
 * snapshot_equal(), and a size check in snapshot.c stops the build when a
 * model struct changes without the tables being looked at. */
#ifndef HTTPTUTOR_SNAPSHOT_H
#define HTTPTUTOR_SNAPSHOT_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A fingerprint of the model's layout as the tables see it (struct sizes,
 * field offsets and kinds); part of every block's identity. */
uint64_t snapshot_layout_id(void);

/* Serialises m (a model from content_load) into a new malloc'd block stored
 * in *out and *out_len, with key[0..key_len) kept as the key region and
 * program_id (which binary wrote it) beside the layout.  The dir and the
 * chapters' paths under it are stored relative to m->dir.  False when memory
 * runs out. */
bool snapshot_build(const struct model *m, const void *key, size_t key_len,
                    uint64_t program_id, unsigned char **out, size_t *out_len);

/* Checks the header of data[0..len): magic, format, byte order, layout and
 * program_id, the length and the sections' bounds.  Cheap: the checksum is
 * snapshot_verify's.  On true, *key and *key_len are the key region. */
bool snapshot_peek(const void *data, size_t len, uint64_t program_id,
                   const void **key, size_t *key_len);

/* True when the checksum over the whole block matches (after a true peek). */
bool snapshot_verify(const void *data, size_t len);

/* Writes a fresh checksum into a block whose key region was changed in
 * place (the block must be writable). */
void snapshot_reseal(void *data, size_t len);

/* How model_free() gives a block back. */
enum snap_owner { SNAP_BORROWED, SNAP_MALLOC, SNAP_MAPPED };

/* Opens a view of a block that passed peek and verify: *m's structs live in
 * one arena, its strings in data, which *m then owns as own says (model_free
 * frees or unmaps it; on false the caller keeps it).  dir becomes m->dir and
 * the prefix of the chapters' paths.  False (with *m zeroed and a reason in
 * why) when an offset or count points outside the block. */
bool snapshot_open(const void *data, size_t len, const char *dir, enum snap_owner own,
                   struct model *m, char *why, size_t whylen);

/* Compares two models field by field, following every pointer the tables
 * list; false with the first difference ("scenarios[3].why[1]") in why. */
bool snapshot_equal(const struct model *a, const struct model *b, char *why, size_t whylen);

#endif
