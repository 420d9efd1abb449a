/* store_mine.c — which answers of a profile the asker may read.
 *
 * A profile name is free text (--user), so on a shared class file it is
 * not who asks: the OS uid is.  The teacher (the file's owner, root, the
 * class server's teachers) reads every row; anyone else reads only the
 * answers their own uid wrote.  When a profile holds answers from other
 * uids too, the tables the triggers keep for the whole profile (tally,
 * day_stat, item_state) cannot be used: the learner's reads get the same
 * rows rebuilt from their own answers instead. */
#include "i18n.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rows a profile's tables would hold with only the answers of uid ?9,
 * column for column as in schema 6 (006_derived.sql). */
#define OWN_COUNTED "(SELECT * FROM answer_counted WHERE profile_id = ?1 AND uid = ?9)"
static const struct { const char *table, *own; } mine_tables[] = {
	{ "answer", "(SELECT * FROM answer WHERE profile_id = ?1 AND uid = ?9)" },
	{ "answer_counted", OWN_COUNTED },
	{ "tally",
	  "(SELECT profile_id, item, coalesce(code, CASE WHEN expected GLOB '[1-5][0-9][0-9]'"
	  "   THEN CAST(expected AS INTEGER) END, 0) AS code, given, expected, correct,"
	  "  count(*) AS final, sum(ms) AS ms, sum(c) AS counted, max(iif(c, answered_at, NULL)) AS last_at"
	  " FROM (SELECT *, session_id IS NULL OR session_id NOT IN (SELECT id FROM session_sealed) AS c"
	  "       FROM answer_final WHERE profile_id = ?1 AND uid = ?9)"
	  " GROUP BY 1, 2, 3, 4, 5, 6)" },
	{ "day_stat",
	  "(SELECT profile_id, date(answered_at, 'unixepoch', 'localtime') AS day,"
	  "  count(*) AS answers, sum(correct) AS correct FROM " OWN_COUNTED " GROUP BY 2)" },
	/* newer: wrong answers from the item's newest down to this one, so the
	 * streak is the answers with none, and the last wrong one has one. */
	{ "item_state",
	  "(SELECT profile_id, item, count(*) AS seen, sum(1 - correct) AS wrong,"
	  "  sum(newer = 0) AS streak,"
	  "  iif(max(rn = 1 AND correct), min(5, 1 + sum(newer = 0)), 1) AS box,"
	  "  max(iif(rn = 1, answered_at, NULL)) + iif(max(rn = 1 AND correct), 86400 *"
	  "   CASE min(5, 1 + sum(newer = 0)) WHEN 2 THEN 1 WHEN 3 THEN 3 WHEN 4 THEN 7 ELSE 14 END, 0) AS due,"
	  "  max(iif(rn = 1, answered_at, NULL)) AS last_at, max(iif(rn = 1, id, NULL)) AS last_id,"
	  "  max(iif(correct = 0 AND newer = 1, answered_at, NULL)) AS wrong_at,"
	  "  max(iif(correct = 0 AND newer = 1, id, NULL)) AS wrong_id"
	  " FROM (SELECT profile_id, item, answered_at, id, correct, row_number() OVER w AS rn,"
	  "        sum(1 - correct) OVER w AS newer FROM " OWN_COUNTED
	  "       WINDOW w AS (PARTITION BY item ORDER BY answered_at DESC, id DESC"
	  "                    ROWS UNBOUNDED PRECEDING))"
	  " GROUP BY item)" },
};

/* True when the asker may read only their own answers and this profile
 * holds answers another uid wrote (two probes of answer_profile_uid).
 * When it cannot tell, it says true: the narrower view is the safe one. */
static bool store_mine_only(struct store *s)
{
	sqlite3_stmt *st;
	bool mixed = true;

	if (s->teacher || s->profile == 0)
		return false;
	st = db_prepare(s->db,
		"SELECT EXISTS (SELECT 1 FROM answer WHERE profile_id = ?1 AND uid < ?2)"
		"    OR EXISTS (SELECT 1 FROM answer WHERE profile_id = ?1 AND uid > ?2)");
	if (st) {
		sqlite3_bind_int64(st, 1, s->profile);
		sqlite3_bind_int64(st, 2, s->uid);
		if (sqlite3_step(st) == SQLITE_ROW)
			mixed = sqlite3_column_int(st, 0) != 0;
	}
	sqlite3_finalize(st);
	return mixed;
}

/* The text of {name} (n bytes at name): the table, or its own-rows form
 * when mine; NULL for a name that is not in mine_tables. */
static const char *store_mine_table(const char *name, size_t n, bool mine)
{
	for (size_t i = 0; i < sizeof mine_tables / sizeof mine_tables[0]; i++)
		if (strlen(mine_tables[i].table) == n && !strncmp(name, mine_tables[i].table, n))
			return mine ? mine_tables[i].own : mine_tables[i].table;
	return NULL;
}

/* Writes sql with each {table} replaced into out (when not NULL); returns
 * the length, or (size_t)-1 for an unknown or unclosed {name}. */
static size_t store_mine_write(const char *sql, bool mine, char *out)
{
	size_t len = 0;

	for (const char *p = sql; *p; ) {
		const char *open = strchr(p, '{'), *close, *with;
		size_t k = open ? (size_t)(open - p) : strlen(p);

		if (out)
			memcpy(out + len, p, k);
		len += k;
		if (!open)
			break;
		if (!(close = strchr(open, '}')) ||
		    !(with = store_mine_table(open + 1, (size_t)(close - open - 1), mine)))
			return (size_t)-1;
		if (out)
			memcpy(out + len, with, strlen(with));
		len += strlen(with);
		p = close + 1;
	}
	if (out)
		out[len] = '\0';
	return len;
}

sqlite3_stmt *store_read_query(struct store *s, const char *sql)
{
	bool mine = store_mine_only(s);
	size_t len = store_mine_write(sql, mine, NULL);
	char *text = len == (size_t)-1 ? NULL : malloc(len + 1);
	sqlite3_stmt *st;

	if (!text) {
		/* an unknown {name} is a programming error the tests meet at once */
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		return NULL;
	}
	store_mine_write(sql, mine, text);
	st = db_prepare(s->db, text);
	free(text);
	if (!st) {
		store_read_fail(s, NULL);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, s->profile);
	if (mine)
		sqlite3_bind_int64(st, 9, s->uid);
	return st;
}
