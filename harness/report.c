// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <string.h>

#include <linux/btf.h>

#include "json.h"
#include "report.h"

#define VERIFIER_LINES 3

static FILE *out;
static bool human;
static bool header_done;

void report_init(FILE *f, bool h)
{
	out = f;
	human = h;
}

static const char *state_name(enum call_state state)
{
	switch (state) {
	case CALL_MATCH:
		return "match";
	case CALL_MISMATCH:
		return "MISMATCH";
	default:
		return "unresolved";
	}
}

static const char *kind_name(int kind)
{
	return kind == BTF_KIND_FUNC ? "func" : kind == BTF_KIND_VAR ? "var" : "other";
}

static void ref_json(const char *prog, const struct kfunc_ref *ref, bool call)
{
	struct json j;

	json_begin(&j, out, call ? "kfunc_call" : "ksym");
	json_str(&j, "prog", prog);
	json_int(&j, "insn", ref->insn);
	if (call)
		json_int(&j, "off", ref->off);
	else
		json_str(&j, "kind", kind_name(ref->kind));
	json_int(&j, "imm", ref->imm);
	json_str(&j, "btf", ref->btf);
	json_str(&j, call ? "func" : "name", ref->name);
	json_str(&j, "resolved", ref->resolved);
	json_str(&j, "resolved_module", ref->resolved_module);
	json_str(&j, "state", state_name(ref->state));
	json_end(&j);
}

static void ref_row(const char *prog, const struct kfunc_ref *ref, bool call)
{
	char off[16], resolved[2 * NAME_MAX_LEN + 4] = "-";

	if (!header_done) {
		fprintf(out, "%-22s %5s %4s %-16s %8s  %-28s %-42s %s\n", "PROG",
			"INSN", "OFF", "BTF", "IMM", "SENT", "RESOLVED", "STATE");
		header_done = true;
	}
	snprintf(off, sizeof(off), call ? "%d" : "ksym", ref->off);
	if (ref->resolved[0])
		snprintf(resolved, sizeof(resolved), "%s [%s]", ref->resolved,
			 ref->resolved_module);
	fprintf(out, "%-22s %5d %4s %-16s %8d  %-28s %-42s %s\n", prog,
		ref->insn, off, ref->btf, ref->imm, ref->name, resolved,
		state_name(ref->state));
}

void report_refs(const struct load_record *rec)
{
	int i;

	for (i = 0; i < rec->nr_calls; i++)
		(human ? ref_row : ref_json)(rec->name, &rec->calls[i], true);
	for (i = 0; i < rec->nr_ksyms; i++)
		(human ? ref_row : ref_json)(rec->name, &rec->ksyms[i], false);
}

void report_load(const struct load_record *rec)
{
	struct json j;

	if (human) {
		fprintf(out, "load %s: %s\n", rec->name,
			rec->fd >= 0 ? "accepted" : strerrorname_np(rec->err));
	} else {
		json_begin(&j, out, "load");
		json_str(&j, "prog", rec->name);
		json_bool(&j, "accepted", rec->fd >= 0);
		json_int(&j, "errno", rec->err);
		json_end(&j);
	}
	report_refs(rec);
}

void report_run(const char *prog, const char *type, const char *how,
		unsigned int retval)
{
	struct json j;

	if (human) {
		fprintf(out, "run %s (%s, %s): retval %u\n", prog, type, how, retval);
		return;
	}
	json_begin(&j, out, "run");
	json_str(&j, "prog", prog);
	json_str(&j, "type", type);
	json_str(&j, "how", how);
	json_uint(&j, "retval", retval);
	json_end(&j);
}

void report_global(const char *name, unsigned long long value)
{
	char digits[24];
	struct json j;

	if (human) {
		fprintf(out, "global %s = %llu (0x%llx)\n", name, value, value);
		return;
	}
	json_begin(&j, out, "global");
	json_str(&j, "name", name);
	/* A string: JSON parsers that hold numbers as doubles (jq before
	 * 1.7) would round a u64 such as a kernel address. */
	snprintf(digits, sizeof(digits), "%llu", value);
	json_str(&j, "value", digits);
	json_end(&j);
}

void report_expect(const char *feature)
{
	struct json j;

	if (human) {
		fprintf(out, "expect %s\n", feature);
		return;
	}
	json_begin(&j, out, "expect");
	json_str(&j, "feature", feature);
	json_end(&j);
}

void report_reject(const char *prog, const char *by, int err,
		   const char *message)
{
	struct json j;

	if (human) {
		fprintf(out, "reject %s by %s: %s: %s\n", prog, by,
			err > 0 && strerrorname_np(err) ? strerrorname_np(err) : "-",
			message);
		return;
	}
	json_begin(&j, out, "reject");
	json_str(&j, "prog", prog);
	json_str(&j, "by", by);
	json_int(&j, "errno", err);
	json_str(&j, "error", err > 0 && strerrorname_np(err) ? strerrorname_np(err) : "");
	json_str(&j, "message", message);
	json_end(&j);
}

bool report_mismatches(const struct load_record *rec)
{
	const struct kfunc_ref *ref;
	bool any = rec->unexpected > 0;
	int i;

	for (i = 0; i < rec->nr_calls + rec->nr_ksyms; i++) {
		ref = i < rec->nr_calls ? &rec->calls[i] : &rec->ksyms[i - rec->nr_calls];
		if (ref->state != CALL_MISMATCH)
			continue;
		fprintf(stderr, "kfcheck: %s insn %d: sent %s in %s (off %d), the kernel resolved %s [%s]\n",
			rec->name, ref->insn, ref->name, ref->btf, ref->off,
			ref->resolved, ref->resolved_module);
		any = true;
	}
	return any;
}

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
static size_t report_lines(const char *report, const char **start, size_t *lens)
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

const char *report_verifier_lines(const char *log, char *buf, size_t len)
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
		n = report_lines(report + 1, start, lens);
		emit_lines(buf, len, start, lens, n);
	}
	return buf;
}
