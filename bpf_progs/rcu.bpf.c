// SPDX-License-Identifier: GPL-2.0
/*
 * A KF_RCU argument from every program type: the current task's
 * group_leader, a field the verifier knows to be RCU-protected, read
 * inside bpf_rcu_read_lock(). The syscall program may sleep, so there the
 * section is what makes the pointer acceptable; the others cannot sleep
 * and are read sections as a whole. An object of its own, as a kernel
 * without KF_RCU has no such kfunc in modkfunc.
 */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

/*
 * Every program here runs in kfcheck's context, so the task's tgid is
 * kfcheck_tgid; the difference, 0, is the result, as the tgid itself
 * differs from run to run and the loaders are compared run against run.
 */
static __always_inline __u64 rcu(void)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u64 tgid;

	bpf_rcu_read_lock();
	tgid = modkfunc_task_tgid(task->group_leader);
	bpf_rcu_read_unlock();
	return tgid - kfcheck_tgid;
}

PROGS_ALL_TYPES(rcu)

char LICENSE[] SEC("license") = "GPL";
