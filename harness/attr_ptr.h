/* SPDX-License-Identifier: GPL-2.0 */
/* union bpf_attr carries every pointer as a __u64. */
#ifndef KFCHECK_ATTR_PTR_H
#define KFCHECK_ATTR_PTR_H

#include <linux/types.h>

static inline void *u64_ptr(__u64 v)
{
	return (void *)(unsigned long)v;
}

static inline __u64 ptr_u64(const void *p)
{
	return (__u64)(unsigned long)p;
}

#endif
