// SPDX-License-Identifier: GPL-2.0
/*
 * An acquired object that no path releases.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_unreleased_reference");

__u64 reject_value = 1;

SEC("syscall")
int unreleased(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(reject_value);

	return obj ? 1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
