/* yamlread.h — reading content YAML (libyaml document API) into typed
 * fields; every problem is reported as "path:line: label: message" through
 * the loader.  Used by codesload.c and scenload.c. */
#ifndef HTTPTUTOR_YAMLREAD_H
#define HTTPTUTOR_YAMLREAD_H

#include "loader.h"

#include <yaml.h>

/* Limits that keep a hostile file from eating time or memory (content
 * README): how deep lists and mappings may nest, and how many values
 * (scalars, lists, mappings) one file may hold. */
#define YR_MAX_DEPTH 64
#define YR_MAX_NODES 100000

struct yr_ctx {          /* where we are while reading one YAML item */
	struct loader *L;
	const char *path;
	yaml_document_t *doc;
	char label[96];      /* "code 403", "scenario alice-token" */
};

/* Called for each entry (a mapping) of a file's top-level list; idx is 1-based. */
typedef void yr_item_fn(struct yr_ctx *c, yaml_node_t *item, int idx);

/* 1-based source line of n (1 for NULL). */
int yr_line(const yaml_node_t *n);
/* Reports "label: message" at n's line. */
void yr_err(struct yr_ctx *c, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
yaml_node_t *yr_node(yaml_document_t *doc, yaml_node_item_t i);
/* Scalar text and length, or NULL when n is not a scalar. */
const char *yr_scalar(const yaml_node_t *n, size_t *len);
bool yr_scalar_is(const yaml_node_t *n, const char *s);
/* The value of key in map, or NULL. */
yaml_node_t *yr_map_get(yaml_document_t *doc, yaml_node_t *map, const char *key);
/* Splits a mapping into the allowed keys: vals[i]/keys[i] get the nodes of
 * allowed[i] (NULL when absent).  Unknown and duplicate keys are reported;
 * where names the block for messages ("" for the item itself). */
void yr_map_fields(struct yr_ctx *c, yaml_node_t *map, const char *const *allowed, size_t n,
                   yaml_node_t **vals, yaml_node_t **keys, const char *where);
/* The text of a scalar field, trimmed and scrubbed (malloc'd, caller frees);
 * NULL after reporting when it is absent (and required), not text, empty
 * (unless allow_empty) or holds control characters.  owner is where
 * "missing" points. */
char *yr_text(struct yr_ctx *c, yaml_node_t *v, yaml_node_t *owner, const char *name,
              bool required, bool allow_empty);
/* A plain integer scalar in [lo, hi]; false after reporting otherwise
 * ("name must be a <what> lo–hi"). */
bool yr_int(struct yr_ctx *c, yaml_node_t *v, const char *name, int lo, int hi, int *out,
            const char *what);
/* Labels the item for messages by its number key ("code 403"; "code (entry
 * 3)" when absent or bad, which is reported) and returns the number or 0. */
int yr_label_number(struct yr_ctx *c, yaml_node_t *item, const char *key, int lo, int hi,
                    int idx);
/* Labels the item for messages by its id ("scenario alice-token"; "scenario
 * (entry 3)" when absent or bad) and returns the id (malloc'd) or NULL after
 * reporting one that is not [a-z0-9-]+.  *at gets the id's node (or NULL). */
char *yr_label_id(struct yr_ctx *c, yaml_node_t *item, const char *what, int idx,
                  yaml_node_t **at);
bool yr_bool(struct yr_ctx *c, yaml_node_t *v, const char *name, bool *out);
/* A list of non-empty texts: [a, b]; *out is malloc'd (NULL when empty). */
void yr_str_list(struct yr_ctx *c, yaml_node_t *v, const char *name, char ***out, size_t *n);
/* Records a cross reference (a code, or a "chapter#anchor" target) at node at
 * to check once everything is loaded. */
void yr_add_ref(struct yr_ctx *c, yaml_node_t *at, enum ref_kind kind, const char *role,
                int code, const char *target);
/* An "anchor" field: its form is checked now, whether it resolves later.
 * Returns a malloc'd copy or NULL. */
char *yr_anchor_ref(struct yr_ctx *c, yaml_node_t *v, yaml_node_t *owner, bool required);
/* Reads the en and zh-TW blocks of an item: fields[f] of language l goes to
 * out[f]->s[l] (out[f] NULL: the caller reads it itself from extra_vals). */
void yr_langs(struct yr_ctx *c, yaml_node_t *item, yaml_node_t *const *langs,
              yaml_node_t *const *lkeys, const char *const *fields, size_t nf,
              const bool *allow_empty, struct ltext *const *out,
              yaml_node_t *(*extra_vals)[8], yaml_node_t *(*extra_keys)[8]);
/* Reads, checks and parses the YAML file rel; calls each for every entry of
 * its top-level list.  False when the file could not be read as a list. */
bool yr_load_list(struct loader *L, const char *rel, const char *what, yr_item_fn *each);
/* yr_load_list on every *.yaml file of folder rel, in name order;
 * need_one: an empty folder is an error. */
void yr_load_folder(struct loader *L, const char *rel, const char *what, yr_item_fn *each,
                    bool need_one);

#endif
