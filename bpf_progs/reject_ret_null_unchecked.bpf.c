// SPDX-License-Identifier: GPL-2.0
/*
 * A KF_RET_NULL result used before any NULL check.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_ret_null_unchecked");

__u64 reject_value = 1;

SEC("syscall")
int ret_null_unchecked(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(reject_value);
	__u64 tag = modkfunc_obj_tag(obj);

	if (obj)
		modkfunc_obj_release(obj);
	return tag;
}

char LICENSE[] SEC("license") = "GPL";
