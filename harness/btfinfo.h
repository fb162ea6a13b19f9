/* SPDX-License-Identifier: GPL-2.0 */
/* Naming kernel BTF objects and the types inside them. */
#ifndef KFCHECK_BTFINFO_H
#define KFCHECK_BTFINFO_H

#include <stddef.h>
#include <linux/types.h>

/*
 * Fills @name with the name of the BTF object behind @fd ("vmlinux" or a
 * module) and @id with its object id. Returns 0, -EBADF for a bad fd, or
 * -EINVAL when @fd is open but is not a BTF object.
 */
int btfinfo_fd(int fd, char *name, size_t len, __u32 *id);
/* The object id of vmlinux's BTF, or 0. */
__u32 btfinfo_vmlinux_id(void);
/*
 * The name of type @type_id in BTF object @obj_id, and its kind through
 * @kind (BTF_KIND_*); NULL if there is no such type.
 */
const char *btfinfo_type(__u32 obj_id, __u32 type_id, int *kind);
/* An fd for the BTF object called @name, or a negative errno. */
int btfinfo_open_by_name(const char *name);
/*
 * The first function argument in vmlinux's BTF whose name ends in
 * @suffix and is longer than it, such as a kfunc's "factor__k"; or NULL.
 */
const char *btfinfo_vmlinux_param(const char *suffix);
/* 1 if vmlinux's BTF has the function @name, 0 if not, -1 if unreadable. */
int btfinfo_vmlinux_func(const char *name);
void btfinfo_free(void);

#endif
