// SPDX-License-Identifier: GPL-2.0
/*
 * A KF_DESTRUCTIVE kfunc: the suite loads this without CAP_SYS_BOOT.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_destructive_no_cap_sys_boot");

__u64 reject_value = 1;

SEC("syscall")
int destructive_no_cap(void *ctx)
{
	return modkfunc_destructive_noop(reject_value);
}

char LICENSE[] SEC("license") = "GPL";
