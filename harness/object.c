// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "object.h"

struct bpf_object *object_open(const char *path)
{
	struct bpf_object *obj;
	int err;

	/* libbpf reports a missing file as a bad ELF; say what it is. */
	if (access(path, R_OK)) {
		fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	log_clear();
	obj = bpf_object__open_file(path, NULL);
	err = libbpf_get_error(obj);
	if (err) {
		fprintf(stderr, "kfcheck: %s: not a usable BPF object file: %s\n",
			path, strerror((int)-err));
		log_dump(stderr);
		return NULL;
	}
	return obj;
}

int object_load(struct bpf_object *obj, const char *path)
{
	int err;

	log_clear();
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "kfcheck: %s: load failed: %s\n", path,
			strerror(-err));
		log_dump(stderr);
	}
	return err;
}
