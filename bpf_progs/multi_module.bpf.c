// SPDX-License-Identifier: GPL-2.0
/*
 * One program calling vmlinux, modkfunc and modkfunc_peer: insn->off 0, 1
 * and 2. libbpf hands out fd_array slots in the order of the extern names,
 * not of the calls: modkfunc_const_scale sorts before modkfunc_peer_*, so
 * modkfunc gets slot 1 and modkfunc_peer slot 2.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 mm_cookie = 0x1234;
__u64 mm_vmlinux, mm_scaled, mm_modkfunc, mm_peer;

SEC("syscall")
int three_modules(void *ctx)
{
	mm_vmlinux = vmlinux_pair();
	mm_scaled = modkfunc_const_scale(mm_cookie, 2);
	mm_modkfunc = modkfunc_whoami(mm_cookie);
	mm_peer = modkfunc_peer_whoami(mm_cookie);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
