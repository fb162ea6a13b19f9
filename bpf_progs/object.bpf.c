// SPDX-License-Identifier: GPL-2.0
/*
 * Acquire, use through a trusted argument, release; from every program type.
 * The NULL check and the release on every path are what the verifier
 * demands of KF_ACQUIRE | KF_RET_NULL.
 */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

__u64 object_tag = 7;

static __always_inline __u64 object(void)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(object_tag);
	__u64 tag;

	if (!obj)
		return 0;
	tag = modkfunc_obj_tag(obj);
	modkfunc_obj_release(obj);
	return tag;
}

PROGS_ALL_TYPES(object)

char LICENSE[] SEC("license") = "GPL";
