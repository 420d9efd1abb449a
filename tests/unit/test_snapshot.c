/* test_snapshot.c — the compiled pack: a snapshot round trip equals a fresh
 * load field by field (the real pack and the test pack), the comparison
 * sees a change in any kind of field, a damaged block is refused, and the
 * cache in $XDG_CACHE_HOME is used, rebuilt when the pack changes or the
 * file is damaged or not ours, and written safely by starts running at
 * once. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "shell.h"
#include "packcache.h"
#include "packhash.h"
#include "snapshot.h"

#define XXH_INLINE_ALL   /* the portable XXH3, to check the fast path against */
#include <xxhash.h>

static char good_dir[512];   /* tests/data/good */
static char real_dir[600];   /* content/ */
static char cache[64];       /* $XDG_CACHE_HOME for these tests */

static void find_dirs(void)
{
	const char *f = __FILE__;
	const char *cut = strstr(f, "unit/test_snapshot.c");
	snprintf(good_dir, sizeof good_dir, "%.*sdata/good", cut ? (int)(cut - f) : 0, f);
	if (!cut)
		snprintf(good_dir, sizeof good_dir, "tests/data/good");
	snprintf(real_dir, sizeof real_dir, "%s/../../../content", good_dir);
}

static void dump(const struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  | %s\n", d->msg[i]);
}

static void load_fresh(const char *dir, struct model *m)
{
	struct diag d = { 0 };
	bool ok = content_load(dir, m, &d);
	if (!ok)
		dump(&d);
	assert_true(ok);
	diag_free(&d);
}

/* A block for m and a view of it (the view owns the block). */
static void round_trip(const struct model *m, struct model *view)
{
	unsigned char *blk;
	size_t len, klen;
	const void *key;
	char why[128];
	static const char k[] = "key";
	assert_true(snapshot_build(m, k, sizeof k, 42, &blk, &len));
	assert_true(snapshot_peek(blk, len, 42, &key, &klen));
	assert_int_equal(klen, sizeof k);
	assert_memory_equal(key, k, sizeof k);
	assert_true(snapshot_verify(blk, len));
	if (!snapshot_open(blk, len, m->dir, SNAP_MALLOC, view, why, sizeof why))
		fail_msg("open: %s", why);
}

static void expect_equal(const struct model *a, const struct model *b)
{
	char why[256];
	if (!snapshot_equal(a, b, why, sizeof why))
		fail_msg("snapshot differs from the fresh load: %s", why);
}

static void expect_differs(const struct model *a, const struct model *b, const char *field)
{
	char why[256];
	assert_false(snapshot_equal(a, b, why, sizeof why));
	if (!strstr(why, field))
		fail_msg("expected a difference in %s, got: %s", field, why);
}

/* ---- round trips -------------------------------------------------------- */

static void test_real_pack_round_trip(void **state)
{
	(void)state;
	struct model fresh, view;
	if (access(real_dir, F_OK) != 0)
		skip();
	load_fresh(real_dir, &fresh);
	round_trip(&fresh, &view);
	expect_equal(&fresh, &view);
	expect_equal(&view, &fresh);
	/* Against a second load, at other addresses while the first is alive:
	 * a pointer the tables miss keeps the first load's address in the view
	 * and shows up as a difference. */
	struct model again;
	load_fresh(real_dir, &again);
	expect_equal(&again, &view);
	content_free(&again);
	/* the view is its own: nothing points back into the fresh load */
	assert_ptr_not_equal(view.codes, fresh.codes);
	assert_ptr_not_equal(view.scenarios[0].id, fresh.scenarios[0].id);
	assert_string_equal(view.dir, fresh.dir);
	assert_string_equal(view.version, fresh.version);
	assert_true(view.n_contrasts > 0);
	assert_string_equal(view.chapters[0].path[LANG_ZH], fresh.chapters[0].path[LANG_ZH]);
	const struct code_entry *c = model_code(&view, 422);
	assert_non_null(c);
	assert_string_equal(c->phrase, "Unprocessable Content");
	content_free(&fresh);
	/* still whole after the fresh load is gone */
	assert_string_equal(model_code(&view, 422)->phrase, "Unprocessable Content");
	assert_true(model_resolve(&view, view.scenarios[0].anchor, NULL) >= 0);
	model_free(&view);
	assert_null(view.codes);
	assert_null(view.arena);
}

static void test_good_pack_round_trip(void **state)
{
	(void)state;
	struct model fresh, view;
	load_fresh(good_dir, &fresh);
	round_trip(&fresh, &view);
	expect_equal(&fresh, &view);
	assert_int_equal(view.n_codes, 4);
	assert_int_equal(model_code(&view, 403)->confused[1], 404);
	assert_string_equal(model_code(&view, 401)->headers[0], "WWW-Authenticate");
	assert_null(view.scenarios[0].header);
	assert_string_equal(view.chapters[0].anchors[2], "auth");
	assert_string_equal(ltext_get(&view.classes[3].name, LANG_ZH), "用戶端錯誤");
	content_free(&fresh);
	model_free(&view);
}

/* The chapters' paths follow the folder the snapshot is opened for. */
static void test_paths_follow_dir(void **state)
{
	(void)state;
	struct model fresh, view;
	unsigned char *blk;
	size_t len;
	char why[128], want[700];
	load_fresh(good_dir, &fresh);
	assert_true(snapshot_build(&fresh, "", 1, 1, &blk, &len));
	assert_true(snapshot_open(blk, len, "/else/where/", SNAP_BORROWED, &view, why, sizeof why));
	snprintf(want, sizeof want, "/else/where/en/chapters/01-basics.md");
	assert_string_equal(view.chapters[0].path[LANG_EN], want);
	assert_string_equal(view.dir, "/else/where/");
	model_free(&view);   /* borrowed: the block stays ours */
	assert_true(snapshot_open(blk, len, "/", SNAP_MALLOC, &view, why, sizeof why));
	assert_string_equal(view.chapters[0].path[LANG_ZH], "/zh-TW/chapters/01-basics.md");
	model_free(&view);
	content_free(&fresh);
}

/* snapshot_equal sees a change in each kind of field, so a field the
 * tables forgot would show up as a difference in the round trip. */
static void test_equal_sees_changes(void **state)
{
	(void)state;
	struct model a, b;
	load_fresh(good_dir, &a);
	load_fresh(good_dir, &b);
	expect_equal(&a, &b);

	char *keep = b.codes[2].summary.s[LANG_ZH];
	b.codes[2].summary.s[LANG_ZH] = (char *)"changed";
	expect_differs(&a, &b, "codes[2].summary[1]");
	b.codes[2].summary.s[LANG_ZH] = keep;

	b.codes[1].core = !b.codes[1].core;
	expect_differs(&a, &b, "codes[1].");
	b.codes[1].core = !b.codes[1].core;

	b.scenarios[1].whynot[1].code++;
	expect_differs(&a, &b, "scenarios[1].whynot[1].");
	b.scenarios[1].whynot[1].code--;

	keep = b.chapters[0].anchors[1];
	b.chapters[0].anchors[1] = (char *)"other";
	expect_differs(&a, &b, "chapters[0].anchors[1]");
	b.chapters[0].anchors[1] = keep;

	b.codes[2].confused[0] = 500;
	expect_differs(&a, &b, "codes[2].confused");
	b.codes[2].confused[0] = 401;

	b.n_scenarios--;
	expect_differs(&a, &b, "struct model");
	b.n_scenarios++;

	keep = b.classes[4].summary.s[LANG_EN];
	b.classes[4].summary.s[LANG_EN] = NULL;
	expect_differs(&a, &b, "classes[4].summary[0]");
	b.classes[4].summary.s[LANG_EN] = keep;

	b.version[3] ^= 1;
	expect_differs(&a, &b, "struct model");
	b.version[3] ^= 1;
	expect_equal(&a, &b);
	content_free(&a);
	content_free(&b);
}

/* The AVX2 path packhash_bytes takes for long blocks gives the same hash
 * as the portable one (a snapshot written on one must check on the other). */
static void test_hash_paths_agree(void **state)
{
	(void)state;
	enum { MAX = 70000 };
	unsigned char *b = malloc(MAX);
	assert_non_null(b);
	for (size_t i = 0; i < MAX; i++)
		b[i] = (unsigned char)(i * 131 + 7);
	for (size_t n = 0; n < MAX; n += n < 3000 ? 1 : 997)
		if (packhash_bytes(b + n % 7, n - n % 7, n) != XXH3_64bits_withSeed(b + n % 7, n - n % 7, n))
			fail_msg("the hashes of %zu bytes differ", n - n % 7);
	free(b);
}

/* ---- damaged blocks ----------------------------------------------------- */

static void test_damage_is_refused(void **state)
{
	(void)state;
	struct model m, view;
	unsigned char *blk;
	size_t len, klen;
	const void *key;
	char why[128];
	load_fresh(good_dir, &m);
	assert_true(snapshot_build(&m, "k", 2, 7, &blk, &len));
	assert_true(snapshot_peek(blk, len, 7, &key, &klen));
	assert_false(snapshot_peek(blk, len, 8, &key, &klen));        /* another program */
	assert_false(snapshot_peek(blk, len - 1, 7, &key, &klen));    /* truncated */
	assert_false(snapshot_peek(blk, 10, 7, &key, &klen));
	/* any flipped byte: the header check or the checksum notices */
	for (size_t i = 0; i < len; i += i < 160 ? 1 : 97) {
		blk[i] ^= 0x20;
		bool ok = snapshot_peek(blk, len, 7, &key, &klen) && snapshot_verify(blk, len);
		blk[i] ^= 0x20;
		if (ok)
			fail_msg("a flipped byte at %zu went unnoticed", i);
	}
	assert_true(snapshot_verify(blk, len));

	/* A block whose checksum is right but whose offsets are not (it can
	 * only come from a bug) is refused, not followed. */
	uint64_t h[15];
	memcpy(h, blk, sizeof h);
	uint64_t rec_off = h[13];               /* snap_head.rec_off */
	assert_true(rec_off > 0 && rec_off < len);
	uintptr_t bad = (uintptr_t)len * 4;
	memcpy(blk + rec_off + offsetof(struct model, codes), &bad, sizeof bad);
	snapshot_reseal(blk, len);
	assert_true(snapshot_peek(blk, len, 7, &key, &klen));
	assert_true(snapshot_verify(blk, len));
	assert_false(snapshot_open(blk, len, m.dir, SNAP_BORROWED, &view, why, sizeof why));
	assert_non_null(strstr(why, "outside"));
	assert_null(view.codes);
	free(blk);
	content_free(&m);
}

/* ---- the cache ---------------------------------------------------------- */

struct tpack {
	char dir[64];
};

static void tpack_new(struct tpack *p)
{
	snprintf(p->dir, sizeof p->dir, "/tmp/httptutor-sn-XXXXXX");
	assert_non_null(mkdtemp(p->dir));
	run("cp -R '%s/.' '%s/'", good_dir, p->dir);
}

static void tpack_done(struct tpack *p)
{
	run("rm -rf '%s'", p->dir);
}

/* packcache_load, which must succeed and equal a fresh load. */
static struct packcache_info cload(const char *dir)
{
	struct model m, fresh;
	struct diag d = { 0 };
	struct packcache_info in;
	bool ok = packcache_load(dir, &m, &d, &in);
	if (!ok)
		dump(&d);
	assert_true(ok);
	load_fresh(dir, &fresh);
	expect_equal(&fresh, &m);
	assert_non_null(m.snap);
	content_free(&fresh);
	model_free(&m);
	diag_free(&d);
	return in;
}

static char *snap_path(const char *dir)
{
	char *p = packcache_path(dir);
	assert_non_null(p);
	assert_int_equal(strncmp(p, cache, strlen(cache)), 0);
	return p;
}

/* A fresh copy of the good pack with no snapshot yet; its snapshot's path. */
static char *tpack_cold(struct tpack *p)
{
	tpack_new(p);
	char *path = snap_path(p->dir);
	unlink(path);
	return path;
}

static void test_cache_used_then_rebuilt(void **state)
{
	(void)state;
	struct tpack p;
	struct stat st;
	char *path = tpack_cold(&p);

	struct packcache_info in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_BUILT);
	assert_string_equal(in.why, "there is none yet");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(cache, &st), 0);

	in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_USED);
	/* the pack was just copied: its files are too new to trust their
	 * timestamps, so their contents were compared */
	assert_true(in.hashed > 0);

	/* same size, new text: rebuilt, and the new text is what loads */
	run("sed -i 's/I know you; the answer is no./I know you; the answer is NO./' '%s/codes/4xx.yaml'", p.dir);
	in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_BUILT);
	assert_string_equal(in.why, "the pack changed");
	struct model m;
	struct diag d = { 0 };
	assert_true(packcache_load(p.dir, &m, &d, &in));
	assert_int_equal(in.how, PACKCACHE_USED);
	assert_string_equal(ltext_get(&model_code(&m, 403)->summary, LANG_EN), "I know you; the answer is NO.");
	model_free(&m);

	/* one byte changed in place, mtime put back: the inode and size are
	 * the same, so the ctime (or, within its clock tick, the content hash)
	 * must tell */
	char f[128];
	struct stat before;
	snprintf(f, sizeof f, "%s/codes/2xx.yaml", p.dir);
	assert_int_equal(stat(f, &before), 0);
	int fd = open(f, O_RDWR);
	assert_true(fd >= 0);
	char ch;
	off_t at = 23;   /* "phrase: OK" -> "phrase: OJ" */
	assert_int_equal(pread(fd, &ch, 1, at), 1);
	assert_int_equal(ch, 'K');
	ch = 'J';
	assert_int_equal(pwrite(fd, &ch, 1, at), 1);
	close(fd);
	struct timespec times[2] = { before.st_atim, before.st_mtim };
	assert_int_equal(utimensat(AT_FDCWD, f, times, 0), 0);
	in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_BUILT);

	/* a new file in a folder */
	run("cp '%s/scenarios/'*.yaml '%s/scenarios/zz-more.yaml' && "
	    "sed -i 's/id: other-users-order/id: other-users-order-2/; s/id: no-token/id: no-token-2/; "
	    "s/situation: /situation: Again, /' '%s/scenarios/zz-more.yaml'", p.dir, p.dir, p.dir);
	in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_BUILT);
	assert_int_equal(cload(p.dir).how, PACKCACHE_USED);

	/* a file removed */
	run("rm '%s/scenarios/zz-more.yaml'", p.dir);
	assert_int_equal(cload(p.dir).how, PACKCACHE_BUILT);

	/* an error in the pack: reported as by content_load, nothing cached */
	unlink(path);
	run("sed -i 's/code: 404/code: 404\\n  bogus: 1/' '%s/codes/4xx.yaml'", p.dir);
	memset(&d, 0, sizeof d);
	assert_false(packcache_load(p.dir, &m, &d, &in));
	assert_true(d.n > 0);
	assert_null(m.codes);
	assert_int_not_equal(stat(path, &st), 0);
	diag_free(&d);
	free(path);
	tpack_done(&p);
}

/* Damaged, truncated, foreign or writable by others: rebuilt, never used. */
static void test_cache_distrust(void **state)
{
	(void)state;
	struct tpack p;
	struct stat st;
	char *path = tpack_cold(&p);
	assert_int_equal(cload(p.dir).how, PACKCACHE_BUILT);
	assert_int_equal(stat(path, &st), 0);
	off_t size = st.st_size;

	/* one byte in the middle of the text */
	int fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	char c;
	assert_int_equal(pread(fd, &c, 1, size / 2), 1);
	c ^= 1;
	assert_int_equal(pwrite(fd, &c, 1, size / 2), 1);
	close(fd);
	struct packcache_info in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_BUILT);
	assert_string_equal(in.why, "its checksum is wrong");

	assert_int_equal(truncate(path, size - 100), 0);
	in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_BUILT);

	assert_int_equal(chmod(path, 0666), 0);
	in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_BUILT);
	assert_string_equal(in.why, "it is not a file only this user can change");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);   /* replaced by a private one */

	if (geteuid() == 0) {   /* someone else's file */
		assert_int_equal(chown(path, 65534, 65534), 0);
		in = cload(p.dir);
		assert_int_equal(in.how, PACKCACHE_BUILT);
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_uid, 0);
	}

	/* garbage of the right size */
	run("head -c %lld /dev/urandom > '%s'", (long long)size, path);
	chmod(path, 0600);
	assert_int_equal(cload(p.dir).how, PACKCACHE_BUILT);
	assert_int_equal(cload(p.dir).how, PACKCACHE_USED);
	free(path);
	tpack_done(&p);
}

/* No cache folder: the pack still loads (in memory). */
static void test_cache_unavailable(void **state)
{
	(void)state;
	struct tpack p;
	tpack_new(&p);
	setenv("XDG_CACHE_HOME", "/proc/no-such-place", 1);
	struct packcache_info in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_MEMORY);
	setenv("XDG_CACHE_HOME", "relative/path", 1);   /* ignored, as the spec says */
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	unsetenv("HOME");
	assert_null(packcache_path(p.dir));
	assert_int_equal(cload(p.dir).how, PACKCACHE_MEMORY);
	if (home) {
		setenv("HOME", home, 1);
		free(home);
	}
	setenv("XDG_CACHE_HOME", cache, 1);
	tpack_done(&p);
}

/* Starts at the same moment each load a whole pack; no temporary file is
 * left behind. */
static void test_cache_concurrent(void **state)
{
	(void)state;
	struct tpack p;
	char *path = tpack_cold(&p);
	enum { KIDS = 6 };
	pid_t kids[KIDS];
	for (int i = 0; i < KIDS; i++) {
		kids[i] = fork();
		assert_true(kids[i] >= 0);
		if (kids[i] == 0) {
			struct model m, fresh;
			struct diag d = { 0 };
			char why[256];
			for (int k = 0; k < 5; k++) {
				if (!packcache_load(p.dir, &m, &d, NULL) || !content_load(p.dir, &fresh, &d) ||
				    !snapshot_equal(&fresh, &m, why, sizeof why))
					_exit(1);
				model_free(&m);
				content_free(&fresh);
				unlink(path);   /* make the next round race again */
			}
			_exit(0);
		}
	}
	for (int i = 0; i < KIDS; i++) {
		int stt;
		assert_int_equal(waitpid(kids[i], &stt, 0), kids[i]);
		assert_true(WIFEXITED(stt));
		assert_int_equal(WEXITSTATUS(stt), 0);
	}
	run("! ls '%s/httptutor/' | grep -q 'snap\\.'", cache);
	free(path);
	tpack_done(&p);
}

/* Entries too new to trust are checked by content until a start finds them
 * old enough; that start saves the snapshot without the flags. */
static void test_cache_settles(void **state)
{
	(void)state;
	struct tpack p;
	char *path = tpack_cold(&p);
	assert_int_equal(cload(p.dir).how, PACKCACHE_BUILT);
	struct packcache_info in = cload(p.dir);
	assert_true(in.hashed > 0);
	assert_false(in.settled);
	/* the racy window is 2 s: poll until a start settles it */
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		struct timespec nap = { 0, 100 * 1000 * 1000 };
		nanosleep(&nap, NULL);
		in = cload(p.dir);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (!in.settled && t.tv_sec - t0.tv_sec < 10);
	assert_true(in.settled);
	in = cload(p.dir);
	assert_int_equal(in.how, PACKCACHE_USED);
	assert_int_equal(in.hashed, 0);
	assert_false(in.settled);
	free(path);
	tpack_done(&p);
}

static int setup(void **state)
{
	(void)state;
	snprintf(cache, sizeof cache, "/tmp/httptutor-snc-XXXXXX");
	if (!mkdtemp(cache))
		return -1;
	setenv("XDG_CACHE_HOME", cache, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	find_dirs();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_pack_round_trip),
		cmocka_unit_test(test_good_pack_round_trip),
		cmocka_unit_test(test_paths_follow_dir),
		cmocka_unit_test(test_equal_sees_changes),
		cmocka_unit_test(test_hash_paths_agree),
		cmocka_unit_test(test_damage_is_refused),
		cmocka_unit_test(test_cache_used_then_rebuilt),
		cmocka_unit_test(test_cache_distrust),
		cmocka_unit_test(test_cache_unavailable),
		cmocka_unit_test(test_cache_concurrent),
		cmocka_unit_test(test_cache_settles),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
