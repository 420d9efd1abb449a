/* fuzz_snapshot.c — libFuzzer harness: opening a damaged compiled pack.
 * At start-up the good test pack (tests/data/good, or $HTTPTUTOR_FUZZ_PACK)
 * is loaded and compiled into a block once.  Each input is a list of edits
 * to a copy of that block: 4 bytes of offset and 1 byte of value each; a
 * first byte with bit 0 set also cuts the block short.  The block is then
 * resealed (its checksum made right again, as a hostile or unlucky file
 * would be), peeked, verified and opened.  Opening must either refuse with
 * a reason or give a model whose every pointer stays inside the block or
 * its arena: it is compiled again, which follows every pointer the field
 * tables list, and freed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "snapshot.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PROGRAM 0x5EED

static unsigned char *good;   /* the pack's block, never changed */
static size_t good_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *src = getenv("HTTPTUTOR_FUZZ_PACK");
	struct model m;
	struct diag d;
	(void)argc;
	(void)argv;
	memset(&m, 0, sizeof m);
	memset(&d, 0, sizeof d);
	if (!src)
		src = "tests/data/good";
	if (!content_load(src, &m, &d) ||
	    !snapshot_build(&m, "key", 3, PROGRAM, &good, &good_len)) {
		fprintf(stderr, "fuzz_snapshot: cannot load and compile %s (run from the"
		        " repository root or set HTTPTUTOR_FUZZ_PACK)\n", src);
		exit(1);
	}
	content_free(&m);
	diag_free(&d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = good_len;
	if (size && (data[0] & 1)) {
		/* cut short by the next two bytes' worth, header included */
		size_t cut = size >= 3 ? ((size_t)data[1] << 8 | data[2]) : 1;
		len = cut < len ? len - cut : 0;
		data += size >= 3 ? 3 : size;
		size -= size >= 3 ? 3 : size;
	} else if (size) {
		data++;
		size--;
	}
	unsigned char *blk = malloc(len ? len : 1);
	if (!blk)
		abort();
	memcpy(blk, good, len);
	for (; size >= 5 && len; data += 5, size -= 5) {
		uint32_t off;
		memcpy(&off, data, 4);
		blk[off % len] = data[4];
	}

	const void *key;
	size_t key_len;
	struct model m;
	char why[200] = "";
	if (len >= 128)   /* the header is 104 bytes */
		snapshot_reseal(blk, len);
	if (snapshot_peek(blk, len, PROGRAM, &key, &key_len) && snapshot_verify(blk, len)) {
		if (key_len > len || (const unsigned char *)key < blk ||
		    (const unsigned char *)key + key_len > blk + len)
			abort();
		if (snapshot_open(blk, len, "/pack", SNAP_MALLOC, &m, why, sizeof why)) {
			unsigned char *again = NULL;
			size_t again_len = 0;
			/* follows every pointer; ASan stops at one outside */
			if (!snapshot_build(&m, key, key_len, PROGRAM, &again, &again_len))
				abort();
			free(again);
			model_free(&m);   /* frees blk too (SNAP_MALLOC) */
			return 0;
		}
		if (!why[0])
			abort();  /* a refusal names its reason */
	}
	free(blk);
	return 0;
}
