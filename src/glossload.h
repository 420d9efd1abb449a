/* glossload.h — glossary.yaml (optional): one zh-TW term per concept, and
 * the variants lint rejects, into the model's terms. */
#ifndef HTTPTUTOR_GLOSSLOAD_H
#define HTTPTUTOR_GLOSSLOAD_H

#include "loader.h"

#define GLOSSARY_FILE "glossary.yaml"

/* Loads glossary.yaml when the pack has one; call it before any other file
 * so that their zh-TW texts can be checked against it as they are read. */
void glossload_file(struct loader *L);

#endif
