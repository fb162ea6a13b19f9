// SPDX-License-Identifier: GPL-2.0
/*
 * A value computed at run time passed to a __k argument.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_nonconst_k");

__u64 reject_value = 1;

SEC("syscall")
int nonconst_k(void *ctx)
{
	return modkfunc_const_scale(1, reject_value);
}

char LICENSE[] SEC("license") = "GPL";
