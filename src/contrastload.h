/* contrastload.h — contrasts.yaml (optional) into the model's contrast
 * groups, and the checks that need the whole pack. */
#ifndef HTTPTUTOR_CONTRASTLOAD_H
#define HTTPTUTOR_CONTRASTLOAD_H

#include "yamlread.h"

/* One entry of contrasts.yaml (a yr_item_fn) appended to L->m->contrasts. */
void contrastload_item(struct yr_ctx *c, yaml_node_t *item, int idx);
/* Loads contrasts.yaml when the pack has one. */
void contrastload_file(struct loader *L);
/* After scenarios are in: duplicate ids, a pair of codes in two groups, and
 * groups with fewer than four scenarios among their codes. */
void contrastload_check(struct loader *L);

#endif
