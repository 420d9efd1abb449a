/* clock.h — time for the program: a monotonic clock for durations, the wall
 * clock (HTTPTUTOR_NOW fixes it for tests), and seeds for unseeded quizzes. */
#ifndef HTTPTUTOR_CLOCK_H
#define HTTPTUTOR_CLOCK_H

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
/* A seed for a quiz nobody gave one for (fixed when HTTPTUTOR_NOW is set). */
uint64_t clock_seed(void);

#endif
