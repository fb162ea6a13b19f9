// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "kallsyms.h"
#include "log.h"
#include "object.h"
#include "object_btf.h"
#include "report.h"
#include "verifier_log.h"

int object_readable(const char *path)
{
	if (!access(path, R_OK))
		return 0;
	fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(errno));
	return -1;
}

/*
 * 0 unless the object is one libbpf must not see, then -1 after the line
 * saying why: an ELF that libelf cannot open, whose fd libbpf up to 1.7
 * leaks (make fuzz found it), or BTF that object_btf.h refuses. What else
 * is wrong with the file, libbpf says.
 */
static int safe_for_libbpf(const char *path)
{
	struct object_elf oe;
	struct btf *btf = NULL;
	const char *why;
	int err = 0;

	why = object_elf_open(path, &oe);
	if (why) {
		fprintf(stderr, "kfcheck: %s: not a usable BPF object file: %s\n", path, why);
		err = -1;
	} else {
		btf = object_elf_btf(&oe, path, true);
		if (!btf && errno != ENOENT)
			err = -1;
	}
	btf__free(btf);
	object_elf_close(&oe);
	return err;
}

struct bpf_object *object_open(const char *path)
{
	struct bpf_object *obj;
	char msg[128];

	/* libbpf reports a missing file as a bad ELF; say what it is. */
	if (object_readable(path) || safe_for_libbpf(path))
		return NULL;
	log_clear();
	obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		libbpf_strerror(errno, msg, sizeof(msg));
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
		fprintf(stderr, "kfcheck: %s has no BTF, so libbpf cannot see %s: it was built without a BTF vmlinux; see scripts/kdir-btf-fix.sh\n",
			sym->module, name);
	else
		fprintf(stderr, "kfcheck: %s is in %s, but its BTF does not describe it: is it marked __bpf_kfunc?\n",
			name, sym->module);
}

/*
 * libbpf's reason is its last warning before the closing "failed to load
 * object": earlier ones are often steps it could skip.
 */
static void libbpf_reason(char *buf, size_t len)
{
	const char *line = log_warnings(), *nl, *p;
	size_t l;

	buf[0] = '\0';
	for (; *line; line = *nl ? nl + 1 : nl) {
		nl = strchrnul(line, '\n');
		l = (size_t)(nl - line);
		p = strncmp(line, "libbpf: ", 8) ? line : line + 8;
		l -= (size_t)(p - line);
		if (l && strncmp(p, "failed to load object", 21))
			snprintf(buf, len, "%.*s", (int)l, p);
	}
}

static void libbpf_rejected(const char *path, int err)
{
	char reason[512], name[128];
	const char *p;

	libbpf_reason(reason, sizeof(reason));
	fprintf(stderr, "kfcheck: %s: libbpf refused it before the kernel saw it: %s\n",
		path, reason);
	report_reject("", "libbpf", -err, reason);
	p = strstr(reason, "ksym) '");
	if (p && sscanf(p, "ksym) '%127[^']'", name) == 1 &&
	    strstr(reason, "not found in kernel or module BTFs"))
		diagnose_missing(name);
}

/*
 * libbpf prints the verifier log between these markers, after rewriting
 * what it knows more about (an unresolved weak kfunc becomes "kfunc '...'
 * is referenced but wasn't resolved"); that version is preferred.
 */
static char *libbpf_log_copy(void)
{
	static const char begin[] = "-- BEGIN PROG LOAD LOG --\n";
	const char *from = strstr(log_warnings(), begin), *to;

	if (!from)
		return NULL;
	from += sizeof(begin) - 1;
	to = strstr(from, "-- END PROG LOAD LOG --");
	return to ? strndup(from, (size_t)(to - from)) : NULL;
}

static bool kernel_rejected(struct bpf_object *obj, const char *path)
{
	const struct load_record *rec;
	struct bpf_program *prog;
	char why[1024], *fixed;

	bpf_object__for_each_program(prog, obj) {
		rec = capture_failed(bpf_program__name(prog));
		if (!rec)
			continue;
		fprintf(stderr, "kfcheck: %s: the kernel rejected program %s: %s (%s)\n",
			path, bpf_program__name(prog), strerrorname_np(rec->err),
			strerror(rec->err));
		fixed = libbpf_log_copy();
		verifier_log_reason(fixed ? fixed : rec->log, why, sizeof(why));
		free(fixed);
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
		libbpf_rejected(path, err);
	return err;
}
