/* clock.h — time for the program: a monotonic clock for durations, the wall
 * clock (HTTPTUTOR_NOW fixes it for tests), and seeds for unseeded quizzes. */
#ifndef HTTPTUTOR_CLOCK_H
#define HTTPTUTOR_CLOCK_H

#include <stdint.h>

/* Milliseconds from a monotonic clock (for time taken). */
int64_t clock_ms(void);
/* Unix seconds; HTTPTUTOR_NOW overrides it. */
int64_t clock_now(void);
/* A seed for a quiz nobody gave one for (fixed when HTTPTUTOR_NOW is set). */
uint64_t clock_seed(void);

#endif
