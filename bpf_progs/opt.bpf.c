// SPDX-License-Identifier: GPL-2.0
/*
 * An __opt buffer, from every program type: left out (NULL, with a size
 * the verifier then does not check) and given. An object of its own, as a
 * kernel without __opt refuses the NULL call and with it every program.
 */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

/* Writable: the verifier checks an __sz buffer for reads and writes. */
__u8 opt_bytes[4] = { 1, 2, 3, 4 };
/* A global, so the size of the left-out buffer is not a constant. */
__u32 opt_size = 16;

/* Without the buffer the kfunc returns its size: 16 * 100 + 10. */
static __always_inline __u64 opt(void)
{
	return modkfunc_opt_sum(NULL, opt_size) * 100 +
	       modkfunc_opt_sum(opt_bytes, sizeof(opt_bytes));
}

PROGS_ALL_TYPES(opt)

char LICENSE[] SEC("license") = "GPL";
