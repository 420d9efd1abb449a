/* netlib.c — the network libraries, opened on first use (see netlib.h). */
#include "netlib.h"
#include "i18n.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

struct netlib netlib;

struct symbol {
	const char *name;
	void **slot;
};

/* Open the first of sonames that exists and fill every slot; false with
 * err (naming pkg) when the library or one of its functions is missing. */
static bool load(const char *const *sonames, const struct symbol *syms, size_t n,
                 const char *pkg, int *state, char *err, size_t errsz)
{
	void *h = NULL;
	if (*state)
		goto done;
	for (size_t i = 0; !h && sonames[i]; i++)
		h = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		snprintf(err, errsz, tr(MSG_NETLIB_MISSING), sonames[0], dlerror(), pkg);
		*state = -1;
		return false;
	}
	*state = 1;
	for (size_t i = 0; i < n; i++) {
		/* POSIX: a function pointer may be read through a void * slot. */
		void *f = dlsym(h, syms[i].name);
		if (!f) {
			snprintf(err, errsz, tr(MSG_NETLIB_OLD), sonames[0], syms[i].name, pkg);
			*state = -1;
			return false;
		}
		memcpy(syms[i].slot, &f, sizeof f);
	}
done:
	if (*state < 0)
		snprintf(err, errsz, tr(MSG_NETLIB_MISSING), sonames[0], "", pkg);
	return *state > 0;
}

#define NETLIB_SYM(f) { #f, (void **)&netlib.f },

bool netlib_curl(char *err, size_t n)
{
	static const char *const so[] = { "libcurl-gnutls.so.4", "libcurl.so.4", NULL };
	static const struct symbol syms[] = { NETLIB_CURL(NETLIB_SYM) };
	static int state;
	bool first = state == 0;
	if (!load(so, syms, sizeof syms / sizeof syms[0], "libcurl3-gnutls", &state, err, n))
		return false;
	if (first && netlib.curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		snprintf(err, n, tr(MSG_NETLIB_START), "libcurl");
		state = -1;
		return false;
	}
	return true;
}

bool netlib_mhd(char *err, size_t n)
{
	static const char *const so[] = { "libmicrohttpd.so.12", NULL };
	static const struct symbol syms[] = { NETLIB_MHD(NETLIB_SYM) };
	static int state;
	return load(so, syms, sizeof syms / sizeof syms[0], "libmicrohttpd12", &state, err, n);
}

bool netlib_sodium(char *err, size_t n)
{
	static const char *const so[] = { "libsodium.so.23", NULL };
	static const struct symbol syms[] = { NETLIB_SODIUM(NETLIB_SYM) };
	static int state;
	bool first = state == 0;
	if (!load(so, syms, sizeof syms / sizeof syms[0], "libsodium23", &state, err, n))
		return false;
	if (first && netlib.sodium_init() < 0) {
		snprintf(err, n, tr(MSG_NETLIB_START), "libsodium");
		state = -1;
		return false;
	}
	return true;
}
