// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "kallsyms.h"
#include "log.h"
#include "object.h"
#include "report.h"

struct bpf_object *object_open(const char *path)
{
	struct bpf_object *obj;
	char msg[128];
	int err;

	/* libbpf reports a missing file as a bad ELF; say what it is. */
	if (access(path, R_OK)) {
		fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	log_clear();
	obj = bpf_object__open_file(path, NULL);
	err = libbpf_get_error(obj);
	if (err) {
		libbpf_strerror(err, msg, sizeof(msg));
		fprintf(stderr, "kfcheck: %s: not a usable BPF object file: %s\n",
			path, msg);
		log_dump(stderr);
		return NULL;
	}
	return obj;
}

/*
 * libbpf could not find a kfunc or ksym in any BTF. kallsyms still lists
 * a module's functions when its BTF is missing, which tells the two
 * common causes apart.
 */
static void diagnose_missing(const char *name)
{
	unsigned long long addr = kallsyms_addr(name);
	const struct ksym *sym = addr ? kallsyms_at(addr, name) : NULL;
	char path[256];

	if (!sym) {
		fprintf(stderr, "kfcheck: no loaded module provides %s: is its module loaded?\n", name);
		return;
	}
	snprintf(path, sizeof(path), "/sys/kernel/btf/%s", sym->module);
	if (access(path, F_OK))
		fprintf(stderr, "kfcheck: %s is in %s, which has no BTF: it was built without a BTF vmlinux (see README.md, \"Module BTF\")\n",
			name, sym->module);
	else
		fprintf(stderr, "kfcheck: %s is in %s, but its BTF does not describe it: is it marked __bpf_kfunc?\n",
			name, sym->module);
}

static void libbpf_rejected(const char *path)
{
	const char *warnings = log_warnings();
	char line[512], name[128];
	const char *p;

	snprintf(line, sizeof(line), "%.*s", (int)strcspn(warnings, "\n"), warnings);
	p = strncmp(line, "libbpf: ", 8) ? line : line + 8;
	fprintf(stderr, "kfcheck: %s: libbpf refused it before the kernel saw it: %s\n",
		path, p);
	report_reject("", "libbpf", 0, p);
	p = strstr(warnings, "ksym) '");
	if (p && sscanf(p, "ksym) '%127[^']'", name) == 1 &&
	    strstr(warnings, "not found in kernel or module BTFs"))
		diagnose_missing(name);
}

static bool kernel_rejected(struct bpf_object *obj, const char *path)
{
	const struct load_record *rec;
	struct bpf_program *prog;
	char why[1024];

	bpf_object__for_each_program(prog, obj) {
		rec = capture_failed(bpf_program__name(prog));
		if (!rec)
			continue;
		fprintf(stderr, "kfcheck: %s: the kernel rejected program %s: %s (%s)\n",
			path, bpf_program__name(prog), strerrorname_np(rec->err),
			strerror(rec->err));
		report_verifier_lines(rec->log, why, sizeof(why));
		report_reject(bpf_program__name(prog), "kernel", rec->err, why);
		report_refs(rec);
		return true;
	}
	return false;
}

int object_load(struct bpf_object *obj, const char *path)
{
	int err;

	log_clear();
	err = bpf_object__load(obj);
	if (err && !kernel_rejected(obj, path))
		libbpf_rejected(path);
	return err;
}
