// SPDX-License-Identifier: GPL-2.0
/* Scalar arguments, from every program type. */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

/* Globals, not constants, so kfcheck --set can vary the inputs. */
__u64 scalar_a = 40;
__u32 scalar_b = 2;

static __always_inline __u64 scalar(void)
{
	return modkfunc_scalar_add(scalar_a, scalar_b);
}

PROGS_ALL_TYPES(scalar)

char LICENSE[] SEC("license") = "GPL";
