// SPDX-License-Identifier: GPL-2.0
/*
 * Linked with linked_strong_half.bpf.c: modkfunc_missing, which no module
 * has, is __weak here (modkfunc.bpf.h) and strong there. Alone, this
 * object loads, as weak_missing.bpf.c does; linked, the extern is strong,
 * and libbpf refuses the object.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

__u64 half_res;

SEC("syscall")
int half_weak(void *ctx)
{
	half_res = bpf_ksym_exists(modkfunc_missing) ? modkfunc_missing(1) : 99;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
