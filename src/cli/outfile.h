/* An output file written beside its target and renamed onto it when
 * complete, so that a failed command never leaves half a file under the
 * real name; or standard output. A target that exists and is no regular
 * file (/dev/null, a FIFO, a terminal) is written directly: renaming onto
 * it would replace the device with a file. export and report write
 * through it. */
#ifndef COMPGAP_OUTFILE_H
#define COMPGAP_OUTFILE_H

#include <stdio.h>

#include "util/err.h"

struct outfile {
	const char *path;     /* the target, not copied; NULL: standard output */
	char tmp[4096];       /* "PATH.tmp-PID", written until committed */
	FILE *out;            /* open on tmp (or stdout); NULL once closed */
	int direct;           /* 1: out is open on path itself, no tmp */
};

/* Opens f on a new file beside path, or on standard output when path is
 * NULL, or on path itself when it is no regular file. 0, or -1 with err
 * set: EX_USAGE when path is too long, EX_CANTCREAT (naming path) when the
 * file cannot be created or path is a directory. */
int outfile_open(struct outfile *f, const char *path, struct err *err);

/* Closes f's stream and returns the name of its file, for a writer that
 * writes the file by name itself (libxlsxwriter). Not for standard
 * output. */
const char *outfile_by_name(struct outfile *f);

/* Closes f's file and renames it onto path; nothing for standard output.
 * 0, or -1 with err set and the file removed: EX_IOERR when it could not
 * be written, EX_CANTCREAT when it could not be renamed. */
int outfile_commit(struct outfile *f, struct err *err);

/* Closes f's file and removes it, after a failure; nothing for standard
 * output. */
void outfile_abort(struct outfile *f);

#endif
