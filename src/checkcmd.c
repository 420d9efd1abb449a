/* checkcmd.c — `httptutor check [--repair]` (see checkcmd.h). */
#include "checkcmd.h"
#include "i18n.h"
#include "out.h"
#include "store_check.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

static long long one(struct db *d, const char *sql)
{
	sqlite3_stmt *st = db_prepare(d, sql);
	long long v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

int checkcmd_run(const char *path, bool repair, bool utf8)
{
	char err[512], line[512], *defpath = NULL;
	struct store_check c[8];
	size_t n = 0;
	int rc = 1;

	if (!path && !(path = defpath = db_default_path())) {
		fprintf(stderr, "httptutor: %s\n", tr(MSG_DB_NO_PLACE));
		return 1;
	}
	/* No profile of its own: checking must not add a learner, nor a file
	 * (a mistyped --db would "agree" as a new empty database). */
	struct store s = { 0 };
	if (strcmp(path, ":memory:") != 0 && access(path, F_OK) != 0 && errno == ENOENT) {
		fprintf(stderr, "httptutor: ");
		fprintf(stderr, tr(MSG_DB_MISSING), path);
		fputc('\n', stderr);
		goto done;
	}
	if (!(s.db = db_open(path, false, err, sizeof err))) {
		fprintf(stderr, "httptutor: %s\n", err);
		goto done;
	}
	snprintf(line, sizeof line, tr(MSG_CHECK_HEAD), path,
	         one(s.db, "SELECT count(*) FROM answer"), one(s.db, "SELECT count(*) FROM profile"));
	out_puts(stdout, line, utf8);
	putchar('\n');
	if (!store_check(&s, repair, c, sizeof c / sizeof c[0], &n)) {
		fprintf(stderr, "httptutor: %s\n", s.err);
		goto done;
	}
	bool same = true;
	for (size_t i = 0; i < n; i++) {
		bool ok = !c[i].only_kept && !c[i].only_rebuilt;
		same = same && ok;
		if (ok)
			snprintf(line, sizeof line, tr(MSG_CHECK_SAME), c[i].table, c[i].rows);
		else
			snprintf(line, sizeof line, tr(MSG_CHECK_DIFF), c[i].table, c[i].rows,
			         c[i].only_kept, c[i].only_rebuilt);
		out_puts(stdout, line, utf8);
		putchar('\n');
	}
	out_puts(stdout, repair ? tr(MSG_CHECK_REPAIRED) : same ? tr(MSG_CHECK_ALL_SAME) : tr(MSG_CHECK_FIX),
	         utf8);
	putchar('\n');
	rc = same || repair ? 0 : 1;
done:
	sqlite3_finalize(s.touch);
	db_close(s.db);
	free(defpath);
	return rc;
}
