/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shims for kfunc API changes across the kernels modkfunc is tested on.
 * Each is keyed on the symbol itself, not LINUX_VERSION_CODE, because
 * distro stable kernels backport these changes; the common hook is the
 * one change that left no symbol to test.
 */
#ifndef MODKFUNC_COMPAT_H
#define MODKFUNC_COMPAT_H

#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/cfi.h>
#include <linux/stringify.h>
#include <linux/version.h>

/* 6.3 added the annotation that keeps a kfunc's BTF and symbol. */
#ifndef __bpf_kfunc
#define __bpf_kfunc __used noinline
#endif

/* 6.7 added these to silence -Wmissing-prototypes around kfuncs. */
#ifndef __bpf_kfunc_start_defs
#define __bpf_kfunc_start_defs()					\
	__diag_push();							\
	__diag_ignore_all("-Wmissing-prototypes",			\
			  "kfuncs are called from BPF, not from C")
#define __bpf_kfunc_end_defs() __diag_pop()
#endif

/* 6.9 requires kfunc sets to be marked; a plain set8 is then -EINVAL. */
#ifndef BTF_KFUNCS_START
#define BTF_KFUNCS_START(name) BTF_SET8_START(name)
#define BTF_KFUNCS_END(name) BTF_SET8_END(name)
#endif

/*
 * A function that only the kernel calls, through a pointer, such as a kptr
 * destructor, must keep its ENDBR: objtool seals functions whose address
 * no code takes, and under IBT the indirect call then faults. 6.1 has no
 * CFI_NOSEAL, only the x86 mark under it.
 */
#ifndef CFI_NOSEAL
#include <asm/ibt.h>
#define CFI_NOSEAL(fn) asm("" IBT_NOSEAL(__stringify(fn)))
#endif

/* 7.0 made trusted arguments the default for every kfunc and dropped the flag. */
#ifndef KF_TRUSTED_ARGS
#define KF_TRUSTED_ARGS 0
#endif

/*
 * 6.4 added open-coded iterators (KF_ITER_NEW, _NEXT, _DESTROY); before it
 * the modules define none, and the tests that need them skip.
 */
#ifndef KF_ITER_NEW
#define MODKFUNC_NO_ITER
#endif

/*
 * 6.2 added KF_RCU, an argument that may be an RCU-protected pointer, with
 * bpf_rcu_read_lock(); before it modkfunc defines no RCU kfunc.
 */
#ifndef KF_RCU
#define MODKFUNC_NO_RCU
#endif

/*
 * KF_RCU_PROTECTED (6.5) made only iterators RCU-protected until 6.18,
 * which extended it to any kfunc: the result is an RCU pointer, and a call
 * outside an RCU read section is refused. Before 6.18 the flag on a kfunc
 * that returns a pointer is ignored and the program may keep the pointer
 * past the section, so modkfunc defines no such kfunc. The extension left
 * no symbol to test.
 */
#if !defined(KF_RCU_PROTECTED) || LINUX_VERSION_CODE < KERNEL_VERSION(6, 18, 0)
#define MODKFUNC_NO_RCU_RESULT
#endif

/*
 * 6.9 let a module define a struct_ops type (register_bpf_struct_ops()),
 * and 6.10 passed the link to its reg and unreg; before 6.10 modkfunc
 * defines none.
 */
#if !defined(register_bpf_struct_ops) || LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)
#define MODKFUNC_NO_STRUCT_OPS
#endif

/*
 * 6.5 added kfunc set filters (btf_kfunc_id_set.filter), and 6.8 the __str
 * argument suffix; neither left a symbol a module can test. Before them
 * modkfunc defines no kfunc that needs them: a name__str argument is one
 * byte of memory to an older verifier, which the kfunc's strlen() would
 * overrun.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
#define MODKFUNC_NO_SET_FILTER
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 8, 0)
#define MODKFUNC_NO_CONST_STR
#endif

/*
 * 6.4 added __opt, the buffer of a __sz pair that may be NULL, and 7.0
 * renamed it __nullable: each verifier refuses a NULL buffer under the
 * other's name. Neither change left a symbol to test.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(7, 0, 0)
#define MODKFUNC_NULLABLE_BUF(name) name##__opt
#else
#define MODKFUNC_NULLABLE_BUF(name) name##__nullable
#endif

/*
 * 6.2 added the common hook: a set registered for BPF_PROG_TYPE_UNSPEC is
 * open to every program type. Before it UNSPEC maps to no hook (-EINVAL),
 * and a module may register only one set per hook (a second one WARNs and
 * fails), so a type-specific set must also carry the common kfuncs.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
#define MODKFUNC_NO_COMMON_HOOK
#endif

/**
 * modkfunc_register_sets() - register a module's kfunc sets
 * @common: kfuncs for every program type
 * @net: kfuncs for tc and XDP only, or NULL; with MODKFUNC_NO_COMMON_HOOK
 *	it must hold @common's kfuncs too
 * @traced: kfuncs for tracing programs only, usually behind a filter, or
 *	NULL; always NULL with MODKFUNC_NO_SET_FILTER
 *
 * Return: 0, or the first error of register_btf_kfunc_id_set().
 */
static inline int modkfunc_register_sets(const struct btf_kfunc_id_set *common,
					 const struct btf_kfunc_id_set *net,
					 const struct btf_kfunc_id_set *traced)
{
#ifdef MODKFUNC_NO_COMMON_HOOK
	/* Every hook 6.1 has. */
	static const enum bpf_prog_type hooks[] = {
		BPF_PROG_TYPE_XDP, BPF_PROG_TYPE_SCHED_CLS,
		BPF_PROG_TYPE_STRUCT_OPS, BPF_PROG_TYPE_TRACING,
		BPF_PROG_TYPE_SYSCALL,
	};
	int i, err = 0;

	/* A second set for the tracing hook would fail; 6.1 needs none. */
	if (traced)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(hooks) && !err; i++) {
		bool is_net = hooks[i] == BPF_PROG_TYPE_XDP ||
			      hooks[i] == BPF_PROG_TYPE_SCHED_CLS;

		err = register_btf_kfunc_id_set(hooks[i],
						net && is_net ? net : common);
	}
	return err;
#else
	int err = register_btf_kfunc_id_set(BPF_PROG_TYPE_UNSPEC, common);

	if (!err && net)
		err = register_btf_kfunc_id_set(BPF_PROG_TYPE_SCHED_CLS, net);
	if (!err && net)
		err = register_btf_kfunc_id_set(BPF_PROG_TYPE_XDP, net);
	if (!err && traced)
		err = register_btf_kfunc_id_set(BPF_PROG_TYPE_TRACING, traced);
	return err;
#endif
}

#endif /* MODKFUNC_COMPAT_H */
