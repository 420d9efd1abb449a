/* wire.h — the class server's JSON, both ways: the store's structs as the
 * server writes them into replies and as the client reads them back, with
 * jansson.  Each struct is described once by a table of fields, so writing
 * and reading cannot disagree; a round trip gives the struct back (tests).
 * Also how an exam_rc travels: an HTTP status and a problem type. */
#ifndef HTTPTUTOR_WIRE_H
#define HTTPTUTOR_WIRE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "quiz.h"
#include "store.h"
#include "store_confusion.h"
#include "store_exam.h"

/* ---- JSON from structs (NULL only when out of memory) ------------------------ */

json_t *wire_states(const struct leitner *v, size_t n);
json_t *wire_mistakes(const struct mistake *v, size_t n);
json_t *wire_history(const struct attempt *v, size_t n);
json_t *wire_progress(const struct progress *p);
json_t *wire_confusions(const struct confusion_item *v, size_t n);
json_t *wire_matrix(const struct code_cell *v, size_t n);
json_t *wire_hidden(const struct exam_item_id *v, size_t n);
json_t *wire_exam_info(const struct exam_info *e);
json_t *wire_exam_list(const struct exam_info *v, size_t n);
/* The paper; with sealed, the right answers and explanations are left out
 * (a learner whose results are not released yet). */
json_t *wire_paper(const struct exam_paper *p, bool sealed);
json_t *wire_items(const struct exam_item *q, size_t n);
json_t *wire_attempt(const struct exam_attempt *a);
json_t *wire_results(const struct exam_results *r);

/* ---- structs from JSON: false with err saying what is wrong ------------------ */

bool wire_read_states(json_t *j, struct leitner **out, size_t *n, char *err, size_t errsz);
bool wire_read_mistakes(json_t *j, struct mistake **out, size_t *n, char *err, size_t errsz);
bool wire_read_history(json_t *j, struct attempt **out, size_t *n, char *err, size_t errsz);
bool wire_read_progress(json_t *j, struct progress *p, char *err, size_t errsz);
bool wire_read_confusions(json_t *j, struct confusion_item **out, size_t *n,
                          char *err, size_t errsz);
bool wire_read_matrix(json_t *j, struct code_cell **out, size_t *n, char *err, size_t errsz);
bool wire_read_hidden(json_t *j, struct exam_item_id **out, size_t *n, char *err, size_t errsz);
bool wire_read_exam_info(json_t *j, struct exam_info *e, char *err, size_t errsz);
bool wire_read_exam_list(json_t *j, struct exam_info **out, size_t *n, char *err, size_t errsz);
/* p->sealed is set when the paper came without its right answers. */
bool wire_read_paper(json_t *j, struct exam_paper *p, char *err, size_t errsz);
bool wire_read_items(json_t *j, struct exam_item **out, size_t *n, char *err, size_t errsz);
bool wire_read_attempt(json_t *j, struct exam_attempt *a, char *err, size_t errsz);
bool wire_read_results(json_t *j, struct exam_results *r, char *err, size_t errsz);

/* ---- exam_rc as HTTP ---------------------------------------------------------- */

/* The status a reply with rc carries (EXAM_OK: 200). */
int wire_rc_status(enum exam_rc rc);
/* The problem type of rc ("/problems/time-up"), NULL for EXAM_OK. */
const char *wire_rc_type(enum exam_rc rc);
/* Back from a reply: its problem type when known, else by status. */
enum exam_rc wire_rc_from(int status, const char *type);

#endif
