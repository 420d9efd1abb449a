/* netlib.h — libcurl, libmicrohttpd and libsodium, loaded when first needed.
 * Linked into the binary they made every start 15–20 ms slower (34 shared
 * libraries to map and initialise, against ~1 ms for the rest of the
 * program), though only the class server and its clients use them; so they
 * are opened with dlopen(3) by their Debian sonames and called through
 * netlib.fn(…), with the types of their own headers. */
#ifndef HTTPTUTOR_NETLIB_H
#define HTTPTUTOR_NETLIB_H

#include <stdbool.h>
#include <stddef.h>

/* curl_easy_setopt is also a type-checking macro, which would expand
 * after "netlib.". */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <microhttpd.h>
#include <sodium.h>

#define NETLIB_CURL(X) X(curl_global_init) X(curl_easy_init) X(curl_easy_setopt) \
	X(curl_easy_perform) X(curl_easy_getinfo) X(curl_easy_cleanup) X(curl_easy_strerror) \
	X(curl_slist_append) X(curl_slist_free_all) X(curl_easy_header) X(curl_easy_reset)
#define NETLIB_MHD(X) X(MHD_start_daemon) X(MHD_stop_daemon) X(MHD_quiesce_daemon) \
	X(MHD_create_response_from_buffer) X(MHD_add_response_header) X(MHD_queue_response) \
	X(MHD_destroy_response) X(MHD_suspend_connection) X(MHD_resume_connection) \
	X(MHD_get_connection_info) X(MHD_lookup_connection_value) X(MHD_get_daemon_info)
#define NETLIB_SODIUM(X) X(sodium_init) X(randombytes_buf) X(crypto_generichash) \
	X(crypto_generichash_init) X(crypto_generichash_update) X(crypto_generichash_final) \
	X(sodium_bin2hex)

#define NETLIB_FIELD(f) __typeof__(f) *f;
struct netlib {
	NETLIB_CURL(NETLIB_FIELD)
	NETLIB_MHD(NETLIB_FIELD)
	NETLIB_SODIUM(NETLIB_FIELD)
};
#undef NETLIB_FIELD

/* The loaded functions; a group is usable after its loader returned true. */
extern struct netlib netlib;

/* Load one library (once; later calls are free).  false with err naming
 * the library and the Debian package that has it. */
bool netlib_curl(char *err, size_t n);
bool netlib_mhd(char *err, size_t n);
bool netlib_sodium(char *err, size_t n);

#endif
