// SPDX-License-Identifier: GPL-2.0
/*
 * Kfuncs are for GPL-compatible programs only. The license belongs to the
 * object, so this refusal needs an object of its own.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

__u64 reject_value = 1;

SEC("syscall")
__description("a program that is not GPL-compatible may not call kfuncs")
__rejected("kfunc_from_non_gpl")
int non_gpl(void *ctx)
{
	return modkfunc_scalar_add(reject_value, 1);
}

char LICENSE[] SEC("license") = "Proprietary";
