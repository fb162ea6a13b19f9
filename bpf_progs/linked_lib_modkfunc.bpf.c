// SPDX-License-Identifier: GPL-2.0
/*
 * A library input of the linked object: a global function that calls
 * modkfunc's kfuncs. It has no program; linked_main.bpf.c calls it.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

/* modkfunc's identity and the cookie, plus one. */
__noinline __u64 lib_modkfunc_ids(__u64 cookie)
{
	return modkfunc_scalar_add(modkfunc_whoami(cookie), 1);
}
