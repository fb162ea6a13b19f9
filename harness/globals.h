/* SPDX-License-Identifier: GPL-2.0 */
/* A BPF object's global variables: set before load, reported after runs. */
#ifndef KFCHECK_GLOBALS_H
#define KFCHECK_GLOBALS_H

#include <bpf/libbpf.h>

/* Applies "NAME=VALUE" before load; prints why and returns -1 if it cannot. */
int globals_set(struct bpf_object *obj, const char *assignment);
/* Sets NAME to VALUE if the object has it; returns 0 either way, -1 on error. */
int globals_set_if_present(struct bpf_object *obj, const char *name,
			   unsigned long long value);
/*
 * Reports every integer global of a loaded object, read through
 * @map_fds, one per map in the object's order, or the maps' own fds if
 * it is NULL.
 */
void globals_report(struct bpf_object *obj, const int *map_fds);

#endif
