// SPDX-License-Identifier: GPL-2.0
/*
 * Typed ksyms that are not modkfunc's: a vmlinux per-CPU variable, which
 * libbpf sends with BTF fd 0 (vmlinux) in insn[1].imm, and a __weak one
 * that no BTF has, which libbpf sends as a plain load of 0.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

extern struct rq runqueues __ksym;
extern const struct modkfunc_pcpu_stats modkfunc_no_such_var __ksym __weak;

/* Set to what a run cannot leave, so that a run that did not happen shows. */
__u64 ksym_rq_cpu = -1, ksym_this_cpu = -2;
__u64 ksym_weak_addr = 1, ksym_weak_exists = 1;

/* This CPU's run queue knows which CPU it is. */
SEC("syscall")
int vmlinux_percpu(void *ctx)
{
	const struct rq *rq = bpf_this_cpu_ptr(&runqueues);

	ksym_rq_cpu = rq->cpu;
	ksym_this_cpu = bpf_get_smp_processor_id();
	return 0;
}

SEC("syscall")
int weak_var(void *ctx)
{
	ksym_weak_addr = (__u64)&modkfunc_no_such_var;
	ksym_weak_exists = bpf_ksym_exists(&modkfunc_no_such_var);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
