/* errclean.c — stderr through text_clean (see errclean.h). */
#define _GNU_SOURCE   /* fopencookie */
#include "errclean.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

/* The first bytes of a character split by the end of the last write. */
static char carry[4];
static size_t n_carry;

static bool put_fd2(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(2, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* How many bytes at the end of s[0..n) start a character that is not
 * complete yet (0-3). */
static size_t incomplete_tail(const char *s, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = (unsigned char)s[n - back];
		if ((c & 0xC0) == 0x80)
			continue;   /* a continuation byte: look further back */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > back ? back : 0;
	}
	return 0;
}

/* One run of text between tabs and newlines, cleaned; without memory, each
 * byte that is not printable ASCII becomes '?'. */
static bool put_clean(const char *s, size_t n)
{
	char *c = text_clean(s, n, true);
	if (c) {
		bool ok = put_fd2(c, strlen(c));
		free(c);
		return ok;
	}
	for (size_t i = 0; i < n; i++) {
		char b = s[i] == '\n' || (s[i] >= 0x20 && s[i] < 0x7F) ? s[i] : '?';
		if (!put_fd2(&b, 1))
			return false;
	}
	return true;
}

static ssize_t clean_write(void *cookie, const char *buf, size_t n)
{
	(void)cookie;
	char *all = malloc(n_carry + n + 1);
	const char *s = buf;
	size_t len = n;
	if (all) {
		memcpy(all, carry, n_carry);
		memcpy(all + n_carry, buf, n);
		s = all;
		len = n_carry + n;
		n_carry = incomplete_tail(s, len);
		len -= n_carry;
		memcpy(carry, s + len, n_carry);
	}
	/* text_clean replaces a tab too; messages keep theirs */
	bool ok = true;
	for (size_t at = 0; ok && at < len;) {
		const char *tab = memchr(s + at, '\t', len - at);
		size_t k = tab ? (size_t)(tab - (s + at)) : len - at;
		ok = put_clean(s + at, k) && (!tab || put_fd2("\t", 1));
		at += k + (tab ? 1 : 0);
	}
	free(all);
	return ok ? (ssize_t)n : -1;
}

void errclean_install(void)
{
	cookie_io_functions_t io = { .write = clean_write };
	FILE *f = fopencookie(NULL, "w", io);
	if (!f)
		return;
	setvbuf(f, NULL, _IONBF, 0);   /* each message goes out as it is written */
	stderr = f;
}
