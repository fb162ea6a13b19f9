// SPDX-License-Identifier: GPL-2.0
/*
 * The attach points the filter of modkfunc's tracing set refuses
 * modkfunc_fentry_only() to (expect.bpf.h): the verifier asks the filter
 * with the program's attach type and target already known.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

__u64 reject_value = 1;
__u64 reject_res;

SEC("fentry/bpf_fentry_test2")
__description("a filtered kfunc is refused to fentry on another function")
__needs("kfunc_set_filter")
__rejected("kfunc_filtered_out")
int BPF_PROG(fentry_other_target, int a, __u64 b)
{
	reject_res = modkfunc_fentry_only(reject_value);
	return 0;
}

SEC("fexit/bpf_fentry_test1")
__description("a filtered kfunc is refused to fexit on its own function")
__needs("kfunc_set_filter")
__rejected("kfunc_filtered_out")
int BPF_PROG(fexit_same_target, int a, int ret)
{
	reject_res = modkfunc_fentry_only(reject_value);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
