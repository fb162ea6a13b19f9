/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfcheck --attach PROG=TARGET_OBJ:FUNC: extension programs
 * (BPF_PROG_TYPE_EXT, SEC("freplace")) and the programs they replace a
 * global function of. kfcheck loads each target object through libbpf,
 * points the extension at the target's fd and function before the
 * extension's object is loaded, and for run attaches it with a link and
 * runs the targets, which is the only way an extension runs.
 */
#ifndef KFCHECK_FREPLACE_H
#define KFCHECK_FREPLACE_H

#include <stdbool.h>
#include <sys/types.h>

#include <bpf/libbpf.h>

#define FREPLACE_MAX 8

struct freplace_target {
	const char *path;		/* the target object file */
	dev_t dev;			/* and its identity */
	ino_t ino;
	struct bpf_object *obj;
	struct bpf_program *prog;	/* its only program */
};

struct freplace {
	struct {
		const char *ext;	/* the extension program's name */
		struct bpf_program *prog;	/* and the program, once found */
		const char *path;	/* the target object file */
		const char *func;	/* the function it replaces */
		int target;		/* in targets[] */
		struct bpf_link *link;
	} attach[FREPLACE_MAX];
	int nr;
	struct freplace_target targets[FREPLACE_MAX];
	int nr_targets;
};

/* Adds one --attach PROG=TARGET_OBJ:FUNC; -1 after a line saying why. */
int freplace_parse(struct freplace *f, char *arg);
/*
 * Loads every target object and points each named extension program of
 * @obj at its target. -1 after a line naming what is wrong.
 */
int freplace_prepare(struct freplace *f, struct bpf_object *obj, const char *path);
/*
 * The first selected extension program of @obj, or with @unattached the
 * first that no --attach names; NULL if there is none.
 */
const char *freplace_first_ext(const struct freplace *f, struct bpf_object *obj,
			       bool unattached);
/* Attaches each loaded extension with a link; -1 after a line saying why. */
int freplace_attach(struct freplace *f);
/* Closes the links, then the target objects. */
void freplace_close(struct freplace *f);

#endif
