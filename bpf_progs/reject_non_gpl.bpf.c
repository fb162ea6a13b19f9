// SPDX-License-Identifier: GPL-2.0
/*
 * Kfuncs are for GPL-compatible programs only, and this one is not.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_from_non_gpl");

__u64 reject_value = 1;

SEC("syscall")
int non_gpl(void *ctx)
{
	return modkfunc_scalar_add(reject_value, 1);
}

char LICENSE[] SEC("license") = "Proprietary";
