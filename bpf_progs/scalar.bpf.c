// SPDX-License-Identifier: GPL-2.0
/* Scalar kfunc arguments: the result proves the call reached the module. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#include "modkfunc.bpf.h"

/* Globals, not constants, so the verifier cannot fold the call away. */
__u64 scalar_a = 40;
__u32 scalar_b = 2;

SEC("syscall")
int scalar_add(void *ctx)
{
	return modkfunc_scalar_add(scalar_a, scalar_b);
}

char LICENSE[] SEC("license") = "GPL";
