/* literals.h — for unit tests that read the program's own sources: every
 * string literal of the .c and .h files in src (comments and char constants
 * skipped), with its file and line.  Run from the top of the tree, as make
 * check does.  Include after <cmocka.h>. */
#ifndef HTTPTUTOR_TEST_LITERALS_H
#define HTTPTUTOR_TEST_LITERALS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* fn gets one literal as written (escapes not decoded), len bytes at s. */
typedef void (*literal_fn)(void *ctx, const char *path, int line, const char *s, size_t len);

static char *literals_slurp(const char *path, size_t *n)
{
	*n = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)len + 1);
	*n = buf ? fread(buf, 1, (size_t)len, f) : 0;
	if (buf)
		buf[*n] = 0;
	fclose(f);
	return buf;
}

/* Each literal of one file; returns how many there were. */
static int literals_of(const char *path, literal_fn fn, void *ctx)
{
	size_t n;
	char *s = literals_slurp(path, &n);
	int count = 0, line = 1;
	assert_non_null(s);
	for (size_t i = 0; i < n;) {
		if (s[i] == '\n') {
			line++;
			i++;
		} else if (s[i] == '/' && s[i + 1] == '*') {          /* block comment */
			char *end = strstr(s + i + 2, "*/");
			size_t stop = end ? (size_t)(end - s) + 2 : n;
			for (; i < stop; i++)
				line += s[i] == '\n';
		} else if (s[i] == '/' && s[i + 1] == '/') {   /* line comment */
			while (i < n && s[i] != '\n')
				i++;
		} else if (s[i] == '\'') {                     /* a char constant */
			i++;
			while (i < n && s[i] != '\'')
				i += s[i] == '\\' ? 2 : 1;
			i++;
		} else if (s[i] == '"') {
			size_t start = ++i;
			while (i < n && s[i] != '"')
				i += s[i] == '\\' ? 2 : 1;
			fn(ctx, path, line, s + start, (i < n ? i : n) - start);
			count++;
			i++;
		} else {
			i++;
		}
	}
	free(s);
	return count;
}

/* Each literal of every .c and .h file in src; returns how many files. */
static int literals_each(literal_fn fn, void *ctx)
{
	DIR *d = opendir("src");
	assert_non_null(d);
	int files = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len < 3 || (strcmp(e->d_name + len - 2, ".c") && strcmp(e->d_name + len - 2, ".h")))
			continue;
		char path[512];
		snprintf(path, sizeof path, "src/%s", e->d_name);
		literals_of(path, fn, ctx);
		files++;
	}
	closedir(d);
	return files;
}

#endif
