// SPDX-License-Identifier: GPL-2.0
/*
 * Strings the verifier refuses for an __str argument (expect.bpf.h): any
 * the program could change after the load. An object of its own, as a
 * kernel without __str has no such kfunc in modkfunc.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

/* .data: a map the program may write. */
char str_writable[] = "modkfunc";

SEC("syscall")
__description("a string in writable global data is refused for an __str argument")
__needs("const_str_arg")
__rejected("str_not_rdonly")
int str_in_data(void *ctx)
{
	return modkfunc_str_len(str_writable);
}

SEC("syscall")
__description("a string on the stack is refused for an __str argument")
__needs("const_str_arg")
__rejected("str_not_map_value")
int str_on_stack(void *ctx)
{
	char name[8];

	__builtin_memcpy(name, str_writable, sizeof(name) - 1);
	name[7] = 0;
	return modkfunc_str_len(name);
}

char LICENSE[] SEC("license") = "GPL";
