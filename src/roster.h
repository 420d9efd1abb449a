/* roster.h — `class roster`: the teacher's list of students who connect
 * over TCP, through the class server (which keeps it): add names (each gets
 * a token, shown once), list them, or print new slips for everyone. */
#ifndef HTTPTUTOR_ROSTER_H
#define HTTPTUTOR_ROSTER_H

#include <stdbool.h>
#include "report.h"

/* names (n of them) to add, or none: list, or with print new slips for
 * everyone.  server is the --class target.  Returns an exit status. */
int roster_run(const struct report_ctx *r, const char *server, int n, char **names, bool print);

#endif
