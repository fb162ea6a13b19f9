// SPDX-License-Identifier: GPL-2.0
/*
 * An XDP dispatcher in the shape libxdp uses: one program calling global
 * __noinline slot functions, each a stub that an freplace program
 * (freplace.bpf.c) replaces. The stubs return what the compiler cannot
 * see through, so that the calls stay calls. The dispatcher keeps what
 * each slot returned, and their combination, in its globals.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* What a slot returns until something replaces it. */
#define SLOT_EMPTY 0xe0e0ULL

#define DEFINE_SLOT(n)						\
	__noinline __u64 slot##n(struct xdp_md *ctx)		\
	{							\
		volatile __u64 ret = SLOT_EMPTY;		\
								\
		if (!ctx)					\
			return 0;				\
		return ret;					\
	}

DEFINE_SLOT(0)
DEFINE_SLOT(1)
DEFINE_SLOT(2)

__u64 disp_slot0, disp_slot1, disp_slot2, disp_combined;

SEC("xdp")
int dispatcher(struct xdp_md *ctx)
{
	disp_slot0 = slot0(ctx);
	disp_slot1 = slot1(ctx);
	disp_slot2 = slot2(ctx);
	disp_combined = disp_slot0 ^ disp_slot1 ^ disp_slot2;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
