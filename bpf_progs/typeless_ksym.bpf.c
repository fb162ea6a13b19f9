// SPDX-License-Identifier: GPL-2.0
/* A typeless ksym in a module: an address from kallsyms, read as raw memory. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 typeless_addr, typeless_value;

SEC("syscall")
int typeless(void *ctx)
{
	typeless_addr = (__u64)&modkfunc_identity;
	bpf_probe_read_kernel(&typeless_value, sizeof(typeless_value),
			      &modkfunc_identity);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
