/* packcheck.h — checks across the whole content pack, after every file. */
#ifndef HTTPTUTOR_PACKCHECK_H
#define HTTPTUTOR_PACKCHECK_H

#include "loader.h"

/* Duplicate codes, scenario ids and situations (per language), reported at
 * the later copy with the first one's place.  Call before sorting the codes:
 * L->code_pos is parallel to the file order. */
void packcheck_duplicates(struct loader *L);
/* Codes and "chapter#anchor" targets that do not exist; needs the chapters
 * and the codes sorted (model_code). */
void packcheck_refs(struct loader *L);
/* Scenarios whose whynot codes include fewer than SCENARIO_MIN_WHYNOT that a
 * quiz may show (unused and unofficial codes never are); needs the codes
 * sorted. */
void packcheck_distractors(struct loader *L);

#endif
