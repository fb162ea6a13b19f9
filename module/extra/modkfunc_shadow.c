// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_shadow: exports kfuncs under the names and prototypes of the
 * vmlinux kfuncs vmlinux_pair() calls (bpf_progs/modkfunc.bpf.h): one
 * name per kernel generation, so that whichever this kernel's vmlinux has
 * is shadowed. A lookup searches vmlinux's BTF before any module's, so a
 * call by that name must stay in vmlinux; the other name, which vmlinux
 * lacks, is this module's alone. Kernels that keep kfunc names unique may
 * refuse the module.
 */
#include <linux/bpf.h>

#include "compat.h"
#include "modkfunc_abi.h"
#include "provider.h"

#define MODKFUNC_SHADOW_KFUNCS(X)					\
	X(bpf_task_from_pid, KF_RET_NULL)				\
	X(bpf_kfunc_call_test_acquire, KF_RET_NULL)

MKF_COUNTERS(shadow, MODKFUNC_SHADOW_KFUNCS);

/* Defined in net/bpf/test_run.c on the kernels whose vmlinux has it. */
struct prog_test_ref_kfunc;

__bpf_kfunc_start_defs();

/**
 * bpf_task_from_pid() - vmlinux's kfunc of this name (6.2 on), shadowed
 * @shadow_pid: the pid vmlinux's kfunc would look up
 *
 * Verifier: a scalar argument, and a result that may be NULL. Only its
 * counter matters: a call that reaches it was resolved in the wrong BTF.
 * The parameter is named apart from vmlinux's so that pahole keeps this
 * function in the module's BTF instead of merging it into vmlinux's.
 *
 * Return: NULL.
 */
__bpf_kfunc struct task_struct *bpf_task_from_pid(s32 shadow_pid)
{
	mkf_count(&shadow, MKF_bpf_task_from_pid);
	return NULL;
}

/**
 * bpf_kfunc_call_test_acquire() - vmlinux's test_run kfunc (6.1), shadowed
 * @shadow_scalar: unused
 *
 * Verifier: a pointer to memory the program owns, and a result that may
 * be NULL. As bpf_task_from_pid() here.
 *
 * Return: NULL.
 */
__bpf_kfunc struct prog_test_ref_kfunc *bpf_kfunc_call_test_acquire(unsigned long *shadow_scalar)
{
	mkf_count(&shadow, MKF_bpf_kfunc_call_test_acquire);
	return NULL;
}

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(modkfunc_shadow_ids)
MODKFUNC_SHADOW_KFUNCS(MKF_BTF_ID)
BTF_KFUNCS_END(modkfunc_shadow_ids)

static const struct mkf_provider modkfunc_shadow = {
	.name = "modkfunc_shadow",
	.counters = &shadow,
	.common = { .owner = THIS_MODULE, .set = &modkfunc_shadow_ids },
};
module_mkf_provider(modkfunc_shadow);

MODULE_DESCRIPTION("kfunc provider shadowing vmlinux kfunc names");
MODULE_LICENSE("GPL");

/* As in modkfunc_peer.c: one object, so no "ld -r". */
#include "provider.c"
