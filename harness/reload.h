/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reload mode: the instructions libbpf sent for a program, loaded again
 * with an fd_array the caller chose and insn->off values the caller
 * patched, to test how the kernel reads insn->off.
 *
 * An fd_array is a comma-separated list; each entry is one slot:
 *   vmlinux, MODULE   an fd for that BTF object
 *   nonbtf            an open fd that is not BTF (/dev/null)
 *   NUMBER            that number, as is (-1, or an fd that is not open)
 * or the single word "null", for no fd_array at all. The array ends just
 * before an unmapped page, so a slot past its end faults in the kernel.
 */
#ifndef KFCHECK_RELOAD_H
#define KFCHECK_RELOAD_H

#include "capture.h"

#define RELOAD_MAX_PATCHES 8

struct reload_opts {
	const char *fd_array;	/* NULL: libbpf's own layout is not kept */
	int nr_patches;
	struct {
		int from, to;
	} patch[RELOAD_MAX_PATCHES];
};

/* Returns 0 if the kernel accepted the reload, 1 if it refused, -1 on error. */
int reload_prog(const struct load_record *rec, const struct reload_opts *o);

#endif
