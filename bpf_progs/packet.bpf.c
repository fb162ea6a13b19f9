// SPDX-License-Identifier: GPL-2.0
/* The packet set: registered for tc and XDP, so only those call it. */
#include "vmlinux.h"
#include "prog_types.bpf.h"
#include "modkfunc.bpf.h"

__u64 packet_value = 20;

static __always_inline __u64 packet(void)
{
	return modkfunc_pkt_tag(packet_value);
}

PROG_TC(packet)
PROG_XDP(packet)

char LICENSE[] SEC("license") = "GPL";
