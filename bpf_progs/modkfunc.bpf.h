/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every kfunc and ksym that modkfunc's programs use, declared once so that
 * a signature change in module/ has exactly one place to follow it here.
 * Module types are not in vmlinux.h: they are declared here, and CO-RE
 * finds them in the module's BTF.
 */
#ifndef MODKFUNC_BPF_H
#define MODKFUNC_BPF_H

/* Defined, not just declared: libbpf will not match a forward declaration
 * against the module's struct when it checks a kfunc's prototype. */
struct modkfunc_obj {
	__u64 tag;
} __attribute__((preserve_access_index));

struct modkfunc_pcpu_stats {
	__u64 calls;
	__u64 last_value;
} __attribute__((preserve_access_index));

/* modkfunc: the common set, callable from every program type. */
extern __u64 modkfunc_scalar_add(__u64 a, __u32 b) __ksym;
extern __u64 modkfunc_whoami(__u64 cookie) __ksym;
extern __u64 modkfunc_mem_sum(const __u8 *buf, __u32 buf__sz) __ksym;
extern __u64 modkfunc_const_scale(__u64 value, __u32 factor__k) __ksym;
extern struct modkfunc_obj *modkfunc_obj_acquire(__u64 tag) __ksym;
extern void modkfunc_obj_release(struct modkfunc_obj *obj) __ksym;
extern __u64 modkfunc_obj_tag(struct modkfunc_obj *obj) __ksym;
extern __u64 modkfunc_obj_tag_or(struct modkfunc_obj *obj__nullable,
				 __u64 fallback) __ksym;
extern __u64 modkfunc_sleepable_yield(__u64 value) __ksym;
extern __u64 modkfunc_destructive_noop(__u64 value) __ksym;

/* modkfunc: the packet set, for tc and XDP only. Weak, so that a program
 * can ask with bpf_ksym_exists() whether the running kernel has it. */
extern __u64 modkfunc_pkt_tag(__u64 value) __ksym __weak;

/* modkfunc_peer: same signature as modkfunc_whoami(), other module. */
extern __u64 modkfunc_peer_whoami(__u64 cookie) __ksym;

/* No module provides these: one weak, one strong. */
extern __u64 modkfunc_missing(__u64 value) __ksym __weak;
extern __u64 modkfunc_no_such_kfunc(__u64 value) __ksym;

/*
 * vmlinux kfuncs, for programs that mix vmlinux and module calls: an
 * acquire/release pair. 6.2 added bpf_task_from_pid(); before it, the only
 * vmlinux kfuncs a syscall program may call are test_run's, which later
 * kernels moved to bpf_testmod. vmlinux_kfuncs.h, made from the kernel's
 * BTF, says which this kernel has. vmlinux_pair() returns the acquired
 * object's field: init's pid (1), or prog_test_struct.a (42).
 */
#include "vmlinux_kfuncs.h"

/* Acquires an object, reads one field of it and releases it. */
#define ACQUIRE_READ_RELEASE(type, acquire, release, field) ({	\
	type *__obj = (acquire);				\
	__u64 __val = 0;					\
								\
	if (__obj) {						\
		__val = __obj->field;				\
		release(__obj);					\
	}							\
	__val;							\
})

#ifdef HAVE_KFUNC_bpf_task_from_pid
extern struct task_struct *bpf_task_from_pid(__s32 pid) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

static __always_inline __u64 vmlinux_pair(void)
{
	return ACQUIRE_READ_RELEASE(struct task_struct, bpf_task_from_pid(1),
				    bpf_task_release, pid);
}
#else
extern struct prog_test_ref_kfunc *
bpf_kfunc_call_test_acquire(unsigned long *scalar_ptr) __ksym;
extern void bpf_kfunc_call_test_release(struct prog_test_ref_kfunc *p) __ksym;

static __always_inline __u64 vmlinux_pair(void)
{
	unsigned long scratch = 0;

	return ACQUIRE_READ_RELEASE(struct prog_test_ref_kfunc,
				    bpf_kfunc_call_test_acquire(&scratch),
				    bpf_kfunc_call_test_release, a);
}
#endif

/* Typed ksym: the verifier types loads through it from modkfunc's BTF. */
extern const struct modkfunc_pcpu_stats modkfunc_pcpu_stats __ksym;

/* Typeless ksym: only an address, which libbpf takes from /proc/kallsyms. */
extern const void modkfunc_identity __ksym;

/* libbpf before 1.2 has no bpf_ksym_exists(): an unresolved weak extern
 * is address 0, so testing the address is the same question. */
#ifndef bpf_ksym_exists
#define bpf_ksym_exists(sym) (!!(sym))
#endif

#endif /* MODKFUNC_BPF_H */
