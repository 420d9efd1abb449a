/* store_check.c — the tables derived from the answer log, compared with a
 * rebuild from the log (`httptutor check`), and rebuilt (--repair).
 *
 * The rebuild is schema 6's own: a NULL row in derived_queue makes its
 * triggers recompute every table of a learner from the log; schema 8's
 * class sums are summed again from that.  Comparing runs
 * it inside a transaction on a copy of the tables and rolls back. */
#include "store_check.h"
#include "i18n.h"
#include "store_int.h"

#include <stdio.h>
#include <string.h>

/* Every table derived from the log: schema 6's, then schema 8's sums of
 * the tally, which a rebuild sums afresh (their views) instead of
 * trusting the triggers that keep them. */
static const char *const derived[] = { "item_state", "day_stat", "tally", "class_learner",
                                       "class_item" };
#define N_DERIVED (sizeof derived / sizeof derived[0])

static bool exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(s->db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(s->db, tr(MSG_CHECK_CANNOT));
		snprintf(s->err, sizeof s->err, "%s", s->db->err);
		return false;
	}
	return true;
}

static bool count(struct store *s, const char *sql, long *out)
{
	sqlite3_stmt *st = db_prepare(s->db, sql);
	bool ok = st && sqlite3_step(st) == SQLITE_ROW;
	if (ok)
		*out = sqlite3_column_int64(st, 0);
	else
		store_read_fail(s, tr(MSG_CHECK_CANNOT));
	sqlite3_finalize(st);
	return ok;
}

bool store_check(struct store *s, bool repair, struct store_check *out, size_t max, size_t *n)
{
	char sql[256];
	bool ok = false;

	*n = 0;
	if (s->db->readonly) {
		snprintf(s->err, sizeof s->err, tr(MSG_CHECK_READONLY), s->db->path);
		return false;
	}
	/* The rebuild sorts the whole log: in memory, several times faster. */
	if (!exec(s, "PRAGMA temp_store = MEMORY"))
		return false;
	if (!db_begin(s->db)) {
		snprintf(s->err, sizeof s->err, "%s", s->db->err);
		return false;
	}
	for (size_t i = 0; i < N_DERIVED; i++) {
		snprintf(sql, sizeof sql, "CREATE TEMP TABLE kept_%s AS SELECT * FROM main.%s",
		         derived[i], derived[i]);
		if (!exec(s, sql))
			goto done;
	}
	if (!exec(s, "INSERT INTO derived_queue SELECT id, NULL FROM profile;"
	             "DELETE FROM class_learner; INSERT INTO class_learner SELECT * FROM class_learner_sum;"
	             "DELETE FROM class_item; INSERT INTO class_item SELECT * FROM class_item_sum"))
		goto done;
	for (size_t i = 0; i < N_DERIVED && *n < max; i++) {
		struct store_check *c = &out[(*n)++];
		c->table = derived[i];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT * FROM kept_%s EXCEPT "
		         "SELECT * FROM main.%s)", derived[i], derived[i]);
		if (!count(s, sql, &c->only_kept))
			goto done;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT * FROM main.%s EXCEPT "
		         "SELECT * FROM kept_%s)", derived[i], derived[i]);
		if (!count(s, sql, &c->only_rebuilt))
			goto done;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM main.%s", derived[i]);
		if (!count(s, sql, &c->rows))
			goto done;
	}
	for (size_t i = 0; i < N_DERIVED; i++) {
		snprintf(sql, sizeof sql, "DROP TABLE temp.kept_%s", derived[i]);
		if (!exec(s, sql))
			goto done;
	}
	ok = true;
done:
	/* Comparing leaves the file as it was; repairing keeps the rebuild. */
	if (ok && repair) {
		ok = db_commit(s->db);
		if (!ok)
			snprintf(s->err, sizeof s->err, "%s", s->db->err);
	} else {
		db_rollback(s->db);
	}
	return ok;
}
