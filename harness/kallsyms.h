/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/kallsyms, for naming the addresses the verifier patched in. */
#ifndef KFCHECK_KALLSYMS_H
#define KFCHECK_KALLSYMS_H

#include <stdbool.h>

struct ksym {
	unsigned long long addr;
	const char *name;
	const char *module;	/* "vmlinux" for the kernel image */
};

/*
 * Loads the table once, from $KFCHECK_KALLSYMS if set; false if it cannot
 * be read or shows no addresses.
 */
bool kallsyms_ready(void);
/* The symbol at exactly @addr, preferring @prefer among aliases; or NULL. */
const struct ksym *kallsyms_at(unsigned long long addr, const char *prefer);
/* The address of @name, or 0. */
unsigned long long kallsyms_addr(const char *name);
void kallsyms_free(void);

#endif
