// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc: a kfunc provider whose only job is to be called from BPF, so
 * that a test can prove each call reached this module and this function.
 */
#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/init.h>
#include <linux/module.h>

#include "compat.h"

__bpf_kfunc_start_defs();

/**
 * modkfunc_scalar_add() - add two scalars
 * @a: first addend
 * @b: second addend
 *
 * Verifier: both arguments are scalars, so any value is accepted and no
 * pointer may be passed. It is in the common set: every program type may
 * call it.
 *
 * Return: @a + @b, wrapping at 64 bits.
 */
__bpf_kfunc u64 modkfunc_scalar_add(u64 a, u32 b)
{
	return a + b;
}

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(modkfunc_common_ids)
BTF_ID_FLAGS(func, modkfunc_scalar_add)
BTF_KFUNCS_END(modkfunc_common_ids)

static const struct btf_kfunc_id_set modkfunc_common_set = {
	.owner = THIS_MODULE,
	.set = &modkfunc_common_ids,
};

static int __init modkfunc_init(void)
{
	int err;

	err = register_btf_kfunc_id_set(BPF_PROG_TYPE_UNSPEC,
					&modkfunc_common_set);
	if (err)
		pr_err("modkfunc: registering the common kfunc set failed: %d\n",
		       err);
	return err;
}

static void __exit modkfunc_exit(void)
{
}

module_init(modkfunc_init);
module_exit(modkfunc_exit);

MODULE_DESCRIPTION("kfunc provider for testing BPF module kfunc calls");
MODULE_LICENSE("GPL");
