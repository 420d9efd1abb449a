/* clock.h — time for the program: a monotonic clock for durations, the wall
 * clock (HTTPTUTOR_NOW fixes it for tests), and seeds for unseeded quizzes. */
#ifndef HTTPTUTOR_CLOCK_H
#define HTTPTUTOR_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Milliseconds from a monotonic clock (for time taken). */
int64_t clock_ms(void);
/* Unix seconds; HTTPTUTOR_NOW overrides it. */
int64_t clock_now(void);
/* secs (negative counts as 0) as mm:ss, the one way durations and the exam
 * countdown are shown ("04:59"; "125:00" past 99 minutes).  out has room
 * for 16 bytes. */
void clock_mmss(long secs, char *out, size_t n);
/* Wall-clock milliseconds.  Under HTTPTUTOR_NOW it starts at that second
 * and runs on with the monotonic clock, so an exam clock still ticks in tests. */
int64_t clock_now_ms(void);
/* A seed for a quiz nobody gave one for (fixed when HTTPTUTOR_NOW is set). */
uint64_t clock_seed(void);

/* Unix seconds as local time in strftime format fmt; `none` for 0. */
void clock_local_str(int64_t t, const char *fmt, const char *none, char *buf, size_t n);
/* Unix seconds as ISO 8601 UTC ("2025-11-22T14:02:00Z"); "" for 0. */
void clock_iso_str(int64_t t, char *buf, size_t n);
/* The same for every t in years 0000-9999 (0 too), as SQLite's
 * strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch') spells it, by arithmetic
 * alone (an export formats one per answer); false outside those years. */
bool clock_iso_utc(int64_t t, char out[21]);

#endif
