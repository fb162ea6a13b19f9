// SPDX-License-Identifier: GPL-2.0
/*
 * The main input of the statically linked object (bpftool gen object):
 * programs that call the two library objects' global functions through
 * extern declarations, and kfuncs of their own: vmlinux's pair (off 0).
 * Linked, the object's kfunc externs are those of all three inputs, and
 * libbpf gives module BTFs fd_array slots in the order of the sorted
 * extern names: modkfunc_peer_whoami before modkfunc_scalar_add and
 * modkfunc_whoami, so modkfunc_peer gets slot 1 and modkfunc slot 2,
 * although modkfunc's library comes first in the link.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

/* Defined in linked_lib_modkfunc.bpf.c and linked_lib_peer.bpf.c. */
extern __u64 lib_modkfunc_ids(__u64 cookie);
extern __u64 lib_peer_ids(__u64 cookie);

__u64 lk_cookie = 0x51;
__u64 lk_modkfunc, lk_peer, lk_vmlinux, lk_reverse, lk_weak;

SEC("syscall")
int linked_calls(void *ctx)
{
	lk_modkfunc = lib_modkfunc_ids(lk_cookie);
	lk_peer = lib_peer_ids(lk_cookie);
	lk_vmlinux = vmlinux_pair();
	return 0;
}

/* A second program: the same slots, whichever library it calls first. */
SEC("syscall")
int linked_reverse(void *ctx)
{
	lk_reverse = lib_peer_ids(lk_cookie + 1) ^ lib_modkfunc_ids(lk_cookie + 1);
	return 0;
}

/* As weak_missing.bpf.c, in a linked object. */
SEC("syscall")
int linked_weak(void *ctx)
{
	lk_weak = bpf_ksym_exists(modkfunc_missing) ? modkfunc_missing(4) : 99;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
