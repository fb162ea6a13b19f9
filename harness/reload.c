// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "btfinfo.h"
#include "reload.h"
#include "report.h"

#define MAX_SLOTS 512
#define LOG_SIZE (1 << 20)

struct fd_array {
	int *slots;		/* NULL for "null" */
	int nr;
	int owned[MAX_SLOTS];	/* fds opened for the array, to close */
	int nr_owned;
	void *map;
	size_t map_len;
};

static int slot_fd(struct fd_array *a, const char *word)
{
	char *end;
	long n;
	int fd;

	n = strtol(word, &end, 0);
	if (*word && !*end)
		return (int)n;
	if (!strcmp(word, "nonbtf"))
		fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	else
		fd = btfinfo_open_by_name(word);
	if (fd < 0) {
		fprintf(stderr, "kfcheck: --fd-array: no BTF object named '%s': is the module loaded?\n",
			word);
		return -1;
	}
	a->owned[a->nr_owned++] = fd;
	return fd;
}

static void fd_array_free(struct fd_array *a)
{
	while (a->nr_owned)
		close(a->owned[--a->nr_owned]);
	if (a->map)
		munmap(a->map, a->map_len);
}

/* Puts the slots right before a PROT_NONE page. */
static int fd_array_place(struct fd_array *a, const int *fds)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t bytes = a->nr * sizeof(int);
	size_t data = (bytes + page - 1) / page * page;

	a->map_len = data + page;
	a->map = mmap(NULL, a->map_len, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (a->map == MAP_FAILED) {
		a->map = NULL;
		return -errno;
	}
	if (mprotect((char *)a->map + data, page, PROT_NONE))
		return -errno;
	a->slots = (int *)((char *)a->map + data - bytes);
	memcpy(a->slots, fds, bytes);
	return 0;
}

static int fd_array_build(struct fd_array *a, const char *spec)
{
	int fds[MAX_SLOTS], err = 0;
	char *copy, *word, *save;

	memset(a, 0, sizeof(*a));
	if (!spec || !strcmp(spec, "null"))
		return 0;
	copy = strdup(spec);
	if (!copy)
		return -ENOMEM;
	for (word = strtok_r(copy, ",", &save); word && !err;
	     word = strtok_r(NULL, ",", &save)) {
		if (a->nr == MAX_SLOTS) {
			fprintf(stderr, "kfcheck: --fd-array: more than %d slots\n", MAX_SLOTS);
			err = -E2BIG;
			break;
		}
		fds[a->nr] = slot_fd(a, word);
		if (fds[a->nr] == -1 && strcmp(word, "-1"))
			err = -ENOENT;
		a->nr++;
	}
	free(copy);
	if (!err && a->nr)
		err = fd_array_place(a, fds);
	return err;
}

static struct bpf_insn *patched_insns(const struct load_record *rec,
				      const struct reload_opts *o)
{
	size_t len = rec->attr.insn_cnt * sizeof(struct bpf_insn);
	struct bpf_insn *insns = malloc(len);
	__u32 i;
	int p;

	if (!insns)
		return NULL;
	memcpy(insns, rec->insns, len);
	for (i = 0; i < rec->attr.insn_cnt; i++) {
		if (insns[i].code != (BPF_JMP | BPF_CALL) ||
		    insns[i].src_reg != BPF_PSEUDO_KFUNC_CALL)
			continue;
		for (p = 0; p < o->nr_patches; p++)
			if (insns[i].off == o->patch[p].from) {
				insns[i].off = o->patch[p].to;
				break;
			}
	}
	return insns;
}

static __u64 ptr(const void *p)
{
	return (__u64)(unsigned long)p;
}

/* The record's attributes, pointing at its own copies instead of libbpf's. */
static void reload_attr(union bpf_attr *attr, const struct load_record *rec,
			const struct bpf_insn *insns, const int *fd_array)
{
	*attr = rec->attr;
	attr->insns = ptr(insns);
	attr->license = ptr(rec->license);
	attr->func_info = ptr(rec->func_info);
	attr->line_info = ptr(rec->line_info);
	attr->prog_btf_fd = rec->prog_btf_fd < 0 ? 0 : rec->prog_btf_fd;
	attr->attach_btf_obj_fd = rec->attach_btf_obj_fd < 0 ? 0 : rec->attach_btf_obj_fd;
	attr->fd_array = ptr(fd_array);
	attr->log_level = 0;
	attr->log_buf = 0;
	attr->log_size = 0;
}

static int verdict(const struct load_record *rec, long fd)
{
	const struct load_record *got;
	char why[1024];

	got = fd >= 0 ? capture_by_fd((int)fd) : capture_failed(rec->name);
	if (!got) {
		fprintf(stderr, "kfcheck: the reload of %s was not captured\n", rec->name);
		return -1;
	}
	report_load(got);
	if (fd >= 0)
		return report_mismatches(got) ? -1 : 0;
	fprintf(stderr, "kfcheck: reload of %s rejected: %s (%s)\n", rec->name,
		strerrorname_np(got->err), strerror(got->err));
	report_verifier_lines(got->log, why, sizeof(why));
	report_reject(rec->name, "kernel", got->err, why);
	return 1;
}

int reload_prog(const struct load_record *rec, const struct reload_opts *o)
{
	static char log[LOG_SIZE];
	struct bpf_insn *insns;
	struct fd_array a;
	union bpf_attr attr;
	long fd;
	int ret = -1;

	insns = patched_insns(rec, o);
	if (!insns)
		return -1;
	if (fd_array_build(&a, o->fd_array))
		goto out;
	reload_attr(&attr, rec, insns, a.slots);
	fd = syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	if (fd < 0) {
		/* Again, with a log to quote. */
		attr.log_level = 1;
		attr.log_buf = ptr(log);
		attr.log_size = sizeof(log);
		fd = syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	}
	ret = verdict(rec, fd);
	if (fd >= 0)
		close((int)fd);
out:
	fd_array_free(&a);
	free(insns);
	return ret;
}
