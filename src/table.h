/* table.h — line output as aligned columns that fit a width by display
 * columns (CJK names take two per character): a column marked to shrink
 * gives way first, and a cell that does not fit ends in "…" (or keeps its
 * start and end around "…"), so no row ever wraps.  When even the narrowest
 * columns do not fit, each row is printed as its first cell followed by the
 * others, after their headings, on the lines under it. */
#ifndef HTTPTUTOR_TABLE_H
#define HTTPTUTOR_TABLE_H

#include <stdbool.h>
#include <stdio.h>

enum table_align { TABLE_LEFT, TABLE_RIGHT };
enum table_clip { TABLE_CLIP_END, TABLE_CLIP_MIDDLE, TABLE_NO_CLIP };

struct table_col {
	const char *head;
	enum table_align align;
	enum table_clip clip;
	int min;               /* narrowest it may become (0: its heading's width) */
	int max;               /* widest it may become (0: no limit) */
};

struct table {
	int ncols;
	struct table_col *cols;  /* borrowed */
	char **cells;            /* nrows × ncols; a row's cells share one block, owned */
	int *widths;             /* nrows × ncols: each cell's width in columns */
	size_t nrows, cap;
	bool oom;
};

/* The most columns a table has. */
#define TABLE_MAX_COLS 16

void table_init(struct table *t, struct table_col *cols, int ncols);
/* Append a row of ncols cells (copied; NULL is ""). */
void table_add(struct table *t, const char *const *cells);
/* Print heading and rows to f in at most width columns, with indent spaces
 * first; text is scrubbed (and ASCII-only when utf8 is false). */
void table_print(const struct table *t, FILE *f, int width, int indent, bool utf8);
void table_free(struct table *t);

/* A malloc'd copy of s that fits cols display columns: clipped at the end
 * with "…", or (middle) keeping the start and the end around "…". */
char *table_fit(const char *s, int cols, enum table_clip how);

#endif
