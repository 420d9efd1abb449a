/* keyseq.h — what a terminal's escape sequence means, whatever terminfo says.
 * Terminals and multiplexers send Home, End, PgUp and PgDn in several ways
 * (xterm ESC[H / ESC OH, PuTTY and tmux ESC[1~ / ESC[4~, rxvt ESC[7~ / ESC[8~),
 * and many send sequences their TERM entry does not list.  The whole sequence
 * is read and looked up here; what is not bound is dropped, never taken for
 * a lone Esc. */
#ifndef HTTPTUTOR_KEYSEQ_H
#define HTTPTUTOR_KEYSEQ_H

#include <stddef.h>

enum keyseq_rc {
	KEYSEQ_MORE,    /* a valid beginning: read another character */
	KEYSEQ_KEY,     /* complete and bound: *key is set */
	KEYSEQ_DROP,    /* complete (or malformed) and bound to nothing */
};

/* Longest sequence a reader keeps; a longer one is read to its end and
 * dropped. */
#define KEYSEQ_MAX 32

/* Look up the characters that followed an ESC (seq[0..n), n >= 1): CSI
 * (ESC [ …) and SS3 (ESC O …) sequences with any parameters.  A key is a
 * code point or FN(KEY_x) as keys.h defines; modifiers (Shift, Ctrl) are
 * ignored, so Ctrl-Home is Home.  ESC followed by any other character (Alt+x)
 * is dropped. */
enum keyseq_rc keyseq_parse(const int *seq, size_t n, int *key);

#endif
