/* scenload.h — scenarios/NAME.yaml entries into the model. */
#ifndef HTTPTUTOR_SCENLOAD_H
#define HTTPTUTOR_SCENLOAD_H

#include "yamlread.h"

/* One entry of a scenarios file (a yr_item_fn) appended to L->m->scenarios. */
void scenload_item(struct yr_ctx *c, yaml_node_t *item, int idx);

#endif
