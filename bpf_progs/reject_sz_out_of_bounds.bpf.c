// SPDX-License-Identifier: GPL-2.0
/*
 * A __sz size larger than the buffer it describes.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

KFCHECK_EXPECT("kfunc_sz_out_of_bounds");

__u64 reject_value = 1;

__u8 reject_bytes[8];

SEC("syscall")
int sz_out_of_bounds(void *ctx)
{
	return modkfunc_mem_sum(reject_bytes, sizeof(reject_bytes) * 2);
}

char LICENSE[] SEC("license") = "GPL";
