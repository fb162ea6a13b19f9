// SPDX-License-Identifier: GPL-2.0
/*
 * The packet set is registered for tc and XDP only; this is a syscall program.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_not_allowed_for_type");

__u64 reject_value = 1;

SEC("syscall")
int pkt_from_syscall(void *ctx)
{
	return modkfunc_pkt_tag(reject_value);
}

char LICENSE[] SEC("license") = "GPL";
