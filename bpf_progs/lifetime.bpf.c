// SPDX-License-Identifier: GPL-2.0
/*
 * What holds a module while a program is loaded: one program per kind of
 * reference the verifier can take (lifetime.bats), and the program make
 * stress loads while the modules come and go. Each returns what it read,
 * so a test also proves the program ran against the module it holds.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

#define COOKIE 0x11fe

/* This CPU's calls, read through the typed ksym. */
static __always_inline __u64 cpu_calls(void)
{
	const struct modkfunc_pcpu_stats *stats = bpf_this_cpu_ptr(&modkfunc_pcpu_stats);

	return stats->calls;
}

SEC("syscall")
int hold_kfunc(void *ctx)
{
	return (int)modkfunc_whoami(COOKIE);
}

/* Two different kfuncs of one module: one module BTF in fd_array. */
SEC("syscall")
int hold_two_kfuncs(void *ctx)
{
	return (int)modkfunc_scalar_add(modkfunc_whoami(COOKIE), 1);
}

SEC("syscall")
int hold_ksym(void *ctx)
{
	return cpu_calls() > 0;
}

SEC("syscall")
int hold_kfunc_and_ksym(void *ctx)
{
	return (int)modkfunc_whoami(COOKIE) + (cpu_calls() > 0);
}

SEC("syscall")
int hold_both_modules(void *ctx)
{
	return (int)(modkfunc_whoami(COOKIE) ^ modkfunc_peer_whoami(COOKIE));
}

/* Both modules, and an object that must be back before the module goes. */
SEC("syscall")
int stress_both(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(COOKIE);
	__u64 who = modkfunc_whoami(COOKIE) ^ modkfunc_peer_whoami(COOKIE);

	if (obj)
		modkfunc_obj_release(obj);
	return (int)(who >> 32);
}

char LICENSE[] SEC("license") = "GPL";
