/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shims for kfunc API changes across the kernels modkfunc is tested on.
 * Each is keyed on the symbol itself, not LINUX_VERSION_CODE, because
 * distro stable kernels backport these changes.
 */
#ifndef MODKFUNC_COMPAT_H
#define MODKFUNC_COMPAT_H

#include <linux/btf.h>
#include <linux/btf_ids.h>

/* 6.3 added the annotation that keeps a kfunc's BTF and symbol. */
#ifndef __bpf_kfunc
#define __bpf_kfunc __used noinline
#endif

/* 6.7 added these to silence -Wmissing-prototypes around kfuncs. */
#ifndef __bpf_kfunc_start_defs
#define __bpf_kfunc_start_defs()					\
	__diag_push();							\
	__diag_ignore_all("-Wmissing-prototypes",			\
			  "kfuncs are called from BPF, not from C")
#define __bpf_kfunc_end_defs() __diag_pop()
#endif

/* 6.9 requires kfunc sets to be marked; a plain set8 is then -EINVAL. */
#ifndef BTF_KFUNCS_START
#define BTF_KFUNCS_START(name) BTF_SET8_START(name)
#define BTF_KFUNCS_END(name) BTF_SET8_END(name)
#endif

/* 7.0 made trusted arguments the default for every kfunc and dropped the flag. */
#ifndef KF_TRUSTED_ARGS
#define KF_TRUSTED_ARGS 0
#endif

#endif /* MODKFUNC_COMPAT_H */
