// SPDX-License-Identifier: GPL-2.0
/*
 * A scalar passed where the kfunc wants a pointer to a module struct.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_scalar_as_pointer");

__u64 reject_value = 1;

SEC("syscall")
int scalar_as_pointer(void *ctx)
{
	return modkfunc_obj_tag((struct modkfunc_obj *)reject_value);
}

char LICENSE[] SEC("license") = "GPL";
