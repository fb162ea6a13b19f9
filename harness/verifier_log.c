// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "verifier_log.h"

#define VERIFIER_LINES 3

static bool is_statistics(const char *line, size_t len)
{
	static const char *const prefixes[] = {
		"processed ", "verification time", "stack depth", "mark_precise",
	};
	size_t i;

	if (!len)
		return true;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(line, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* Appends the @n lines in @start/@lens to @buf and prints them. */
static void emit_lines(char *buf, size_t len, const char *const *start,
		       const size_t *lens, size_t n)
{
	size_t i, l;

	for (i = 0; i < n; i++) {
		fprintf(stderr, "  verifier: %.*s\n", (int)lens[i], start[i]);
		l = strlen(buf);
		snprintf(buf + l, len - l, "%s%.*s", l ? "\n" : "", (int)lens[i],
			 start[i]);
	}
}

/* The last VERIFIER_LINES lines of [log, end) that are not statistics. */
static size_t tail_lines(const char *log, const char *end, const char **start,
			 size_t *lens)
{
	const char *line = log, *nl;
	size_t n = 0, l;

	while (line < end) {
		nl = memchr(line, '\n', (size_t)(end - line));
		l = nl ? (size_t)(nl - line) : (size_t)(end - line);
		if (!is_statistics(line, l)) {
			if (n == VERIFIER_LINES) {
				memmove(start, start + 1, (n - 1) * sizeof(*start));
				memmove(lens, lens + 1, (n - 1) * sizeof(*lens));
				n--;
			}
			start[n] = line;
			lens[n++] = l;
		}
		line = nl ? nl + 1 : end;
	}
	return n;
}

/*
 * From 7.x the verifier follows its error with a report: "Verification
 * failed: ...", then "Reason:" with indented lines, then the source and a
 * suggestion. The verdict and the reason are kept.
 */
static size_t failure_report_lines(const char *report, const char **start,
				   size_t *lens)
{
	const char *line = report, *nl;
	bool in_reason = false;
	size_t n = 0, l;

	while (*line && n < VERIFIER_LINES) {
		nl = strchrnul(line, '\n');
		l = (size_t)(nl - line);
		if (!strncmp(line, "Verification failed:", 20) ||
		    (in_reason && l && line[0] == ' ')) {
			start[n] = line + strspn(line, " ");
			lens[n++] = l - strspn(line, " ");
		}
		if (!l || line[0] != ' ')
			in_reason = !strncmp(line, "Reason:", 7);
		line = *nl ? nl + 1 : nl;
	}
	return n;
}

const char *verifier_log_reason(const char *log, char *buf, size_t len)
{
	const char *start[VERIFIER_LINES] = { NULL }, *report;
	size_t lens[VERIFIER_LINES] = { 0 }, n;

	buf[0] = '\0';
	if (!log)
		return buf;
	report = strstr(log, "\nVerification failed:");
	n = tail_lines(log, report ? report : log + strlen(log), start, lens);
	emit_lines(buf, len, start, lens, n);
	if (report) {
		n = failure_report_lines(report + 1, start, lens);
		emit_lines(buf, len, start, lens, n);
	}
	return buf;
}
