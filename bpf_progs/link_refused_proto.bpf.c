// SPDX-License-Identifier: GPL-2.0
/*
 * Refused by the linker, with linked_lib_modkfunc.bpf.c: modkfunc_whoami
 * declared with two parameters, where modkfunc_abi.h gives it one. It
 * cannot include modkfunc.bpf.h, whose declaration would clash.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern __u64 modkfunc_whoami(__u64 cookie, __u64 extra) __ksym;

__noinline __u64 two_param_whoami(__u64 cookie)
{
	return modkfunc_whoami(cookie, 0);
}
