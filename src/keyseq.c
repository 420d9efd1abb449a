/* keyseq.c — CSI and SS3 sequences to keys, by ECMA-48 shape, not terminfo;
 * the control strings terminals answer queries with, to their end. */
#include <curses.h>
#include <stdbool.h>

#include "keys.h"
#include "keyseq.h"

/* The key for a final character shared by CSI and SS3 (arrows, Home, End,
 * F1), or 0. */
static int common_final(int c)
{
	switch (c) {
	case 'A': return FN(KEY_UP);
	case 'B': return FN(KEY_DOWN);
	case 'C': return FN(KEY_RIGHT);
	case 'D': return FN(KEY_LEFT);
	case 'H': return FN(KEY_HOME);
	case 'F': return FN(KEY_END);
	case 'P': return FN(KEY_F(1));
	default: return 0;
	}
}

/* ESC [ n ~ : the VT220 editing keys and F1 (rxvt and PuTTY number Home/End
 * 1/4 or 7/8). */
static int tilde_key(int n)
{
	switch (n) {
	case 1: case 7: return FN(KEY_HOME);
	case 4: case 8: return FN(KEY_END);
	case 5: return FN(KEY_PPAGE);
	case 6: return FN(KEY_NPAGE);
	case 3: return FN(KEY_DC);
	case 11: return FN(KEY_F(1));
	case 200: return KEY_PASTE_BEGIN;   /* bracketed paste, ui.c reads the rest */
	case 201: return KEY_PASTE_END;
	default: return 0;
	}
}

static enum keyseq_rc found(int k, int *key)
{
	if (!k)
		return KEYSEQ_DROP;
	*key = k;
	return KEYSEQ_KEY;
}

static enum keyseq_rc csi(const int *s, size_t n, int *key)
{
	/* The Linux console's F1–F5: ESC [ [ A … E. */
	if (n >= 1 && s[0] == '[')
		return n < 2 ? KEYSEQ_MORE : found(s[1] == 'A' ? FN(KEY_F(1)) : 0, key);
	/* An X10 mouse report, ESC [ M and three raw bytes (button, column,
	 * row), from a terminal another program left in mouse mode: those
	 * bytes are no keys. */
	if (n >= 1 && s[0] == 'M')
		return n < 4 ? KEYSEQ_MORE : KEYSEQ_DROP;
	int first = -1;     /* first numeric parameter, -1 none */
	bool later = false; /* past the first parameter: the rest are modifiers */
	for (size_t i = 0; i < n; i++) {
		int c = s[i];
		if (c >= '0' && c <= '9') {
			if (!later && first < 10000)
				first = (first < 0 ? 0 : first * 10) + (c - '0');
		} else if (c >= 0x20 && c <= 0x3f) {
			later = true;   /* ; : < = > ? and intermediates */
		} else if (c >= 0x40 && c <= 0x7e) {
			if (i + 1 != n)
				return KEYSEQ_DROP;
			if (c == '~')
				return found(tilde_key(first), key);
			if (c == 'Z')
				return found(FN(KEY_BTAB), key);
			return found(common_final(c), key);
		} else {
			return KEYSEQ_DROP;   /* a control character inside: malformed */
		}
	}
	return KEYSEQ_MORE;
}

static enum keyseq_rc ss3(const int *s, size_t n, int *key)
{
	/* Some terminals put a modifier digit before the final (ESC O 5 H). */
	size_t i = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == n)
		return n >= 4 ? KEYSEQ_DROP : KEYSEQ_MORE;
	if (i + 1 != n)
		return KEYSEQ_DROP;
	int c = s[i];
	if (c >= 'p' && c <= 'y')        /* application keypad digits */
		return found('0' + (c - 'p'), key);
	switch (c) {
	case 'M': return found('\n', key);   /* keypad Enter */
	case 'j': return found('*', key);
	case 'k': return found('+', key);
	case 'm': return found('-', key);
	case 'n': return found('.', key);
	case 'o': return found('/', key);
	default: return found(common_final(c), key);
	}
}

enum keyseq_rc keyseq_parse(const int *seq, size_t n, int *key)
{
	if (n == 0)
		return KEYSEQ_MORE;
	if (seq[0] == '[')
		return csi(seq + 1, n - 1, key);
	if (seq[0] == 'O')
		return n == 1 ? KEYSEQ_MORE : ss3(seq + 1, n - 1, key);
	/* OSC, DCS, APC, PM, SOS: a string up to its terminator, not keys. */
	if (n == 1 && (seq[0] == ']' || seq[0] == 'P' || seq[0] == '_' || seq[0] == '^' ||
	               seq[0] == 'X'))
		return KEYSEQ_STRING;
	return KEYSEQ_DROP;   /* Alt+key: bound to nothing */
}

bool keyseq_string_start(int c)
{
	return c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F;
}

enum keyseq_rc keyseq_string(int prev, int c)
{
	if (prev == 27)
		return c == '\\' ? KEYSEQ_DROP : KEYSEQ_KEY;
	if (c == 7 || c == 0x9C)   /* BEL (xterm's OSC end), 8-bit ST */
		return KEYSEQ_DROP;
	return KEYSEQ_MORE;
}
