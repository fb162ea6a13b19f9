// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kallsyms.h"

static struct ksym *syms;
static size_t nr_syms;
static int state;	/* 0 unread, 1 ready, -1 unusable */

static int cmp_addr(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static int add_sym(size_t *cap, unsigned long long addr, const char *name,
		   const char *module)
{
	struct ksym *grown;

	if (nr_syms == *cap) {
		*cap = *cap ? *cap * 2 : 65536;
		grown = realloc(syms, *cap * sizeof(*syms));
		if (!grown)
			return -1;
		syms = grown;
	}
	syms[nr_syms].addr = addr;
	syms[nr_syms].name = strdup(name);
	syms[nr_syms].module = strdup(module);
	if (!syms[nr_syms].name || !syms[nr_syms].module)
		return -1;
	nr_syms++;
	return 0;
}

static int load(void)
{
	char line[512], name[256], module[128];
	unsigned long long addr;
	size_t cap = 0;
	bool any_addr = false;
	const char *path;
	FILE *f;
	char type;
	int n;

	/* Another table can stand in, to show what a wrong resolution looks like. */
	path = getenv("KFCHECK_KALLSYMS");
	f = fopen(path ? path : "/proc/kallsyms", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		n = sscanf(line, "%llx %c %255s [%127[^]]]", &addr, &type, name,
			   module);
		if (n < 3)
			continue;
		if (add_sym(&cap, addr, name, n == 4 ? module : "vmlinux")) {
			fclose(f);
			return -1;
		}
		any_addr |= addr != 0;
	}
	fclose(f);
	qsort(syms, nr_syms, sizeof(*syms), cmp_addr);
	/* Without CAP_SYSLOG every address reads as 0. */
	return any_addr ? 0 : -1;
}

bool kallsyms_ready(void)
{
	if (!state)
		state = load() ? -1 : 1;
	return state > 0;
}

const struct ksym *kallsyms_at(unsigned long long addr, const char *prefer)
{
	size_t lo = 0, hi = nr_syms, i;

	if (!kallsyms_ready())
		return NULL;
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		if (syms[i].addr < addr)
			lo = i + 1;
		else
			hi = i;
	}
	if (lo == nr_syms || syms[lo].addr != addr)
		return NULL;
	for (i = lo; prefer && i < nr_syms && syms[i].addr == addr; i++)
		if (!strcmp(syms[i].name, prefer))
			return &syms[i];
	return &syms[lo];
}

unsigned long long kallsyms_addr(const char *name)
{
	size_t i;

	if (!kallsyms_ready())
		return 0;
	for (i = 0; i < nr_syms; i++)
		if (!strcmp(syms[i].name, name))
			return syms[i].addr;
	return 0;
}

void kallsyms_free(void)
{
	size_t i;

	for (i = 0; i < nr_syms; i++) {
		free((void *)syms[i].name);
		free((void *)syms[i].module);
	}
	free(syms);
	syms = NULL;
	nr_syms = 0;
	state = 0;
}
