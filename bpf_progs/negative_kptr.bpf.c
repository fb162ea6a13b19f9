// SPDX-License-Identifier: GPL-2.0
/*
 * What the verifier refuses to put in a map's referenced kptr field
 * (expect.bpf.h). An object of their own, for the map.
 */
#include "vmlinux.h"
#include "expect.bpf.h"
#include "kptr_map.bpf.h"

SEC("syscall")
__description("storing in a kptr field a pointer the program does not own is refused")
__needs("kptr_field")
__rejected("kptr_store_unreferenced")
int kptr_store_unreferenced(void *ctx)
{
	struct kptr_slot *s = kptr_slot();
	struct modkfunc_obj *obj;

	if (!s)
		return 0;
	/* A plain load: the map keeps the reference, the program gets none. */
	obj = s->obj;
	return obj ? kptr_swap_in(s, obj) : 0;
}

SEC("syscall")
__description("storing a vmlinux object in a kptr field of a module type is refused")
__needs("kptr_field")
__rejected("kptr_store_wrong_type")
int kptr_store_wrong_type(void *ctx)
{
	struct kptr_slot *s = kptr_slot();
#ifdef HAVE_KFUNC_bpf_task_from_pid
	struct task_struct *other;
#else
	struct prog_test_ref_kfunc *other;
	unsigned long scratch = 0;
#endif

	if (!s)
		return 0;
#ifdef HAVE_KFUNC_bpf_task_from_pid
	other = bpf_task_from_pid(1);
#else
	other = bpf_kfunc_call_test_acquire(&scratch);
#endif
	return other ? kptr_swap_in(s, other) : 0;
}

char LICENSE[] SEC("license") = "GPL";
