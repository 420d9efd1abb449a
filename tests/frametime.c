/* frametime.c — for tests/bench.sh: start a program on an 80x24
 * pseudo-terminal and time it from the fork until its output holds every
 * marker (its first whole frame), then send keys until it exits.  Written
 * in C so the harness itself adds little to what it measures (a Python
 * fork of itself costs more than some of the programs timed).
 *
 *   frametime [-k KEYS] MARKER... -- PROGRAM ARG...
 * prints "FRAME_US CPU_US BYTES START_US": microseconds to the frame, the child's
 * CPU time (user + system) for its whole run, and the bytes it wrote
 * before the frame was complete.  Exit 1 when a marker never came. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
	const char *keys = "q";
	int first = 1, sep = -1;
	if (argc > 2 && strcmp(argv[1], "-k") == 0) {
		keys = argv[2];
		first = 3;
	}
	for (int i = first; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			sep = i;
			break;
		}
	if (sep < 0 || sep + 1 >= argc) {
		fprintf(stderr, "usage: frametime [-k KEYS] MARKER... -- PROGRAM ARG...\n");
		return 2;
	}
	static char buf[1 << 20];
	size_t len = 0;
	struct winsize ws = { 24, 80, 0, 0 };
	int fd;
	double t0 = now_us(), frame = -1;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return 2;
	if (pid == 0) {
		execvp(argv[sep + 1], argv + sep + 1);
		_exit(127);
	}
	/* Read until every marker is in the output (or 10 s pass). */
	while (frame < 0 && now_us() - t0 < 10e6) {
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 100) <= 0)
			continue;
		ssize_t r = read(fd, buf + len, sizeof buf - 1 - len);
		if (r <= 0)
			break;
		len += (size_t)r;
		buf[len] = '\0';
		bool all = true;
		for (int i = first; i < sep && all; i++)
			all = memmem(buf, len, argv[i], strlen(argv[i])) != NULL;
		if (all)
			frame = now_us() - t0;
	}
	size_t frame_bytes = len;
	/* Ask it to leave (again now and then, in case a key came too early). */
	struct rusage ru;
	int st;
	double last = 0;
	for (;;) {
		pid_t w = wait4(pid, &st, WNOHANG, &ru);
		if (w == pid)
			break;
		if (now_us() - t0 > 20e6) {
			kill(pid, SIGKILL);
			wait4(pid, &st, 0, &ru);
			break;
		}
		if (now_us() - last > 200e3) {
			if (write(fd, keys, strlen(keys)) < 0 && errno != EINTR)
				last = now_us();
			last = now_us();
		}
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 5) > 0) {
			char sink[4096];
			if (read(fd, sink, sizeof sink) <= 0)
				usleep(1000);
		}
	}
	close(fd);
	double cpu = (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec +
	             (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec;
	if (frame < 0)
		return 1;
	printf("%.0f %.0f %zu %.0f\n", frame, cpu, frame_bytes, t0);
	return 0;
}
