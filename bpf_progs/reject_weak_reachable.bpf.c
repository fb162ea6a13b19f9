// SPDX-License-Identifier: GPL-2.0
/*
 * A call to an unresolved weak kfunc on a path the verifier can reach.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("weak_kfunc_reachable");

__u64 reject_value = 1;

SEC("syscall")
int weak_reachable(void *ctx)
{
	return modkfunc_missing(reject_value);
}

char LICENSE[] SEC("license") = "GPL";
