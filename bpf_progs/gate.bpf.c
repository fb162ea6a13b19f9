// SPDX-License-Identifier: GPL-2.0
/*
 * Calls modkfunc_gate, a module that may still be in its init or already
 * in its exit (lifetime.bats). An object of its own: libbpf resolves every
 * extern of an object, and the other objects must load without this module.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 gate_cookie = 0x9a7e, gate_result;

SEC("syscall")
int gate_whoami(void *ctx)
{
	gate_result = modkfunc_gate_whoami(gate_cookie);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
