/* shell.h — for unit tests: run a shell command, failing the test unless it
 * exits 0.  Include after <cmocka.h>. */
#ifndef HTTPTUTOR_TEST_SHELL_H
#define HTTPTUTOR_TEST_SHELL_H

#include <stdio.h>
#include <stdlib.h>

static void run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void run(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

#endif
