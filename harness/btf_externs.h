/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfcheck externs OBJECT: the extern FUNCs and VARs of an object file's
 * own BTF, as a linker left them. A kfunc extern is a FUNC with extern
 * linkage that the .ksyms DATASEC lists; its ELF symbol says whether the
 * extern is weak.
 */
#ifndef KFCHECK_BTF_EXTERNS_H
#define KFCHECK_BTF_EXTERNS_H

/* One btf_extern record each; 0, or 1 after a line naming the file and why. */
int btf_externs_report(const char *path);

#endif
