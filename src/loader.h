/* loader.h — the state of one content load, shared by the content modules
 * (yamlread, codesload, scenload, chapload, packcheck): the files read, the
 * problems found with their file and line, and the cross references to check
 * once everything is in.  Not used outside content loading. */
#ifndef HTTPTUTOR_LOADER_H
#define HTTPTUTOR_LOADER_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* Limits on what a content folder may hold, so no folder, however built,
 * can make loading slow or large (documented in content/README.md). */
#define LOADER_MAX_FILE  (4u << 20)   /* bytes in one file */
#define LOADER_MAX_PACK  (16u << 20)  /* bytes in all files together */
#define LOADER_MAX_NODES 400000       /* YAML values in all files together */

/* The content-file spelling of each language ("en", "zh-TW"). */
extern const char *const loader_lang_key[LANG_COUNT];

struct loader_ent {      /* one collected problem, sorted before it is published */
	char *path;
	int line;
	size_t seq;
	char *msg;
};

struct srcfile {         /* every file read, kept for the version hash */
	char *rel;
	char *buf;
	size_t len;
	struct stat st;      /* of the open file, for the snapshot key */
};

struct srcdir {          /* every folder listed, for the snapshot key */
	char *rel;           /* "" for the content folder itself */
	struct stat st;      /* of the open folder */
	uint64_t names;      /* packhash_names of what the listing saw */
};

struct cpos {            /* where something was defined; path owned by the loader */
	const char *path;
	int line;
};

enum ref_kind { REF_CODE, REF_ANCHOR };

struct ref {             /* a cross reference checked after everything is loaded */
	enum ref_kind kind;
	struct cpos at;
	char *label;         /* "code 403" / "scenario x" */
	const char *role;    /* "confused code", "answer", … */
	int code;
	char *target;        /* "chapter#anchor" */
};

struct anc {
	char *name;
	int line;
};

struct chsrc {           /* one chapter file in one language (chapload.c) */
	char *file;          /* "01-common.md" */
	char *slug;
	int number;
	const char *path;
	char *md;            /* scrubbed copy */
	char *title;
	struct anc *anc;
	size_t n_anc;
};

struct loader {
	const char *dir;
	struct model *m;
	bool oom;
	struct loader_ent *ents;
	size_t n_ents, cap_ents;
	struct srcfile *files;
	size_t n_files, cap_files;
	struct srcdir *dirs;
	size_t n_dirs, cap_dirs;
	char **paths;                    /* pool of full paths for struct cpos */
	size_t n_paths, cap_paths;
	struct cpos *code_pos;           /* parallel to m->codes (file order) */
	size_t cap_codes, cap_code_pos;
	struct cpos *scen_pos;           /* parallel to m->scenarios */
	struct cpos *sit_pos[LANG_COUNT];
	size_t cap_scen[4];              /* scenarios, scen_pos, sit_pos[en], sit_pos[zh] */
	struct ref *refs;
	size_t n_refs, cap_refs;
	struct chsrc *ch[LANG_COUNT];
	size_t n_ch[LANG_COUNT], cap_ch[LANG_COUNT];
	struct cpos class_pos[5];
	bool class_seen[5];
	struct cpos *contrast_pos;       /* parallel to m->contrasts */
	size_t cap_contrasts, cap_contrast_pos;
	size_t cap_terms;                /* m->terms (glossload.c) */
	const char *glossary_path;       /* glossary.yaml, whose own zh-TW is not checked */
	size_t bytes;                    /* read so far, for LOADER_MAX_PACK */
	size_t nodes;                    /* YAML values so far, for LOADER_MAX_NODES */
	int stopped;                     /* the signal that stopped loading, or 0 */
	size_t unread;                   /* files that could not be read or parsed */
};

/* See content_set_stop_check. */
void loader_set_stop_check(int (*pending)(void));
/* The signal the stop check reports now, or 0. */
int loader_stop_pending(void);
/* True once a signal has asked loading to stop; every step then returns
 * early and content_load fails. */
bool loader_stopped(struct loader *L);
/* Counts n more YAML values; false once the pack holds more than
 * LOADER_MAX_NODES. */
bool loader_count_nodes(struct loader *L, size_t n);

/* Grows an array of elements of size sz so that one more fits; the old block
 * stays valid when this fails. */
bool loader_grow(void **arr, size_t *cap, size_t n, size_t sz);
/* Notes that memory ran out; content_load reports it once. */
void loader_oom(struct loader *L);
/* Records "path:line: message" (line < 1 counts as 1). */
void loader_err(struct loader *L, const char *path, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* strdup that notes out of memory. */
char *loader_strdup(struct loader *L, const char *s);
/* "dir/rel" kept in the loader's path pool (lives as long as the loader). */
const char *loader_path(struct loader *L, const char *rel);

/* 1-based line of byte offset off in buf. */
int loader_line_of(const char *buf, size_t off);
/* Offset of the first character in s[0..n) that content may not hold: a
 * control character other than LF (and CR before LF; TAB counts), a bidi
 * control or an invisible character (text_unsafe_kind); or (size_t)-1.
 * *what (may be NULL) gets its description ("bidi control"). */
size_t loader_find_control(const char *s, size_t n, const char **what);
/* The code point at s (U+FFFD when it is not valid UTF-8). */
unsigned long loader_code_point(const char *s, size_t n);
/* Reports invalid UTF-8 and control, bidi and invisible characters in buf
 * with their lines and replaces them with '_' in place so the rest of the
 * file still loads.  False when there were too many to go on (the file is
 * then not parsed). */
bool loader_check_bytes(struct loader *L, const char *path, char *buf, size_t len);

bool loader_is_dir(const char *path);
/* The hash of the sorted names (dot files left out) in folder path, and
 * its fstat in *st (may be NULL).  False when it cannot be listed. */
bool loader_dir_hash(const char *path, struct stat *st, uint64_t *hash);
/* Lists the content folder itself and records it as it was before any file
 * was read (a file added later changes its listing).  False when it is not a
 * folder that can be read. */
bool loader_note_root(struct loader *L);
/* Reads rel (relative to the content dir, full path path) whole and records
 * it for the version hash.  Returns the NUL-terminated buffer (owned by the
 * loader) or NULL after reporting why. */
char *loader_read(struct loader *L, const char *rel, const char *path, size_t *len);
/* Sorted names of the files in folder rel that end in suffix; other visible
 * entries are reported.  False when the folder cannot be opened. *out is
 * freed with loader_free_names. */
bool loader_list_dir(struct loader *L, const char *rel, const char *suffix,
                     char ***out, size_t *nout);
void loader_free_names(char **v, size_t n);

/* Sorts the collected problems by file and line into d (adding one for
 * running out of memory); true when there were none. */
bool loader_publish(struct loader *L, struct diag *d);
/* Frees one chapter source and everything the loader owns. */
void loader_free_chsrc(struct chsrc *h);
void loader_done(struct loader *L);

#endif
