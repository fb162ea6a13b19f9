/* SPDX-License-Identifier: GPL-2.0 */
/* Why the verifier refused a program, read from its log. */
#ifndef KFCHECK_VERIFIER_LOG_H
#define KFCHECK_VERIFIER_LOG_H

#include <stddef.h>

/*
 * The lines of a verifier log that say why it refused: the last few before
 * the statistics, and from 7.x the verdict and reason of the report that
 * follows them. Prints each to stderr, and returns them joined by newlines
 * in @buf, or "".
 */
const char *verifier_log_reason(const char *log, char *buf, size_t len);

#endif
