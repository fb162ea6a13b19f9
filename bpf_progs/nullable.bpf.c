// SPDX-License-Identifier: GPL-2.0
/* A __nullable argument, given NULL and given an object. */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

__u64 nullable_fallback = 11;
__u64 nullable_tag = 13;

/* fallback * 100 + tag: both calls' results show in one number. */
static __always_inline __u64 nullable(void)
{
	struct modkfunc_obj *obj;
	__u64 without, with;

	without = modkfunc_obj_tag_or(NULL, nullable_fallback);
	obj = modkfunc_obj_acquire(nullable_tag);
	if (!obj)
		return 0;
	with = modkfunc_obj_tag_or(obj, 0);
	modkfunc_obj_release(obj);
	return without * 100 + with;
}

PROGS_ALL_TYPES(nullable)

char LICENSE[] SEC("license") = "GPL";
