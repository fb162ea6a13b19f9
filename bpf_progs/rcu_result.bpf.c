// SPDX-License-Identifier: GPL-2.0
/*
 * A KF_RCU_PROTECTED result from every program type: modkfunc_rcu_obj()
 * inside bpf_rcu_read_lock(), its tag read before the section ends. An
 * object of its own, as a kernel before 6.18 has no such kfunc in
 * modkfunc.
 */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

/*
 * MODKFUNC_RCU_TAG, read through the RCU pointer and through a KF_RCU
 * kfunc; modkfunc_obj_tag(), which wants a trusted pointer, would refuse it.
 */
static __always_inline __u64 rcu_result(void)
{
	struct modkfunc_obj *obj;
	__u64 tag = 0;

	bpf_rcu_read_lock();
	obj = modkfunc_rcu_obj();
	if (obj && obj->tag == modkfunc_obj_tag_rcu(obj))
		tag = obj->tag;
	bpf_rcu_read_unlock();
	return tag;
}

PROGS_ALL_TYPES(rcu_result)

char LICENSE[] SEC("license") = "GPL";
