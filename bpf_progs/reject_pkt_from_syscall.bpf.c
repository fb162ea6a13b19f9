// SPDX-License-Identifier: GPL-2.0
/*
 * Expected: rejected by the kernel (EACCES), "calling kernel function
 * modkfunc_pkt_tag is not allowed": the packet set is registered for tc
 * and XDP only, and this is a syscall program.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 reject_value = 1;

SEC("syscall")
int pkt_from_syscall(void *ctx)
{
	return modkfunc_pkt_tag(reject_value);
}

char LICENSE[] SEC("license") = "GPL";
