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

int64_t clock_now_ms(void)
{
	static int64_t base = -1, base_ms;
	const char *fake = getenv("HTTPTUTOR_NOW");
	if (fake && *fake) {
		if (base < 0) {
			base = clock_now() * 1000;
			base_ms = clock_ms();
		}
		return base + clock_ms() - base_ms;
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
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

void clock_iso_str(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t && gmtime_r(&tt, &tm))
		strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
	else if (n)
		buf[0] = '\0';
}

void clock_local_str(int64_t t, const char *fmt, const char *none, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t && localtime_r(&tt, &tm))
		strftime(buf, n, fmt, &tm);
	else
		snprintf(buf, n, "%s", none);
}

static void put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

bool clock_iso_utc(int64_t t, char out[21])
{
	/* 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z */
	if (t < -62167219200LL || t > 253402300799LL)
		return false;
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	unsigned secs = (unsigned)(t - days * 86400);
	/* The civil date of a day count (H. Hinnant's days-to-civil). */
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	unsigned y = (unsigned)((int64_t)yoe + era * 400 + (m <= 2));
	put2(out, y / 100);
	put2(out + 2, y % 100);
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
	out[10] = 'T';
	put2(out + 11, secs / 3600);
	out[13] = ':';
	put2(out + 14, secs / 60 % 60);
	out[16] = ':';
	put2(out + 17, secs % 60);
	out[19] = 'Z';
	out[20] = '\0';
	return true;
}
