/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What modkfunc's programs declare beyond the modules' ABI. The modules'
 * types, kfuncs and ksyms are in module/modkfunc_abi.h, which the modules
 * compile too, so that each is written once for both sides.
 */
#ifndef MODKFUNC_BPF_H
#define MODKFUNC_BPF_H

#include "modkfunc_abi.h"

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
 * VMLINUX_ACQUIRE names the pair's acquire kfunc.
 */
#include "vmlinux_kfuncs.h"

/* A read section for the RCU family (6.2); an object without calls has no extern. */
extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;

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
#define VMLINUX_ACQUIRE bpf_task_from_pid

extern struct task_struct *bpf_task_from_pid(__s32 pid) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

static __always_inline __u64 vmlinux_pair(void)
{
	return ACQUIRE_READ_RELEASE(struct task_struct, bpf_task_from_pid(1),
				    bpf_task_release, pid);
}
#else
#define VMLINUX_ACQUIRE bpf_kfunc_call_test_acquire

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

/*
 * A map value's field that owns a module object: a referenced kptr. Its tag
 * is "kptr" from 6.4 and "kptr_ref" before, when "kptr" meant a pointer the
 * map does not own. libbpf's own __kptr follows libbpf's age, not the
 * kernel's (bookworm-6.12 pairs libbpf 1.1 with 6.12), so the kernel's BTF
 * decides: the release that renamed the tags brought bpf_iter_num_new.
 */
#ifdef HAVE_KFUNC_bpf_iter_num_new
#define __kptr_owned __attribute__((btf_type_tag("kptr")))
#else
#define __kptr_owned __attribute__((btf_type_tag("kptr_ref")))
#endif

/* libbpf before 1.2 has no bpf_ksym_exists(): an unresolved weak extern
 * is address 0, so testing the address is the same question. */
#ifndef bpf_ksym_exists
#define bpf_ksym_exists(sym) (!!(sym))
#endif

#endif /* MODKFUNC_BPF_H */
