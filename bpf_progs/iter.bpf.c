// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc's open-coded iterator from every program type: _new, _next
 * until it returns NULL, _destroy. The verifier proves such a loop by
 * checking that the states at _next converge, not by unrolling it, so the
 * bound is the module's to enforce. The test chooses the range through the
 * globals and checks the sum.
 */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

__u64 iter_first = 1;
__u64 iter_step = 1;
__u32 iter_count = 10;
/* What _new returned in the last program that ran. */
int iter_new_err = 1;

static __always_inline __u64 iter(void)
{
	struct bpf_iter_modkfunc_range it;
	__u64 *v, sum = 0;

	iter_new_err = bpf_iter_modkfunc_range_new(&it, iter_first, iter_step, iter_count);
	while ((v = bpf_iter_modkfunc_range_next(&it)))
		sum += *v;
	bpf_iter_modkfunc_range_destroy(&it);
	return sum;
}

PROGS_ALL_TYPES(iter)

char LICENSE[] SEC("license") = "GPL";
