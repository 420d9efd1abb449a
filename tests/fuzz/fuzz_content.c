/* fuzz_content.c — libFuzzer harness: the content loader on one arbitrary
 * codes YAML file.  At start-up the good test pack (tests/data/good, or
 * $HTTPTUTOR_FUZZ_PACK) is copied into a temp folder; each input then
 * replaces codes/4xx.yaml and the whole pack is loaded, validated and freed.
 * A failed load must explain itself; a good one must hold codes. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char pack[512];          /* the temp copy of the pack */
static size_t src_len;         /* length of the source folder's path */
static char victim[600];       /* pack/codes/4xx.yaml */

static int copy_file(const char *from, const char *to)
{
	int rc = -1;
	FILE *in = fopen(from, "rb"), *out = NULL;
	char buf[4096];
	size_t n;

	if (!in)
		goto cleanup;
	out = fopen(to, "wb");
	if (!out)
		goto cleanup;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			goto cleanup;
	rc = ferror(in) ? -1 : 0;
cleanup:
	if (out && fclose(out) != 0)
		rc = -1;
	if (in)
		fclose(in);
	return rc;
}

/* nftw callback: mirror one entry of the source pack under pack/. */
static int copy_entry(const char *path, const struct stat *st, int type,
                      struct FTW *ftw)
{
	char to[1024];
	(void)st;
	(void)ftw;
	snprintf(to, sizeof to, "%s%s", pack, path + src_len);
	if (type == FTW_D)
		return mkdir(to, 0700) == 0 || path[src_len] == '\0' ? 0 : -1;
	if (type == FTW_F)
		return copy_file(path, to);
	return -1;
}

static int remove_entry(const char *path, const struct stat *st, int type,
                        struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

static void remove_pack(void)
{
	if (pack[0])
		nftw(pack, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *src = getenv("HTTPTUTOR_FUZZ_PACK");
	(void)argc;
	(void)argv;
	if (!src)
		src = "tests/data/good";
	const char *tmp = getenv("TMPDIR");
	/* make fuzz points TMPDIR into build/ so a crash's leftover is found there. */
	snprintf(pack, sizeof pack, "%s/httptutor-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(pack)) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(remove_pack);
	src_len = strlen(src);
	if (nftw(src, copy_entry, 16, FTW_PHYS) != 0) {
		fprintf(stderr, "fuzz_content: cannot copy %s (run from the repository root"
		        " or set HTTPTUTOR_FUZZ_PACK)\n", src);
		exit(1);
	}
	snprintf(victim, sizeof victim, "%s/codes/4xx.yaml", pack);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(victim, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();

	struct model m;
	struct diag d;
	memset(&m, 0, sizeof m);
	memset(&d, 0, sizeof d);
	bool ok = content_load(pack, &m, &d);
	/* The contract: false always comes with at least one message. */
	if (!ok && d.n == 0)
		abort();
	if (ok && m.n_codes == 0)
		abort();
	for (size_t i = 0; i < d.n; i++)
		if (!d.msg[i] || !d.msg[i][0])
			abort();
	content_free(&m);
	diag_free(&d);
	return 0;
}
