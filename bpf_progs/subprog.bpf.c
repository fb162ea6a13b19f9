// SPDX-License-Identifier: GPL-2.0
/*
 * kfunc calls inside subprograms: a static __noinline one, a global one
 * (verified on its own, from its BTF prototype), and one that calls two
 * modules' kfuncs. Two programs of different types call all three, so
 * libbpf appends each subprogram to both, and every copy of a call must
 * keep its module's insn->off.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 sub_cookie = 0x77;
__u64 sub_syscall_res, sub_tc_res;
__u64 sub_syscall_ids, sub_tc_ids;

static __noinline __u64 add_one(__u64 value)
{
	return modkfunc_scalar_add(value, 1);
}

/* Global: the verifier checks it once, against its own prototype. */
__noinline __u64 sub_triple(__u64 value)
{
	return modkfunc_const_scale(value, 3);
}

/* The two modules' identities, in the high and the low half. */
static __noinline __u64 both_identities(__u64 cookie)
{
	return (modkfunc_whoami(cookie) & 0xffffffff00000000ULL) |
	       modkfunc_peer_whoami(cookie) >> 32;
}

SEC("syscall")
int sub_syscall(void *ctx)
{
	sub_syscall_res = add_one(sub_triple(10));
	sub_syscall_ids = both_identities(sub_cookie);
	return 0;
}

SEC("tc")
int sub_tc(struct __sk_buff *skb)
{
	sub_tc_res = add_one(sub_triple(20));
	sub_tc_ids = both_identities(sub_cookie);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
