/* clock.c — monotonic and wall time, and quiz seeds. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"

int64_t clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t clock_now(void)
{
	const char *fake = getenv("HTTPTUTOR_NOW");
	if (fake && *fake)
		return strtoll(fake, NULL, 10);
	return (int64_t)time(NULL);
}

uint64_t clock_seed(void)
{
	const char *fake = getenv("HTTPTUTOR_NOW");
	if (fake && *fake)
		return (uint64_t)clock_now();  /* tests: reproducible */
	return (uint64_t)clock_ms() * 2654435761u ^ (uint64_t)time(NULL) << 20 ^ (uint64_t)getpid();
}

void clock_mmss(long secs, char *out, size_t n)
{
	if (secs < 0)
		secs = 0;
	snprintf(out, n, "%02ld:%02ld", secs / 60, secs % 60);
}
