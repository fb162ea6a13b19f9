/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a light skeleton's loader wrote, read back from its data after the
 * run. The loader makes each BPF_PROG_LOAD inside the kernel, where no
 * syscall can be watched, so this is the nearest kfcheck gets to a sent
 * view for it: the fd_array slots the loader filled, and each program's
 * kfunc calls and typed ksym loads with the off and imm it patched in.
 */
#ifndef KFCHECK_LSKEL_WRITTEN_H
#define KFCHECK_LSKEL_WRITTEN_H

#include <stdbool.h>

#include <bpf/libbpf.h>

#include "lskel_runtime.h"

/*
 * Whether @fd, which the loader handed back for program @name, still holds
 * it; if not, after one line. A loader can close an fd it made: libbpf's
 * gen_loader before 1.5 closes whatever fd a vmlinux kfunc's slot still
 * names from an earlier program, which can be a later program's own.
 */
bool lskel_fd_holds(int fd, const char *name);
/* One loader_slots record: the map and kfunc BTF slots holding an fd. */
void lskel_report_slots(const struct lskel *l);
/*
 * loader_call and loader_ksym records for one loaded program; -1, after
 * one line, when its instructions are not in the loader's data.
 */
int lskel_report_written(const struct lskel *l, const struct bpf_program *prog);

#endif
