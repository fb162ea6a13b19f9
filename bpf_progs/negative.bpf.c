// SPDX-License-Identifier: GPL-2.0
/*
 * The verifier contract for module kfuncs: programs the kernel must refuse,
 * each tagged with the refusal it expects (expect.bpf.h). kfcheck loads
 * them one at a time, so one object holds them all. Those that cannot
 * share it: a program that is not GPL (the license is per object, in
 * negative_non_gpl.bpf.c), and a strong extern no BTF has, which libbpf
 * refuses for the whole object before any program is loaded
 * (negative_unresolved.bpf.c).
 *
 * Inputs are globals, not constants, so that the verifier cannot fold
 * them away.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "expect.bpf.h"
#include "modkfunc.bpf.h"

__u64 reject_value = 1;
__u8 reject_bytes[8];

SEC("syscall")
__description("a kfunc called from a program type its set is not registered for is refused")
__rejected("kfunc_not_allowed_for_type")
int pkt_from_syscall(void *ctx)
{
	return modkfunc_pkt_tag(reject_value);
}

SEC("syscall")
__description("a scalar passed where a pointer to a module struct is expected is refused")
__rejected("kfunc_scalar_as_pointer")
int scalar_as_pointer(void *ctx)
{
	return modkfunc_obj_tag((struct modkfunc_obj *)reject_value);
}

SEC("syscall")
__description("an acquired object that no path releases is refused")
__rejected("kfunc_unreleased_reference")
int unreleased(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(reject_value);

	return obj ? 1 : 0;
}

SEC("syscall")
__description("releasing an object the program no longer holds is refused")
__rejected("kfunc_release_unacquired")
int release_unacquired(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(reject_value);

	if (!obj)
		return 0;
	modkfunc_obj_release(obj);
	modkfunc_obj_release(obj);
	return 0;
}

SEC("syscall")
__description("a KF_RET_NULL result used without a NULL check is refused")
__rejected("kfunc_ret_null_unchecked")
int ret_null_unchecked(void *ctx)
{
	struct modkfunc_obj *obj = modkfunc_obj_acquire(reject_value);
	__u64 tag = modkfunc_obj_tag(obj);

	if (obj)
		modkfunc_obj_release(obj);
	return tag;
}

SEC("tc")
__description("a sleepable kfunc called from a non-sleepable program is refused")
__rejected("kfunc_sleepable_from_non_sleepable")
int sleepable_from_tc(struct __sk_buff *skb)
{
	return modkfunc_sleepable_yield(reject_value);
}

SEC("syscall")
__description("a destructive kfunc is refused with EACCES when the loader lacks CAP_SYS_BOOT")
__rejected("kfunc_destructive_no_cap_sys_boot")
__without_cap("sys_boot")
int destructive_no_cap(void *ctx)
{
	return modkfunc_destructive_noop(reject_value);
}

SEC("syscall")
__description("a value computed at run time passed to a __k argument is refused")
__rejected("kfunc_nonconst_k")
__needs("const_arg_k")
int nonconst_k(void *ctx)
{
	return modkfunc_const_scale(1, reject_value);
}

SEC("syscall")
__description("a __sz size beyond the buffer it describes is refused")
__rejected("kfunc_sz_out_of_bounds")
int sz_out_of_bounds(void *ctx)
{
	return modkfunc_mem_sum(reject_bytes, sizeof(reject_bytes) * 2);
}

/* __opt lets a program leave the buffer out, not pass a short one. */
SEC("syscall")
__description("an __opt buffer that is passed must hold the size given with it")
__rejected("opt_buffer_short")
int opt_buffer_short(void *ctx)
{
	return modkfunc_opt_sum(reject_bytes, sizeof(reject_bytes) * 2);
}

/* What modkfunc_ign_is_set() takes unchecked, a checked pointer may not. */
SEC("syscall")
__description("a number that an __ign argument takes is refused for a checked buffer")
__rejected("ign_number_as_buffer")
int ign_number_as_buffer(void *ctx)
{
	return modkfunc_mem_sum((const __u8 *)reject_value, sizeof(reject_bytes));
}

/* The verifier has no dynptr type to give a module's constructor. */
SEC("syscall")
__description("a module kfunc's __uninit dynptr argument is refused, with EINVAL and no message")
__needs("uninit_arg")
__rejected("uninit_module_dynptr")
int uninit_module_dynptr(void *ctx)
{
	struct bpf_dynptr ptr;

	return modkfunc_dynptr_fill(&ptr);
}

SEC("syscall")
__description("a reachable call to an unresolved weak kfunc is refused")
__rejected("weak_kfunc_reachable")
__needs("weak_kfunc_marked")
int weak_reachable(void *ctx)
{
	return modkfunc_missing(reject_value);
}

/*
 * A typed ksym is typed from the module's BTF: the verifier checks each
 * access against struct modkfunc_pcpu_stats, and a program may only read.
 */
SEC("syscall")
__description("a write through a typed ksym is refused: the program may only read it")
__rejected("typed_ksym_write")
int typed_ksym_write(void *ctx)
{
	struct modkfunc_pcpu_stats *stats = (void *)bpf_this_cpu_ptr(&modkfunc_pcpu_stats);

	stats->calls = reject_value;
	return 0;
}

SEC("syscall")
__description("a read past the end of a typed ksym's struct is refused")
__rejected("typed_ksym_overread")
int typed_ksym_overread(void *ctx)
{
	const __u64 *words = (const void *)bpf_this_cpu_ptr(&modkfunc_pcpu_stats);

	return words[sizeof(struct modkfunc_pcpu_stats) / sizeof(__u64)];
}

char LICENSE[] SEC("license") = "GPL";
