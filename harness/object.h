/* SPDX-License-Identifier: GPL-2.0 */
/* Opening and loading a BPF object file, with one-line errors. */
#ifndef KFCHECK_OBJECT_H
#define KFCHECK_OBJECT_H

#include <bpf/libbpf.h>

/* 0 if @path can be read; else -1 after a line naming it and why. */
int object_readable(const char *path);
/*
 * Each prints one line naming the file and the cause on failure, then the
 * lines that support it: the verifier's when the kernel refused a program,
 * libbpf's and a diagnosis when libbpf refused before the kernel saw it.
 */
struct bpf_object *object_open(const char *path);
int object_load(struct bpf_object *obj, const char *path);

#endif
