// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_peer: a second kfunc provider with its own module BTF. A program
 * that calls both modules needs two fd_array slots, and a kfunc with the
 * same signature as one in modkfunc shows which module a call reached.
 */
#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/init.h>
#include <linux/module.h>

#include "compat.h"
#include "counters.h"

/* "peer": the high half of what modkfunc_peer_whoami() returns. */
#define MODKFUNC_PEER_IDENTITY 0x70656572ULL

enum { MKF_PEER_whoami, MKF_PEER_NR };

static const char *const peer_names[] = { "modkfunc_peer_whoami" };
static atomic64_t peer_calls[MKF_PEER_NR];
static struct mkf_counters peer = {
	.names = peer_names,
	.calls = peer_calls,
	.nr = MKF_PEER_NR,
};

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
	mkf_count(&peer, MKF_PEER_whoami);
	return MODKFUNC_PEER_IDENTITY << 32 | (u32)cookie;
}

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(modkfunc_peer_ids)
BTF_ID_FLAGS(func, modkfunc_peer_whoami)
BTF_KFUNCS_END(modkfunc_peer_ids)

static const struct btf_kfunc_id_set modkfunc_peer_set = {
	.owner = THIS_MODULE,
	.set = &modkfunc_peer_ids,
};

static int __init modkfunc_peer_init(void)
{
	int err;

	mkf_counters_init(&peer, "modkfunc_peer");
	err = modkfunc_register_sets(&modkfunc_peer_set, NULL);
	if (err) {
		pr_err("modkfunc_peer: registering the kfunc set failed: %d\n",
		       err);
		mkf_counters_exit(&peer);
	}
	return err;
}

static void __exit modkfunc_peer_exit(void)
{
	mkf_counters_exit(&peer);
}

module_init(modkfunc_peer_init);
module_exit(modkfunc_peer_exit);

MODULE_DESCRIPTION("second kfunc provider for testing BPF module kfunc calls");
MODULE_LICENSE("GPL");
