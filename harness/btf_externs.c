// SPDX-License-Identifier: GPL-2.0
#include <gelf.h>
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "btf_externs.h"
#include "object.h"
#include "object_btf.h"
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

int btf_externs_report(const char *path)
{
	struct object_elf oe;
	struct btf *btf = NULL;
	const char *why;

	if (object_readable(path))
		return 1;
	why = object_elf_open(path, &oe);
	if (why)
		fprintf(stderr, "kfcheck: %s: %s\n", path, why);
	else
		btf = object_elf_btf(&oe, path, false);
	if (btf)
		report_all(btf, oe.elf);
	btf__free(btf);
	object_elf_close(&oe);
	return btf ? 0 : 1;
}
