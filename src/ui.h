/* ui.h — curses start/stop, the colour table, drawing UTF-8 by display width,
 * key input (from the terminal or a test script) and screen dumps. */
#ifndef HTTPTUTOR_UI_H
#define HTTPTUTOR_UI_H

#include <stdbool.h>
#include <stddef.h>

/* Every UI element has a colour and a monochrome attribute (ui.c's table). */
enum ui_elem {
	E_NORMAL, E_TITLE, E_STATUS, E_ERROR, E_SEL, E_HEAD, E_H1, E_EM,
	E_STRONG, E_CODE, E_LINK, E_QUOTE, E_RULE, E_DIM, E_KEY, E_RIGHT,
	E_WRONG, E_MATCH, E_BAR, E_CLASS1, E_CLASS2, E_CLASS3, E_CLASS4,
	E_CLASS5, E_COUNT
};

#define UI_MIN_COLS 60
#define UI_MIN_ROWS 16

/* Start curses.  color=false forces monochrome (NO_COLOR, --no-color).  In a
 * test run (HTTPTUTOR_TEST_SCRIPT set) curses draws to /dev/null at the size
 * HTTPTUTOR_TEST_SIZE (default 80x24) and keys come from the script.
 * Returns false with a message when there is no usable terminal. */
bool ui_start(bool color, bool utf8, char *err, size_t n);
/* Restore the terminal; safe to call twice. */
void ui_stop(void);
void ui_size(int *rows, int *cols);

/* Next key: a code point, FN(KEY_x) for function keys, FN(KEY_RESIZE) after a
 * resize, KEY_TICK when a tick is set and nothing was typed, or -1 when input
 * ended (hang-up, EOF of a script, a signal).  Escape sequences are read whole
 * (keyseq.h): one that is bound to nothing is skipped; ESC alone, after
 * ESCDELAY ms (default 100) with nothing after it, is Esc; the rest of a
 * sequence that comes later than that is returned as one KEY_STRAY (keys.h).
 * Backspace is FN(KEY_BACKSPACE) whether the terminal sends DEL or BS. */
int ui_getkey(void);
/* Right after ui_getkey returned a lone Esc: wait up to ms for the late rest
 * of an escape sequence ("[1~" of a Home split over a slow link) and drop
 * it.  True when that is what came, so the Esc was not meant as Esc.  Other
 * input stays for ui_getkey. */
bool ui_esc_was_sequence(int ms);
/* The text of the paste ui_getkey last returned as KEY_PASTE: one line of
 * printable characters (at most 1023 bytes). */
const char *ui_paste_text(void);
/* Discard keys typed so far and not yet read (a new question appeared). */
void ui_flush_input(void);
/* A key (or the rest of one) is already there to read. */
bool ui_input_waiting(void);
/* Return KEY_TICK from ui_getkey after ms milliseconds without a key (for a
 * clock on screen); 0 turns it off. */
void ui_set_tick(int ms);
/* Catch SIGHUP/SIGTERM/SIGINT/SIGQUIT: ui_getkey then returns -1 so the
 * program restores the terminal and exits normally. */
void ui_install_signals(void);
/* The signal that ended input, or 0. */
int ui_signal(void);

/* Draw s at (y, x) clipped to maxcols display columns in element e's style;
 * returns the columns used.  Characters the terminal cannot show (no UTF-8)
 * are replaced by ASCII look-alikes or '?'. */
int ui_put(int y, int x, const char *s, int maxcols, enum ui_elem e);
/* Same with an extra attribute mask (A_BOLD, A_UNDERLINE …) or'ed in. */
int ui_put_attr(int y, int x, const char *s, int maxcols, enum ui_elem e,
                unsigned long extra);
/* Like ui_put, but a text that does not fit ends in "…". */
int ui_put_fit(int y, int x, const char *s, int maxcols, enum ui_elem e);
/* Fill cols cells from (y, x) with blanks in e's style. */
void ui_fill(int y, int x, int cols, enum ui_elem e);
void ui_clear(void);
void ui_refresh(void);
bool ui_utf8(void);

/* Test runs: append the visible screen as text to HTTPTUTOR_TEST_DUMP. */
void ui_dump(void);

#endif
