// SPDX-License-Identifier: GPL-2.0
/*
 * The strong half of linked_weak_half.bpf.c's extern. It declares the
 * extern itself, as modkfunc.bpf.h's declaration is __weak.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern __u64 modkfunc_missing(__u64 value) __ksym;

__noinline __u64 half_strong(__u64 value)
{
	return modkfunc_missing(value);
}
