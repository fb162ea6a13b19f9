/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BPF_PROG_LOAD as the kernel received it. The sent view of every kfunc
 * call and ksym load is read inside the syscall, while the loader's BTF
 * fds are still open; libbpf closes them as soon as the load returns.
 */
#ifndef KFCHECK_CAPTURE_H
#define KFCHECK_CAPTURE_H

#include <stdbool.h>
#include <linux/bpf.h>

#define NAME_MAX_LEN 128

enum call_state {
	CALL_UNRESOLVED,	/* the load failed, or the call is not in xlated */
	CALL_MATCH,		/* sent and resolved name the same function */
	CALL_MISMATCH,		/* the kernel called something else */
};

/* One kfunc call (BPF_PSEUDO_KFUNC_CALL) or ksym load (BPF_PSEUDO_BTF_ID). */
struct kfunc_ref {
	int insn;
	int off;		/* calls: insn->off; ksyms: 0 */
	int imm;		/* BTF id of the FUNC or VAR */
	int btf_fd;		/* ksyms: insn[1].imm; calls: fd_array[off] */
	char btf[NAME_MAX_LEN];	/* BTF object name, or why there is none */
	__u32 btf_id;		/* that BTF object's id, or 0 */
	char name[NAME_MAX_LEN];	/* type name at imm, or why there is none */
	int kind;		/* BTF_KIND_* of that type, or -1 */
	char resolved[NAME_MAX_LEN];
	char resolved_module[NAME_MAX_LEN];
	enum call_state state;
};

struct load_record {
	char name[BPF_OBJ_NAME_LEN];
	long fd;		/* the program fd, or -1 */
	int err;		/* errno when fd < 0 */
	char *log;		/* the verifier log, if the loader asked for one */
	struct kfunc_ref *calls, *ksyms;
	int nr_calls, nr_ksyms;
	int unexpected;		/* xlated kfunc calls with no sent call */
	/*
	 * An extension's or tracing program's target, when it has a BPF
	 * program for one: attach_btf_id, the program (by name and id) that
	 * attach_prog_fd was, and the function attach_btf_id names in its BTF.
	 */
	__u32 attach_btf_id;
	__u32 target_prog_id;
	char target_prog[BPF_OBJ_NAME_LEN];
	char target_func[NAME_MAX_LEN];
	struct load_record *next;	/* older records */
};

typedef long (*syscall_fn)(long nr, ...);
typedef void (*capture_sink)(const struct load_record *rec);
/*
 * Sees one BPF_PROG_LOAD as the loader sent it, while the memory and fds
 * it points at are still the loader's, and the fd (or -1) it returned.
 */
typedef void (*capture_observer)(const union bpf_attr *attr, long fd, void *ctx);

/* Runs BPF_PROG_LOAD through @real and records it. */
long capture_prog_load(syscall_fn real, union bpf_attr *attr, unsigned int size);
/* True while a capture is analysing a load: its own syscalls pass through. */
bool capture_busy(void);
/*
 * Hands each new record to @sink and frees it, instead of keeping it: for
 * loaders that report as they go.
 */
void capture_set_sink(capture_sink sink);
/*
 * Calls @fn with @ctx for each load of a program called @name, from inside
 * the syscall; a NULL @fn stops. One observer at a time.
 */
void capture_observe(const char *name, capture_observer fn, void *ctx);
/*
 * Calls @fn with @ctx once, right before the kernel gets the first load of
 * a program called @name: the loader has opened every BTF fd it sends by
 * then, and the kernel has not yet taken anything from them.
 */
void capture_before(const char *name, void (*fn)(void *ctx), void *ctx);
/* The newest successful load that returned @fd, or NULL. */
const struct load_record *capture_by_fd(int fd);
/* The newest failed load of a program called @name, or NULL. */
const struct load_record *capture_failed(const char *name);
void capture_free(void);

#endif
