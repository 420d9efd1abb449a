/* fuzz_keyseq.c — libFuzzer harness: the escape-sequence reader's parser on
 * arbitrary bytes after an ESC, fed one at a time as ui.c feeds it.  Each
 * prefix must be answered (more, a key, or drop) without reading past n;
 * once it is not "more" the sequence ends; a key is a character or one of
 * keys.h's FN(KEY_x), never the program's own markers (tick, stray).  After
 * a string introducer the bytes go to keyseq_string, as ui.c's read_string
 * does, until it ends (an ESC that is not ST starts a new sequence). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "keyseq.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int seq[KEYSEQ_MAX];
	size_t n = 0;
	bool in_string = false;
	int prev = 0;
	for (size_t i = 0; i < size; i++) {
		if (in_string) {
			enum keyseq_rc rc = keyseq_string(prev, data[i]);
			prev = data[i];
			if (rc == KEYSEQ_MORE)
				continue;
			if (rc != KEYSEQ_DROP && rc != KEYSEQ_KEY)
				abort();
			in_string = false;
			if (rc == KEYSEQ_DROP)
				continue;
			/* KEY: this byte follows an ESC, as the first of a sequence */
		}
		/* a heap copy of exactly n ints, so ASan sees a read past n */
		if (n == KEYSEQ_MAX)
			n--;   /* as ui.c: an overlong sequence keeps its last slot moving */
		seq[n++] = data[i];
		int *exact = malloc(n * sizeof *exact);
		if (!exact)
			abort();
		memcpy(exact, seq, n * sizeof *exact);
		int key = -12345;
		enum keyseq_rc rc = keyseq_parse(exact, n, &key);
		free(exact);
		if (rc == KEYSEQ_MORE)
			continue;
		if (rc == KEYSEQ_STRING) {
			if (n != 1)
				abort();   /* only an introducer right after ESC */
			in_string = true;
			prev = 0;
			n = 0;
			continue;
		}
		if (rc == KEYSEQ_KEY &&
		    (key < 0 || key == KEY_TICK || key == KEY_STRAY || key == 27))
			abort();
		if (rc != KEYSEQ_KEY && rc != KEYSEQ_DROP)
			abort();
		n = 0;   /* the next bytes start a new sequence */
	}
	return 0;
}
