/* ui.c — curses lifetime, colours, width-aware drawing, keys, test dumps. */
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"
#include "keys.h"
#include "keyseq.h"
#include "out.h"
#include "text.h"
#include "ui.h"

/* One row per element: colour pair fg/bg plus attribute, and the attribute
 * used when there is no colour (NO_COLOR, monochrome terminals). */
static const struct {
	short fg, bg;
	attr_t color_attr;
	attr_t mono;
} table[E_COUNT] = {
	[E_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[E_TITLE]  = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[E_STATUS] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[E_ERROR]  = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[E_SEL]    = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[E_HEAD]   = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[E_H1]     = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[E_EM]     = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[E_STRONG] = { -1, -1, A_BOLD, A_BOLD },
	[E_CODE]   = { COLOR_GREEN, -1, A_NORMAL, A_BOLD },
	[E_LINK]   = { COLOR_BLUE, -1, A_UNDERLINE, A_UNDERLINE },
	[E_QUOTE]  = { COLOR_MAGENTA, -1, A_NORMAL, A_DIM },
	[E_RULE]   = { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
	[E_DIM]    = { -1, -1, A_DIM, A_DIM },
	[E_KEY]    = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[E_RIGHT]  = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[E_WRONG]  = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[E_MATCH]  = { COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_REVERSE | A_UNDERLINE },
	[E_BAR]    = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[E_CLASS1] = { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
	[E_CLASS2] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[E_CLASS3] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[E_CLASS4] = { COLOR_YELLOW, -1, A_NORMAL, A_NORMAL },
	[E_CLASS5] = { COLOR_RED, -1, A_BOLD, A_NORMAL },
};

/* Plain text has a colour pair of its own (default on default) rather
 * than pair 0: leaving a coloured span for pair 0 makes curses reset every
 * attribute (ESC(B ESC[m after ESC[39m), for another pair only the colour. */
#define PAIR_PLAIN E_COUNT

static struct {
	bool active, color, utf8;
	SCREEN *scr;
	FILE *out, *in;
	int *script;            /* test script keys, -1 terminated */
	size_t script_pos;
	const char *dump_path;
	int tick_ms;            /* > 0: ui_getkey returns KEY_TICK this often */
	int esc_ms;             /* wait this long after ESC before it is a lone Esc */
	int ahead;              /* a key read ahead of its turn, or -1 */
	int64_t lone_esc_at;    /* clock_ms() when a lone Esc was last returned, 0 none */
	/* A sequence cut short by a pause longer than SEQ_MS ("ESC [", then
	 * "4~" half a second later): what came of it, so its rest is known. */
	int cut[KEYSEQ_MAX];
	size_t cut_n;           /* 0: none */
	int64_t cut_at;
	bool cut_stray;         /* its ESC was already taken for Esc */
	char paste[1024];       /* the text of the last bracketed paste */
	bool gone;              /* input ended while keys were being dropped */
	bool resize_due;        /* a resize came inside a control string */
	bool esc_due;           /* an ESC ended a control string: ahead is what followed it */
} ui = { .ahead = -1 };

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

int ui_signal(void)
{
	return (int)got_signal;
}

void ui_install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked read returns so the loop can exit cleanly. */
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* Over a file size limit (ulimit -f) a write must fail with EFBIG and be
	 * reported NOT SAVED like a full disk, not kill us mid-screen. */
	signal(SIGXFSZ, SIG_IGN);
}

/* Parse the test script: plain characters, and <Name> for special keys. */
static int *parse_script(const char *s)
{
	static const struct { const char *name; int key; } names[] = {
		{ "Up", FN(KEY_UP) }, { "Down", FN(KEY_DOWN) }, { "Left", FN(KEY_LEFT) },
		{ "Right", FN(KEY_RIGHT) }, { "PgUp", FN(KEY_PPAGE) },
		{ "PgDn", FN(KEY_NPAGE) }, { "Home", FN(KEY_HOME) }, { "End", FN(KEY_END) },
		{ "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "BTab", FN(KEY_BTAB) },
		{ "BS", FN(KEY_BACKSPACE) }, { "Space", ' ' }, { "Dump", -2 }, { "lt", '<' },
	};
	size_t n = strlen(s), k = 0;
	int *keys = calloc(n * 2 + 2, sizeof *keys);
	if (!keys)
		return NULL;
	for (size_t i = 0; i < n;) {
		if (s[i] == '<') {
			const char *end = strchr(s + i, '>');
			size_t len = end ? (size_t)(end - (s + i) - 1) : 0;
			int rows, cols;
			bool found = false;
			for (size_t j = 0; end && j < sizeof names / sizeof names[0]; j++)
				if (strlen(names[j].name) == len &&
				    strncmp(s + i + 1, names[j].name, len) == 0) {
					keys[k++] = names[j].key;
					found = true;
				}
			if (!found && end && sscanf(s + i + 1, "Resize %dx%d>", &cols, &rows) == 2) {
				keys[k++] = -3;                 /* resize marker, then size */
				keys[k++] = cols * 1000 + rows;
				found = true;
			}
			if (found) {
				i += len + 2;
				continue;
			}
		}
		wchar_t wc;
		i += text_decode(s + i, n - i, &wc);
		keys[k++] = (int)wc;
	}
	keys[k] = -1;
	return keys;
}

bool ui_start(bool color, bool utf8, char *err, size_t n)
{
	const char *script = getenv("HTTPTUTOR_TEST_SCRIPT");
	ui.utf8 = utf8;
	if (script) {
		const char *size = getenv("HTTPTUTOR_TEST_SIZE");
		int cols = 80, rows = 24;
		if (size)
			sscanf(size, "%dx%d", &cols, &rows);
		char buf[16];
		snprintf(buf, sizeof buf, "%d", cols);
		setenv("COLUMNS", buf, 1);
		snprintf(buf, sizeof buf, "%d", rows);
		setenv("LINES", buf, 1);
		ui.script = parse_script(script);
		ui.dump_path = getenv("HTTPTUTOR_TEST_DUMP");
		ui.out = fopen("/dev/null", "w");
		ui.in = fopen("/dev/null", "r");
		if (!ui.script || !ui.out || !ui.in ||
		    !(ui.scr = newterm("xterm-256color", ui.out, ui.in))) {
			snprintf(err, n, "%s", tr(MSG_UI_TEST_TERM));
			return false;
		}
	} else {
		const char *term = getenv("TERM");
		if (!term || !*term || strcmp(term, "dumb") == 0 || strcmp(term, "unknown") == 0) {
			if (term && *term)
				snprintf(err, n, tr(MSG_UI_TERM_IS), term);
			else
				snprintf(err, n, "%s", tr(MSG_UI_TERM_UNSET));
			return false;
		}
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			snprintf(err, n, "%s", tr(isatty(STDIN_FILENO) ? MSG_UI_NOT_TTY_OUT : MSG_UI_NOT_TTY_IN));
			return false;
		}
		ui.out = stdout;
		ui.in = stdin;
		/* newterm, unlike initscr, returns NULL instead of exiting. */
		if (!(ui.scr = newterm(NULL, stdout, stdin))) {
			snprintf(err, n, tr(MSG_UI_TERM_UNKNOWN), term);
			return false;
		}
	}
	set_term(ui.scr);
	ui.active = true;
	cbreak();
	noecho();
	nonl();
	/* No keypad(): curses would match escape sequences against terminfo
	 * only and hand back a bare ESC for the rest; ui_getkey reads them. */
	const char *delay = getenv("ESCDELAY");
	ui.esc_ms = delay && atoi(delay) > 0 && atoi(delay) <= 10000 ? atoi(delay) : 100;
	ui.ahead = -1;
	curs_set(0);
	leaveok(stdscr, TRUE);   /* the cursor is hidden: no move to park it after each frame */
	ui.color = color && has_colors();
	if (ui.color) {
		start_color();
		use_default_colors();
		for (int i = 1; i < E_COUNT; i++)
			init_pair((short)i, table[i].fg, table[i].bg);
		init_pair(PAIR_PLAIN, -1, -1);
	}
	/* Until a screen has been through endwin() once, curses flushes the
	 * terminal after every cursor move, so each frame left in a write per
	 * line (two dozen wake-ups of the terminal for the first one).  After
	 * endwin() the first frame's refresh resumes the screen and every frame
	 * is one write; no blank frame is painted before it. */
	endwin();
	/* Bracketed paste: a paste arrives marked, so its text never acts as
	 * keys (a Q in it would quit).  Terminals without it ignore this. */
	if (!ui.script) {
		fputs("\033[?2004h", ui.out);
		/* Mouse reporting off: a program that crashed (vim, htop) can leave
		 * it on, and then every click arrives as bytes.  Never turned on
		 * here; turning off a mode a terminal lacks is ignored. */
		fputs("\033[?9l\033[?1000l\033[?1002l\033[?1003l\033[?1006l", ui.out);
		fflush(ui.out);
	}
	return true;
}

void ui_stop(void)
{
	if (!ui.active)
		return;
	endwin();
	if (!ui.script) {
		fputs("\033[?2004l", ui.out);
		fflush(ui.out);
	}
	delscreen(ui.scr);
	ui.active = false;
	if (ui.script) {
		fclose(ui.out);
		fclose(ui.in);
		free(ui.script);
		ui.script = NULL;
	}
}

bool ui_utf8(void) { return ui.utf8; }

void ui_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

static int script_key(void)
{
	for (;;) {
		int k = ui.script[ui.script_pos];
		if (k == -1)
			return -1;
		ui.script_pos++;
		if (k == -2) {
			ui_dump();
			continue;
		}
		if (k == -3) {
			int v = ui.script[ui.script_pos++];
			resizeterm(v % 1000, v / 1000);
			return FN(KEY_RESIZE);
		}
		return k;
	}
}

void ui_set_tick(int ms)
{
	ui.tick_ms = ms;
}

/* After get_wch gave ERR with a timeout set: a quiet terminal (0), one with
 * input that arrived just after the timeout (1), or one that hung up (2)?
 * poll() tells without reading. */
static int input_state(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	if (poll(&p, 1, 0) < 0)
		return errno == EINTR ? 0 : 2;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return 2;
	return (p.revents & POLLIN) ? 1 : 0;
}

bool ui_input_waiting(void)
{
	if (ui.script)
		return ui.script[ui.script_pos] >= 0;
	return ui.ahead >= 0 || ui.resize_due || ui.esc_due || input_state() == 1;
}

/* What read_key returns when ms passed without a key. */
#define KEY_WAITED (-2)
/* Inside an escape sequence, a slow link may pause between its bytes. */
#define SEQ_MS 400

/* One character or curses key code (FN(KEY_RESIZE)) from the terminal,
 * waiting at most ms (-1: for ever).  KEY_WAITED when the time passed, -1
 * when input ended (hang-up, a signal). */
static int read_key(int ms)
{
	if (ui.gone)
		return -1;
	if (ui.ahead >= 0) {
		int k = ui.ahead;
		ui.ahead = -1;
		return k;
	}
	timeout(ms);
	bool retried = false;
	for (;;) {
		wint_t wc;
		if (got_signal)
			return -1;
		errno = 0;
		int rc = get_wch(&wc);
		if (rc == KEY_CODE_YES)
			return FN((int)wc);
		if (rc == OK)
			return (int)wc;
		if (got_signal)
			return -1;
		if (errno == EINTR)
			continue;
		int st = ms >= 0 ? input_state() : 2;
		if (st == 0)
			return KEY_WAITED;
		if (st == 1 && !retried) {
			/* Readable: read it now.  Readable twice with nothing to
			 * read is the end of input. */
			retried = true;
			timeout(0);
			continue;
		}
		return -1;  /* hang-up or closed input: never busy-loop */
	}
}

/* After the introducer of a control string (ESC ] or U+009D, ESC P …): a
 * terminal's reply to a query (OSC 11 colour, XTVERSION, OSC 52 clipboard),
 * which can arrive late, long after whoever asked.  Read it to its end and
 * drop it, so none of it is typed.  A resize meanwhile is kept for later; an
 * ESC that is not ST ends the string and begins a sequence (esc_due).  A
 * pause of SEQ_MS or KEYSEQ_STRING_MAX characters without an end gives it up.
 * 0, or -1 when input ended. */
static int read_string(void)
{
	int prev = 0;
	for (size_t n = 0; n < KEYSEQ_STRING_MAX; n++) {
		int c = read_key(SEQ_MS);
		if (c == -1)
			return -1;
		if (c == KEY_WAITED)
			return 0;   /* its end was lost: drop what came, not more */
		if (c == FN(KEY_RESIZE))
			ui.resize_due = true;
		if (c >= KEY_FN_BASE)
			continue;
		switch (keyseq_string(prev, c)) {
		case KEYSEQ_DROP:
			return 0;
		case KEYSEQ_KEY:
			ui.ahead = c;
			ui.esc_due = true;
			return 0;
		default:
			prev = c;
		}
	}
	return 0;
}

/* Read on from seq[0..n) (n >= 1) until the sequence is complete.  The key
 * it means (KEY_STRAY instead when stray: its ESC was already taken for
 * Esc); 0 when it is bound to nothing, a control string (read to its end
 * and dropped), or was cut short (then what came is
 * kept in ui.cut for its late rest); -1 when input ended.  A control
 * character, ESC or a curses key is not part of it: it stays for the next
 * read. */
static int read_rest(int *seq, size_t n, bool stray)
{
	int key = 0;
	bool too_long = false;
	enum keyseq_rc rc;
	while ((rc = keyseq_parse(seq, n, &key)) == KEYSEQ_MORE) {
		int c = read_key(SEQ_MS);
		if (c == -1)
			return -1;
		if (c == KEY_WAITED) {
			memcpy(ui.cut, seq, n * sizeof *seq);
			ui.cut_n = n;
			ui.cut_at = clock_ms();
			ui.cut_stray = stray;
			return 0;
		}
		if (c < 0x20 || c == 0x7F || c >= KEY_FN_BASE) {
			ui.ahead = c;
			return 0;
		}
		/* Past the longest we keep: read on to its end, keeping the last
		 * character in the last slot, and drop it. */
		if (n == KEYSEQ_MAX) {
			n--;
			too_long = true;
		}
		seq[n++] = c;
	}
	if (rc == KEYSEQ_STRING)
		return read_string();
	if (rc != KEYSEQ_KEY || too_long)
		return 0;
	return stray ? KEY_STRAY : key;
}

/* The rest of an escape sequence after ESC: the key it means, 27 for a lone
 * Esc, 0 when it is bound to nothing (dropped), -1 when input ended. */
static int read_escape(void)
{
	int seq[KEYSEQ_MAX];
	ui.esc_due = false;
	int c = read_key(ui.esc_ms);
	if (c == KEY_WAITED) {
		ui.lone_esc_at = clock_ms();
		return 27;
	}
	if (c < 0)
		return -1;
	if (c == 27 || c >= KEY_FN_BASE) {
		ui.ahead = c;   /* Esc, then another Esc or a resize */
		return 27;
	}
	seq[0] = c;
	return read_rest(seq, 1, false);
}

/* Over a slow link the rest of a sequence can come after ESCDELAY, when its
 * ESC has already been taken for Esc: ESC, then "[1~" 150 ms later.  A '['
 * or 'O' that comes within this long of a lone Esc, with the rest of a
 * sequence right behind it, is that rest. */
#define LATE_TAIL_MS 1000

/* k was just read.  When it is the late rest of a sequence — after a lone
 * Esc, or after a sequence cut short — read that rest: the key the whole
 * sequence means when its ESC was not taken for Esc, else KEY_STRAY (and
 * KEY_STRAY for one bound to nothing).  Otherwise k. */
static int late_tail(int k)
{
	int64_t now = clock_ms();
	bool after_esc = ui.lone_esc_at && now - ui.lone_esc_at <= LATE_TAIL_MS;
	bool after_cut = ui.cut_n && now - ui.cut_at <= LATE_TAIL_MS;
	if (k == KEY_WAITED)
		return k;
	ui.lone_esc_at = 0;
	size_t cut_n = ui.cut_n;
	ui.cut_n = 0;
	int seq[KEYSEQ_MAX], r;
	if (after_cut && k >= 0x20 && k < 0x7F) {
		memcpy(seq, ui.cut, cut_n * sizeof *seq);
		if (cut_n == KEYSEQ_MAX)
			cut_n--;
		seq[cut_n++] = k;
		r = read_rest(seq, cut_n, ui.cut_stray);
	} else if (after_esc && (k == ']' || k == 'P' || k == '_' || k == '^' || k == 'X') &&
	           ui_input_waiting()) {
		/* a reply string whose ESC came alone, its rest right behind */
		r = read_string();
	} else if (after_esc && (k == '[' || k == 'O')) {
		seq[0] = k;
		r = read_rest(seq, 1, true);
		/* a '[' typed on its own, with nothing behind it */
		if (r == 0 && ui.cut_n == 1)
			return ui.cut_n = 0, k;
	} else {
		return k;
	}
	return r == 0 ? KEY_STRAY : r;
}

/* After ESC[200~: the pasted text up to ESC[201~ into ui.paste, on one line
 * (line breaks and tabs become spaces, other controls and any escape
 * sequence in it are dropped).  KEY_PASTE, or -1 when input ended. */
static int read_paste(void)
{
	size_t n = 0;
	bool after_cr = false;
	for (;;) {
		/* an ESC that ended a control string in the paste */
		int c = ui.esc_due ? 27 : read_key(1000);
		ui.esc_due = false;
		if (c == -1)
			return -1;
		if (c == '\n' && after_cr) {
			after_cr = false;
			continue;   /* CR LF is one line break */
		}
		after_cr = c == '\r';
		if (c == KEY_WAITED)
			break;   /* its end marker was lost: what came is the paste */
		if (keyseq_string_start(c)) {
			if (read_string() < 0)
				return -1;
			continue;
		}
		if (c == 27) {
			int seq[KEYSEQ_MAX], first = read_key(SEQ_MS);
			if (first < 0 || first >= KEY_FN_BASE)
				continue;
			seq[0] = first;
			if (read_rest(seq, 1, false) == KEY_PASTE_END)
				break;
			ui.cut_n = 0;
			continue;
		}
		if (c == '\r' || c == '\n' || c == '\t')
			c = ' ';
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c >= KEY_FN_BASE)
			continue;
		char mb[MB_LEN_MAX];
		int k = wctomb(mb, (wchar_t)c);
		if (k > 0 && n + (size_t)k < sizeof ui.paste) {
			memcpy(ui.paste + n, mb, (size_t)k);
			n += (size_t)k;
		}
	}
	ui.paste[n] = '\0';
	ui.lone_esc_at = 0;
	return KEY_PASTE;
}

const char *ui_paste_text(void)
{
	return ui.paste;
}

bool ui_esc_was_sequence(int ms)
{
	if (ui.script || !ui.lone_esc_at)
		return false;
	int k = read_key(ms);
	if (k == KEY_WAITED || k == -1)
		return false;
	k = late_tail(k);
	if (k == KEY_STRAY)
		return true;
	ui.ahead = k;
	return false;
}

int ui_getkey(void)
{
	if (ui.script)
		return got_signal ? -1 : script_key();
	for (;;) {
		if (ui.resize_due) {
			ui.resize_due = false;
			return FN(KEY_RESIZE);
		}
		int k = 27;
		if (!ui.esc_due) {
			k = read_key(ui.tick_ms > 0 ? ui.tick_ms : -1);
			if (k == KEY_WAITED)
				return KEY_TICK;  /* nothing typed: time to redraw a clock */
			k = late_tail(k);
		}
		if (keyseq_string_start(k) && (k = read_string()) == 0)
			continue;         /* an 8-bit control string (U+009D …) */
		if (k == 27 && (k = read_escape()) == 0)
			continue;         /* a sequence bound to nothing */
		if (k == KEY_PASTE_BEGIN)
			return read_paste();
		if (k == KEY_PASTE_END)
			continue;         /* the end of a paste whose start was lost */
		if (k == '\r') {
			/* CR LF (a terminal in new-line mode, telnet) is one Enter */
			int next = read_key(0);
			if (next != '\n' && next != KEY_WAITED)
				ui.ahead = next;
			return '\n';
		}
		if (k == 127 || k == 8)
			return FN(KEY_BACKSPACE);
		return k;
	}
}

void ui_flush_input(void)
{
	if (ui.script)
		return;
	/* Not flushinp(): it can cut an escape sequence in two and leave its
	 * tail ("1~" of ESC[1~) to be read as keys.  Read what is there, whole
	 * sequences included, and drop it; keep a resize. */
	for (;;) {
		int k = ui.esc_due ? 27 : read_key(0);
		if (keyseq_string_start(k))
			k = read_string();
		if (k == 27)
			k = read_escape();
		if (k == KEY_WAITED)
			return;
		if (k == -1) {
			ui.gone = true;
			return;
		}
		if (k == FN(KEY_RESIZE)) {
			ui.ahead = k;
			return;
		}
	}
}

static attr_t elem_attr(enum ui_elem e)
{
	if (ui.color)
		return table[e].color_attr | COLOR_PAIR(e ? (int)e : PAIR_PLAIN);
	return table[e].mono;
}

int ui_put_attr(int y, int x, const char *s, int maxcols, enum ui_elem e,
                unsigned long extra)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	if (y < 0 || y >= rows || x < 0 || x >= cols || maxcols <= 0 || !s)
		return 0;
	if (maxcols > cols - x)
		maxcols = cols - x;
	attr_t a = elem_attr(e) | (attr_t)extra;
	int used = 0;
	size_t len = strlen(s);
	/* Blanks look the same in any colour or weight: drawn plain they cost
	 * no attribute changes (only reverse, underline and a background show). */
	if (len && strspn(s, " ") == len && !(a & (A_REVERSE | A_UNDERLINE | A_STANDOUT)) &&
	    (!ui.color || e == E_NORMAL || table[e].bg < 0))
		a = elem_attr(E_NORMAL);
	move(y, x);
	for (size_t i = 0; i < len;) {
		wchar_t wc;
		i += text_decode(s + i, len - i, &wc);
		/* Controls, bidi and invisible characters are shown as U+FFFD:
		 * names and answers from the database pass here too. */
		wc = (wchar_t)out_safe_cp((uint32_t)wc);
		int w = text_wcwidth(wc);
		if (!ui.utf8) {
			wc = text_ascii(wc);
			w = 1;
		}
		if (w == 0) {
			if (used == 0)
				continue;  /* a mark with no base cannot be drawn */
			/* Attach a combining mark to the previous cell. */
			cchar_t cc;
			wchar_t pair[3];
			attr_t oa;
			short op;
			int cy, cx;
			getyx(stdscr, cy, cx);
			mvin_wch(cy, cx - 1, &cc);
			getcchar(&cc, pair, &oa, &op, NULL);
			if (wcslen(pair) < 2) {
				pair[wcslen(pair) + 1] = 0;
				pair[wcslen(pair)] = wc;
			}
			setcchar(&cc, pair, oa, op, NULL);
			mvadd_wch(cy, cx - 1, &cc);
			move(cy, cx);
			continue;
		}
		if (used + w > maxcols)
			break;
		cchar_t cc;
		wchar_t one[2] = { wc, 0 };
		setcchar(&cc, one, a, (short)PAIR_NUMBER((int)a), NULL);
		add_wch(&cc);
		used += w;
	}
	return used;
}

int ui_put(int y, int x, const char *s, int maxcols, enum ui_elem e)
{
	return ui_put_attr(y, x, s, maxcols, e, 0);
}

int ui_put_fit(int y, int x, const char *s, int maxcols, enum ui_elem e)
{
	if (!s || text_width(s) <= maxcols)
		return ui_put(y, x, s, maxcols, e);
	int used = ui_put(y, x, s, maxcols - 1, e);
	return used + ui_put(y, x + used, ui_utf8() ? "…" : "~", 1, e);
}

void ui_fill(int y, int x, int cols, enum ui_elem e)
{
	int rows, maxc;
	getmaxyx(stdscr, rows, maxc);
	if (y < 0 || y >= rows || x < 0)
		return;
	attr_t a = elem_attr(e);
	attron(a);
	for (int i = x; i < x + cols && i < maxc; i++)
		mvaddch(y, i, ' ');
	attroff(a);
}

/* Erased cells are plain text too (the plain pair), so writing across
 * them costs no attribute change.  The background is then put back to the
 * default: curses takes the lines it scrolls in to be blanks in stdscr's
 * background as it is at refresh, and with the plain pair there it counted
 * every blank cell of a scrolled-in line as changed and sent it again
 * (indent, table padding, a clear to the end): reader j 149 -> 139 bytes. */
void ui_clear(void)
{
	if (!ui.color) {
		erase();
		return;
	}
	bkgdset(' ' | COLOR_PAIR(PAIR_PLAIN));
	erase();
	bkgdset(' ');
}
void ui_refresh(void) { refresh(); }

void ui_dump(void)
{
	if (!ui.dump_path)
		return;
	FILE *f = fopen(ui.dump_path, "a");
	if (!f)
		return;
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		char line[4096];
		size_t len = 0, keep = 0;
		for (int x = 0; x < cols && len + 16 < sizeof line;) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t a;
			short pair;
			mvin_wch(y, x, &cc);
			getcchar(&cc, wch, &a, &pair, NULL);
			int w = wch[0] ? text_wcwidth(wch[0]) : 1;
			for (int i = 0; wch[i] && i < CCHARW_MAX; i++) {
				char mb[8];
				int k = wctomb(mb, wch[i]);
				if (k > 0) {
					memcpy(line + len, mb, (size_t)k);
					len += (size_t)k;
				}
			}
			if (!wch[0])
				line[len++] = ' ';
			if (wch[0] != ' ' && wch[0])
				keep = len;
			x += w > 0 ? w : 1;
		}
		fprintf(f, "%.*s\n", (int)keep, line);
	}
	fputs("--------\n", f);
	fclose(f);
}
