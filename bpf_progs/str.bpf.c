// SPDX-License-Identifier: GPL-2.0
/*
 * An __str argument, from every program type: a string in the object's
 * .rodata, at its start and at a constant offset into it. An object of
 * its own, as a kernel without __str has no such kfunc in modkfunc.
 */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

/* const: .rodata, which libbpf freezes before the programs load. */
const char str_name[] = "modkfunc";

/* strlen("modkfunc") * 100 + strlen("kfunc") */
static __always_inline __u64 str(void)
{
	return modkfunc_str_len(str_name) * 100 + modkfunc_str_len(str_name + 3);
}

PROGS_ALL_TYPES(str)

char LICENSE[] SEC("license") = "GPL";
