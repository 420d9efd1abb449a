/* classroom.h — `class init DIR`: a class folder on a local disk that a
 * group of students shares (setgid folder, database 0660 in the group). */
#ifndef HTTPTUTOR_CLASSROOM_H
#define HTTPTUTOR_CLASSROOM_H

/* Set up dir for the class group (NULL: the folder's group, or yours) and
 * print the line students add to their shell profile.  Refuses network
 * file systems.  Returns an exit status. */
int classroom_init(const char *dir, const char *group);

#endif
