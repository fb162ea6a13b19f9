// SPDX-License-Identifier: GPL-2.0
/*
 * 257 calls to one module kfunc: one more than there are fd_array slots
 * for distinct module BTFs, to show that every call shares one slot.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

#define ADD1 sum = modkfunc_scalar_add(sum, 1);
#define ADD4 ADD1 ADD1 ADD1 ADD1
#define ADD16 ADD4 ADD4 ADD4 ADD4
#define ADD64 ADD16 ADD16 ADD16 ADD16
#define ADD256 ADD64 ADD64 ADD64 ADD64

__u64 many_seed = 1000;
__u64 many_res;

SEC("syscall")
int many_calls(void *ctx)
{
	__u64 sum = many_seed;

	ADD256 ADD1
	many_res = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
