/* fuzz_markdown.c — libFuzzer harness: md_render on arbitrary bytes.
 * The first input byte picks the screen width (10..200); the rest is the
 * Markdown source.  Besides crashes and sanitizer reports, it checks what
 * the reader relies on: every segment is valid UTF-8 without control
 * characters, and a line's plain text is its segments joined. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_line(const struct md_line *l)
{
	size_t joined = 0;
	for (size_t s = 0; s < l->n_segs; s++) {
		const char *t = l->segs[s].text;
		if (!t)
			abort();
		size_t n = strlen(t);
		/* Segments reach the terminal as-is, so they must be clean. */
		if (!text_valid_utf8(t, n, NULL) ||
		    text_find_control(t, n, false) != (size_t)-1)
			abort();
		joined += n;
	}
	if (l->plain && strlen(l->plain) != joined)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int cols = 10 + data[0] % 191;
	struct md_doc doc;
	char err[256];
	memset(&doc, 0, sizeof doc);
	if (md_render((const char *)data + 1, size - 1, cols, &doc, err, sizeof err)) {
		for (size_t i = 0; i < doc.n_lines; i++)
			check_line(&doc.lines[i]);
		/* Every recorded anchor must be found again by its own name. */
		for (size_t i = 0; i < doc.n_lines; i++)
			if (doc.lines[i].anchor &&
			    md_find_anchor(&doc, doc.lines[i].anchor) < 0)
				abort();
	}
	md_doc_free(&doc);
	return 0;
}
