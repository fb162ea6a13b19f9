// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <linux/btf.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>

#include "attr_ptr.h"
#include "btfinfo.h"
#include "capture.h"
#include "fd_leaks.h"
#include "insn.h"
#include "resolve.h"

static struct load_record *records;
static capture_sink sink;
static bool busy;
static struct {
	const char *name;
	capture_observer fn;
	void *ctx;
} observer;
static struct {
	const char *name;
	void (*hook)(void *ctx);
	void *ctx;
} before;

bool capture_busy(void)
{
	return busy;
}

void capture_set_sink(capture_sink fn)
{
	sink = fn;
}

void capture_observe(const char *name, capture_observer fn, void *ctx)
{
	observer.name = name;
	observer.fn = fn;
	observer.ctx = ctx;
}

void capture_before(const char *name, void (*fn)(void *ctx), void *ctx)
{
	before.name = name;
	before.hook = fn;
	before.ctx = ctx;
}

/* The kernel keeps BPF_OBJ_NAME_LEN - 1 characters of a program's name. */
static bool same_name(const char *sent, const char *name)
{
	return !strncmp(sent, name, BPF_OBJ_NAME_LEN - 1);
}

static void run_before(const union bpf_attr *attr)
{
	void (*hook)(void *ctx) = before.hook;

	if (!hook || !same_name(attr->prog_name, before.name))
		return;
	before.hook = NULL;
	busy = true;
	hook(before.ctx);
	busy = false;
}

/*
 * fd_array has no length the kernel can check, and a caller may point off
 * past its end on purpose: read the slot without risking a fault.
 */
static int read_slot(__u64 fd_array, int off, int *fd)
{
	struct iovec local = { fd, sizeof(*fd) };
	struct iovec remote = { (char *)u64_ptr(fd_array) + (long)off * sizeof(int),
				sizeof(int) };

	return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) ==
	       sizeof(int) ? 0 : -EFAULT;
}

/* Names the BTF object behind @fd into @ref, then the type at ref->imm. */
static void describe(struct kfunc_ref *ref, int fd)
{
	const char *name;
	__u32 obj_id;
	int err;

	ref->btf_fd = fd;
	err = btfinfo_fd(fd, ref->btf, sizeof(ref->btf), &obj_id);
	if (err) {
		snprintf(ref->btf, sizeof(ref->btf), "%s",
			 err == -EINVAL ? "(not a BTF fd)" : "(bad fd)");
		snprintf(ref->name, sizeof(ref->name), "(no BTF)");
		return;
	}
	ref->btf_id = obj_id;
	name = btfinfo_type(obj_id, ref->imm, &ref->kind);
	snprintf(ref->name, sizeof(ref->name), "%s",
		 name ? name : "(no such type)");
}

static void describe_vmlinux(struct kfunc_ref *ref)
{
	const char *name;

	ref->btf_id = btfinfo_vmlinux_id();
	name = btfinfo_type(ref->btf_id, ref->imm, &ref->kind);
	snprintf(ref->btf, sizeof(ref->btf), "vmlinux");
	snprintf(ref->name, sizeof(ref->name), "%s", name ? name : "(no such type)");
}

static void sent_call(struct kfunc_ref *ref, const union bpf_attr *attr)
{
	int fd;

	if (!ref->off) {
		describe_vmlinux(ref);
		return;
	}
	if (ref->off < 0)
		snprintf(ref->btf, sizeof(ref->btf), "(negative off)");
	else if (!attr->fd_array)
		snprintf(ref->btf, sizeof(ref->btf), "(no fd_array)");
	else if (read_slot(attr->fd_array, ref->off, &fd))
		snprintf(ref->btf, sizeof(ref->btf), "(slot unreadable)");
	else {
		describe(ref, fd);
		return;
	}
	snprintf(ref->name, sizeof(ref->name), "(no BTF)");
}

static void sent_ksym(struct kfunc_ref *ref, int btf_fd)
{
	ref->btf_fd = btf_fd;
	if (btf_fd)
		describe(ref, btf_fd);
	else
		describe_vmlinux(ref);
}

static struct kfunc_ref *add_ref(struct kfunc_ref **refs, int *nr, int insn,
				 int off, int imm)
{
	struct kfunc_ref *grown = realloc(*refs, (*nr + 1) * sizeof(**refs));

	if (!grown)
		return NULL;
	*refs = grown;
	grown += (*nr)++;
	memset(grown, 0, sizeof(*grown));
	grown->insn = insn;
	grown->off = off;
	grown->imm = imm;
	grown->kind = -1;
	grown->btf_fd = -1;
	return grown;
}

static void sent_view(struct load_record *rec, const union bpf_attr *attr)
{
	const struct bpf_insn *insn = u64_ptr(attr->insns);
	struct kfunc_ref *ref;
	__u32 i;

	for (i = 0; insn && i < attr->insn_cnt; i++) {
		if (is_kfunc_call(&insn[i])) {
			ref = add_ref(&rec->calls, &rec->nr_calls, i,
				      insn[i].off, insn[i].imm);
			if (ref)
				sent_call(ref, attr);
		} else if (is_ld_imm64(&insn[i])) {
			if (insn[i].src_reg == BPF_PSEUDO_BTF_ID &&
			    i + 1 < attr->insn_cnt) {
				ref = add_ref(&rec->ksyms, &rec->nr_ksyms, i, 0,
					      insn[i].imm);
				if (ref)
					sent_ksym(ref, insn[i + 1].imm);
			}
			i++;
		}
	}
}

/* What attach_prog_fd and attach_btf_id name, read while the fd is open. */
static void attach_target(struct load_record *rec, const union bpf_attr *attr)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	const struct btf_type *t;
	struct btf *btf;

	/*
	 * attach_prog_fd shares its field with attach_btf_obj_fd, which a
	 * tracing program aimed at a module function sends: the kernel tells
	 * them apart by the file, and so does this.
	 */
	if (!bpf_fd_is_prog((int)attr->attach_prog_fd))
		return;
	rec->attach_btf_id = attr->attach_btf_id;
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(attr->attach_prog_fd, &info, &len)) {
		snprintf(rec->target_prog, sizeof(rec->target_prog), "(fd %u: %s)",
			 attr->attach_prog_fd, strerror(errno));
		return;
	}
	rec->target_prog_id = info.id;
	memcpy(rec->target_prog, info.name, sizeof(rec->target_prog) - 1);
	/* A program's BTF stands alone: it is not split from vmlinux's. */
	btf = info.btf_id ? btf__load_from_kernel_by_id(info.btf_id) : NULL;
	t = btf ? btf__type_by_id(btf, attr->attach_btf_id) : NULL;
	snprintf(rec->target_func, sizeof(rec->target_func), "%s",
		 t ? btf__name_by_offset(btf, t->name_off) : "(not in its BTF)");
	btf__free(btf);
}

static struct load_record *record_new(const union bpf_attr *attr, long ret,
				      int err)
{
	struct load_record *rec = calloc(1, sizeof(*rec));

	if (!rec)
		return NULL;
	memcpy(rec->name, attr->prog_name, sizeof(rec->name) - 1);
	rec->fd = ret;
	rec->err = ret < 0 ? err : 0;
	if (attr->log_level && attr->log_buf && attr->log_size)
		rec->log = strndup(u64_ptr(attr->log_buf), attr->log_size);
	if (attr->attach_prog_fd)
		attach_target(rec, attr);
	return rec;
}

static void record_free(struct load_record *rec)
{
	free(rec->log);
	free(rec->calls);
	free(rec->ksyms);
	free(rec);
}

long capture_prog_load(syscall_fn real, union bpf_attr *attr, unsigned int size)
{
	union bpf_attr copy;
	struct load_record *rec;
	long ret;
	int err;

	run_before(attr);
	ret = real(__NR_bpf, BPF_PROG_LOAD, attr, size);
	err = errno;
	busy = true;
	memset(&copy, 0, sizeof(copy));
	memcpy(&copy, attr, size < sizeof(copy) ? size : sizeof(copy));
	if (observer.fn && same_name(copy.prog_name, observer.name))
		observer.fn(&copy, ret, observer.ctx);
	rec = record_new(&copy, ret, err);
	if (rec) {
		sent_view(rec, &copy);
		if (ret >= 0)
			resolve_view(rec);
		if (sink) {
			sink(rec);
			record_free(rec);
		} else {
			rec->next = records;
			records = rec;
		}
	}
	busy = false;
	errno = err;
	return ret;
}

const struct load_record *capture_by_fd(int fd)
{
	const struct load_record *rec;

	for (rec = records; rec; rec = rec->next)
		if (rec->fd == fd)
			return rec;
	return NULL;
}

const struct load_record *capture_failed(const char *name)
{
	const struct load_record *rec;

	for (rec = records; rec; rec = rec->next)
		if (rec->fd < 0 && same_name(rec->name, name))
			return rec;
	return NULL;
}

void capture_free(void)
{
	struct load_record *rec;

	while (records) {
		rec = records;
		records = rec->next;
		record_free(rec);
	}
}
