/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An object file's ELF and its own BTF, read by kfcheck rather than by
 * libbpf, for two reasons: libbpf's btf__parse_elf() crashes on a .BTF
 * section without data, every libbpf up to 1.7 loops forever opening
 * an object whose BTF has a cycle of modifiers, and libbpf allocates a
 * struct_ops variable's size from its BTF before checking it (make fuzz
 * found all three).
 */
#ifndef KFCHECK_OBJECT_BTF_H
#define KFCHECK_OBJECT_BTF_H

#include <libelf.h>
#include <stdbool.h>

#include <bpf/btf.h>

struct object_elf {
	int fd;
	Elf *elf;
};

/* NULL, or why @path cannot be read as ELF; close it either way. */
const char *object_elf_open(const char *path, struct object_elf *oe);
void object_elf_close(struct object_elf *oe);

/*
 * The BTF of the .BTF section, checked for reference cycles and for
 * struct_ops variables larger than their section; NULL after a
 * line naming @path and why. With @optional, a missing section is no error:
 * NULL, errno ENOENT and no line.
 */
struct btf *object_elf_btf(const struct object_elf *oe, const char *path, bool optional);

#endif
