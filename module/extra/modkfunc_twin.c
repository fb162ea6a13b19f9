// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_twin: exports one kfunc under a name modkfunc exports too, with
 * the same prototype. Loaded after modkfunc, it shows which module a
 * lookup by name picks; kernels that keep kfunc names unique across
 * modules refuse its kfunc set, and so the module.
 */
#include <linux/bpf.h>

#include "compat.h"
#include "modkfunc_abi.h"
#include "provider.h"

#define MODKFUNC_TWIN_KFUNCS(X)						\
	X(modkfunc_same_name, 0)

MKF_COUNTERS(twin, MODKFUNC_TWIN_KFUNCS);

__bpf_kfunc_start_defs();

/**
 * modkfunc_same_name() - modkfunc's kfunc of this name, in this module
 * @cookie: echoed back, so a call site can be told from another
 *
 * Verifier: a scalar argument, and the prototype of modkfunc's kfunc of
 * the same name: nothing but the BTF a lookup picks tells them apart.
 * In the common set.
 *
 * Return: "twin" (0x7477696e) in the high 32 bits, the low 32 bits of
 * @cookie in the low 32 bits.
 */
__bpf_kfunc u64 modkfunc_same_name(u64 cookie)
{
	mkf_count(&twin, MKF_modkfunc_same_name);
	return (u64)MODKFUNC_TWIN_IDENTITY << 32 | (u32)cookie;
}

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(modkfunc_twin_ids)
MODKFUNC_TWIN_KFUNCS(MKF_BTF_ID)
BTF_KFUNCS_END(modkfunc_twin_ids)

static const struct mkf_provider modkfunc_twin = {
	.name = "modkfunc_twin",
	.counters = &twin,
	.common = { .owner = THIS_MODULE, .set = &modkfunc_twin_ids },
};
module_mkf_provider(modkfunc_twin);

MODULE_DESCRIPTION("kfunc provider exporting a kfunc name modkfunc exports too");
MODULE_LICENSE("GPL");

/* As in modkfunc_peer.c: one object, so no "ld -r". */
#include "provider.c"
