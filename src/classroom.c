/* classroom.c — class init: the folder, its group and modes, the database,
 * and the refusals and warnings a teacher needs before the class starts. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "classroom.h"
#include "db.h"
#include "i18n.h"
#include "report.h"

#define CLASS_DB "class.db"

static int fail(const char *fmt, const char *a, const char *b)
{
	fputs("httptutor: ", stderr);
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	return 1;
}

static void warn(const char *msg, const char *path)
{
	fputs("httptutor: ", stderr);
	fprintf(stderr, tr(MSG_CLASS_WARN), path, msg);
	fputc('\n', stderr);
}

int classroom_init(const char *dir, const char *group)
{
	char path[PATH_MAX], real[PATH_MAX], err[512];
	struct statfs fs;
	struct stat sb;
	gid_t gid;
	int fd;

	/* The file system first: WAL needs shared memory that network file
	 * systems do not give between machines. */
	snprintf(path, sizeof path, "%s", dir);
	bool exists = stat(dir, &sb) == 0;
	if (exists && !S_ISDIR(sb.st_mode))
		return fail(tr(MSG_CLASS_NOT_DIR), dir, "");
	if (!exists) {
		char *slash = strrchr(path, '/');
		if (slash && slash != path)
			*slash = '\0';
		else
			snprintf(path, sizeof path, "%s", slash ? "/" : ".");
	}
	if (statfs(path, &fs) != 0)
		return fail("%s: %s", path, strerror(errno));
	const char *net = db_network_fs((long)fs.f_type);
	if (net)
		return fail(tr(MSG_CLASS_NETWORK_FS), dir, net);

	/* The group: given, else the folder's, else the caller's own. */
	if (group) {
		struct group *g = getgrnam(group);
		if (!g)
			return fail(tr(MSG_CLASS_NO_GROUP), group, "");
		gid = g->gr_gid;
	} else {
		gid = exists ? sb.st_gid : getegid();
	}
	if (!exists && mkdir(dir, 02770) != 0)
		return fail(tr(MSG_CLASS_CANNOT), dir, strerror(errno));
	if (chown(dir, (uid_t)-1, gid) != 0) {
		struct group *g = getgrgid(gid);
		return fail(tr(MSG_CLASS_CHGRP), dir, g ? g->gr_name : "?");
	}
	if (stat(dir, &sb) != 0 || chmod(dir, (sb.st_mode & 07777) | 02070) != 0)
		return fail(tr(MSG_CLASS_CANNOT), dir, strerror(errno));
	if (!realpath(dir, real))
		return fail(tr(MSG_CLASS_CANNOT), dir, strerror(errno));

	/* The database, made 0660 in the group before SQLite opens it (its
	 * -wal and -shm files take the database's mode). */
	char db[PATH_MAX + 16];
	snprintf(db, sizeof db, "%s/%s", real, CLASS_DB);
	fd = open(db, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0660);
	if (fd >= 0) {
		if (fchown(fd, (uid_t)-1, gid) != 0 || fchmod(fd, 0660) != 0) {
			close(fd);
			return fail(tr(MSG_CLASS_CANNOT), db, strerror(errno));
		}
		close(fd);
	} else if (errno != EEXIST) {
		return fail(tr(MSG_CLASS_CANNOT), db, strerror(errno));
	} else if (lstat(db, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	           chown(db, (uid_t)-1, gid) != 0 || chmod(db, (sb.st_mode & 0777) | 0660) != 0) {
		return fail(tr(MSG_CLASS_CANNOT), db, errno ? strerror(errno) : tr(MSG_CLASS_NOT_FILE));
	}
	struct db *h = db_open(db, false, err, sizeof err);
	if (!h)
		return fail("%s%s", err, "");
	db_close(h);

	/* What would let someone outside the class read the answers. */
	if (stat(real, &sb) == 0 && (sb.st_mode & 0007))
		warn(tr(MSG_CLASS_WARN_DIR), real);
	if (stat(db, &sb) == 0 && (sb.st_mode & 0006))
		warn(tr(MSG_CLASS_WARN_DB), db);
	struct group *g = getgrgid(gid);
	struct passwd *pw = getpwuid(getuid());
	if (g && pw && gid == pw->pw_gid && g->gr_mem && !g->gr_mem[0])
		warn(tr(MSG_CLASS_WARN_OWN_GROUP), g->gr_name);

	char line[PATH_MAX + 256];
	snprintf(line, sizeof line, tr(MSG_CLASS_READY), real, g ? g->gr_name : "?", CLASS_DB);
	report_wrap(stdout, line, report_width(), 0, true);
	report_wrap(stdout, tr(MSG_CLASS_PROFILE), report_width(), 0, true);
	/* A path a shell would split is quoted. */
	if (strspn(db, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+,") ==
	    strlen(db)) {
		printf("  export HTTPTUTOR_DB=%s\n", db);
	} else {
		fputs("  export HTTPTUTOR_DB='", stdout);
		for (const char *c = db; *c; c++)
			fputs(*c == '\'' ? "'\\''" : (char[]){ *c, 0 }, stdout);
		fputs("'\n", stdout);
	}
	return 0;
}
