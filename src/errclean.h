/* errclean.h — every message on stderr reaches the terminal scrubbed.
 * Messages quote what was typed (a code, a search, an exam or command name)
 * and what a database or content pack holds; an escape sequence, a bidi
 * override or a raw C1 byte in one must not recolour, retitle or reorder
 * the terminal.  Rather than clean each of the many messages, stderr itself
 * is replaced by a stream that cleans what passes (text_clean: each unsafe
 * character or invalid byte becomes U+FFFD; newlines and tabs kept) and
 * writes to file descriptor 2. */
#ifndef HTTPTUTOR_ERRCLEAN_H
#define HTTPTUTOR_ERRCLEAN_H

/* Replace stderr; the old stream stays open for nobody.  Call once, first
 * thing in main.  When the stream cannot be made, stderr is left as it is. */
void errclean_install(void);

#endif
