// SPDX-License-Identifier: GPL-2.0
/*
 * A syscall program with one global slot function, as a target for an
 * extension (freplace.bpf.c's ext_pkt_syscall) whose kfunc the verifier
 * must then check as a call from a syscall program.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 sys_slot_res;

__noinline __u64 sys_slot(__u64 value)
{
	volatile __u64 ret = value;

	return ret;
}

SEC("syscall")
int syscall_slot(void *ctx)
{
	sys_slot_res = sys_slot(7);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
