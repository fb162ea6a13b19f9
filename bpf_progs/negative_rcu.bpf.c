// SPDX-License-Identifier: GPL-2.0
/*
 * RCU pointers the verifier refuses (expect.bpf.h): each where a sleepable
 * program holds no read section. An object of its own, as a kernel
 * without KF_RCU has no such kfunc in modkfunc.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

SEC("syscall")
__description("an RCU-protected field read outside bpf_rcu_read_lock in a sleepable program is refused for a KF_RCU argument")
__needs("rcu_kfunc_arg")
__rejected("rcu_arg_outside_section")
int rcu_arg_outside_section(void *ctx)
{
	return modkfunc_task_tgid(bpf_get_current_task_btf()->group_leader);
}

char LICENSE[] SEC("license") = "GPL";
