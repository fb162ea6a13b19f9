// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_fentry_only() from the one attach point its set's filter
 * allows: fentry on bpf_fentry_test1. negative_filter.bpf.c has the
 * attach points it refuses. An object of its own, as a kernel without set
 * filters has no such kfunc in modkfunc.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "modkfunc.bpf.h"

__u64 filter_value = 14;
__u64 fentry_only_res;

SEC("fentry/bpf_fentry_test1")
int BPF_PROG(fentry_only, int a)
{
	fentry_only_res = modkfunc_fentry_only(filter_value);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
