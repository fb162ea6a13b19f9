// SPDX-License-Identifier: GPL-2.0
/*
 * A KF_SLEEPABLE kfunc called from a tc program, which may not sleep.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_sleepable_from_non_sleepable");

__u64 reject_value = 1;

SEC("tc")
int sleepable_from_tc(struct __sk_buff *skb)
{
	return modkfunc_sleepable_yield(reject_value);
}

char LICENSE[] SEC("license") = "GPL";
