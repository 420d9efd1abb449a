/* codesload.h — classes.yaml and codes/NXX.yaml entries into the model. */
#ifndef HTTPTUTOR_CODESLOAD_H
#define HTTPTUTOR_CODESLOAD_H

#include "yamlread.h"

/* One entry of classes.yaml (a yr_item_fn) into L->m->classes. */
void codesload_class(struct yr_ctx *c, yaml_node_t *item, int idx);
/* One entry of a codes file (a yr_item_fn) appended to L->m->codes. */
void codesload_code(struct yr_ctx *c, yaml_node_t *item, int idx);
/* Reports classes 1–5 that classes.yaml did not define. */
void codesload_check_classes(struct loader *L);

#endif
