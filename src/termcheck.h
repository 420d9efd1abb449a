/* termcheck.h — one name per thing across the pack: zh-TW texts use the
 * glossary's term for each concept, and chapters call each code by the name
 * on its card.  Problems are reported with their file:line. */
#ifndef HTTPTUTOR_TERMCHECK_H
#define HTTPTUTOR_TERMCHECK_H

#include "loader.h"

#include <yaml.h>

/* Reports glossary variants in every zh-TW text of a YAML file just parsed
 * (every scalar under a "zh-TW" key); buf/len are the file's bytes, for the
 * line of each hit.  Does nothing for the glossary itself or without terms. */
void termcheck_doc(struct loader *L, const char *path, yaml_document_t *doc,
                   const char *buf, size_t len);
/* The chapters: glossary variants in zh-TW chapters (outside code), and code
 * names that differ from the cards ("302 Found（暫時移動）" when the card says
 * 已找到, "404 Gone").  Needs the codes sorted. */
void termcheck_chapters(struct loader *L);

#endif
