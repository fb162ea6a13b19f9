// SPDX-License-Identifier: GPL-2.0
/*
 * A __weak kfunc that no module has: libbpf leaves it unresolved, the call
 * sits on a path bpf_ksym_exists() makes unreachable, and the program loads.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 weak_value = 4;
__u64 weak_missing_res;

SEC("syscall")
int weak_missing(void *ctx)
{
	weak_missing_res = bpf_ksym_exists(modkfunc_missing) ?
			   modkfunc_missing(weak_value) : 99;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
