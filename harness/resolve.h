/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The resolved view: what the verifier made of each kfunc call and ksym
 * load, read back from the xlated program and named through kallsyms.
 */
#ifndef KFCHECK_RESOLVE_H
#define KFCHECK_RESOLVE_H

#include "capture.h"

#include "kallsyms.h"

/* Fills in the resolved fields and states of a loaded program's record. */
void resolve_view(struct load_record *rec);

typedef void (*call_fn)(int insn, int off, const struct ksym *target, void *ctx);
/*
 * Calls @fn for each kfunc call in the xlated program @prog_fd, in order,
 * with the insn->off the verifier kept and the target kallsyms names.
 * For loaders whose BPF_PROG_LOAD cannot be captured, such as light
 * skeletons. Returns the number of calls, or -1.
 */
int resolve_calls(int prog_fd, call_fn fn, void *ctx);
/* How many helper calls the verifier left in the program, not inlined. */
int resolve_helper_calls(int prog_fd);

#endif
