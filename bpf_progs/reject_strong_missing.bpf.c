// SPDX-License-Identifier: GPL-2.0
/*
 * A strong extern that no BTF has: libbpf refuses it before the kernel sees it.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("extern_not_found");

__u64 reject_value = 1;

SEC("syscall")
int strong_missing(void *ctx)
{
	return modkfunc_no_such_kfunc(reject_value);
}

char LICENSE[] SEC("license") = "GPL";
