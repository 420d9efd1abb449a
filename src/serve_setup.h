/* serve_setup.h — what the class server sets up before it serves: the
 * class folder and database with modes no student can get past, the lock
 * that keeps a second server away, the Unix socket and the TCP socket. */
#ifndef HTTPTUTOR_SERVE_SETUP_H
#define HTTPTUTOR_SERVE_SETUP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "db.h"

/* Make dir (0750 when new), take away others' write permission on it
 * (whoever may write the folder may delete the database), and open
 * dir/class.db as 0600 (an existing file and its -wal/-shm are made so),
 * locked so that no second server can open it.  The folder and every file
 * are checked first (ours, class.db writable): when one is not, nothing is
 * changed and err says what to do.  Writes what it changed to stderr.
 * *made is set when there was no class.db (a new, empty one was made).
 * NULL with err on failure; a -wal or -shm the failed open made is removed,
 * and so is a class.db it left empty. */
struct db *serve_open_db(const char *dir, bool *made, char *err, size_t errsz);

/* A listening Unix socket at dir/class.sock (0666: the folder's modes say
 * who may reach it).  A socket file left by a server that died is
 * replaced; one a running server answers on is not.  -1 with err. */
int serve_unix_socket(const char *dir, char *err, size_t errsz);

/* A listening TCP socket for "HOST:PORT" ("[::1]:8443" for IPv6);
 * *loopback says whether it is reachable only from this machine.  -1 with
 * err. */
int serve_tcp_socket(const char *hostport, bool *loopback, char *err, size_t errsz);

/* The file's contents (a PEM certificate or key), malloc'd; NULL with err. */
char *serve_read_file(const char *path, char *err, size_t errsz);

#endif
