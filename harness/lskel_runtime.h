/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfcheck --loader lskel: loads an object as a light skeleton would, but
 * at run time. libbpf's gen_loader turns the object into a loader program
 * and its data (what bpftool gen skeleton -L writes into a header), which
 * this runs as the skeleton's bpf_load_and_run() does: the loader program
 * makes every BPF_PROG_LOAD inside the kernel, from a kfunc slot table of
 * its own, and hands back the fds of the programs and maps it made.
 */
#ifndef KFCHECK_LSKEL_RUNTIME_H
#define KFCHECK_LSKEL_RUNTIME_H

#include <bpf/libbpf.h>

struct lskel {
	int nr_maps, nr_progs;
	int *map_fds;		/* by map, in the object's order */
	int *prog_fds;		/* by program; -1 for one not loaded */
	/*
	 * The loader's data as generated, and as the loader left it: the
	 * kfunc slots it filled and the instructions it patched before each
	 * load it made (see lskel_written.h).
	 */
	const void *data;
	void *data_after;
	size_t data_sz;
	/* After a failed lskel_load(): the errno of the load the loader made, if one failed. */
	int load_err;
};

/*
 * Loads the object's selected programs through a generated loader.
 * Returns 0, or -1 after one line naming the file and the cause, then
 * the verifier's reason when the kernel refused a program.
 */
int lskel_load(struct bpf_object *obj, const char *path, struct lskel *l);
/* Closes every fd the loader made. */
void lskel_close(struct lskel *l);

#endif
