// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_gate: a kfunc provider whose init or exit waits until the test
 * opens the gate, so that a test can load a program against it while it
 * is still COMING (its BTF and kfunc set registered, its init not done)
 * or already GOING (rmmod under way, its exit not done).
 *
 *   insmod modkfunc_gate.ko hold=init   init waits, after registering
 *   insmod modkfunc_gate.ko hold=exit   exit will wait, when rmmod comes
 *   echo 1 >/sys/module/modkfunc_gate/parameters/open   opens the gate
 *
 * The wait is bounded (GATE_MAX_WAIT), so a test that dies with the gate
 * shut leaves a module that finishes its init or exit by itself.
 */
#include <linux/bpf.h>
#include <linux/completion.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include "compat.h"
#include "modkfunc_abi.h"
#include "provider.h"

#define GATE_MAX_WAIT (120 * HZ)

static char *hold = "";
module_param(hold, charp, 0444);
MODULE_PARM_DESC(hold, "\"init\" or \"exit\": which of them waits for the gate to open");

static DECLARE_COMPLETION(gate_opened);

static int gate_open_set(const char *val, const struct kernel_param *kp)
{
	complete_all(&gate_opened);
	return 0;
}

static const struct kernel_param_ops gate_open_ops = {
	.set = gate_open_set,
};
module_param_cb(open, &gate_open_ops, NULL, 0200);
MODULE_PARM_DESC(open, "any write opens the gate");

static void gate_wait(const char *stage)
{
	if (strcmp(hold, stage))
		return;
	pr_info("modkfunc_gate: %s waits for the gate\n", stage);
	if (!wait_for_completion_timeout(&gate_opened, GATE_MAX_WAIT))
		pr_notice("modkfunc_gate: %s gave up waiting for the gate\n", stage);
}

#define MODKFUNC_GATE_KFUNCS(X)						\
	X(modkfunc_gate_whoami, 0)

MKF_COUNTERS(gate, MODKFUNC_GATE_KFUNCS);

__bpf_kfunc_start_defs();

/**
 * modkfunc_gate_whoami() - name the module that answered
 * @cookie: echoed back, so a call site can be told from another
 *
 * Verifier: a scalar argument. In the common set. The verifier takes a
 * reference on this module for a program that calls it, which it cannot
 * do while the module is COMING or GOING: such a load is refused.
 *
 * Return: "gate" (0x67617465) in the high 32 bits, the low 32 bits of
 * @cookie in the low 32 bits.
 */
__bpf_kfunc u64 modkfunc_gate_whoami(u64 cookie)
{
	mkf_count(&gate, MKF_modkfunc_gate_whoami);
	return (u64)MODKFUNC_GATE_IDENTITY << 32 | (u32)cookie;
}

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(modkfunc_gate_ids)
MODKFUNC_GATE_KFUNCS(MKF_BTF_ID)
BTF_KFUNCS_END(modkfunc_gate_ids)

static const struct mkf_provider modkfunc_gate = {
	.name = "modkfunc_gate",
	.counters = &gate,
	.common = { .owner = THIS_MODULE, .set = &modkfunc_gate_ids },
};

/* The kfunc set is registered before the wait, as a COMING module's is. */
static int __init modkfunc_gate_init(void)
{
	int err = mkf_provider_init(&modkfunc_gate);

	if (!err)
		gate_wait("init");
	return err;
}
module_init(modkfunc_gate_init);

static void __exit modkfunc_gate_exit(void)
{
	gate_wait("exit");
	mkf_provider_exit(&modkfunc_gate);
}
module_exit(modkfunc_gate_exit);

MODULE_DESCRIPTION("kfunc provider whose init or exit waits for the test");
MODULE_LICENSE("GPL");

/* As in modkfunc_peer.c: one object, so no "ld -r". */
#include "provider.c"
