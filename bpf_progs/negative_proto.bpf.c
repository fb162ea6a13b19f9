// SPDX-License-Identifier: GPL-2.0
/*
 * An extern whose prototype is not the module's: modkfunc_scalar_add takes
 * two arguments, and this object declares one. libbpf compares the two
 * prototypes before anything loads and refuses the whole object, so the
 * program has an object of its own, which declares its own externs.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"

extern __u64 modkfunc_scalar_add(__u64 a) __ksym;

__u64 proto_value = 1;

SEC("syscall")
__description("an extern whose prototype does not match the module's kfunc is refused by libbpf")
__rejected("extern_incompatible")
int one_arg_too_few(void *ctx)
{
	return modkfunc_scalar_add(proto_value);
}

char LICENSE[] SEC("license") = "GPL";
