// SPDX-License-Identifier: GPL-2.0
/*
 * A release of an object the program no longer holds: the second release.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_release_unacquired");

__u64 reject_value = 1;

SEC("syscall")
int release_unacquired(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(reject_value);

	if (!obj)
		return 0;
	modkfunc_obj_release(obj);
	modkfunc_obj_release(obj);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
