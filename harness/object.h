/* SPDX-License-Identifier: GPL-2.0 */
/* Opening and loading a BPF object file, with one-line errors. */
#ifndef KFCHECK_OBJECT_H
#define KFCHECK_OBJECT_H

#include <bpf/libbpf.h>

/*
 * Each returns NULL or a negative errno after printing one line that names
 * the file and the cause, followed by libbpf's own lines where they help.
 */
struct bpf_object *object_open(const char *path);
int object_load(struct bpf_object *obj, const char *path);

#endif
