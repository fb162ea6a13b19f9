// SPDX-License-Identifier: GPL-2.0
/*
 * A __weak kfunc that the module has: bpf_ksym_exists() is true and the
 * call runs. Asking about a resolved kfunc needs kernel 6.4 or later.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 weak_value = 4;
__u64 weak_present_res;

SEC("tc")
int weak_present(struct __sk_buff *skb)
{
	weak_present_res = bpf_ksym_exists(modkfunc_pkt_tag) ?
			   modkfunc_pkt_tag(weak_value) : 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
