// SPDX-License-Identifier: GPL-2.0
/*
 * Probes: programs whose load tells whether the running kernel has a
 * feature that no BTF type or symbol shows. The suite loads them through
 * harness/tests/needs.tsv, before it skips a test for lack of the feature.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

/*
 * Weak, so that the compiler cannot assume the address is set: the
 * program must load it with ld_imm64, which before 6.4 the kernel
 * accepted for variables only.
 */
extern __typeof__(VMLINUX_ACQUIRE) VMLINUX_ACQUIRE __weak;

SEC("syscall")
int ksym_func_address(void *ctx)
{
	return bpf_ksym_exists(VMLINUX_ACQUIRE);
}

char LICENSE[] SEC("license") = "GPL";
