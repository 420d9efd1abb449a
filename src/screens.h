/* screens.h — entry points of each screen_*.c, gathered into app.c's table. */
#ifndef HTTPTUTOR_SCREENS_H
#define HTTPTUTOR_SCREENS_H

#include "app.h"
#include "lines.h"

void chapters_enter(struct app *), chapters_draw(const struct app *);
bool chapters_key(struct app *, enum action, int);
extern const struct keybind chapters_keys[];
void reader_draw(const struct app *), reader_relayout(struct app *);
bool reader_key(struct app *, enum action, int);
void reader_input(struct app *, const char *);
extern const struct keybind reader_keys[];
void codes_enter(struct app *), codes_draw(const struct app *);
bool codes_key(struct app *, enum action, int);
void codes_input(struct app *, const char *);
void codes_relayout(struct app *);
/* Select a code in the table (listing every code when it is not core). */
void codes_select(struct app *, int code);
void card_relayout(struct app *);
extern const struct keybind codes_keys[];
void card_enter(struct app *), card_draw(const struct app *);
bool card_key(struct app *, enum action, int);
extern const struct keybind card_keys[];
void quizview_draw(const struct app *), quizview_relayout(struct app *);
/* A question's situation (or code) and its prompt, as the quiz shows them. */
void quizview_question_head(const struct app *a, const struct question *q, struct lines *ls);
bool quizview_key(struct app *, enum action, int);
extern const struct keybind quizview_keys[];
void review_enter(struct app *), review_draw(const struct app *);
bool review_key(struct app *, enum action, int);
extern const struct keybind review_keys[];
void mistake_enter(struct app *), mistake_draw(const struct app *);
bool mistake_key(struct app *, enum action, int);
void mistake_relayout(struct app *);
extern const struct keybind mistake_keys[];
/* Open one item of the learner's mistakes (its answers, why, retry). */
void mistake_open(struct app *, const char *item);
void contrast_enter(struct app *), contrast_draw(const struct app *);
bool contrast_key(struct app *, enum action, int);
void contrast_relayout(struct app *);
extern const struct keybind contrast_keys[];
void progress_enter(struct app *), progress_draw(const struct app *);
bool progress_key(struct app *, enum action, int);
void progress_relayout(struct app *);
extern const struct keybind progress_keys[];
void examview_draw(const struct app *);
bool examview_key(struct app *, enum action, int);
void examview_input(struct app *, const char *);
int examview_tick_ms(const struct app *);
void examview_tick(struct app *);
extern const struct keybind examview_keys[];
void watch_enter(struct app *), watch_draw(const struct app *);
bool watch_key(struct app *, enum action, int);
int watch_tick_ms(const struct app *);
void watch_tick(struct app *);
extern const struct keybind watch_keys[];


#endif
