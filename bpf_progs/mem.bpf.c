// SPDX-License-Identifier: GPL-2.0
/* A __sz buffer and a __k constant, from every program type. */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

__u8 mem_bytes[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

/* sum(mem_bytes) * 3: both kfuncs' results show in one number. */
static __always_inline __u64 mem(void)
{
	return modkfunc_const_scale(modkfunc_mem_sum(mem_bytes, sizeof(mem_bytes)), 3);
}

PROGS_ALL_TYPES(mem)

char LICENSE[] SEC("license") = "GPL";
