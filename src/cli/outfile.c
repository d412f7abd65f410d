#include "cli/outfile.h"

#include <assert.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

int outfile_open(struct outfile *f, const char *path, struct err *err)
{
	int n;

	struct stat sb;

	f->path = path;
	f->tmp[0] = '\0';
	f->out = stdout;
	f->direct = 0;
	if (path == NULL)
		return 0;
	f->out = NULL;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return err_set(err, EX_CANTCREAT, "cannot create '%s': it is a directory; give a file name",
			       path);
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		f->direct = 1;
		f->out = fopen(path, "wb");
		if (f->out == NULL)
			return err_set(err, EX_CANTCREAT, "cannot open '%s': %s", path, strerror(errno));
		return 0;
	}
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
	return f->direct ? f->path : f->tmp;
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
	if (f->direct)
		return 0;
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
	if (!f->direct)
		(void)remove(f->tmp);
}
