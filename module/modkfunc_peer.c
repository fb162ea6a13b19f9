// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_peer: a second kfunc provider with its own module BTF. A program
 * that calls both modules needs two fd_array slots, and a kfunc with the
 * same signature as one in modkfunc shows which module a call reached.
 */
#include <linux/bpf.h>

#include "compat.h"
#include "modkfunc_abi.h"
#include "provider.h"

/* Every kfunc, once: X(kfunc, flags), as in modkfunc.c. */
#define MODKFUNC_PEER_KFUNCS(X)						\
	X(modkfunc_peer_whoami, 0)

MKF_COUNTERS(peer, MODKFUNC_PEER_KFUNCS);

__bpf_kfunc_start_defs();

/**
 * modkfunc_peer_whoami() - name the module that answered
 * @cookie: echoed back, so a call site can be told from another
 *
 * Verifier: a scalar argument; the signature is modkfunc_whoami()'s, so
 * only the module BTF named by the call's insn->off tells them apart.
 * In the common set: every program type may call it.
 *
 * Return: "peer" (0x70656572) in the high 32 bits, the low 32 bits of
 * @cookie in the low 32 bits.
 */
__bpf_kfunc u64 modkfunc_peer_whoami(u64 cookie)
{
	mkf_count(&peer, MKF_modkfunc_peer_whoami);
	return (u64)MODKFUNC_PEER_IDENTITY << 32 | (u32)cookie;
}

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(modkfunc_peer_ids)
MODKFUNC_PEER_KFUNCS(MKF_BTF_ID)
BTF_KFUNCS_END(modkfunc_peer_ids)

static const struct mkf_provider modkfunc_peer = {
	.name = "modkfunc_peer",
	.counters = &peer,
	.common = { .owner = THIS_MODULE, .set = &modkfunc_peer_ids },
};
module_mkf_provider(modkfunc_peer);

MODULE_DESCRIPTION("second kfunc provider for testing BPF module kfunc calls");
MODULE_LICENSE("GPL");

/*
 * The provider code goes into this translation unit, not an object of its
 * own, so that the module is one object Kbuild links without "ld -r": see
 * provider.c.
 */
#include "provider.c"
