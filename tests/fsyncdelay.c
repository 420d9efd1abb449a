/* fsyncdelay.c — LD_PRELOAD shim for `make bench` and the server tests: a
 * slow disk.  Every fsync and fdatasync first sleeps FSYNC_DELAY_MS
 * milliseconds (default 10), then does the real call, so a benchmark can
 * show what a class does on a disk that takes 10 ms to make data durable.
 *   cc -shared -fPIC -o fsyncdelay.so tests/fsyncdelay.c -ldl
 *   LD_PRELOAD=./fsyncdelay.so FSYNC_DELAY_MS=10 httptutor … */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void delay(void)
{
	const char *s = getenv("FSYNC_DELAY_MS");
	long ms = s && *s ? atol(s) : 10;
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (ms > 0 && nanosleep(&ts, &ts) != 0)
		;
}

int fsync(int fd)
{
	static int (*real)(int);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	delay();
	return real(fd);
}

int fdatasync(int fd)
{
	static int (*real)(int);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fdatasync");
	delay();
	return real(fd);
}
