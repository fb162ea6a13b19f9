// SPDX-License-Identifier: GPL-2.0
/*
 * libkfaudit.so: kfcheck's capture, preloaded into another loader.
 *
 *   LD_PRELOAD=libkfaudit.so [KFAUDIT_OUT=FILE] bpftool prog load ...
 *
 * Each BPF_PROG_LOAD that carries a kfunc call or a ksym load is reported
 * as kfcheck reports it (a load record, then the sent and resolved views)
 * on stderr, or appended to KFAUDIT_OUT. A disagreement between the views
 * is also reported on stderr.
 */
#include <stdio.h>
#include <stdlib.h>

#include "btfinfo.h"
#include "capture.h"
#include "kallsyms.h"
#include "report.h"

static FILE *out;

static void audit(const struct load_record *rec)
{
	if (!rec->nr_calls && !rec->nr_ksyms)
		return;
	report_load(rec);
	report_mismatches(rec);
	fflush(out);
}

__attribute__((constructor)) static void kfaudit_start(void)
{
	const char *path = getenv("KFAUDIT_OUT");

	out = path ? fopen(path, "ae") : NULL;
	if (path && !out)
		perror("kfaudit: KFAUDIT_OUT");
	if (!out)
		out = stderr;
	report_init(out, false);
	capture_set_sink(audit);
}

__attribute__((destructor)) static void kfaudit_stop(void)
{
	if (out != stderr)
		fclose(out);
	btfinfo_free();
	kallsyms_free();
}
