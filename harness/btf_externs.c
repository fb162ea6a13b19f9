// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "btf_externs.h"
#include "object.h"
#include "report.h"

/* The DATASEC of @btf that lists type @id, or "". */
static const char *datasec_of(const struct btf *btf, __u32 id)
{
	const struct btf_var_secinfo *vsi;
	const struct btf_type *t;
	__u32 i, n = btf__type_cnt(btf);
	int j;

	for (i = 1; i < n; i++) {
		t = btf__type_by_id(btf, i);
		if (!btf_is_datasec(t))
			continue;
		vsi = btf_var_secinfos(t);
		for (j = 0; j < btf_vlen(t); j++)
			if (vsi[j].type == id)
				return btf__name_by_offset(btf, t->name_off);
	}
	return "";
}

/* The binding of the ELF symbol @name in @elf's symbol table. */
static const char *bind_of(Elf *elf, const char *name)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	GElf_Sym sym;
	Elf_Data *data;
	const char *sname;
	size_t i;

	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_SYMTAB || !shdr.sh_entsize)
			continue;
		data = elf_getdata(scn, NULL);
		for (i = 0; data && i < shdr.sh_size / shdr.sh_entsize; i++) {
			if (!gelf_getsym(data, (int)i, &sym))
				continue;
			sname = elf_strptr(elf, shdr.sh_link, sym.st_name);
			if (!sname || strcmp(sname, name))
				continue;
			switch (GELF_ST_BIND(sym.st_info)) {
			case STB_GLOBAL:
				return "global";
			case STB_WEAK:
				return "weak";
			default:
				return "local";
			}
		}
	}
	return "none";
}

/* libbpf keeps btf_func_linkage() to itself: a FUNC's vlen is its linkage. */
static void report_all(const struct btf *btf, Elf *elf)
{
	const struct btf_type *t;
	const char *name;
	__u32 i, n = btf__type_cnt(btf);

	for (i = 1; i < n; i++) {
		t = btf__type_by_id(btf, i);
		if (btf_is_func(t) && btf_vlen(t) == BTF_FUNC_EXTERN) {
			name = btf__name_by_offset(btf, t->name_off);
			report_btf_extern(name, "func", datasec_of(btf, i), bind_of(elf, name));
		} else if (btf_is_var(t) && btf_var(t)->linkage == BTF_VAR_GLOBAL_EXTERN) {
			name = btf__name_by_offset(btf, t->name_off);
			report_btf_extern(name, "var", datasec_of(btf, i), bind_of(elf, name));
		}
	}
}

/*
 * The .BTF section of @elf, or NULL after a line saying why not. The
 * btf__parse_elf() of libbpf 1.1 and 1.5 (bookworm, trixie) copies from a
 * .BTF section of type NOBITS, which has no data, and crashes (make fuzz
 * found it); so kfcheck finds the section and hands btf__new() its bytes.
 */
static Elf_Data *btf_section(Elf *elf, const char *path)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	Elf_Data *data;
	const char *name;
	size_t shstrndx;

	if (elf_getshdrstrndx(elf, &shstrndx)) {
		fprintf(stderr, "kfcheck: %s: cannot read its ELF sections: %s\n", path,
			elf_errmsg(-1));
		return NULL;
	}
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &shdr))
			continue;
		name = elf_strptr(elf, shstrndx, shdr.sh_name);
		if (!name || strcmp(name, BTF_ELF_SEC))
			continue;
		data = shdr.sh_type == SHT_PROGBITS ? elf_getdata(scn, NULL) : NULL;
		if (data && data->d_buf && data->d_size)
			return data;
		fprintf(stderr, "kfcheck: %s: its .BTF section holds no data\n", path);
		return NULL;
	}
	fprintf(stderr, "kfcheck: %s: has no .BTF section\n", path);
	return NULL;
}

/* The object's BTF, or NULL after one line saying why not. */
static struct btf *object_btf(Elf *elf, const char *path)
{
	Elf_Data *data = btf_section(elf, path);
	struct btf *btf;
	char msg[128];

	if (!data)
		return NULL;
	btf = btf__new(data->d_buf, (__u32)data->d_size);
	if (!btf) {
		libbpf_strerror(errno, msg, sizeof(msg));
		fprintf(stderr, "kfcheck: %s: cannot read its BTF: %s\n", path, msg);
	}
	return btf;
}

int btf_externs_report(const char *path)
{
	struct btf *btf = NULL;
	Elf *elf = NULL;
	int fd;

	if (object_readable(path))
		return 1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && elf_version(EV_CURRENT) != EV_NONE)
		elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf)
		fprintf(stderr, "kfcheck: %s: cannot read it: %s\n", path,
			fd < 0 ? strerror(errno) : elf_errmsg(-1));
	else if (elf_kind(elf) != ELF_K_ELF)
		fprintf(stderr, "kfcheck: %s: not an ELF file\n", path);
	else
		btf = object_btf(elf, path);
	if (btf)
		report_all(btf, elf);
	btf__free(btf);
	elf_end(elf);
	if (fd >= 0)
		close(fd);
	return btf ? 0 : 1;
}
