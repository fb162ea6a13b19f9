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

#define RELOAD_MAX_PATCHES 8

struct reload_opts {
	const char *fd_array;	/* NULL: libbpf's own layout is not kept */
	int nr_patches;
	struct {
		int from, to;
	} patch[RELOAD_MAX_PATCHES];
};

/*
 * The load of one program as the loader sent it, copied with the fds it
 * names: the loader frees and closes its own once the load returns.
 */
struct reload_source;

/*
 * Copies each load of the program called @name from now on, the last
 * accepted one kept; NULL, after printing why, if it cannot.
 */
struct reload_source *reload_watch(const char *name);
/*
 * Loads the copy of the load that returned @prog_fd again, with @o applied.
 * Returns 0 if the kernel accepted the reload, 1 if it refused, -1 on error.
 */
int reload_prog(struct reload_source *src, int prog_fd, const struct reload_opts *o);
/* Stops copying, and frees the copy. */
void reload_source_free(struct reload_source *src);

#endif
