/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ABI of modkfunc, modkfunc_peer and the extra modules: the types
 * their kfuncs take and return, every kfunc's prototype, the ksyms and the
 * identity constants.
 * The modules include it as plain C (__KERNEL__); BPF programs include it
 * through bpf_progs/modkfunc.bpf.h, where each prototype is a __ksym
 * extern that libbpf resolves against the module's BTF. Modelled on the
 * kernel's selftests/bpf/bpf_testmods/bpf_testmod_kfunc.h.
 *
 * Anything else, user space or `cpp -dM`, sees only the constants, which
 * is why each is a plain hex literal on one line: the build extracts them
 * for the tests.
 */
#ifndef MODKFUNC_ABI_H
#define MODKFUNC_ABI_H

/* "modk": the high half of what modkfunc_whoami() returns. */
#define MODKFUNC_IDENTITY 0x6d6f646b
/* "peer": the high half of what modkfunc_peer_whoami() returns. */
#define MODKFUNC_PEER_IDENTITY 0x70656572
/* "twin": the high half of what modkfunc_twin's modkfunc_same_name() returns. */
#define MODKFUNC_TWIN_IDENTITY 0x7477696e
/* "gate": the high half of what modkfunc_gate_whoami() returns. */
#define MODKFUNC_GATE_IDENTITY 0x67617465
/* "rcu!": the tag of the object modkfunc_rcu_obj() returns. */
#define MODKFUNC_RCU_TAG 0x72637521

#if defined(__KERNEL__) || defined(__bpf__)

#ifdef __KERNEL__
#include <linux/percpu.h>
#include <linux/types.h>

#define __ksym
struct bpf_dynptr;
struct task_struct;
/* A test-only property of the BPF declaration, never of the definition. */
#define __modkfunc_bpf_weak
#else
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define __modkfunc_bpf_weak __weak
/* CO-RE: field accesses are relocated against the module's BTF. */
#pragma clang attribute push(__attribute__((preserve_access_index)), \
			     apply_to = record)
#endif

/*
 * Defined, not only declared: libbpf will not match a forward declaration
 * against the module's struct when it checks a kfunc's prototype.
 */

/**
 * struct modkfunc_obj - the object of the acquire/release family
 * @tag: the value it was acquired with
 */
struct modkfunc_obj {
	__u64 tag;
};

/**
 * struct modkfunc_pcpu_stats - per-CPU record of modkfunc's kfunc calls
 * @calls: kfunc calls made on this CPU
 * @last_value: the last result a kfunc returned on this CPU
 *
 * BPF reads it through a typed ksym (modkfunc_pcpu_stats, below): the
 * verifier types the load from modkfunc's BTF, so a field access is
 * checked.
 */
struct modkfunc_pcpu_stats {
	__u64 calls;
	__u64 last_value;
};

/**
 * struct bpf_iter_modkfunc_range - an open-coded iterator's state
 * @__opaque: the module's, not the program's
 *
 * The verifier's naming contract: the type is struct bpf_iter_<name>, its
 * kfuncs bpf_iter_<name>_new, _next and _destroy, each taking a pointer
 * to it first, and its size a multiple of 8, as it lives in stack slots
 * of the program. The program only passes its address.
 */
struct bpf_iter_modkfunc_range {
	__u64 __opaque[3];
} __attribute__((aligned(8)));

/**
 * struct modkfunc_ops - the struct_ops type modkfunc defines (6.10)
 * @compute: what modkfunc calls with the number written to its debugfs
 *	file "ops"; the file then reads what it returned
 */
struct modkfunc_ops {
	__u64 (*compute)(__u64 value);
};

#ifndef __KERNEL__
#pragma clang attribute pop
#endif

/* modkfunc: the common set, callable from every program type. */
__u64 modkfunc_scalar_add(__u64 a, __u32 b) __ksym;
__u64 modkfunc_whoami(__u64 cookie) __ksym;
__u64 modkfunc_mem_sum(const __u8 *buf, __u32 buf__sz) __ksym;
__u64 modkfunc_const_scale(__u64 value, __u32 factor__k) __ksym;
struct modkfunc_obj *modkfunc_obj_acquire(__u64 tag) __ksym;
void modkfunc_obj_release(struct modkfunc_obj *obj) __ksym;
__u64 modkfunc_obj_tag(struct modkfunc_obj *obj) __ksym;
__u64 modkfunc_obj_tag_or(struct modkfunc_obj *obj__nullable,
			  __u64 fallback) __ksym;
__u64 modkfunc_sleepable_yield(__u64 value) __ksym;
__u64 modkfunc_destructive_noop(__u64 value) __ksym;
void modkfunc_nop(void) __ksym;
/* The module names buf buf__opt, or buf__nullable from 7.0 (compat.h). */
__u64 modkfunc_opt_sum(const __u8 *buf, __u32 buf__sz) __ksym;
__u64 modkfunc_ign_is_set(const void *hint__ign) __ksym;
__u64 modkfunc_dynptr_fill(struct bpf_dynptr *ptr__uninit) __ksym;

/* modkfunc: a constant-string argument, on kernels that know __str (6.8). */
__u64 modkfunc_str_len(const char *name__str) __ksym;

/*
 * modkfunc: RCU. An argument that may be an RCU pointer (6.2), and an RCU
 * pointer as a result (6.18).
 */
__u64 modkfunc_task_tgid(struct task_struct *task) __ksym;
struct modkfunc_obj *modkfunc_rcu_obj(void) __ksym;
__u64 modkfunc_obj_tag_rcu(struct modkfunc_obj *obj) __ksym;

/*
 * modkfunc: the tracing set, behind a filter that allows only fentry
 * programs attached to bpf_fentry_test1, on kernels with set filters (6.5).
 */
__u64 modkfunc_fentry_only(__u64 value) __ksym;

/* modkfunc: an open-coded iterator, on kernels that have them (6.4). */
int bpf_iter_modkfunc_range_new(struct bpf_iter_modkfunc_range *it,
				__u64 first, __u64 step, __u32 count) __ksym;
__u64 *bpf_iter_modkfunc_range_next(struct bpf_iter_modkfunc_range *it) __ksym;
void bpf_iter_modkfunc_range_destroy(struct bpf_iter_modkfunc_range *it) __ksym;

/*
 * modkfunc: the packet set, for tc and XDP only. Weak for BPF, so that a
 * program can ask with bpf_ksym_exists() whether the running kernel has it.
 */
__u64 modkfunc_pkt_tag(__u64 value) __ksym __modkfunc_bpf_weak;

/* modkfunc_peer: same signature as modkfunc_whoami(), other module. */
__u64 modkfunc_peer_whoami(__u64 cookie) __ksym;

/* modkfunc and modkfunc_twin: one name, one prototype, two kfuncs. */
__u64 modkfunc_same_name(__u64 cookie) __ksym;

/* modkfunc_gate: a module whose init or exit waits for the test. */
__u64 modkfunc_gate_whoami(__u64 cookie) __ksym;

/*
 * modkfunc's variables for the ksym tests. The two sides see them
 * differently, so each has its own declaration: the kernel defines a
 * per-CPU variable and a u64, while BPF sees a ksym typed from the
 * module's BTF and a typeless ksym, an address that libbpf takes from
 * /proc/kallsyms, not from BTF.
 */
#ifdef __KERNEL__
DECLARE_PER_CPU(struct modkfunc_pcpu_stats, modkfunc_pcpu_stats);
extern const u64 modkfunc_identity;
#else
extern const struct modkfunc_pcpu_stats modkfunc_pcpu_stats __ksym;
extern const void modkfunc_identity __ksym;
#endif

#endif /* __KERNEL__ || __bpf__ */

#endif /* MODKFUNC_ABI_H */
