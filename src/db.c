/* db.c — owns the sqlite3 handle: creating the file safely, checking that it
 * is ours and not too new, pragmas, migrations, statements, transactions. */
#include "db.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DB_BUSY_MS 5000
#define DB_KEPT_MAX 32          /* statements kept prepared */
#define DB_SP_MAX 8             /* savepoint depths with kept statements */

struct db_kept {
	const char *sql;        /* its text, compared by address */
	sqlite3_stmt *st;
};

static bool db_is_memory(const char *path)
{
	return strcmp(path, ":memory:") == 0 || path[0] == '\0';
}

static void db_setf(char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void db_setf(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (!err || errsz == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

/* A failed system call: the sentence (fmt), then the system's own words
 * for errno as detail. */
static void db_sys(char *err, size_t errsz, int e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void db_sys(char *err, size_t errsz, int e, const char *fmt, ...)
{
	va_list ap;
	char what[400];

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	db_setf(err, errsz, tr(MSG_ERR_WHAT_WHY), what, strerror(e));
}

/* mkdir -p for the parent of path; directories we create get exactly 0700
 * (progress is private), existing ones are left alone. */
static bool db_make_parent(const char *path, char *err, size_t errsz)
{
	char *dir = strdup(path);
	char *slash, *p;
	bool ok = false;

	if (!dir) {
		db_setf(err, errsz, tr(MSG_DB_OOM_OPENING), path);
		return false;
	}
	slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		ok = true;      /* current directory or "/" */
		goto out;
	}
	*slash = '\0';
	for (p = dir + 1; ; p++) {
		bool last = *p == '\0';

		if (*p != '/' && !last)
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (chmod(dir, 0700) != 0) {   /* umask may have removed bits */
				db_sys(err, errsz, errno, tr(MSG_DB_CHMOD), dir);
				goto out;
			}
		} else if (errno != EEXIST) {
			db_sys(err, errsz, errno, tr(MSG_DB_MKDIR), dir, path);
			goto out;
		}
		if (last)
			break;
		*p = '/';
	}
	ok = true;
out:
	free(dir);
	return ok;
}

/* True when path's folder is another account's shared folder (setgid, as
 * `class init` makes it): a missing file there is a deleted class file,
 * and a new private one would lock the class out of its path. */
static bool db_shared_folder(const char *path, char *owner, size_t n)
{
	char dir[4200];
	const char *slash = strrchr(path, '/');
	struct stat sb;

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else if (snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path) >= (int)sizeof dir)
		return false;
	if (stat(dir, &sb) != 0 || !(sb.st_mode & S_ISGID) || sb.st_uid == geteuid())
		return false;
	struct passwd *pw = getpwuid(sb.st_uid);
	if (pw)
		snprintf(owner, n, "%s", pw->pw_name);
	else
		snprintf(owner, n, "uid %ld", (long)sb.st_uid);
	return true;
}

/* Create the file ourselves so it is 0600 whatever the umask; sqlite would
 * use 0644.  An existing file keeps the mode its owner gave it; none is
 * made in another account's shared folder (db_shared_folder). */
static bool db_create_file(const char *path, char *err, size_t errsz)
{
	char owner[64];
	struct stat sb;
	if (stat(path, &sb) != 0 && errno == ENOENT && db_shared_folder(path, owner, sizeof owner)) {
		db_setf(err, errsz, tr(MSG_DB_MISSING_SHARED), path, owner);
		return false;
	}
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return true;
		db_sys(err, errsz, errno, tr(MSG_DB_CREATE), path);
		return false;
	}
	if (fchmod(fd, 0600) != 0) {
		db_sys(err, errsz, errno, tr(MSG_DB_CHMOD), path);
		close(fd);
		return false;
	}
	close(fd);
	return true;
}

/* SQLite makes -wal and -shm with the database's mode: a read-only start
 * leaves them read-only, and every later start can then only read, though
 * the database itself is writable again.  Ours are made writable (a chmod
 * is safe while another process has them open; removing them is not);
 * another account's are named, with what to do.  Only for a database
 * file this process may write. */
static bool db_sidecars_writable(const char *path, char *err, size_t errsz)
{
	static const char *const suffix[] = { "-wal", "-shm" };
	char side[4200];
	struct stat sb;

	for (int i = 0; i < 2; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		if (lstat(side, &sb) != 0 || !S_ISREG(sb.st_mode) || access(side, W_OK) == 0)
			continue;
		if (sb.st_uid == geteuid()) {
			if (chmod(side, (sb.st_mode & 0777) | 0600) != 0) {
				db_sys(err, errsz, errno, tr(MSG_DB_CHMOD), side);
				return false;
			}
			continue;
		}
		struct passwd *pw = getpwuid(sb.st_uid);
		char who[64];
		if (pw && pw->pw_name)
			snprintf(who, sizeof who, "%s", pw->pw_name);
		else
			snprintf(who, sizeof who, "uid %u", (unsigned)sb.st_uid);
		db_setf(err, errsz, tr(MSG_DB_SIDECAR_RO), side, who, path);
		return false;
	}
	return true;
}

/* Plain words for a failed call with result code rc on handle h (NULL
 * before it exists): what the learner can act on.  The system's errno tells
 * a full disk from a file size limit, and permission from the rest. */
static const char *db_reason(sqlite3 *h, int rc)
{
	/* SQLite does not always keep the errno of a failed write (EFBIG from a
	 * WAL write was lost): then errno itself, read right after the call. */
	int sys = errno;
	if (h && sqlite3_system_errno(h))
		sys = sqlite3_system_errno(h);
	switch (rc & 0xff) {
	case SQLITE_READONLY:
		return tr(MSG_DB_WHY_READONLY);
	case SQLITE_FULL:
	case SQLITE_IOERR:
		return tr(sys == EFBIG ? MSG_DB_WHY_FSIZE :
		          sys == ENOSPC || (rc & 0xff) == SQLITE_FULL ? MSG_DB_WHY_FULL :
		          sys == EACCES || sys == EPERM ? MSG_DB_WHY_PERM : MSG_DB_WHY_IO);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return tr(MSG_DB_WHY_BUSY);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return tr(MSG_DB_WHY_DAMAGED);
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return tr(MSG_DB_WHY_PERM);
	case SQLITE_CANTOPEN:
		return tr(sys == EACCES || sys == EPERM ? MSG_DB_WHY_PERM : MSG_DB_WHY_CANTOPEN);
	case SQLITE_NOMEM:
		return tr(MSG_ERR_OOM);
	default:   /* SQLITE_ERROR: a table or column is missing, and the like */
		return tr(MSG_DB_WHY_OTHER);
	}
}

const char *db_why(struct db *d, int rc)
{
	const char *why = db_reason(d ? d->h : NULL, rc);
	if (d)
		d->why = why;
	return why;
}

/* Each reason of db_why and the name a class server sends with it, so a
 * client says it in its own learner's language. */
static const struct { enum msg m; const char *code; } why_codes[] = {
	{ MSG_DB_WHY_READONLY, "read-only" }, { MSG_DB_WHY_FSIZE, "file-size-limit" },
	{ MSG_DB_WHY_FULL, "disk-full" }, { MSG_DB_WHY_PERM, "permission" },
	{ MSG_DB_WHY_IO, "disk-error" }, { MSG_DB_WHY_BUSY, "locked" },
	{ MSG_DB_WHY_DAMAGED, "damaged" }, { MSG_DB_WHY_CANTOPEN, "cannot-open" },
	{ MSG_DB_WHY_OTHER, "other" }, { MSG_ERR_OOM, "out-of-memory" },
	{ MSG_DB_WHY_GONE, "database-gone" },
};

const char *db_why_code(const char *why)
{
	for (size_t i = 0; why && i < sizeof why_codes / sizeof why_codes[0]; i++)
		if (why == tr(why_codes[i].m))
			return why_codes[i].code;
	return NULL;
}

const char *db_why_named(const char *code)
{
	for (size_t i = 0; code && i < sizeof why_codes / sizeof why_codes[0]; i++)
		if (!strcmp(code, why_codes[i].code))
			return tr(why_codes[i].m);
	return NULL;
}

bool db_why_enough(const char *why)
{
	/* A full disk, a lock or a permission says it all; SQLite's words
	 * help only with the rest (what is damaged, what failed). */
	return why != tr(MSG_DB_WHY_IO) && why != tr(MSG_DB_WHY_CANTOPEN) &&
	       why != tr(MSG_DB_WHY_DAMAGED) && why != tr(MSG_DB_WHY_OTHER);
}

/* Message for a failure while first reading the file. */
static void db_open_error(sqlite3 *h, int rc, const char *path,
                          char *err, size_t errsz)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		db_setf(err, errsz, tr(MSG_DB_NOT_DB), path);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		db_setf(err, errsz, tr(MSG_DB_LOCKED), path);
		break;
	case SQLITE_READONLY:
		/* WAL readers need a -shm file beside the database; say which of
		 * the two is read-only. */
		db_setf(err, errsz, tr(access(path, W_OK) == 0 ? MSG_DB_NO_SHM_DIR : MSG_DB_NO_SHM), path);
		break;
	default: {
		char what[600];
		const char *why = db_reason(h, rc);
		snprintf(what, sizeof what, tr(MSG_DB_CANT_OPEN), path, why);
		if (db_why_enough(why))
			db_setf(err, errsz, "%s", what);
		else
			db_setf(err, errsz, tr(MSG_DB_CANT_OPEN_SQLITE), what,
			        h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
		break;
	}
	}
}

/* Run a one-row integer query (a PRAGMA or count); the sqlite rc is returned. */
static int db_int_query(sqlite3 *h, const char *sql, sqlite3_int64 *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		goto out;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = SQLITE_OK;
	}
out:
	sqlite3_finalize(st);
	return rc;
}

/* True when the open that failed with rc failed because the file's folder
 * is one where this process may create nothing: a WAL database cannot be
 * read the usual way there, for SQLite needs a -shm beside it. */
static bool db_folder_shut(const char *path, int rc)
{
	char dir[4200];
	const char *slash = strrchr(path, '/');

	if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
		return false;
	if (!slash)
		return access(".", W_OK) != 0;
	if (slash == path)
		return access("/", W_OK) != 0;
	if (snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path) >= (int)sizeof dir)
		return false;
	return access(dir, W_OK) != 0;
}

/* In such a folder (db_folder_shut), when there is no -wal, or an empty
 * one, everything is in the file itself and no one but root can write to
 * it either (a writer would need that -wal): it can be read as immutable,
 * with no lock and no -shm. */
static bool db_wal_empty(const char *path)
{
	char side[4200];
	struct stat sb;

	if (snprintf(side, sizeof side, "%s-wal", path) >= (int)sizeof side)
		return false;
	return stat(side, &sb) != 0 || sb.st_size == 0;
}

/* Reopen d->h read-only as an immutable URI (db_wal_empty). */
static int db_open_frozen(struct db *d, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *uri = malloc(5 + 3 * n + 13);
	char *o = uri;
	int rc;

	if (!uri)
		return SQLITE_NOMEM;
	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-~", *p)) {
			*o++ = (char)*p;
		} else {   /* '?', '#', '%' and the rest, as the URI needs them */
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	strcpy(o, "?immutable=1");
	sqlite3_close(d->h);
	d->h = NULL;
	rc = sqlite3_open_v2(uri, &d->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(d->h, 1);
		sqlite3_busy_timeout(d->h, DB_BUSY_MS);
	}
	free(uri);
	return rc;
}

/* The application id, schema version, number of schema objects and whether
 * the file is in WAL mode, in one statement. */
static int db_first_look(sqlite3 *h, sqlite3_int64 *app, sqlite3_int64 *ver,
                         sqlite3_int64 *nschema, bool *wal)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h,
		"SELECT (SELECT application_id FROM pragma_application_id),"
		" (SELECT user_version FROM pragma_user_version),"
		" (SELECT count(*) FROM sqlite_master),"
		" (SELECT journal_mode FROM pragma_journal_mode) = 'wal'", -1, &st, NULL);

	if (rc != SQLITE_OK)
		goto out;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*app = sqlite3_column_int64(st, 0);
		*ver = sqlite3_column_int64(st, 1);
		*nschema = sqlite3_column_int64(st, 2);
		*wal = sqlite3_column_int(st, 3) != 0;
		rc = SQLITE_OK;
	}
out:
	sqlite3_finalize(st);
	return rc;
}

/* Apply migration i (0-based) in its own write transaction.  The version is
 * re-read inside the lock, so two programs opening a new file at the same
 * moment apply each migration once. */
static bool db_migrate_one(struct db *d, int i)
{
	char sql[128];
	sqlite3_int64 v = 0;

	if (!db_begin(d))
		return false;
	if (db_int_query(d->h, "PRAGMA user_version", &v) != SQLITE_OK) {
		db_fail(d, tr(MSG_DB_SCHEMA_READ));
		goto fail;
	}
	if (v > i) {            /* someone else got there first */
		if (db_commit(d))
			return true;
		goto fail;
	}
	if (sqlite3_exec(d->h, db_migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK) {
		char what[160];

		snprintf(what, sizeof what, tr(MSG_DB_UPGRADE), db_migrations[i].name);
		db_fail(d, what);
		goto fail;
	}
	/* PRAGMA takes no bound values; both numbers are our own. */
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
	         (int)DB_APPLICATION_ID, i + 1);
	if (sqlite3_exec(d->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, tr(MSG_DB_SCHEMA_WRITE));
		goto fail;
	}
	if (db_commit(d))
		return true;
fail:
	db_rollback(d);
	return false;
}

/* A read-only look at a file of an older schema (version ver): copy it into
 * memory and upgrade the copy, so read-only commands can use every column
 * while the file is never written. */
static bool db_upgrade_copy(struct db *d, int ver, char *err, size_t errsz)
{
	sqlite3 *mem = NULL;
	int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(mem, "main", d->h, "main") : NULL;

	if (!b) {
		db_open_error(d->h, rc == SQLITE_OK ? sqlite3_errcode(mem) : rc, d->path, err, errsz);
		sqlite3_close(mem);
		return false;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		db_open_error(d->h, rc, d->path, err, errsz);
		sqlite3_close(mem);
		return false;
	}
	sqlite3_close(d->h);
	d->h = mem;
	d->copy = true;
	sqlite3_extended_result_codes(d->h, 1);
	for (int i = ver; i < db_migration_count; i++) {
		if (!db_migrate_one(d, i)) {
			db_setf(err, errsz, "%s", d->err);
			return false;
		}
	}
	return true;
}

void db_setup(void)
{
	/* Nothing reads SQLite's memory statistics, and keeping them takes a
	 * global mutex around every allocation (a tenth of a report's time). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct db *db_open(const char *path, bool readonly, char *err, size_t errsz)
{
	struct db *d = NULL;
	sqlite3_int64 app = 0, ver = 0, nschema = 0;
	int flags, rc;
	bool memory, wal = false, writable;

	if (!path) {
		db_setf(err, errsz, "%s", tr(MSG_DB_NO_PATH));
		return NULL;
	}
	memory = db_is_memory(path);
	struct stat pst;
	if (!memory && stat(path, &pst) == 0 && S_ISDIR(pst.st_mode)) {
		db_setf(err, errsz, tr(MSG_DB_IS_FOLDER), path);   /* not "a disk error" */
		return NULL;
	}
	if (!memory && readonly && access(path, R_OK) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			db_setf(err, errsz, tr(MSG_DB_MISSING), path);
		else if (errno == EACCES || errno == EPERM)
			db_setf(err, errsz, tr(MSG_DB_NO_READ), path);
		else
			db_setf(err, errsz, tr(MSG_DB_CANT_OPEN), path, strerror(errno));
		return NULL;
	}
	if (!memory && !readonly &&
	    (!db_make_parent(path, err, errsz) || !db_create_file(path, err, errsz)))
		return NULL;
	if (!memory && !readonly && access(path, W_OK) == 0 &&
	    !db_sidecars_writable(path, err, errsz))
		return NULL;
	/* A read-only look at another account's file that we may write (a
	 * student on a shared class file) opens it for writing but writes
	 * nothing (query_only): only a connection that may write removes the
	 * -wal and -shm it made when it closes last, so a refused command
	 * leaves none behind owned by the student.  The owner's own looks stay
	 * read-only: a writing connection's last close checkpoints and deletes
	 * the WAL, and the teacher's report loop doing that during an exam made
	 * sixty students' first writes wait (p99 35 -> 669 ms in make bench). */
	writable = !memory && readonly && access(path, W_OK) == 0 &&
	           stat(path, &pst) == 0 && pst.st_uid != geteuid();

	d = calloc(1, sizeof *d);
	if (d)
		d->fd = -1;
	if (!d || !(d->path = strdup(path))) {
		db_setf(err, errsz, tr(MSG_DB_OOM_OPENING), path);
		goto fail;
	}
	d->readonly = readonly;
	/* NOMUTEX: a connection is used by one thread at a time (the class
	 * server's database thread owns its own), so SQLite need not lock
	 * around every call. */
	flags = (readonly ? (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY)
	                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
	rc = sqlite3_open_v2(path, &d->h, flags, NULL);
	if (rc != SQLITE_OK) {
		db_open_error(d->h, rc, path, err, errsz);
		goto fail;
	}
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_busy_timeout(d->h, DB_BUSY_MS);
	/* Held open so db_same_file can ask what was opened; it also keeps the
	 * inode from being reused while we run.  Closed only after sqlite3_close
	 * (closing any descriptor of a file drops the process's locks on it). */
	if (!memory)
		d->fd = open(path, O_RDONLY | O_CLOEXEC);

	/* Look before writing anything: a foreign or newer file stays untouched.
	 * One statement (one read of the file) for what every start needs. */
	rc = db_first_look(d->h, &app, &ver, &nschema, &wal);
	if (rc != SQLITE_OK && readonly && !writable && !memory && db_folder_shut(path, rc)) {
		int rc2 = db_wal_empty(path) ? db_open_frozen(d, path) : SQLITE_READONLY;
		if (rc2 == SQLITE_OK)
			rc2 = db_first_look(d->h, &app, &ver, &nschema, &wal);
		/* A -wal with answers needs the -shm that cannot be made: say so. */
		rc = (rc2 & 0xff) == SQLITE_READONLY || (rc2 & 0xff) == SQLITE_CANTOPEN ? SQLITE_READONLY : rc2;
	}
	if (rc != SQLITE_OK) {
		db_open_error(d->h, rc, path, err, errsz);
		goto fail;
	}
	if (app != DB_APPLICATION_ID && (app != 0 || nschema != 0 || ver != 0)) {
		db_setf(err, errsz, tr(MSG_DB_FOREIGN), path);
		goto fail;
	}
	if (ver > db_migration_count) {
		db_setf(err, errsz, tr(MSG_DB_NEWER), path, (long long)ver, db_migration_count);
		goto fail;
	}
	if (readonly && app == 0) {
		db_setf(err, errsz, tr(MSG_DB_EMPTY), path);
		goto fail;
	}
	if (readonly && ver < db_migration_count && !db_upgrade_copy(d, (int)ver, err, errsz))
		goto fail;

	if (!readonly) {
		/* WAL: readers never block the writer; FULL: a confirmed answer
		 * survives power loss. */
		sqlite3_int64 ignored;

		/* The mode is stored in the file: set it once. */
		rc = wal ? SQLITE_OK : db_int_query(d->h, "PRAGMA journal_mode = WAL", &ignored);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(d->h, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
		if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_READONLY) {
			db_open_error(d->h, rc, path, err, errsz);
			goto fail;
		}
		/* A write-protected file opens read-only without an error. */
		if (sqlite3_db_readonly(d->h, "main") == 1)
			d->readonly = true;
	}
	rc = sqlite3_exec(d->h, d->readonly ? "PRAGMA foreign_keys = ON; PRAGMA query_only = 1"
	                                    : "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		db_open_error(d->h, rc, path, err, errsz);
		goto fail;
	}

	if (ver < db_migration_count && d->readonly && !readonly) {
		db_setf(err, errsz, tr(MSG_DB_NEEDS_UPGRADE), path);
		goto fail;
	}
	if (!d->readonly) {
		for (int i = (int)ver; i < db_migration_count; i++) {
			if (!db_migrate_one(d, i)) {
				db_setf(err, errsz, "%s", d->err);
				goto fail;
			}
		}
	}
	return d;
fail:
	db_close(d);
	return NULL;
}

void db_close(struct db *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_kept; i++)
		sqlite3_finalize(d->kept[i].st);
	free(d->kept);
	sqlite3_close(d->h);   /* the other statements are finalized by their users */
	if (d->fd >= 0)
		close(d->fd);
	free(d->path);
	free(d);
}

bool db_same_file(struct db *d)
{
	struct stat open_st, path_st;

	if (d->gone)
		return false;
	/* Inside a batch the file was checked when it began and is checked
	 * again before its one commit: nothing reaches the disk in between. */
	if (d->fd < 0 || d->copy || d->batch)
		return true;
	if (fstat(d->fd, &open_st) == 0 && stat(d->path, &path_st) == 0 &&
	    open_st.st_dev == path_st.st_dev && open_st.st_ino == path_st.st_ino &&
	    open_st.st_nlink > 0)
		return true;
	d->gone = true;
	snprintf(d->err, sizeof d->err, tr(MSG_DB_GONE), d->path);
	return false;
}

void db_set_busy_timeout(struct db *d, int ms)
{
	sqlite3_busy_timeout(d->h, ms);
}

void db_fail(struct db *d, const char *what)
{
	const char *why = db_why(d, sqlite3_extended_errcode(d->h));
	size_t k = (size_t)snprintf(d->err, sizeof d->err, tr(MSG_ERR_WHAT_WHY), what, why);
	if (k < sizeof d->err)
		snprintf(d->err + k, sizeof d->err - k, tr(db_why_enough(why) ? MSG_ERR_DETAIL_PATH :
		         MSG_ERR_DETAIL_SQLITE), d->path, sqlite3_errmsg(d->h));
}

sqlite3_stmt *db_prepare(struct db *d, const char *sql)
{
	sqlite3_stmt *st = NULL;

	/* No SQL in the message: learners see it; SQLite's words are enough
	 * for whoever repairs the file. */
	if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(d, tr(MSG_DB_USE));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *db_prepare_keep(struct db *d, const char *sql)
{
	for (size_t i = 0; i < d->n_kept; i++)
		if (d->kept[i].sql == sql)
			return d->kept[i].st;
	sqlite3_stmt *st = db_prepare(d, sql);
	if (!st || d->n_kept >= DB_KEPT_MAX)
		return st;     /* not kept: db_done finalizes it */
	struct db_kept *nv = realloc(d->kept, (d->n_kept + 1) * sizeof *nv);
	if (!nv)
		return st;
	d->kept = nv;
	d->kept[d->n_kept++] = (struct db_kept){ sql, st };
	return st;
}

void db_done(struct db *d, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < d->n_kept; i++)
		if (d->kept[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	sqlite3_finalize(st);
}

/* Run one of the batch's savepoint statements (a kept one up to
 * DB_SP_MAX deep); SQLITE_OK or the error code. */
static int db_savepoint(struct db *d, const char *fmt, int depth)
{
	static const char *const sp[DB_SP_MAX] = { "SAVEPOINT w0", "SAVEPOINT w1", "SAVEPOINT w2",
		"SAVEPOINT w3", "SAVEPOINT w4", "SAVEPOINT w5", "SAVEPOINT w6", "SAVEPOINT w7" };
	static const char *const rel[DB_SP_MAX] = { "RELEASE w0", "RELEASE w1", "RELEASE w2",
		"RELEASE w3", "RELEASE w4", "RELEASE w5", "RELEASE w6", "RELEASE w7" };
	static const char *const rb[DB_SP_MAX] = { "ROLLBACK TO w0", "ROLLBACK TO w1",
		"ROLLBACK TO w2", "ROLLBACK TO w3", "ROLLBACK TO w4", "ROLLBACK TO w5",
		"ROLLBACK TO w6", "ROLLBACK TO w7" };
	const char *const *tab = fmt[0] == 'S' ? sp : fmt[0] == 'R' && fmt[1] == 'E' ? rel : rb;
	if (depth < DB_SP_MAX) {
		sqlite3_stmt *st = db_prepare_keep(d, tab[depth]);
		int rc = st ? sqlite3_step(st) : sqlite3_errcode(d->h);
		db_done(d, st);
		return rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	char sql[32];
	snprintf(sql, sizeof sql, fmt, depth);
	return sqlite3_exec(d->h, sql, NULL, NULL, NULL);
}

bool db_begin(struct db *d)
{
	if (d->batch) {
		if (db_savepoint(d, "SAVEPOINT w%d", d->depth) != SQLITE_OK) {
			db_fail(d, tr(MSG_DB_BEGIN));
			return false;
		}
		d->depth++;
		return true;
	}
	/* IMMEDIATE takes the write lock now, where the busy timeout applies;
	 * a deferred read-then-write transaction could fail with BUSY at once. */
	if (sqlite3_exec(d->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, tr(MSG_DB_BEGIN));
		return false;
	}
	return true;
}

bool db_commit(struct db *d)
{
	if (d->batch) {
		if (d->depth == 0 || sqlite3_get_autocommit(d->h)) {
			snprintf(d->err, sizeof d->err, "%s", tr(MSG_DB_LOST));
			return false;
		}
		if (db_savepoint(d, "RELEASE w%d", d->depth - 1) != SQLITE_OK) {
			db_fail(d, tr(MSG_DB_COMMIT));
			return false;
		}
		d->depth--;
		return true;
	}
	if (sqlite3_exec(d->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, tr(MSG_DB_COMMIT));
		return false;
	}
	return true;
}

void db_rollback(struct db *d)
{
	if (d->batch) {
		if (d->depth == 0)
			return;
		d->depth--;
		if (sqlite3_get_autocommit(d->h))
			return;     /* SQLite ended the whole transaction: db_batch_lost */
		db_savepoint(d, "ROLLBACK TO w%d", d->depth);
		db_savepoint(d, "RELEASE w%d", d->depth);
		return;
	}
	/* After some errors sqlite has already rolled back; that is fine. */
	if (!sqlite3_get_autocommit(d->h))
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
}

bool db_batch_begin(struct db *d)
{
	d->batch = false;
	d->depth = 0;
	d->why = NULL;
	if (!db_same_file(d) || !db_begin(d))
		return false;
	d->batch = true;
	return true;
}

bool db_batch_commit(struct db *d)
{
	bool ok;

	d->batch = false;
	d->depth = 0;
	if (sqlite3_get_autocommit(d->h)) {
		snprintf(d->err, sizeof d->err, "%s", tr(MSG_DB_LOST));
		return false;
	}
	/* The path must still name the file, or the batch would be "saved"
	 * into a deleted one. */
	if (!db_same_file(d)) {
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
		return false;
	}
	ok = db_commit(d);
	if (!ok)
		db_rollback(d);
	return ok;
}

void db_batch_rollback(struct db *d)
{
	d->batch = false;
	d->depth = 0;
	db_rollback(d);
}

bool db_batch_lost(struct db *d)
{
	return d->batch && sqlite3_get_autocommit(d->h);
}

bool db_read_begin(struct db *d)
{
	if (d->batch)
		return true;
	if (sqlite3_exec(d->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, tr(MSG_DB_READ));
		return false;
	}
	return true;
}

void db_read_end(struct db *d)
{
	if (!d->batch)
		sqlite3_exec(d->h, "COMMIT", NULL, NULL, NULL);
}

long long db_last_id(struct db *d)
{
	return (long long)sqlite3_last_insert_rowid(d->h);
}

char *db_default_path(void)
{
	const char *base = getenv("XDG_DATA_HOME");
	const char *suffix = "/httptutor/progress.db";
	const char *home;
	char *out;
	size_t n;

	/* The XDG spec says relative values are to be ignored. */
	if (base && base[0] == '/') {
		n = strlen(base) + strlen(suffix) + 1;
		if ((out = malloc(n)))
			snprintf(out, n, "%s%s", base, suffix);
		return out;
	}
	home = getenv("HOME");
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());

		home = pw ? pw->pw_dir : NULL;
	}
	if (!home)
		return NULL;
	n = strlen(home) + strlen("/.local/share") + strlen(suffix) + 1;
	if ((out = malloc(n)))
		snprintf(out, n, "%s/.local/share%s", home, suffix);
	return out;
}

const char *db_network_fs(long magic)
{
	switch ((unsigned long)magic & 0xffffffffUL) {
	case 0x6969UL: return "NFS";
	case 0x517BUL: return "SMB";
	case 0xFF534D42UL: return "CIFS";
	case 0xFE534D42UL: return "SMB2";
	case 0x5346414FUL: return "AFS";
	case 0x73757245UL: return "Coda";
	case 0x564cUL: return "NCP";
	case 0x01021997UL: return "9P";
	case 0x00c36400UL: return "Ceph";
	default: return NULL;
	}
}
