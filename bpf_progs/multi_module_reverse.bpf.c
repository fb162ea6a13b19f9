// SPDX-License-Identifier: GPL-2.0
/*
 * multi_module.bpf.c in reverse: modkfunc_peer is called first and, having
 * the first extern name, gets fd_array slot 1; modkfunc gets slot 2. Two
 * kfuncs of one signature in two modules, with the slots swapped, is what
 * a verifier that caches kfuncs by BTF id alone gets wrong.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 mmr_cookie = 0x5678;
__u64 mmr_vmlinux, mmr_modkfunc, mmr_peer;

SEC("syscall")
int three_modules_reverse(void *ctx)
{
	mmr_peer = modkfunc_peer_whoami(mmr_cookie);
	mmr_modkfunc = modkfunc_whoami(mmr_cookie);
	mmr_vmlinux = vmlinux_pair();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
