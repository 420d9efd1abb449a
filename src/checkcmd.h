/* checkcmd.h — `httptutor check [--repair]`: the tables derived from the
 * answer log compared with (or rebuilt from) the log of a database. */
#ifndef HTTPTUTOR_CHECKCMD_H
#define HTTPTUTOR_CHECKCMD_H

#include <stdbool.h>

/* Checks the database at path (NULL: the default one) and prints a line per
 * table; with repair, rebuilds them.  Exit status: 0 when they agree (or
 * were rebuilt), 1 when they differ or the database cannot be checked. */
int checkcmd_run(const char *path, bool repair, bool utf8);

#endif
