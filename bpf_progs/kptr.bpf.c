// SPDX-License-Identifier: GPL-2.0
/*
 * A module object in a map, as a referenced kptr. kptr_store acquires one
 * and moves it into the map with bpf_kptr_xchg(), releasing whatever the
 * slot held; kptr_take, run later, moves it out again, reads it and
 * releases it. Between the two the map owns the object, and only
 * modkfunc's destructor can free it if nothing takes it out.
 */
#include "vmlinux.h"
#include "kptr_map.bpf.h"

__u64 kptr_tag = 7;
/* 1 once kptr_store stored an object; 2 if it also released an older one. */
__u64 kptr_stored;
/* The tag of what kptr_take took out, or 0 if the slot was empty. */
__u64 kptr_taken;

SEC("syscall")
int kptr_store(void *ctx)
{
	struct kptr_slot *s = kptr_slot();
	struct modkfunc_obj *obj;

	if (!s)
		return 0;
	obj = modkfunc_obj_acquire(kptr_tag);
	if (!obj)
		return 0;
	kptr_stored = kptr_swap_in(s, obj) ? 2 : 1;
	return 0;
}

SEC("syscall")
int kptr_take(void *ctx)
{
	struct kptr_slot *s = kptr_slot();
	struct modkfunc_obj *obj;

	if (!s)
		return 0;
	obj = bpf_kptr_xchg(&s->obj, NULL);
	if (!obj)
		return 0;
	kptr_taken = modkfunc_obj_tag(obj);
	modkfunc_obj_release(obj);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
