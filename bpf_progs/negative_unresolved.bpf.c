// SPDX-License-Identifier: GPL-2.0
/*
 * A strong extern that no BTF has. libbpf resolves the externs of the
 * whole object before it loads any program, so it refuses every program
 * of an object holding one: this one has an object of its own.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

__u64 reject_value = 1;

SEC("syscall")
__description("a strong extern that no BTF has is refused by libbpf before the kernel sees it")
__rejected("extern_not_found")
int strong_missing(void *ctx)
{
	return modkfunc_no_such_kfunc(reject_value);
}

/*
 * Untagged: libbpf refuses it with the rest of the object, while a light
 * skeleton's loader opens modkfunc's BTF for the first call before it
 * fails on the second, and so must close it (lskel_loader.bats).
 */
SEC("syscall")
int present_then_missing(void *ctx)
{
	return modkfunc_scalar_add(reject_value, 1) + modkfunc_no_such_kfunc(reject_value);
}

char LICENSE[] SEC("license") = "GPL";
