/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfcheck's output: JSON lines by default, one record per event, or a
 * table for people with --human. Records:
 *   kfunc_call, ksym   the sent and resolved views of one reference
 *   load               one BPF_PROG_LOAD (reload and the preload auditor)
 *   run                one run of a program
 *   global             one global variable after the runs
 *   reject             a load refused by the kernel or by libbpf
 *   expect             the outcome a negative program declares
 */
#ifndef KFCHECK_REPORT_H
#define KFCHECK_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "capture.h"

void report_init(FILE *out, bool human);
void report_refs(const struct load_record *rec);
void report_load(const struct load_record *rec);
void report_run(const char *prog, const char *type, const char *how,
		unsigned int retval);
void report_global(const char *name, unsigned long long value);
void report_expect(const char *feature);
/* @by is "kernel" or "libbpf"; @message the lines that say why. */
void report_reject(const char *prog, const char *by, int err,
		   const char *message);
/* Prints one line per disagreement between the views; true if any. */
bool report_mismatches(const struct load_record *rec);
/*
 * The lines of a verifier log that say why it refused: the last few before
 * the statistics. Prints each to stderr, and returns them joined by
 * newlines in @buf, or "".
 */
const char *report_verifier_lines(const char *log, char *buf, size_t len);

#endif
