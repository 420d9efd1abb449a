/* serve_setup.c — the class folder, database and sockets of `class serve`. */
#include "serve_setup.h"
#include "i18n.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define CLASS_DB "class.db"
#define CLASS_SOCK "class.sock"

static const char *suffix_of(int i)
{
	return i == 1 ? "-wal" : i == 2 ? "-shm" : "";
}

/* The login of uid, or "uid N". */
static void who_is(uid_t uid, char *out, size_t n)
{
	struct passwd *pw = getpwuid(uid);
	if (pw && pw->pw_name)
		snprintf(out, n, "%s", pw->pw_name);
	else
		snprintf(out, n, "uid %u", (unsigned)uid);
}

/* Whether class.db (i 0), its -wal (1) or -shm (2) at path can be the
 * server's alone: absent, or a regular file that is ours and that we may
 * read and write once it is 0600.  Nothing is changed here; *fix says
 * whether a chmod to 0600 is due. */
static bool check_file(const char *dir, int i, const char *path, bool *fix, char *err,
                       size_t errsz)
{
	struct stat sb;
	char who[64];
	*fix = false;
	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return true;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return false;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errsz, tr(MSG_SERVE_NOT_FILE), path);
		return false;
	}
	/* Another account's -wal or -shm: its owner could still write the
	 * class database through it, whatever its mode. */
	if (sb.st_uid != geteuid()) {
		who_is(sb.st_uid, who, sizeof who);
		if (i == 0)
			snprintf(err, errsz, tr(MSG_SERVE_DB_NOT_YOURS), path, who, dir);
		else {
			/* Removing a -wal that holds commits would lose them. */
			char wal[PATH_MAX];
			struct stat wb;
			snprintf(wal, sizeof wal, "%s/%s-wal", dir, CLASS_DB);
			bool held = stat(wal, &wb) == 0 && wb.st_size > 0;
			snprintf(err, errsz, tr(held ? MSG_SERVE_SIDE_NOT_YOURS_WAL :
			                        MSG_SERVE_SIDE_NOT_YOURS), CLASS_DB, suffix_of(i), who, dir);
		}
		return false;
	}
	/* class.db made read-only by its owner: a choice to respect, not to undo. */
	if (i == 0 && !(sb.st_mode & 0200)) {
		snprintf(err, errsz, tr(MSG_SERVE_READONLY), path);
		return false;
	}
	*fix = (sb.st_mode & 07777) != 0600;
	return true;
}

/* A failed first open of path[0]: remove what it made, where it was not
 * there before (nothing was committed in it), and say how to go on after
 * a full disk. */
static void open_failed(const char *dir, char path[3][PATH_MAX], const bool was[3], char *err,
                        size_t errsz)
{
	struct stat sb;
	for (int i = 2; i >= 0; i--)
		if (!was[i] && lstat(path[i], &sb) == 0 && S_ISREG(sb.st_mode) &&
		    (i > 0 || sb.st_size == 0))
			unlink(path[i]);
	if (strstr(err, tr(MSG_DB_WHY_FULL)) || strstr(err, tr(MSG_DB_WHY_FSIZE))) {
		size_t k = strlen(err);
		if (k < errsz)
			snprintf(err + k, errsz - k, tr(MSG_SERVE_FREE_SPACE), dir);
	}
}

struct db *serve_open_db(const char *dir, bool *made, char *err, size_t errsz)
{
	char path[3][PATH_MAX];
	bool fix[3], was[3];
	struct stat sb;
	struct db *db;

	*made = false;
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		snprintf(err, errsz, tr(MSG_SERVE_MKDIR), dir, strerror(errno));
		return NULL;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		snprintf(err, errsz, tr(MSG_SERVE_NOT_DIR), dir);
		return NULL;
	}
	if (sb.st_uid != geteuid()) {
		snprintf(err, errsz, tr(MSG_SERVE_NOT_YOURS), dir, (unsigned)sb.st_uid);
		return NULL;
	}
	/* Every file first: a start that cannot make all of them right
	 * changes none (a class init folder stays a working shared file). */
	for (int i = 0; i < 3; i++) {
		snprintf(path[i], sizeof path[i], "%s/%s%s", dir, CLASS_DB, suffix_of(i));
		if (!check_file(dir, i, path[i], &fix[i], err, errsz))
			return NULL;
	}
	/* Whoever may write the folder may delete or replace class.db. */
	if (sb.st_mode & 0022) {
		if (chmod(dir, sb.st_mode & 07755 & ~(mode_t)0022) != 0) {
			snprintf(err, errsz, tr(MSG_SERVE_NO_WRITE), dir, strerror(errno));
			return NULL;
		}
		fputs("httptutor: ", stderr);
		fprintf(stderr, tr(MSG_SERVE_MADE_SAFE), dir, (unsigned)(sb.st_mode & 07777),
		        (unsigned)(sb.st_mode & 07755 & ~(mode_t)0022));
		fputc('\n', stderr);
	}
	/* 0600 exactly: no one else's, and a -wal or -shm that a read-only
	 * start left 0400 would make every write fail. */
	for (int i = 0; i < 3; i++) {
		struct stat fb;
		if (!fix[i] || lstat(path[i], &fb) != 0)
			continue;
		if (chmod(path[i], 0600) != 0) {
			snprintf(err, errsz, tr(MSG_SERVE_CHMOD), path[i], strerror(errno));
			return NULL;
		}
		fputs("httptutor: ", stderr);
		fprintf(stderr, tr(MSG_SERVE_MADE_PRIVATE), path[i], (unsigned)(fb.st_mode & 0777));
		fputc('\n', stderr);
	}
	for (int i = 0; i < 3; i++)
		was[i] = lstat(path[i], &sb) == 0;
	if (!(db = db_open(path[0], false, err, errsz))) {
		open_failed(dir, path, was, err, errsz);
		return NULL;
	}
	*made = !was[0];
	if (db->readonly) {
		snprintf(err, errsz, tr(MSG_SERVE_READONLY), path[0]);
		db_close(db);
		return NULL;
	}
	/* flock on our own descriptor: SQLite's locks are fcntl locks, which
	 * it does not see; a second server would still be two writers. */
	if (db->fd < 0 || flock(db->fd, LOCK_EX | LOCK_NB) != 0) {
		snprintf(err, errsz, tr(MSG_SERVE_TWICE), dir);
		db_close(db);
		return NULL;
	}
	return db;
}

int serve_unix_socket(const char *dir, char *err, size_t errsz)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;

	if ((size_t)snprintf(a.sun_path, sizeof a.sun_path, "%s/%s", dir, CLASS_SOCK) >=
	    sizeof a.sun_path) {
		snprintf(err, errsz, tr(MSG_SERVE_SOCK_LONG), dir, sizeof a.sun_path - 1);
		return -1;
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
		snprintf(err, errsz, tr(MSG_SERVE_NO_SOCKET), strerror(errno));
		return -1;
	}
	if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		if (errno != EADDRINUSE)
			goto fail;
		/* Left by a server that died, unless one answers on it. */
		int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		bool alive = probe >= 0 && connect(probe, (struct sockaddr *)&a, sizeof a) == 0;
		struct stat sb;
		if (probe >= 0)
			close(probe);
		if (alive || lstat(a.sun_path, &sb) != 0 || !S_ISSOCK(sb.st_mode)) {
			snprintf(err, errsz, tr(alive ? MSG_SERVE_ANSWERS : MSG_SERVE_IN_WAY), a.sun_path);
			close(fd);
			return -1;
		}
		if (unlink(a.sun_path) != 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0)
			goto fail;
	}
	if (chmod(a.sun_path, 0666) != 0 || listen(fd, 1024) != 0)
		goto fail;
	return fd;
fail:
	snprintf(err, errsz, tr(MSG_SERVE_LISTEN), a.sun_path, strerror(errno));
	close(fd);
	return -1;
}

int serve_tcp_socket(const char *hostport, bool *loopback, char *err, size_t errsz)
{
	char host[256];
	const char *colon = strrchr(hostport, ':'), *port;
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
	                          .ai_flags = AI_PASSIVE | AI_NUMERICSERV }, *res = NULL;
	int fd = -1, rc, one = 1;

	/* A port the slips can name: 1-65535, never 0 (a port the kernel picks). */
	long pn = colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1) &&
	          strlen(colon + 1) <= 5 ? strtol(colon + 1, NULL, 10) : 0;
	if (!colon || colon == hostport || pn < 1 || pn > 65535 ||
	    (size_t)(colon - hostport) >= sizeof host) {
		snprintf(err, errsz, tr(MSG_SERVE_HOSTPORT), hostport);
		return -1;
	}
	memcpy(host, hostport, (size_t)(colon - hostport));
	host[colon - hostport] = '\0';
	port = colon + 1;
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		snprintf(err, errsz, "--listen %s: %s", hostport, gai_strerror(rc));
		return -1;
	}
	fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, 1024) != 0) {
		snprintf(err, errsz, tr(MSG_SERVE_LISTEN), hostport, strerror(errno));
		if (fd >= 0)
			close(fd);
		freeaddrinfo(res);
		return -1;
	}
	if (res->ai_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)res->ai_addr;
		*loopback = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	} else {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)res->ai_addr;
		*loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
	}
	freeaddrinfo(res);
	return fd;
}

char *serve_read_file(const char *path, char *err, size_t errsz)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long len;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || len > 1 << 20 ||
	    fseek(f, 0, SEEK_SET) != 0 || !(buf = malloc((size_t)len + 1)) ||
	    fread(buf, 1, (size_t)len, f) != (size_t)len) {
		snprintf(err, errsz, tr(MSG_SERVE_READ), path,
		         errno ? strerror(errno) : tr(MSG_SERVE_TOO_BIG));
		free(buf);
		if (f)
			fclose(f);
		return NULL;
	}
	buf[len] = '\0';
	fclose(f);
	return buf;
}
