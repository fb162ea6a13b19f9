/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The map whose one value owns a modkfunc object in a referenced kptr
 * field, for kptr.bpf.c and the refusals in negative_kptr.bpf.c.
 */
#ifndef KPTR_MAP_BPF_H
#define KPTR_MAP_BPF_H

#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

struct kptr_slot {
	struct modkfunc_obj __kptr_owned *obj;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct kptr_slot);
} kptr_map SEC(".maps");

static __always_inline struct kptr_slot *kptr_slot(void)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&kptr_map, &key);
}

/*
 * kptr_swap_in(s, ptr): moves @ptr into @s's field and releases what the
 * field held; true if it held something. A macro, so that the refusals
 * can pass what the field must not take.
 */
#define kptr_swap_in(s, ptr) ({					\
	struct modkfunc_obj *__old = bpf_kptr_xchg(&(s)->obj, (ptr));	\
									\
	if (__old)							\
		modkfunc_obj_release(__old);				\
	__old != NULL;							\
})

#endif /* KPTR_MAP_BPF_H */
