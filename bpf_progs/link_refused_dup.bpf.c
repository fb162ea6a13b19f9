// SPDX-License-Identifier: GPL-2.0
/*
 * Refused by the linker, with linked_lib_modkfunc.bpf.c: a second strong
 * definition of lib_modkfunc_ids().
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__noinline __u64 lib_modkfunc_ids(__u64 cookie)
{
	return cookie;
}
