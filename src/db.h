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
	bool copy;              /* an older schema read through an upgraded copy in memory */
	int fd;                 /* the file, held open to ask fstat what we opened; -1: none */
	bool gone;              /* the path no longer names the file we opened */
	bool batch;             /* inside db_batch_begin: transactions are savepoints */
	int depth;              /* savepoints open inside the batch */
	/* Statements kept prepared (db_prepare_keep; savepoints of a batch):
	 * parsing SQL was a third of the class server's time per request. */
	struct db_kept *kept;
	size_t n_kept;
	char err[512];          /* last error, for the status line */
	const char *why;        /* the last failure's reason in plain words (db_why), or NULL */
};

/* Once, before the first database is opened (main). */
void db_setup(void);

/* Open (creating it, with its directory 0700 and the file 0600) and migrate.
 * readonly opens without creating or writing anything (another account's
 * file this process may write is opened for writing but query_only, so that
 * closing it last folds and removes the -wal and -shm as a writer's close
 * does; in a folder where nothing may be created, a file with no -wal is
 * read as immutable, needing no -shm); a file of
 * an older schema is then copied into memory and upgraded there, so every
 * query works on it and its contents never change.  A writable database
 * whose -wal or -shm a read-only start left read-only gets them made
 * writable when they are this process's, else a message naming them.
 * Returns NULL with a message
 * in err on failure: not ours (application_id), newer than this program
 * (user_version too high: refused, file untouched), corrupt, unwritable. */
struct db *db_open(const char *path, bool readonly, char *err, size_t errsz);
void db_close(struct db *d);
/* Change the busy timeout (default 5000 ms); tests use a short one. */
void db_set_busy_timeout(struct db *d, int ms);

/* Prepare a statement; on failure sets d->err (with the SQL) and returns NULL. */
sqlite3_stmt *db_prepare(struct db *d, const char *sql);
/* The same for a statement run again and again (sql must be a string that
 * lives as long as d, such as a literal): it is prepared once and kept.
 * Give it back with db_done, never sqlite3_finalize. */
sqlite3_stmt *db_prepare_keep(struct db *d, const char *sql);
/* Reset a kept statement (bindings cleared) for its next use; a statement
 * that was not kept is finalized. */
void db_done(struct db *d, sqlite3_stmt *st);
/* BEGIN IMMEDIATE (retrying on SQLITE_BUSY up to the busy timeout),
 * COMMIT and ROLLBACK.  false with d->err set on failure. */
bool db_begin(struct db *d);
bool db_commit(struct db *d);
void db_rollback(struct db *d);
/* Group commit, for the class server: between db_batch_begin (BEGIN
 * IMMEDIATE) and db_batch_commit, db_begin/db_commit/db_rollback open,
 * release and roll back savepoints, so the writes of many requests share
 * one COMMIT (one fsync) while each can still fail alone.  Nothing of the
 * batch is durable before db_batch_commit returns true; false (d->err
 * says why) or db_batch_rollback: none of it was kept.  db_batch_lost says
 * whether SQLite itself ended the transaction after an error (disk full,
 * I/O error): then every write of the batch so far is gone. */
bool db_batch_begin(struct db *d);
bool db_batch_commit(struct db *d);
void db_batch_rollback(struct db *d);
bool db_batch_lost(struct db *d);
/* A read that must see one snapshot: BEGIN (deferred) … COMMIT; inside a
 * batch the batch's transaction already is one, and these do nothing. */
bool db_read_begin(struct db *d);
void db_read_end(struct db *d);
/* The row id of the last INSERT on this handle. */
long long db_last_id(struct db *d);

/* Record in d->err, in the interface's language: what, why in plain words
 * (db_why), then the path, and SQLite's own words when the reason alone
 * does not say enough (db_why_enough). */
void db_fail(struct db *d, const char *what);
/* Why the last call failed, as a learner can read it ("the disk is full",
 * "permission denied", "the database is damaged or was changed by another
 * program"), from its result code and the system's errno; the string stays
 * valid (it is from the i18n table).  Kept in d->why too. */
const char *db_why(struct db *d, int rc);
/* The name of a reason from db_why ("disk-full") that a class server sends
 * beside its words, or NULL for another text. */
const char *db_why_code(const char *why);
/* The reason that name stands for, in the interface's language (from the
 * i18n table); NULL for a name this version does not know. */
const char *db_why_named(const char *code);
/* True when a reason from db_why says all a learner needs (a full disk, a
 * lock, read-only, permission): SQLite's words would add nothing. */
bool db_why_enough(const char *why);

/* True while the path still names the file that was opened: stat(path)
 * and fstat on the open file agree on device and inode, and the file still
 * has a name.  After a false, d->gone stays set and d->err says so: a
 * caller about to commit must not (the write would go to a deleted file).
 * Always true for ":memory:" and read-only copies. */
bool db_same_file(struct db *d);

/* The name of the network file system whose statfs(2) f_type is magic
 * ("NFS", "CIFS" …), or NULL for a local one: SQLite's WAL needs shared
 * memory that a file system on another machine does not give. */
const char *db_network_fs(long magic);

/* The default database path: $XDG_DATA_HOME/httptutor/progress.db, else
 * ~/.local/share/httptutor/progress.db.  malloc'd. */
char *db_default_path(void);

#endif
