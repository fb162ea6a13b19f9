/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfcheck run with struct_ops maps (SEC(".struct_ops")): a struct_ops
 * program runs only when the kernel calls a member of the map it belongs
 * to, so kfcheck attaches every such map after the load and keeps it
 * attached through the runs and --during, whose command is what makes the
 * kernel call it (for modkfunc, a write to its debugfs file "ops").
 */
#ifndef KFCHECK_STRUCT_OPS_H
#define KFCHECK_STRUCT_OPS_H

#include <bpf/libbpf.h>

struct struct_ops_links {
	struct bpf_link **links;
	unsigned int nr;
};

/*
 * Attaches each struct_ops map of @obj, reported as a struct_ops record;
 * 0, or 1 after saying on stderr which map failed, with none left attached.
 */
int struct_ops_attach(struct bpf_object *obj, const char *path, struct struct_ops_links *l);
/* The name of @obj's first struct_ops map, or NULL if it has none. */
const char *struct_ops_first_map(const struct bpf_object *obj);
/* Detaches what struct_ops_attach() attached. */
void struct_ops_detach(struct struct_ops_links *l);

#endif /* KFCHECK_STRUCT_OPS_H */
