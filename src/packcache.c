/* packcache.c — the compiled pack in the cache folder (see packcache.h).
 *
 * The key stored in a snapshot lists each file and folder the load read
 * with its stat.  A timestamp tells a later change apart only when the
 * change falls in a later clock tick than the read; an entry stamped within
 * RACY_NS of the load is "racy" and its content hash (a folder's: its sorted
 * names) is checked on every start instead, until a start finds the hashes
 * still equal long enough after and writes the snapshot again without the
 * flags.  Snapshots are written to a temporary file and renamed, so starts
 * running at the same time each see a whole file. */
#include "packcache.h"
#include "content.h"
#include "loader.h"
#include "packhash.h"
#include "snapshot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RACY_NS      (2LL * 1000000000LL)   /* coarser than any file system's clock */
#define MAX_SNAP     ((size_t)256 << 20)
#define PRUNE_SECS   (30L * 24 * 3600)      /* other packs' snapshots unused this long go */
#define TEMP_SECS    3600L                  /* a temporary file this old was abandoned */

static const char key_magic[4] = { 'k', 'e', 'y', '1' };

struct key_head {
	char magic[4];
	uint32_t n;
};

struct key_ent {
	uint64_t rel;                 /* offset of its path in the key, NUL-terminated */
	uint64_t size, ino, dev, mode;
	int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
	uint64_t hash;                /* content, or sorted names of a folder */
	uint32_t dir, racy;
};

static bool debug_on(void)
{
	const char *e = getenv("HTTPTUTOR_DEBUG");
	return e && strstr(e, "cache");
}

static int64_t ts_ns(const struct timespec *t)
{
	return (int64_t)t->tv_sec * 1000000000LL + t->tv_nsec;
}

/* The later of a stat's mtime and ctime, in ns. */
static int64_t stamp(const struct stat *st)
{
	int64_t m = ts_ns(&st->st_mtim), c = ts_ns(&st->st_ctim);
	return m > c ? m : c;
}

/* Which binary this is: a rebuilt program never reads an older one's
 * snapshot (its loader or its structs may differ).  0 when unknown. */
static uint64_t program_id(void)
{
	struct stat st;
	if (stat("/proc/self/exe", &st) != 0)
		return 0;
	uint64_t v[6] = { st.st_dev, st.st_ino, (uint64_t)st.st_size, (uint64_t)ts_ns(&st.st_mtim),
	                  (uint64_t)ts_ns(&st.st_ctim), snapshot_layout_id() };
	uint64_t h = packhash_bytes(v, sizeof v, 0);
	return h ? h : 1;
}

/* $XDG_CACHE_HOME/httptutor (only when absolute, as the spec says), else
 * $HOME/.cache/httptutor; malloc'd, or NULL. */
static char *cache_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	bool xdg = x && x[0] == '/';
	if (!xdg && !(home && home[0] == '/'))
		return NULL;
	size_t n = strlen(xdg ? x : home) + sizeof "/.cache/httptutor";
	char *p = malloc(n);
	if (p)
		snprintf(p, n, xdg ? "%s/httptutor" : "%s/.cache/httptutor", xdg ? x : home);
	return p;
}

char *packcache_path(const char *dir)
{
	char *cdir = cache_dir(), *real = realpath(dir, NULL), *p = NULL;
	size_t n = cdir ? strlen(cdir) + sizeof "/pack-0123456789abcdef.snap" : 0;
	if (cdir && real && (p = malloc(n)))
		snprintf(p, n, "%s/pack-%016llx.snap", cdir,
		         (unsigned long long)packhash_bytes(real, strlen(real), 0));
	free(cdir);
	free(real);
	return p;
}

/* ---- the key ------------------------------------------------------------ */

/* The key for what a load read, which started at time start. */
static unsigned char *key_build(const struct content_srcs *src, int64_t start, size_t *len)
{
	size_t strs = 0;
	for (size_t i = 0; i < src->n; i++)
		strs += strlen(src->v[i].rel) + 1;
	size_t head = sizeof(struct key_head) + src->n * sizeof(struct key_ent);
	unsigned char *k = calloc(1, head + strs);
	if (!k)
		return NULL;
	struct key_head h;
	memcpy(h.magic, key_magic, sizeof h.magic);
	h.n = (uint32_t)src->n;
	memcpy(k, &h, sizeof h);
	size_t at = head;
	for (size_t i = 0; i < src->n; i++) {
		const struct content_src *c = &src->v[i];
		struct key_ent e = {
			.rel = at, .size = (uint64_t)c->st.st_size, .ino = c->st.st_ino,
			.dev = c->st.st_dev, .mode = c->st.st_mode,
			.mtime_s = c->st.st_mtim.tv_sec, .mtime_ns = c->st.st_mtim.tv_nsec,
			.ctime_s = c->st.st_ctim.tv_sec, .ctime_ns = c->st.st_ctim.tv_nsec,
			.hash = c->hash, .dir = c->dir, .racy = stamp(&c->st) >= start - RACY_NS,
		};
		memcpy(k + sizeof h + i * sizeof e, &e, sizeof e);
		size_t rl = strlen(c->rel) + 1;
		memcpy(k + at, c->rel, rl);
		at += rl;
	}
	*len = head + strs;
	return k;
}

/* The entries of a key (bounds checked), or NULL. */
static const unsigned char *key_entries(const unsigned char *key, size_t len, uint32_t *n)
{
	struct key_head h;
	if (len < sizeof h || key[len - 1] != 0)
		return NULL;
	memcpy(&h, key, sizeof h);
	if (memcmp(h.magic, key_magic, sizeof h.magic) != 0 ||
	    h.n > (len - sizeof h) / sizeof(struct key_ent))
		return NULL;
	*n = h.n;
	return key + sizeof h;
}

/* The hash of a file's bytes, read through a mapping so no heap is used. */
static bool file_hash(const char *path, uint64_t *hash)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	bool ok = false;
	if (fd < 0)
		return false;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= MAX_SNAP) {
		size_t n = (size_t)st.st_size;
		void *p = n ? mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
		if (!n || p != MAP_FAILED) {
			*hash = packhash_bytes(n ? p : "", n, 0);
			ok = true;
			if (n)
				munmap(p, n);
		}
	}
	close(fd);
	return ok;
}

/* Whether the pack in dir is still what the key says.  *confirm: it had
 * racy entries, all still equal and no longer racy, so the snapshot can be
 * written again without the flags.  *why says what changed. */
static bool key_check(const char *dir, const unsigned char *key, size_t len, bool *confirm,
                      unsigned *hashed, const char **why)
{
	uint32_t n;
	const unsigned char *ents = key_entries(key, len, &n);
	struct timespec now;
	char path[PATH_MAX];
	bool racy = false, settled = true;
	clock_gettime(CLOCK_REALTIME, &now);
	*confirm = false;
	if (!ents || n == 0) {
		*why = "its key is damaged";
		return false;
	}
	for (uint32_t i = 0; i < n; i++) {
		struct key_ent e;
		struct stat st;
		memcpy(&e, ents + (size_t)i * sizeof e, sizeof e);
		if (e.rel >= len) {
			*why = "its key is damaged";
			return false;
		}
		const char *rel = (const char *)key + e.rel;
		int w = rel[0] ? snprintf(path, sizeof path, "%s/%s", dir, rel)
		               : snprintf(path, sizeof path, "%s", dir);
		if (w < 0 || (size_t)w >= sizeof path || stat(path, &st) != 0) {
			*why = "a file of the pack is gone";
			return false;
		}
		if ((uint64_t)st.st_size != e.size || st.st_ino != e.ino || st.st_dev != e.dev ||
		    st.st_mode != e.mode || st.st_mtim.tv_sec != e.mtime_s ||
		    st.st_mtim.tv_nsec != e.mtime_ns || st.st_ctim.tv_sec != e.ctime_s ||
		    st.st_ctim.tv_nsec != e.ctime_ns) {
			*why = "the pack changed";
			return false;
		}
		if (!e.racy)
			continue;
		uint64_t h = 0;
		bool ok = e.dir ? loader_dir_hash(path, NULL, &h) : file_hash(path, &h);
		if (!ok || h != e.hash) {
			*why = "the pack changed";
			return false;
		}
		racy = true;
		(*hashed)++;
		settled = settled && stamp(&st) < ts_ns(&now) - RACY_NS;
	}
	*confirm = racy && settled;
	return true;
}

/* Clears the racy flags of the key region of a block (a writable copy). */
static void key_settle(unsigned char *blk, size_t len, uint64_t prog)
{
	const void *key;
	size_t klen;
	uint32_t n;
	if (!snapshot_peek(blk, len, prog, &key, &klen) || !key_entries(key, klen, &n))
		return;
	unsigned char *ents = (unsigned char *)key + sizeof(struct key_head);
	for (uint32_t i = 0; i < n; i++) {
		struct key_ent e;
		memcpy(&e, ents + (size_t)i * sizeof e, sizeof e);
		e.racy = 0;
		memcpy(ents + (size_t)i * sizeof e, &e, sizeof e);
	}
	snapshot_reseal(blk, len);
}

/* ---- the file ----------------------------------------------------------- */

/* mkdir -p for the cache folder, 0700 as the XDG spec asks. */
static bool make_dirs(const char *path)
{
	char buf[PATH_MAX];
	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return false;
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return false;
		*p = '/';
	}
	return mkdir(buf, 0700) == 0 || errno == EEXIST;
}

/* Removes abandoned temporary files, and other packs' snapshots unused for
 * a month (packs in folders since deleted, old installs). */
static void prune(const char *keep)
{
	char cdir[PATH_MAX];
	const char *base = strrchr(keep, '/');
	if (!base || snprintf(cdir, sizeof cdir, "%.*s", (int)(base - keep), keep) >= (int)sizeof cdir)
		return;
	base++;
	DIR *d = opendir(cdir);
	struct dirent *e;
	time_t now = time(NULL);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		size_t n = strlen(e->d_name);
		if (strncmp(e->d_name, "pack-", 5) != 0 || strcmp(e->d_name, base) == 0 ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue;
		bool temp = strstr(e->d_name, ".snap.") != NULL;
		bool snap = n > 5 && strcmp(e->d_name + n - 5, ".snap") == 0;
		if ((temp && st.st_mtime < now - TEMP_SECS) || (snap && st.st_atime < now - PRUNE_SECS &&
		                                                st.st_mtime < now - PRUNE_SECS))
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

/* Writes blk to path through a temporary file and a rename; the open file
 * (now path) or -1. */
static int write_atomic(const char *path, const unsigned char *blk, size_t len)
{
	char tmp[PATH_MAX], dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (!slash || snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp ||
	    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path) >= (int)sizeof dir ||
	    !make_dirs(dir))
		return -1;
	int fd = mkstemp(tmp);   /* 0600 */
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, blk + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		done += (size_t)w;
	}
	/* On disk before it gets its name: a crash leaves the old file or the
	 * new one, and its pages are clean when mapped (dirty page cache would
	 * count as this process's own memory). */
	if (fdatasync(fd) != 0 || rename(tmp, path) != 0)
		goto fail;
	return fd;
fail:
	unlink(tmp);
	close(fd);
	return -1;
}

/* Maps the snapshot at path if it is ours and whole; NULL with *why. */
static void *map_file(const char *path, size_t *len, const char **why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;
	void *p = NULL;
	if (fd < 0) {
		*why = errno == ENOENT ? "there is none yet" : "it cannot be opened";
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 022) || st.st_size < 64 || (uint64_t)st.st_size > MAX_SNAP) {
		*why = "it is not a file only this user can change";
	} else {
		*len = (size_t)st.st_size;
		p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) {
			p = NULL;
			*why = "it cannot be mapped";
		}
	}
	close(fd);
	return p;
}

/* Opens the snapshot at path as *m when it is valid for dir. */
static bool try_snapshot(const char *path, const char *dir, uint64_t prog, struct model *m,
                         bool *confirm, unsigned *hashed, const char **why)
{
	size_t len = 0, klen;
	const void *key;
	char err[128];
	void *p = map_file(path, &len, why);
	if (!p)
		return false;
	if (!snapshot_peek(p, len, prog, &key, &klen))
		*why = "it was written by another build, or its header is damaged";
	else if (!key_check(dir, key, klen, confirm, hashed, why))
		;
	else if (!snapshot_verify(p, len))
		*why = "its checksum is wrong";
	else if (!snapshot_open(p, len, dir, SNAP_MAPPED, m, err, sizeof err))
		*why = "it does not hold together";
	else
		return true;
	munmap(p, len);
	return false;
}

/* Writes the open snapshot again with its racy flags cleared. */
static bool settle(const char *path, const struct model *m, uint64_t prog)
{
	/* a mapping, not malloc: a block this size would raise glibc's mmap
	 * threshold and leave later blocks in a heap it cannot shrink */
	unsigned char *copy = mmap(NULL, m->snap_len, PROT_READ | PROT_WRITE,
	                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (copy == MAP_FAILED)
		return false;
	memcpy(copy, m->snap, m->snap_len);
	key_settle(copy, m->snap_len, prog);
	int fd = write_atomic(path, copy, m->snap_len);
	if (fd >= 0)
		close(fd);
	munmap(copy, m->snap_len);
	return fd >= 0;
}

/* A full load of dir as a snapshot block; false with *d filled on errors. */
static bool compile_pack(const char *dir, uint64_t prog, unsigned char **blk, size_t *len,
                         struct diag *d)
{
	struct model fresh;
	struct content_srcs src = { 0 };
	struct timespec t0;
	unsigned char *key = NULL;
	size_t klen = 0;

	*blk = NULL;
	clock_gettime(CLOCK_REALTIME, &t0);
	if (!content_load_src(dir, &fresh, d, &src))
		return false;
	key = key_build(&src, ts_ns(&t0), &klen);
	if (!key || !snapshot_build(&fresh, key, klen, prog, blk, len))
		*blk = NULL;
	content_free(&fresh);
	content_srcs_free(&src);
	free(key);
	if (!*blk)
		diag_add(d, "%s:1: out of memory while loading content", dir);
	return *blk != NULL;
}

static bool write_all(int fd, const void *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p = (const char *)p + w;
		n -= (size_t)w;
	}
	return true;
}

enum { CHILD_SAVED = 'S', CHILD_ERRORS = 'E', CHILD_UNSAVED = 'U' };

/* The full load in a child process: none of the parse's memory (megabytes
 * of small blocks that glibc cannot give back) ever lives in this one.  The
 * child saves the snapshot at path, or sends the pack's errors (each ending
 * in a NUL) back over a pipe.  Returns the child's verdict, or 0 when it
 * could not run. */
static int compile_in_child(const char *path, const char *dir, uint64_t prog, struct diag *d)
{
	int fds[2];
	if (pipe(fds) != 0)
		return 0;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return 0;
	}
	if (pid == 0) {
		struct diag cd = { 0 };
		unsigned char *blk;
		size_t len;
		char v = CHILD_UNSAVED;
		close(fds[0]);
		if (!compile_pack(dir, prog, &blk, &len, &cd)) {
			v = CHILD_ERRORS;
		} else {
			int fd = write_atomic(path, blk, len);
			if (fd >= 0) {
				close(fd);
				prune(path);
				v = CHILD_SAVED;
			}
		}
		bool ok = write_all(fds[1], &v, 1);
		for (size_t i = 0; ok && v == CHILD_ERRORS && i < cd.n; i++)
			ok = write_all(fds[1], cd.msg[i], strlen(cd.msg[i]) + 1);
		_exit(ok ? 0 : 1);
	}
	close(fds[1]);
	char *msgs = NULL;
	size_t n = 0, cap = 0;
	bool oom = false, passed = false;
	for (;;) {
		if (n == cap) {
			char *nm = realloc(msgs, cap = cap ? cap * 2 : 4096);
			if (!nm) {
				oom = true;
				break;
			}
			msgs = nm;
		}
		ssize_t r = read(fds[0], msgs + n, cap - n);
		if (r < 0 && errno == EINTR) {
			/* Ctrl-C reaches the child too; a signal sent to this
			 * process alone is passed on, so the load stops either way. */
			int sig = loader_stop_pending();
			if (sig && !passed)
				kill(pid, sig);
			passed = passed || sig;
			continue;
		}
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fds[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	int v = !oom && n && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? msgs[0] : 0;
	if (v == CHILD_ERRORS) {
		for (size_t at = 1; at < n;) {
			size_t k = strnlen(msgs + at, n - at);
			if (at + k < n)
				diag_add(d, "%s", msgs + at);
			at += k + 1;
		}
		if (d->n == 0)
			v = 0;
	}
	free(msgs);
	return v;
}

/* A full load here, when no snapshot can be saved: the model is a view of
 * a block in memory. */
static bool compile_here(const char *dir, uint64_t prog, struct model *m, struct diag *d)
{
	unsigned char *blk;
	size_t len;
	char err[128];
	if (!compile_pack(dir, prog, &blk, &len, d))
		return false;
	if (!snapshot_open(blk, len, dir, SNAP_MALLOC, m, err, sizeof err)) {
		diag_add(d, "%s:1: cannot open the compiled pack: %s", dir, err);
		free(blk);
		return false;
	}
	malloc_trim(0);   /* what glibc can give back of the parse's memory */
	return true;
}

bool packcache_load(const char *dir, struct model *m, struct diag *d, struct packcache_info *info)
{
	struct packcache_info in = { PACKCACHE_MEMORY, 0, false, NULL };
	uint64_t prog = program_id();
	char *path = prog ? packcache_path(dir) : NULL;
	const char *why2 = NULL;
	bool confirm = false, ok = false;

	in.why = path ? NULL : "there is no cache folder";
	memset(m, 0, sizeof *m);
	if (path && try_snapshot(path, dir, prog, m, &confirm, &in.hashed, &in.why)) {
		in.how = PACKCACHE_USED;
		in.why = NULL;
		if (confirm)
			in.settled = settle(path, m, prog);
		ok = true;
	} else {
		int v = path ? compile_in_child(path, dir, prog, d) : 0;
		if (v == CHILD_ERRORS) {
			ok = false;
		} else if (v == CHILD_SAVED && try_snapshot(path, dir, prog, m, &confirm, &in.hashed, &why2)) {
			in.how = PACKCACHE_BUILT;
			ok = true;
		} else {
			ok = compile_here(dir, prog, m, d);
		}
	}
	if (debug_on())
		fprintf(stderr, "httptutor: content snapshot %s: %s%s%s\n", path ? path : "(none)",
		        in.how == PACKCACHE_USED ? (in.settled ? "used, and saved as settled" : "used") :
		        in.how == PACKCACHE_BUILT ? "rebuilt" : "loaded without a snapshot",
		        in.why ? " because " : "", in.why ? in.why : "");
	if (info)
		*info = in;
	free(path);
	return ok;
}
