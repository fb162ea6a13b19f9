// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bpf/bpf.h>

#include "insn.h"
#include "lskel_written.h"
#include "report.h"

/*
 * gen_loader's fd_array: the first thing in the loader's data (libbpf's
 * bpf_gen__init() adds it before anything else), MAX_USED_MAPS map slots
 * then MAX_KFUNC_DESCS kfunc BTF slots. A kfunc past those gets a slot
 * elsewhere in the data; its call's off still says where.
 */
#define GEN_MAP_SLOTS 64
#define GEN_KFUNC_SLOTS 256

/* The indices in [from, to) of slots holding an fd, space-separated. */
static const char *filled(const int *slots, int from, int to, char *buf, size_t len)
{
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = from; i < to && n < len; i++)
		if (slots[i])
			n += snprintf(buf + n, len - n, "%s%d", n ? " " : "", i);
	return buf;
}

/* The kernel keeps BPF_OBJ_NAME_LEN - 1 characters of a program's name. */
bool lskel_fd_holds(int fd, const char *name)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);
	const char *why;

	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		why = strerrorname_np(errno) ?: "?";
	else if (strncmp(info.name, name, sizeof(info.name) - 1))
		why = info.name;
	else
		return true;
	fprintf(stderr, "kfcheck: %s: the light skeleton's loader handed back fd %d, which does not hold the program: %s\n",
		name, fd, why);
	return false;
}

void lskel_report_slots(const struct lskel *l)
{
	char maps[GEN_MAP_SLOTS * 3], kfuncs[GEN_KFUNC_SLOTS * 4];
	const int *slots = l->data_after;

	if (l->data_sz < (GEN_MAP_SLOTS + GEN_KFUNC_SLOTS) * sizeof(int))
		return;
	report_loader_slots(filled(slots, 0, GEN_MAP_SLOTS, maps, sizeof(maps)),
			    filled(slots, GEN_MAP_SLOTS, GEN_MAP_SLOTS + GEN_KFUNC_SLOTS,
				   kfuncs, sizeof(kfuncs)));
}

/*
 * The program's instructions are in the loader's data as libbpf left them
 * after its own relocations; the loader patches that copy in place.
 */
int lskel_report_written(const struct lskel *l, const struct bpf_program *prog)
{
	const struct bpf_insn *insns = bpf_program__insns(prog), *before, *after;
	size_t cnt = bpf_program__insn_cnt(prog), i;
	const char *name = bpf_program__name(prog);
	const char *at;

	at = insns ? memmem(l->data, l->data_sz, insns, cnt * sizeof(*insns)) : NULL;
	if (!at) {
		fprintf(stderr, "kfcheck: %s: its instructions are not in the light skeleton's data\n",
			name);
		return -1;
	}
	before = (const void *)at;
	after = (const void *)((const char *)l->data_after + (at - (const char *)l->data));
	for (i = 0; i < cnt; i++) {
		if (is_kfunc_call(&before[i]))
			report_loader_call(name, i, after[i].off, after[i].imm);
		else if (is_ld_imm64(&before[i]) && i + 1 < cnt) {
			if (before[i].src_reg == BPF_PSEUDO_BTF_ID)
				report_loader_ksym(name, i, after[i].src_reg == BPF_PSEUDO_BTF_ID,
						   after[i].imm, after[i + 1].imm);
			i++;
		}
	}
	return 0;
}
