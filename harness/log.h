/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libbpf's warnings, kept so that a failure can quote them (they carry the
 * verifier log) and shown as they come with -v.
 */
#ifndef KFCHECK_LOG_H
#define KFCHECK_LOG_H

#include <stdbool.h>
#include <stdio.h>

void log_init(bool verbose);
/* Every libbpf warning since the last log_clear(), one per line. */
const char *log_warnings(void);
void log_clear(void);
/* Writes the warnings to @out, each line indented. */
void log_dump(FILE *out);

#endif
