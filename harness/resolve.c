// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>

#include "insn.h"
#include "kallsyms.h"
#include "resolve.h"

struct target {
	unsigned long long addr;
	int insn;
};

static struct bpf_insn *xlated_insns(int fd, __u32 *cnt)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	struct bpf_insn *insns;
	__u32 size;

	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len) || !info.xlated_prog_len)
		return NULL;
	size = info.xlated_prog_len;
	insns = malloc(size);
	if (!insns)
		return NULL;
	memset(&info, 0, sizeof(info));
	info.xlated_prog_len = size;
	info.xlated_prog_insns = (__u64)(unsigned long)insns;
	len = sizeof(info);
	if (bpf_obj_get_info_by_fd(fd, &info, &len)) {
		free(insns);
		return NULL;
	}
	*cnt = size / sizeof(*insns);
	return insns;
}

static const struct ksym *unnamed(void)
{
	static const struct ksym none = { 0, "(unknown address)", "(unknown)" };

	return &none;
}

/*
 * Several symbols can share an address: a module's first per-CPU variable
 * sits exactly at vmlinux's __per_cpu_end. Among those aliases the sent
 * name is preferred; a wrong address has no such alias, so this cannot
 * hide a mismatch.
 */
static const struct ksym *name_of(const struct target *t, const char *prefer)
{
	const struct ksym *sym = kallsyms_at(t->addr, prefer);

	return sym ? sym : unnamed();
}

static void set_resolved(struct kfunc_ref *ref, const struct target *t)
{
	const struct ksym *sym = name_of(t, ref->name);

	snprintf(ref->resolved, sizeof(ref->resolved), "%s", sym->name);
	snprintf(ref->resolved_module, sizeof(ref->resolved_module), "%s",
		 sym->module);
	ref->state = !strcmp(ref->name, sym->name) &&
		     !strcmp(ref->btf, sym->module) ? CALL_MATCH : CALL_MISMATCH;
}

static bool same(const struct kfunc_ref *ref, const struct target *t)
{
	const struct ksym *sym = name_of(t, ref->name);

	return !strcmp(ref->name, sym->name) && !strcmp(ref->btf, sym->module);
}

/*
 * Pairs sent references with xlated targets. The verifier keeps the order
 * of what it keeps, so with equal counts the pairing is positional; when it
 * removed dead or inlined calls, each target is paired with the next sent
 * reference that names it. Returns the targets left with no sent reference.
 */
static int pair(struct kfunc_ref *refs, int nr_refs, const struct target *t,
		int nr_t)
{
	int i, j = 0, unexpected = 0;

	if (nr_refs == nr_t) {
		for (i = 0; i < nr_t; i++)
			set_resolved(&refs[i], &t[i]);
		return 0;
	}
	for (i = 0; i < nr_t; i++) {
		while (j < nr_refs && !same(&refs[j], &t[i]))
			j++;
		if (j == nr_refs) {
			fprintf(stderr, "kfcheck: xlated insn %d refers to %s [%s], which nothing sent names\n",
				t[i].insn, name_of(&t[i], NULL)->name,
				name_of(&t[i], NULL)->module);
			unexpected++;
			continue;
		}
		set_resolved(&refs[j++], &t[i]);
	}
	return unexpected;
}

/* Kfunc calls hold the target relative to __bpf_call_base (x86-64). */
static int call_targets(const struct bpf_insn *x, __u32 cnt, struct target *t)
{
	static unsigned long long base;
	int n = 0;
	__u32 i;

	/* A name lookup is a scan of every symbol: once is enough. */
	if (!base)
		base = kallsyms_addr("__bpf_call_base");
	for (i = 0; i < cnt; i++) {
		if (!is_kfunc_call(&x[i]))
			continue;
		t[n].addr = base + (long long)x[i].imm;
		t[n++].insn = i;
	}
	return n;
}

/*
 * Ksym loads become plain 64-bit immediates holding the symbol's address.
 * A constant could equal an address by chance; pair() then reports it.
 * 0 is skipped: it is what libbpf before 1.2 loads for an unresolved weak
 * ksym, and per-CPU symbols such as fixed_percpu_data sit at 0 in kallsyms.
 */
static int ksym_targets(const struct bpf_insn *x, __u32 cnt, struct target *t)
{
	unsigned long long addr;
	int n = 0;
	__u32 i;

	for (i = 0; i + 1 < cnt; i++) {
		if (!is_ld_imm64(&x[i]))
			continue;
		addr = (unsigned long long)(__u32)x[i].imm |
		       (unsigned long long)(__u32)x[i + 1].imm << 32;
		if (!x[i].src_reg && addr && kallsyms_at(addr, NULL)) {
			t[n].addr = addr;
			t[n++].insn = i;
		}
		i++;
	}
	return n;
}

int resolve_calls(int prog_fd, call_fn fn, void *ctx)
{
	struct bpf_insn *x;
	struct target *t;
	__u32 cnt;
	int i, n = -1;

	if (!kallsyms_ready())
		return -1;
	x = xlated_insns(prog_fd, &cnt);
	t = x ? calloc(cnt, sizeof(*t)) : NULL;
	if (t) {
		n = call_targets(x, cnt, t);
		for (i = 0; i < n; i++)
			fn(t[i].insn, x[t[i].insn].off, name_of(&t[i], NULL), ctx);
	}
	free(t);
	free(x);
	return n;
}

int resolve_helper_calls(int prog_fd)
{
	struct bpf_insn *x;
	__u32 cnt, i;
	int n = 0;

	x = xlated_insns(prog_fd, &cnt);
	if (!x)
		return -1;
	for (i = 0; i < cnt; i++)
		n += is_helper_call(&x[i]);
	free(x);
	return n;
}

void resolve_view(struct load_record *rec)
{
	struct bpf_insn *x;
	struct target *t;
	__u32 cnt;
	int n;

	if (!rec->nr_calls && !rec->nr_ksyms)
		return;
	if (!kallsyms_ready()) {
		fprintf(stderr, "kfcheck: /proc/kallsyms shows no addresses: cannot resolve calls (run as root)\n");
		return;
	}
	x = xlated_insns(rec->fd, &cnt);
	t = x ? calloc(cnt, sizeof(*t)) : NULL;
	if (!t) {
		fprintf(stderr, "kfcheck: %s: cannot read the xlated program\n", rec->name);
		free(x);
		return;
	}
	n = call_targets(x, cnt, t);
	rec->unexpected = pair(rec->calls, rec->nr_calls, t, n);
	n = ksym_targets(x, cnt, t);
	rec->unexpected += pair(rec->ksyms, rec->nr_ksyms, t, n);
	free(t);
	free(x);
}
