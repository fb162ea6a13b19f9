// SPDX-License-Identifier: GPL-2.0
/*
 * An __ign argument, from every program type: NULL, a number and a stack
 * pointer, none of which the verifier checks. An object of its own, as a
 * kernel without __ign refuses the number.
 */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

/* A number, not an address: the verifier sees a scalar where a pointer goes. */
__u64 ign_number = 0x1234;

/* One bit per argument that reached the kfunc as non-NULL: 2 and 4 here. */
static __always_inline __u64 ign(void)
{
	__u64 on_stack = 0;

	return modkfunc_ign_is_set(NULL) |
	       modkfunc_ign_is_set((const void *)ign_number) << 1 |
	       modkfunc_ign_is_set(&on_stack) << 2;
}

PROGS_ALL_TYPES(ign)

char LICENSE[] SEC("license") = "GPL";
