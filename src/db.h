/* db.h — the only owner of the sqlite3 handle: open, pragmas, migrations,
 * prepared statements, BEGIN IMMEDIATE transactions. */
#ifndef HTTPTUTOR_DB_H
#define HTTPTUTOR_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

/* db/NNN_*.sql, embedded by the Makefile into build/migrations.c. */
struct db_migration {
	const char *name;
	const char *sql;
};
extern const struct db_migration db_migrations[];
extern const int db_migration_count;

#define DB_APPLICATION_ID 0x48545450  /* "HTTP" */

struct db {
	sqlite3 *h;
	char *path;
	bool readonly;
	char err[512];          /* last error, for the status line */
};

/* Open (creating it, with its directory 0700 and the file 0600) and migrate.
 * readonly opens without creating or migrating.  Returns NULL with a message
 * in err on failure: not ours (application_id), newer than this program
 * (user_version too high: refused, file untouched), corrupt, unwritable. */
struct db *db_open(const char *path, bool readonly, char *err, size_t errsz);
void db_close(struct db *d);
/* Change the busy timeout (default 5000 ms); tests use a short one. */
void db_set_busy_timeout(struct db *d, int ms);

/* Prepare a statement; on failure sets d->err (with the SQL) and returns NULL. */
sqlite3_stmt *db_prepare(struct db *d, const char *sql);
/* BEGIN IMMEDIATE (retrying on SQLITE_BUSY up to the busy timeout),
 * COMMIT and ROLLBACK.  false with d->err set on failure. */
bool db_begin(struct db *d);
bool db_commit(struct db *d);
void db_rollback(struct db *d);
/* Record sqlite's message for rc in d->err, prefixed with what. */
void db_fail(struct db *d, const char *what);

/* The default database path: $XDG_DATA_HOME/httptutor/progress.db, else
 * ~/.local/share/httptutor/progress.db.  malloc'd. */
char *db_default_path(void);

#endif
