// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "module_unload.h"
#include "report.h"

/* The module's refcnt from sysfs, or -1 when it has none to show. */
static long module_refcnt(const char *name)
{
	char path[256];
	long refcnt = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/module/%s/refcnt", name);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &refcnt) != 1)
		refcnt = -1;
	fclose(f);
	return refcnt;
}

int module_unload(const char *name)
{
	long refcnt = module_refcnt(name);
	int err = 0;

	if (syscall(__NR_delete_module, name, O_NONBLOCK))
		err = errno;
	report_unload(name, refcnt, err);
	if (!err)
		return 0;
	fprintf(stderr, "kfcheck: the kernel refused to unload %s: %s (%s)%s\n", name,
		strerrorname_np(err) ?: "?", strerror(err),
		err == EAGAIN ? ": it is in use" : "");
	return 1;
}
