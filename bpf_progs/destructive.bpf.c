// SPDX-License-Identifier: GPL-2.0
/* A KF_DESTRUCTIVE kfunc: any type may call it, if the loader has CAP_SYS_BOOT. */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

__u64 destructive_value = 5;

static __always_inline __u64 destructive(void)
{
	return modkfunc_destructive_noop(destructive_value);
}

PROGS_ALL_TYPES(destructive)

char LICENSE[] SEC("license") = "GPL";
