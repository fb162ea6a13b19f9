// SPDX-License-Identifier: GPL-2.0
/*
 * The module's typed per-CPU variable: a kfunc call on this CPU must show
 * in this CPU's copy, read through a ksym typed from modkfunc's BTF.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 percpu_a = 30, percpu_b = 3;
__u64 percpu_calls_delta, percpu_last_value;

SEC("syscall")
int percpu_typed(void *ctx)
{
	const struct modkfunc_pcpu_stats *stats;
	__u64 before;

	stats = bpf_this_cpu_ptr(&modkfunc_pcpu_stats);
	before = stats->calls;
	modkfunc_scalar_add(percpu_a, percpu_b);
	percpu_calls_delta = stats->calls - before;
	percpu_last_value = stats->last_value;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
