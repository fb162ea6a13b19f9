// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <bpf/libbpf.h>

#include "freplace.h"
#include "object.h"

int freplace_parse(struct freplace *f, char *arg)
{
	char *eq = strchr(arg, '='), *colon = strrchr(arg, ':');
	int i;

	if (f->nr == FREPLACE_MAX) {
		fprintf(stderr, "kfcheck: at most %d --attach options\n", FREPLACE_MAX);
		return -1;
	}
	if (!eq || eq == arg || !colon || colon < eq || colon == eq + 1 || !colon[1]) {
		fprintf(stderr, "kfcheck: --attach wants PROG=TARGET_OBJ:FUNC, not '%s'\n", arg);
		return -1;
	}
	*eq = *colon = '\0';
	for (i = 0; i < f->nr; i++) {
		if (!strcmp(f->attach[i].ext, arg)) {
			fprintf(stderr, "kfcheck: --attach names %s twice: an extension replaces one function\n",
				arg);
			return -1;
		}
	}
	f->attach[f->nr].ext = arg;
	f->attach[f->nr].path = eq + 1;
	f->attach[f->nr].func = colon + 1;
	f->attach[f->nr].target = -1;
	f->nr++;
	return 0;
}

/*
 * The target object at @path, opened and loaded once however many name
 * it, by whatever path: two loads would be two targets.
 */
static int target_of(struct freplace *f, const char *path)
{
	struct freplace_target *t;
	struct bpf_program *prog;
	struct stat st;
	int i, n = 0;

	if (stat(path, &st)) {
		fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < f->nr_targets; i++)
		if (f->targets[i].dev == st.st_dev && f->targets[i].ino == st.st_ino)
			return i;
	t = &f->targets[f->nr_targets];
	t->path = path;
	t->dev = st.st_dev;
	t->ino = st.st_ino;
	t->obj = object_open(path);
	if (!t->obj)
		return -1;
	f->nr_targets++;
	bpf_object__for_each_program(prog, t->obj) {
		t->prog = prog;
		n++;
	}
	/* An extension replaces a function of one program: name it by its object. */
	if (n != 1) {
		fprintf(stderr, "kfcheck: %s: an --attach target object must hold one program, not %d\n",
			path, n);
		return -1;
	}
	return object_load(t->obj, path) ? -1 : f->nr_targets - 1;
}

const char *freplace_first_ext(const struct freplace *f, struct bpf_object *obj,
			       bool unattached)
{
	struct bpf_program *prog;
	const char *name;
	int i;

	bpf_object__for_each_program(prog, obj) {
		if (!bpf_program__autoload(prog) || bpf_program__type(prog) != BPF_PROG_TYPE_EXT)
			continue;
		name = bpf_program__name(prog);
		for (i = 0; unattached && i < f->nr; i++)
			if (!strcmp(f->attach[i].ext, name))
				break;
		if (!unattached || i == f->nr)
			return name;
	}
	return NULL;
}

/* The extension each --attach names, checked before any target is loaded. */
static struct bpf_program *named_ext(const struct freplace *f, int i,
				     struct bpf_object *obj, const char *path)
{
	struct bpf_program *prog = bpf_object__find_program_by_name(obj, f->attach[i].ext);

	if (!prog)
		fprintf(stderr, "kfcheck: %s has no program '%s'\n", path, f->attach[i].ext);
	else if (bpf_program__type(prog) != BPF_PROG_TYPE_EXT)
		fprintf(stderr, "kfcheck: %s: --attach is for freplace programs, and %s is not one\n",
			path, f->attach[i].ext);
	else if (!bpf_program__autoload(prog))
		fprintf(stderr, "kfcheck: %s: --attach names %s, which is not among the programs to load\n",
			path, f->attach[i].ext);
	else
		return prog;
	return NULL;
}

int freplace_prepare(struct freplace *f, struct bpf_object *obj, const char *path)
{
	const char *lone;
	int i, err;

	for (i = 0; i < f->nr; i++) {
		f->attach[i].prog = named_ext(f, i, obj, path);
		if (!f->attach[i].prog)
			return -1;
	}
	/* libbpf would refuse it at load, with a line about its own API. */
	lone = freplace_first_ext(f, obj, true);
	if (lone) {
		fprintf(stderr, "kfcheck: %s: %s is an freplace program: give its target with --attach %s=TARGET_OBJ:FUNC\n",
			path, lone, lone);
		return -1;
	}
	for (i = 0; i < f->nr; i++) {
		f->attach[i].target = target_of(f, f->attach[i].path);
		if (f->attach[i].target < 0)
			return -1;
		err = bpf_program__set_attach_target(f->attach[i].prog,
			bpf_program__fd(f->targets[f->attach[i].target].prog), f->attach[i].func);
		if (err == -ENOENT) {
			fprintf(stderr, "kfcheck: %s: its BTF has no function %s for %s to replace\n",
				f->attach[i].path, f->attach[i].func, f->attach[i].ext);
			return -1;
		}
		if (err) {
			fprintf(stderr, "kfcheck: %s: cannot point %s at %s:%s: %s\n", path,
				f->attach[i].ext, f->attach[i].path, f->attach[i].func, strerror(-err));
			return -1;
		}
	}
	return 0;
}

int freplace_attach(struct freplace *f)
{
	struct bpf_link *link;
	int i;

	for (i = 0; i < f->nr; i++) {
		link = bpf_program__attach_freplace(f->attach[i].prog,
			bpf_program__fd(f->targets[f->attach[i].target].prog), f->attach[i].func);
		if (!link) {
			fprintf(stderr, "kfcheck: cannot attach %s to %s:%s: %s\n", f->attach[i].ext,
				f->targets[f->attach[i].target].path, f->attach[i].func,
				strerror(errno));
			return -1;
		}
		f->attach[i].link = link;
	}
	return 0;
}

void freplace_close(struct freplace *f)
{
	int i;

	for (i = 0; i < f->nr; i++) {
		bpf_link__destroy(f->attach[i].link);
		f->attach[i].link = NULL;
	}
	for (i = 0; i < f->nr_targets; i++)
		bpf_object__close(f->targets[i].obj);
	f->nr_targets = 0;
}
