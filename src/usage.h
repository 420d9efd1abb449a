/* usage.h — the --help text, in the UI language, fitted to COLUMNS. */
#ifndef HTTPTUTOR_USAGE_H
#define HTTPTUTOR_USAGE_H

#include <stdbool.h>
#include <stdio.h>

/* Print the help to f, wrapped to report_width() columns (ASCII look-alikes
 * when utf8 is false). */
void usage_print(FILE *f, bool utf8);

#endif
