// SPDX-License-Identifier: GPL-2.0
/*
 * Extension programs for dispatcher.bpf.c's slots. Each is its own
 * BPF_PROG_LOAD of type BPF_PROG_TYPE_EXT, with its own fd_array, whose
 * target (attach_prog_fd, attach_btf_id) kfcheck gives with --attach.
 * The verifier checks the kfunc calls as calls from the target's program
 * type. Each returns what tells the modules it reached apart.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

SEC("freplace")
__u64 ext_modkfunc(struct xdp_md *ctx)
{
	return modkfunc_whoami(1);
}

SEC("freplace")
__u64 ext_peer(struct xdp_md *ctx)
{
	return modkfunc_peer_whoami(2);
}

/* modkfunc's identity in the high half, modkfunc_peer's in the low. */
SEC("freplace")
__u64 ext_both(struct xdp_md *ctx)
{
	return (modkfunc_whoami(3) & 0xffffffff00000000ULL) |
	       modkfunc_peer_whoami(3) >> 32;
}

/*
 * modkfunc_pkt_tag is in modkfunc's tc and XDP set only: callable here,
 * where the target is an XDP program...
 */
SEC("freplace")
__u64 ext_pkt(struct xdp_md *ctx)
{
	return modkfunc_pkt_tag(5);
}

/* ...and refused to an extension of a syscall program (syscall_slot.bpf.c). */
SEC("freplace")
__u64 ext_pkt_syscall(__u64 value)
{
	return modkfunc_pkt_tag(value);
}

char LICENSE[] SEC("license") = "GPL";
