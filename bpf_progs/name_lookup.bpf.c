// SPDX-License-Identifier: GPL-2.0
/*
 * Which BTF a kfunc name is looked up in, and whose its fd_array slot is.
 * same_name calls a kfunc that modkfunc exports, and modkfunc_twin too
 * when it is loaded; vmlinux_name a vmlinux kfunc whose name
 * modkfunc_shadow exports too (name_lookup.bats).
 * calls_peer and calls_modkfunc each call one module. libbpf's slots
 * belong to the object, so one of them calls off 2 though it has a single
 * module; a light skeleton's belong to the program, so both call off 64.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 nl_cookie = 0x5151;
__u64 nl_same, nl_peer, nl_modkfunc, nl_vmlinux;

SEC("syscall")
int same_name(void *ctx)
{
	nl_same = modkfunc_same_name(nl_cookie);
	return 0;
}

SEC("syscall")
int vmlinux_name(void *ctx)
{
	nl_vmlinux = vmlinux_pair();
	return 0;
}

SEC("syscall")
int calls_peer(void *ctx)
{
	nl_peer = modkfunc_peer_whoami(nl_cookie);
	return 0;
}

SEC("syscall")
int calls_modkfunc(void *ctx)
{
	nl_modkfunc = modkfunc_whoami(nl_cookie);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
