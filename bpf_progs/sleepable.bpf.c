// SPDX-License-Identifier: GPL-2.0
/* A KF_SLEEPABLE kfunc: only sleepable programs may call it, so syscall. */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

__u64 sleepable_value = 21;

static __always_inline __u64 sleepable(void)
{
	return modkfunc_sleepable_yield(sleepable_value);
}

PROG_SYSCALL(sleepable)

char LICENSE[] SEC("license") = "GPL";
