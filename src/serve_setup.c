/* serve_setup.c — the class folder, database and sockets of `class serve`. */
#include "serve_setup.h"
#include "i18n.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
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

/* Make path 0600 when it exists and others may read or write it. */
static bool private_file(const char *path, char *err, size_t errsz)
{
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? true : (snprintf(err, errsz, "%s: %s", path, strerror(errno)), false);
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errsz, tr(MSG_SERVE_NOT_FILE), path);
		return false;
	}
	if ((sb.st_mode & 0077) == 0)
		return true;
	if (chmod(path, 0600) != 0) {
		snprintf(err, errsz, tr(MSG_SERVE_CHMOD), path, strerror(errno));
		return false;
	}
	fputs("httptutor: ", stderr);
	fprintf(stderr, tr(MSG_SERVE_MADE_PRIVATE), path, (unsigned)(sb.st_mode & 0777));
	fputc('\n', stderr);
	return true;
}

struct db *serve_open_db(const char *dir, char *err, size_t errsz)
{
	char path[PATH_MAX];
	struct stat sb;
	struct db *db;

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
	static const char *const suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s%s", dir, CLASS_DB, suffix[i]);
		if (!private_file(path, err, errsz))
			return NULL;
	}
	snprintf(path, sizeof path, "%s/%s", dir, CLASS_DB);
	if (!(db = db_open(path, false, err, errsz)))
		return NULL;
	if (db->readonly) {
		snprintf(err, errsz, tr(MSG_SERVE_READONLY), path);
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
