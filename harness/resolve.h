/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The resolved view: what the verifier made of each kfunc call and ksym
 * load, read back from the xlated program and named through kallsyms.
 */
#ifndef KFCHECK_RESOLVE_H
#define KFCHECK_RESOLVE_H

#include "capture.h"

/* Fills in the resolved fields and states of a loaded program's record. */
void resolve_view(struct load_record *rec);

#endif
