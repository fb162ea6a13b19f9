// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <bpf/libbpf.h>

#include "log.h"

/* Large enough for a verifier log of a rejected program's relevant tail. */
#define LOG_CAP (64 * 1024)

static bool log_verbose;
static char warnings[LOG_CAP];
static size_t warnings_len;

static int log_print(enum libbpf_print_level level, const char *fmt,
		     va_list args)
{
	va_list copy;
	int n;

	if (level == LIBBPF_WARN && warnings_len < LOG_CAP - 1) {
		va_copy(copy, args);
		n = vsnprintf(warnings + warnings_len, LOG_CAP - warnings_len,
			      fmt, copy);
		va_end(copy);
		if (n > 0)
			warnings_len += (size_t)n < LOG_CAP - warnings_len ?
					(size_t)n : LOG_CAP - 1 - warnings_len;
	}
	if (!log_verbose)
		return 0;
	return vfprintf(stderr, fmt, args);
}

void log_init(bool verbose)
{
	log_verbose = verbose;
	libbpf_set_print(log_print);
}

const char *log_warnings(void)
{
	return warnings;
}

void log_clear(void)
{
	warnings_len = 0;
	warnings[0] = '\0';
}

void log_dump(FILE *out)
{
	const char *line = warnings, *nl;

	while (*line) {
		nl = strchr(line, '\n');
		if (!nl)
			nl = line + strlen(line);
		if (nl > line)
			fprintf(out, "  %.*s\n", (int)(nl - line), line);
		line = *nl ? nl + 1 : nl;
	}
}
