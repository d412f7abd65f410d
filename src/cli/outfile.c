#include "cli/outfile.h"

#include <assert.h>
#include <errno.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

int outfile_open(struct outfile *f, const char *path, struct err *err)
{
	int n;

	f->path = path;
	f->tmp[0] = '\0';
	f->out = stdout;
	if (path == NULL)
		return 0;
	f->out = NULL;
	/* The process id keeps two commands writing the same target apart. */
	n = snprintf(f->tmp, sizeof f->tmp, "%s.tmp-%ld", path, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof f->tmp)
		return err_set(err, EX_USAGE, "output path is too long");
	f->out = fopen(f->tmp, "wb");
	if (f->out == NULL)
		return err_set(err, EX_CANTCREAT, "cannot create '%s': %s", path, strerror(errno));
	return 0;
}

const char *outfile_by_name(struct outfile *f)
{
	assert(f->path != NULL);
	if (f->out != NULL)
		(void)fclose(f->out);
	f->out = NULL;
	return f->tmp;
}

int outfile_commit(struct outfile *f, struct err *err)
{
	if (f->path == NULL)
		return 0;
	if (f->out != NULL && fclose(f->out) != 0) {
		int e = errno;    /* before remove() may change it */

		f->out = NULL;
		outfile_abort(f);
		return err_set(err, EX_IOERR, "cannot write '%s': %s", f->path, strerror(e));
	}
	f->out = NULL;
	if (rename(f->tmp, f->path) != 0) {
		int e = errno;

		outfile_abort(f);
		return err_set(err, EX_CANTCREAT, "cannot rename '%s' to '%s': %s", f->tmp, f->path,
			       strerror(e));
	}
	return 0;
}

void outfile_abort(struct outfile *f)
{
	if (f->path == NULL)
		return;
	if (f->out != NULL)
		(void)fclose(f->out);
	f->out = NULL;
	(void)remove(f->tmp);
}
