/* classroom.h — `class init DIR`: a class folder on a local disk that a
 * group of students shares (setgid folder, database 0660 in the group). */
#ifndef HTTPTUTOR_CLASSROOM_H
#define HTTPTUTOR_CLASSROOM_H

/* Set up dir for the class group (NULL: the folder's group, or yours) and
 * print the line students add to their shell profile.  Refuses network
 * file systems.  Returns an exit status. */
int classroom_init(const char *dir, const char *group);

/* What kind of network file system magic (statfs f_type) is, or NULL when it
 * is none that SQLite's WAL cannot work on. */
const char *classroom_network_fs(long magic);

#endif
