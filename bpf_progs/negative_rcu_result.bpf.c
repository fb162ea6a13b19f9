// SPDX-License-Identifier: GPL-2.0
/*
 * Uses of a KF_RCU_PROTECTED result the verifier refuses (expect.bpf.h):
 * outside a read section, and after it. An object of its own, as a kernel
 * before 6.18 has no such kfunc in modkfunc.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

SEC("syscall")
__description("a KF_RCU_PROTECTED kfunc called outside bpf_rcu_read_lock in a sleepable program is refused")
__needs("rcu_result")
__rejected("rcu_result_outside_section")
int rcu_result_outside_section(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_rcu_obj();

	return obj ? obj->tag : 0;
}

SEC("syscall")
__description("a KF_RCU_PROTECTED result is refused for a trusted argument, even inside the read section")
__needs("rcu_result")
__rejected("rcu_result_not_trusted")
int rcu_result_not_trusted(void *ctx)
{
	struct modkfunc_obj *obj;
	__u64 tag = 0;

	bpf_rcu_read_lock();
	obj = modkfunc_rcu_obj();
	if (obj)
		tag = modkfunc_obj_tag(obj);
	bpf_rcu_read_unlock();
	return tag;
}

/* Inside the section this is rcu_result.bpf.c's program, which loads. */
SEC("syscall")
__description("a KF_RCU_PROTECTED result kept past bpf_rcu_read_unlock is refused for a KF_RCU argument")
__needs("rcu_result")
__rejected("rcu_result_after_section")
int rcu_result_after_section(void *ctx)
{
	struct modkfunc_obj *obj;

	bpf_rcu_read_lock();
	obj = modkfunc_rcu_obj();
	bpf_rcu_read_unlock();
	return obj ? modkfunc_obj_tag_rcu(obj) : 0;
}

char LICENSE[] SEC("license") = "GPL";
