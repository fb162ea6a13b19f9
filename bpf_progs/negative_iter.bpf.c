// SPDX-License-Identifier: GPL-2.0
/*
 * The verifier's contract for a module's open-coded iterator: programs it
 * must refuse (expect.bpf.h). An object of their own, as a kernel without
 * iterators has no module kfunc for these externs, and libbpf would refuse
 * every program of an object that holds them.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

__u64 reject_value = 1;

/* The value the iterator at @it yields next, or 0. */
static __always_inline __u64 next_value(struct bpf_iter_modkfunc_range *it)
{
	__u64 *v = bpf_iter_modkfunc_range_next(it);

	return v ? *v : 0;
}

SEC("syscall")
__description("an iterator that a path leaves undestroyed is refused")
__needs("iter_kfuncs")
__rejected("iter_not_destroyed")
int iter_not_destroyed(void *ctx)
{
	struct bpf_iter_modkfunc_range it;

	bpf_iter_modkfunc_range_new(&it, reject_value, 1, 3);
	return next_value(&it);
}

SEC("syscall")
__description("an iterator used after its destroy is refused")
__needs("iter_kfuncs")
__rejected("iter_used_after_destroy")
int iter_used_after_destroy(void *ctx)
{
	struct bpf_iter_modkfunc_range it;

	bpf_iter_modkfunc_range_new(&it, reject_value, 1, 3);
	bpf_iter_modkfunc_range_destroy(&it);
	return next_value(&it);
}

/*
 * The copy reads the iterator's stack slots, which belong to the verifier's
 * iterator state, not to the program.
 */
SEC("syscall")
__description("an iterator passed by value, as a copy of its state, is refused")
__needs("iter_kfuncs")
__rejected("iter_copied")
int iter_copied(void *ctx)
{
	struct bpf_iter_modkfunc_range it, copy;
	__u64 v;

	bpf_iter_modkfunc_range_new(&it, reject_value, 1, 3);
	__builtin_memcpy(&copy, &it, sizeof(it));
	v = next_value(&copy);
	bpf_iter_modkfunc_range_destroy(&it);
	return v;
}

char LICENSE[] SEC("license") = "GPL";
