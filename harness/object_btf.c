// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include "object_btf.h"

const char *object_elf_open(const char *path, struct object_elf *oe)
{
	oe->elf = NULL;
	oe->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (oe->fd < 0)
		return strerror(errno);
	if (elf_version(EV_CURRENT) != EV_NONE)
		oe->elf = elf_begin(oe->fd, ELF_C_READ, NULL);
	if (!oe->elf)
		return elf_errmsg(-1);
	if (elf_kind(oe->elf) != ELF_K_ELF)
		return "not an ELF file";
	return NULL;
}

void object_elf_close(struct object_elf *oe)
{
	elf_end(oe->elf);
	if (oe->fd >= 0)
		close(oe->fd);
}

/*
 * The section called @name, with its header in @shdr; NULL with errno
 * ENOENT if there is none, EINVAL after a line if the sections are unreadable.
 */
static Elf_Scn *section_named(Elf *elf, const char *name, GElf_Shdr *shdr, const char *path)
{
	Elf_Scn *scn = NULL;
	const char *s;
	size_t shstrndx;

	if (elf_getshdrstrndx(elf, &shstrndx)) {
		fprintf(stderr, "kfcheck: %s: cannot read its ELF sections: %s\n", path,
			elf_errmsg(-1));
		errno = EINVAL;
		return NULL;
	}
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, shdr))
			continue;
		s = elf_strptr(elf, shstrndx, shdr->sh_name);
		if (s && !strcmp(s, name))
			return scn;
	}
	errno = ENOENT;
	return NULL;
}

/* The .BTF section's data; NULL with errno ENOENT if there is none. */
static Elf_Data *btf_section(Elf *elf, const char *path)
{
	Elf_Scn *scn;
	GElf_Shdr shdr;
	Elf_Data *data;

	scn = section_named(elf, BTF_ELF_SEC, &shdr, path);
	if (!scn)
		return NULL;
	/* A NOBITS section has a size and no bytes. */
	data = shdr.sh_type == SHT_PROGBITS ? elf_getdata(scn, NULL) : NULL;
	if (data && data->d_buf && data->d_size && data->d_size <= UINT32_MAX)
		return data;
	fprintf(stderr, "kfcheck: %s: its .BTF section holds no data\n", path);
	errno = EINVAL;
	return NULL;
}

/* The kinds whose one type reference a valid BTF never leads back to. */
static __u32 chain_next(const struct btf_type *t)
{
	switch (btf_kind(t)) {
	case BTF_KIND_PTR:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
	case BTF_KIND_FUNC:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		return t->type;
	case BTF_KIND_ARRAY:
		return btf_array(t)->type;
	default:
		return 0;
	}
}

/*
 * The first type in a cycle of references, or 0. Each type is walked once:
 * a walk that meets a type of its own path has found a cycle, one that
 * meets a finished type or a kind that ends chains has not.
 */
static __u32 find_cycle(const struct btf *btf, unsigned char *state, __u32 n)
{
	enum { UNSEEN, ON_PATH, DONE };
	__u32 start, id, next;

	for (start = 1; start < n; start++) {
		for (id = start; id && id < n && state[id] == UNSEEN; id = next) {
			state[id] = ON_PATH;
			next = chain_next(btf__type_by_id(btf, id));
		}
		if (id && id < n && state[id] == ON_PATH)
			return id;
		for (id = start; id && id < n && state[id] == ON_PATH; id = next) {
			state[id] = DONE;
			next = chain_next(btf__type_by_id(btf, id));
		}
	}
	return 0;
}

/* 0, or -1 after a line naming the type that starts a cycle. */
static int check_cycles(const struct btf *btf, const char *path)
{
	__u32 n = btf__type_cnt(btf), id;
	unsigned char *state = calloc(n, 1);

	if (!state) {
		fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(ENOMEM));
		return -1;
	}
	id = find_cycle(btf, state, n);
	free(state);
	if (!id)
		return 0;
	fprintf(stderr, "kfcheck: %s: its BTF is corrupt: type [%u] refers back to itself\n",
		path, id);
	return -1;
}

/*
 * libbpf allocates each struct_ops variable's type size before it checks
 * that the variable lies inside its section, so one corrupt size costs
 * gigabytes. 0, or -1 after a line naming the variable.
 */
static int check_struct_ops_vars(Elf *elf, const struct btf *btf, const char *path)
{
	__u32 n = btf__type_cnt(btf), id, i;
	const struct btf_var_secinfo *vsi;
	const struct btf_type *t, *v;
	const char *sec, *var;
	GElf_Shdr shdr;
	__s64 size;

	for (id = 1; id < n; id++) {
		t = btf__type_by_id(btf, id);
		sec = btf__name_by_offset(btf, t->name_off);
		if (!btf_is_datasec(t) || !sec || strncmp(sec, ".struct_ops", 11))
			continue;
		if (!section_named(elf, sec, &shdr, path))
			shdr.sh_size = 0;
		vsi = btf_var_secinfos(t);
		for (i = 0; i < btf_vlen(t); i++, vsi++) {
			size = btf__resolve_size(btf, vsi->type);
			if (size >= 0 && (__u64)vsi->offset + (__u64)size <= shdr.sh_size)
				continue;
			v = btf__type_by_id(btf, vsi->type);
			var = v ? btf__name_by_offset(btf, v->name_off) : NULL;
			fprintf(stderr, "kfcheck: %s: its BTF is corrupt: struct_ops variable %s does not fit in its section %s (%llu bytes)\n",
				path, var ? var : "?", sec, (unsigned long long)shdr.sh_size);
			return -1;
		}
	}
	return 0;
}

struct btf *object_elf_btf(const struct object_elf *oe, const char *path, bool optional)
{
	Elf_Data *data = btf_section(oe->elf, path);
	struct btf *btf;
	char msg[128];

	if (!data) {
		if (errno == ENOENT && !optional)
			fprintf(stderr, "kfcheck: %s: has no .BTF section\n", path);
		return NULL;
	}
	btf = btf__new(data->d_buf, (__u32)data->d_size);
	if (!btf) {
		libbpf_strerror(errno, msg, sizeof(msg));
		fprintf(stderr, "kfcheck: %s: cannot read its BTF: %s\n", path, msg);
		return NULL;
	}
	if (check_cycles(btf, path) || check_struct_ops_vars(oe->elf, btf, path)) {
		btf__free(btf);
		errno = EINVAL;
		return NULL;
	}
	return btf;
}
