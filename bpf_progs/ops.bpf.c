// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_ops implemented in BPF: a struct_ops map whose compute() calls
 * modkfunc kfuncs. modkfunc calls it with the number a test writes to its
 * debugfs file "ops" (module/ops.c); kfcheck run attaches the map. An
 * object of its own, as a kernel before 6.10 has no such type in modkfunc.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "modkfunc.bpf.h"

__u32 ops_addend = 1000;

/* (value + ops_addend) * 2, by two modkfunc kfuncs. */
SEC("struct_ops/compute")
__u64 BPF_PROG(ops_compute, __u64 value)
{
	return modkfunc_const_scale(modkfunc_scalar_add(value, ops_addend), 2);
}

SEC(".struct_ops")
struct modkfunc_ops ops_impl = {
	.compute = (void *)ops_compute,
};

char LICENSE[] SEC("license") = "GPL";
