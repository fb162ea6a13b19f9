/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every kfunc and ksym that modkfunc's programs use, declared once so that
 * a signature change in module/ has exactly one place to follow it here.
 */
#ifndef MODKFUNC_BPF_H
#define MODKFUNC_BPF_H

extern __u64 modkfunc_scalar_add(__u64 a, __u32 b) __ksym;

#endif /* MODKFUNC_BPF_H */
