/* keyseq.h — what a terminal's escape sequence means, whatever terminfo says.
 * Terminals and multiplexers send Home, End, PgUp and PgDn in several ways
 * (xterm ESC[H / ESC OH, PuTTY and tmux ESC[1~ / ESC[4~, rxvt ESC[7~ / ESC[8~),
 * and many send sequences their TERM entry does not list.  The whole sequence
 * is read and looked up here; what is not bound is dropped, never taken for
 * a lone Esc. */
#ifndef HTTPTUTOR_KEYSEQ_H
#define HTTPTUTOR_KEYSEQ_H

#include <stdbool.h>
#include <stddef.h>

enum keyseq_rc {
	KEYSEQ_MORE,    /* a valid beginning: read another character */
	KEYSEQ_KEY,     /* complete and bound: *key is set */
	KEYSEQ_DROP,    /* complete (or malformed) and bound to nothing */
	KEYSEQ_STRING,  /* a control string began: the caller reads it to its
	                 * end (keyseq_string) and drops it */
};

/* Longest sequence a reader keeps; a longer one is read to its end and
 * dropped. */
#define KEYSEQ_MAX 32

/* Look up the characters that followed an ESC (seq[0..n), n >= 1): CSI
 * (ESC [ …) and SS3 (ESC O …) sequences with any parameters.  A key is a
 * code point or FN(KEY_x) as keys.h defines; modifiers (Shift, Ctrl) are
 * ignored, so Ctrl-Home is Home.  An X10 mouse report (ESC [ M and three
 * bytes) is dropped whole.  ESC ], P, _, ^ or X (OSC, DCS, APC, PM, SOS:
 * a terminal's reply to a query) is KEYSEQ_STRING.  ESC followed by any other
 * character (Alt+x) is dropped. */
enum keyseq_rc keyseq_parse(const int *seq, size_t n, int *key);

/* A control string is given up after this many characters without its end
 * (what was read is dropped; what follows is read as keys). */
#define KEYSEQ_STRING_MAX 65536

/* The 8-bit introducer of a control string (U+0090 DCS, U+0098 SOS,
 * U+009D OSC, U+009E PM, U+009F APC). */
bool keyseq_string_start(int c);

/* Inside a control string, c is the next character and prev the one before
 * it (0 at its start): KEYSEQ_DROP when c ends it (BEL, or ST: ESC \ or
 * U+009C), KEYSEQ_MORE when it goes on.  An ESC is answered MORE: whether it
 * is ST depends on the character after it; after an ESC anything but \ ends
 * the string at that ESC (KEYSEQ_KEY: the caller reads c as the start of a
 * new escape sequence, ECMA-48's rule). */
enum keyseq_rc keyseq_string(int prev, int c);

#endif
