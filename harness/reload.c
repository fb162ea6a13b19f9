// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "attr_ptr.h"
#include "btfinfo.h"
#include "capture.h"
#include "insn.h"
#include "reload.h"
#include "report.h"
#include "verifier_log.h"

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
	if (!strcmp(word, "nonbtf")) {
		fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "kfcheck: --fd-array: /dev/null: %s\n", strerror(errno));
			return -1;
		}
	} else {
		fd = btfinfo_open_by_name(word);
		if (fd < 0) {
			fprintf(stderr, "kfcheck: --fd-array: no BTF object named '%s': is the module loaded?\n",
				word);
			return -1;
		}
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
	if (!copy) {
		fprintf(stderr, "kfcheck: --fd-array: %s\n", strerror(ENOMEM));
		return -ENOMEM;
	}
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
	if (!err && a->nr) {
		err = fd_array_place(a, fds);
		if (err)
			fprintf(stderr, "kfcheck: --fd-array: cannot map the array: %s\n",
				strerror(-err));
	}
	return err;
}

struct reload_source {
	const char *name;	/* as the caller asked for it */
	/*
	 * The last accepted load, its arrays and fds replaced by copies the
	 * source owns (0 where there are none); insns is 0 until then.
	 */
	union bpf_attr attr;
	long fd;		/* what that load returned */
	int err;		/* why a copy failed, or 0 */
};

static int copy_array(__u64 *to, __u64 from, size_t len)
{
	void *p;

	if (!from || !len)
		return 0;
	p = malloc(len);
	if (!p)
		return -1;
	memcpy(p, u64_ptr(from), len);
	*to = ptr_u64(p);
	return 0;
}

static int dup_fd(__u32 *to, __u32 from)
{
	int fd;

	if (!from)
		return 0;
	fd = fcntl((int)from, F_DUPFD_CLOEXEC, 3);
	if (fd < 0)
		return -1;
	*to = (__u32)fd;
	return 0;
}

static void source_clear(struct reload_source *src)
{
	union bpf_attr *a = &src->attr;

	free(u64_ptr(a->insns));
	free(u64_ptr(a->license));
	free(u64_ptr(a->func_info));
	free(u64_ptr(a->line_info));
	if (a->prog_btf_fd)
		close((int)a->prog_btf_fd);
	if (a->attach_btf_obj_fd)
		close((int)a->attach_btf_obj_fd);
	memset(a, 0, sizeof(*a));
	src->fd = -1;
	src->err = 0;
}

/*
 * The attributes as sent, but what the loader owns is copied: it frees its
 * arrays and closes its fds once the load returns. fd_array and the log
 * are the reload's own.
 */
static void keep(const union bpf_attr *attr, long fd, void *ctx)
{
	const char *license = u64_ptr(attr->license);
	struct reload_source *src = ctx;
	union bpf_attr *a = &src->attr;

	if (fd < 0)
		return;
	source_clear(src);
	*a = *attr;
	a->insns = a->license = a->func_info = a->line_info = 0;
	a->prog_btf_fd = a->attach_btf_obj_fd = 0;
	a->fd_array = a->log_buf = 0;
	a->log_level = a->log_size = 0;
	src->fd = fd;
	if (copy_array(&a->insns, attr->insns, attr->insn_cnt * sizeof(struct bpf_insn)) ||
	    copy_array(&a->license, attr->license, license ? strlen(license) + 1 : 0) ||
	    copy_array(&a->func_info, attr->func_info,
		       attr->func_info_cnt * attr->func_info_rec_size) ||
	    copy_array(&a->line_info, attr->line_info,
		       attr->line_info_cnt * attr->line_info_rec_size) ||
	    dup_fd(&a->prog_btf_fd, attr->prog_btf_fd) ||
	    dup_fd(&a->attach_btf_obj_fd, attr->attach_btf_obj_fd))
		src->err = errno;
}

struct reload_source *reload_watch(const char *name)
{
	struct reload_source *src = calloc(1, sizeof(*src));

	if (!src) {
		fprintf(stderr, "kfcheck: cannot watch the load of %s: %s\n", name,
			strerror(errno));
		return NULL;
	}
	src->name = name;
	src->fd = -1;
	capture_observe(name, keep, src);
	return src;
}

void reload_source_free(struct reload_source *src)
{
	capture_observe(NULL, NULL, NULL);
	source_clear(src);
	free(src);
}

static struct bpf_insn *patched_insns(const union bpf_attr *attr,
				      const struct reload_opts *o)
{
	size_t len = attr->insn_cnt * sizeof(struct bpf_insn);
	struct bpf_insn *insns = malloc(len);
	__u32 i;
	int p;

	if (!insns)
		return NULL;
	memcpy(insns, u64_ptr(attr->insns), len);
	for (i = 0; i < attr->insn_cnt; i++) {
		if (!is_kfunc_call(&insns[i]))
			continue;
		for (p = 0; p < o->nr_patches; p++)
			if (insns[i].off == o->patch[p].from) {
				insns[i].off = o->patch[p].to;
				break;
			}
	}
	return insns;
}

static int verdict(const char *name, long fd)
{
	const struct load_record *got;
	char why[1024];

	got = fd >= 0 ? capture_by_fd((int)fd) : capture_failed(name);
	if (!got) {
		fprintf(stderr, "kfcheck: the reload of %s was not captured\n", name);
		return -1;
	}
	report_load(got);
	if (fd >= 0)
		return report_mismatches(got) ? -1 : 0;
	fprintf(stderr, "kfcheck: reload of %s rejected: %s (%s)\n", name,
		strerrorname_np(got->err), strerror(got->err));
	verifier_log_reason(got->log, why, sizeof(why));
	report_reject(name, "kernel", got->err, why);
	return 1;
}

int reload_prog(struct reload_source *src, int prog_fd, const struct reload_opts *o)
{
	static char log[LOG_SIZE];
	struct bpf_insn *insns;
	struct fd_array a;
	union bpf_attr attr;
	long fd;
	int ret = -1;

	/* The reload is a load of the same program: it must not replace the copy. */
	capture_observe(NULL, NULL, NULL);
	if (src->err) {
		fprintf(stderr, "kfcheck: cannot copy the load of %s: %s\n", src->name,
			strerror(src->err));
		return -1;
	}
	if (!src->attr.insns || src->fd != prog_fd) {
		fprintf(stderr, "kfcheck: the load of %s was not captured\n", src->name);
		return -1;
	}
	insns = patched_insns(&src->attr, o);
	if (!insns) {
		fprintf(stderr, "kfcheck: reload of %s: %s\n", src->name, strerror(ENOMEM));
		return -1;
	}
	if (fd_array_build(&a, o->fd_array))
		goto out;
	attr = src->attr;
	attr.insns = ptr_u64(insns);
	attr.fd_array = ptr_u64(a.slots);
	fd = syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	if (fd < 0) {
		/* Again, with a log to quote. */
		attr.log_level = 1;
		attr.log_buf = ptr_u64(log);
		attr.log_size = sizeof(log);
		fd = syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	}
	ret = verdict(src->attr.prog_name, fd);
	if (fd >= 0)
		close((int)fd);
out:
	fd_array_free(&a);
	free(insns);
	return ret;
}
