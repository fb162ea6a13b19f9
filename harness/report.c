// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <linux/btf.h>

#include "json.h"
#include "report.h"

enum field_type {
	FIELD_STR,
	FIELD_INT,
	FIELD_UINT,
	/*
	 * A u64 such as a kernel address: JSON carries it as a decimal
	 * string, because parsers that hold numbers as doubles (jq before
	 * 1.7) would round it; people read it in decimal and hex.
	 */
	FIELD_U64,
	FIELD_BOOL,
};

struct field {
	const char *key;	/* NULL ends a record */
	enum field_type type;
	bool human_only;	/* a column people read; JSON has its parts */
	union {
		const char *str;
		long long num;
		unsigned long long unum;
		bool flag;
	} v;
};

#define STR(k, s) ((struct field){ .key = (k), .type = FIELD_STR, .v.str = (s) })
#define INT(k, n) ((struct field){ .key = (k), .type = FIELD_INT, .v.num = (n) })
#define UINT(k, n) ((struct field){ .key = (k), .type = FIELD_UINT, .v.unum = (n) })
#define U64(k, n) ((struct field){ .key = (k), .type = FIELD_U64, .v.unum = (n) })
#define BOOL(k, b) ((struct field){ .key = (k), .type = FIELD_BOOL, .v.flag = (b) })
#define HUMAN(k, s) \
	((struct field){ .key = (k), .type = FIELD_STR, .human_only = true, .v.str = (s) })
#define END ((struct field){ .key = NULL })

struct record {
	const char *event;
	const struct field *fields;
};

/*
 * How people read each event: {KEY} is that field, {KEY:WIDTH} the same
 * padded as printf's %WIDTHs, and {*} every field the line does not name,
 * as " KEY=VALUE". A field the record lacks reads "-".
 */
static const struct layout {
	const char *event;
	const char *line;
	bool table;		/* a row, under the table's header */
} layouts[] = {
	{ "kfunc_call", "{prog:-22} {insn:5} {off:4} {btf:-16} {imm:8}  {func:-28} {at:-42} {state}", true },
	{ "ksym", "{prog:-22} {insn:5} ksym {btf:-16} {imm:8}  {name:-28} {at:-42} {state}", true },
	{ "load", "load {prog}: {outcome}", false },
	{ "run", "run {prog} ({type}, {how}): {outcome}", false },
	{ "global", "global {name} = {value}", false },
	{ "expect", "expect {prog} {feature}", false },
	{ "reject", "reject {prog} by {by}: {errname}: {message}", false },
	{ "program", "program {prog} ({type}, {section}){*}", false },
	{ "views", "views: sent {sent}, resolved {resolved}, behaved {behaved}: {why}", false },
	{ "loader_call", "loader wrote {prog} insn {insn}: kfunc call off {off} imm {imm}", false },
	{ "loader_ksym", "loader wrote {prog} insn {insn}: ksym btf_id {btf_id} imm {imm} btf_fd {btf_fd}", false },
	{ "loader_slots", "loader's fd_array: maps in slots {map_slots}; kfunc BTFs in {kfunc_slots}", false },
	{ "attach_target", "attach {prog} to {target_prog} (id {target_prog_id}), function {target_func} (BTF id {attach_btf_id})", false },
	{ "during", "during: {cmd}: exit status {status}", false },
	{ "before_load", "before load: {cmd}: exit status {status}", false },
	{ "unload", "unload {module} (refcnt {refcnt}): {outcome}", false },
	{ "btf_extern", "extern {kind} {name} in {datasec}, {bind}", false },
	{ "loaded_prog", "loaded program {id} {name}", false },
	{ "loaded_link", "link {id} of program {prog_id}", false },
	{ "btf_param", "vmlinux BTF argument {name}", false },
	{ "btf_func", "vmlinux BTF function {name}", false },
	{ "struct_ops", "attached struct_ops map {map} (id {id})", false },
};

/* The header is a kfunc_call row of titles, so the two line up. */
static const struct field titles[] = {
	STR("prog", "PROG"), STR("insn", "INSN"), STR("off", "OFF"),
	STR("btf", "BTF"), STR("imm", "IMM"), STR("func", "SENT"),
	STR("at", "RESOLVED"), STR("state", "STATE"), END,
};

static FILE *out;
static void (*format)(const struct record *rec);
static bool header_done;

static void format_json(const struct record *rec)
{
	const struct field *f;
	char digits[24];
	struct json j;

	json_begin(&j, out, rec->event);
	for (f = rec->fields; f->key; f++) {
		if (f->human_only)
			continue;
		switch (f->type) {
		case FIELD_STR:
			json_str(&j, f->key, f->v.str);
			break;
		case FIELD_INT:
			json_int(&j, f->key, f->v.num);
			break;
		case FIELD_UINT:
			json_uint(&j, f->key, f->v.unum);
			break;
		case FIELD_U64:
			snprintf(digits, sizeof(digits), "%llu", f->v.unum);
			json_str(&j, f->key, digits);
			break;
		case FIELD_BOOL:
			json_bool(&j, f->key, f->v.flag);
			break;
		}
	}
	json_end(&j);
}

static const struct layout *layout_of(const char *event)
{
	size_t i;

	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (!strcmp(layouts[i].event, event))
			return &layouts[i];
	return NULL;
}

/* True if @key is the @len characters at @s. */
static bool is_key(const char *key, const char *s, size_t len)
{
	return !strncmp(key, s, len) && !key[len];
}

static const struct field *field_of(const struct field *fields, const char *key,
				    size_t len)
{
	for (; fields->key; fields++)
		if (is_key(fields->key, key, len))
			return fields;
	return NULL;
}

static const char *human_value(const struct field *f, char *buf, size_t len)
{
	if (!f)
		return "-";
	switch (f->type) {
	case FIELD_STR:
		return f->v.str;
	case FIELD_INT:
		snprintf(buf, len, "%lld", f->v.num);
		break;
	case FIELD_UINT:
		snprintf(buf, len, "%llu", f->v.unum);
		break;
	case FIELD_U64:
		snprintf(buf, len, "%llu (0x%llx)", f->v.unum, f->v.unum);
		break;
	case FIELD_BOOL:
		return f->v.flag ? "true" : "false";
	}
	return buf;
}

/* The length of the key in the brace at @brace. */
static size_t key_len(const char *brace)
{
	return strcspn(brace + 1, ":}");
}

static void human_rest(const char *line, const struct field *fields)
{
	const struct field *f;
	const char *p;
	char buf[48];

	for (f = fields; f->key; f++) {
		for (p = strchr(line, '{'); p; p = strchr(p + 1, '{'))
			if (is_key(f->key, p + 1, key_len(p)))
				break;
		if (!p)
			fprintf(out, " %s=%s", f->key, human_value(f, buf, sizeof(buf)));
	}
}

static void human_line(const char *line, const struct field *fields)
{
	const char *p;
	char buf[48];
	size_t len;
	int width;

	for (p = line; *p; p++) {
		if (*p != '{') {
			fputc(*p, out);
			continue;
		}
		len = key_len(p);
		width = p[1 + len] == ':' ? (int)strtol(p + 2 + len, NULL, 10) : 0;
		if (is_key("*", p + 1, len))
			human_rest(line, fields);
		else
			fprintf(out, "%*s", width,
				human_value(field_of(fields, p + 1, len), buf, sizeof(buf)));
		p = strchr(p, '}');
	}
	fputc('\n', out);
}

static void format_human(const struct record *rec)
{
	const struct layout *l = layout_of(rec->event);

	if (l->table && !header_done) {
		human_line(layout_of("kfunc_call")->line, titles);
		header_done = true;
	}
	human_line(l->line, rec->fields);
	fflush(out);
}

void report_init(FILE *f, bool human)
{
	out = f;
	format = human ? format_human : format_json;
}

static const char *loader_name;

void report_set_loader(const char *loader)
{
	loader_name = loader;
}

/* Every record of a light-skeleton load says so, in a field of its own. */
static void emit(const char *event, const struct field *fields)
{
	struct field with_loader[3 + REPORT_MAX_PAIRS + 2];
	struct record rec = { event, fields };
	int n = 0;

	if (loader_name) {
		while (fields[n].key && n < (int)(sizeof(with_loader) / sizeof(with_loader[0])) - 2) {
			with_loader[n] = fields[n];
			n++;
		}
		with_loader[n++] = STR("loader", loader_name);
		with_loader[n] = END;
		rec.fields = with_loader;
	}
	format(&rec);
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

/* The RESOLVED column: "function [module]", or "-" when unresolved. */
static const char *resolved_at(char *buf, size_t len, const char *name,
			       const char *module)
{
	if (!name[0])
		return "-";
	snprintf(buf, len, "%s [%s]", name, module);
	return buf;
}

static const char *errname(int err)
{
	const char *name = err > 0 ? strerrorname_np(err) : NULL;

	return name ? name : "";
}

static void report_ref(const char *prog, const struct kfunc_ref *ref, bool call)
{
	char at[2 * NAME_MAX_LEN + 4];
	const struct field fields[] = {
		STR("prog", prog),
		INT("insn", ref->insn),
		call ? INT("off", ref->off) : STR("kind", kind_name(ref->kind)),
		INT("imm", ref->imm),
		INT("btf_fd", ref->btf_fd),
		STR("btf", ref->btf),
		UINT("btf_id", ref->btf_id),
		STR(call ? "func" : "name", ref->name),
		STR("resolved", ref->resolved),
		STR("resolved_module", ref->resolved_module),
		STR("state", state_name(ref->state)),
		HUMAN("at", resolved_at(at, sizeof(at), ref->resolved,
					ref->resolved_module)),
		END,
	};

	emit(call ? "kfunc_call" : "ksym", fields);
}

void report_refs(const struct load_record *rec)
{
	int i;

	for (i = 0; i < rec->nr_calls; i++)
		report_ref(rec->name, &rec->calls[i], true);
	for (i = 0; i < rec->nr_ksyms; i++)
		report_ref(rec->name, &rec->ksyms[i], false);
}

void report_xlated_call(int insn, int off, const struct ksym *target, void *prog)
{
	char at[2 * NAME_MAX_LEN + 4];
	const struct field fields[] = {
		STR("prog", prog),
		INT("insn", insn),
		INT("off", off),
		STR("resolved", target->name),
		STR("resolved_module", target->module),
		HUMAN("at", resolved_at(at, sizeof(at), target->name, target->module)),
		END,
	};

	emit("kfunc_call", fields);
}

void report_load(const struct load_record *rec)
{
	const char *name = errname(rec->err);
	const struct field fields[] = {
		STR("prog", rec->name),
		BOOL("accepted", rec->fd >= 0),
		INT("errno", rec->err),
		HUMAN("outcome", rec->fd >= 0 ? "accepted" : name[0] ? name : "-"),
		END,
	};

	emit("load", fields);
	report_refs(rec);
}

/* @len bytes as hex into @buf, which holds 2 * @len + 1. */
static char *hex(char *buf, const unsigned char *bytes, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		sprintf(buf + 2 * i, "%02x", bytes[i]);
	buf[2 * len] = '\0';
	return buf;
}

void report_run(const char *prog, const char *type, const struct run_result *res)
{
	char outcome[96], *ctx_out = NULL;
	struct field fields[12] = {
		STR("prog", prog), STR("type", type), STR("how", res->how),
		BOOL("ok", !res->err), INT("errno", res->err),
		STR("error", errname(res->err)), UINT("runs", res->runs),
	};
	int n = 7, len;

	if (res->err) {
		len = snprintf(outcome, sizeof(outcome), "failed: %s", errname(res->err));
	} else {
		fields[n++] = UINT("retval", res->retval);
		len = snprintf(outcome, sizeof(outcome), "retval %u", res->retval);
	}
	if (res->runs > 1)
		len += snprintf(outcome + len, sizeof(outcome) - len, ", %u runs", res->runs);
	if (res->duration_ns) {
		fields[n++] = UINT("duration_ns", res->duration_ns);
		snprintf(outcome + len, sizeof(outcome) - len, ", %u ns each", res->duration_ns);
	}
	if (res->ctx_out_len)
		ctx_out = malloc(2 * res->ctx_out_len + 1);
	if (ctx_out)
		fields[n++] = STR("ctx_out", hex(ctx_out, res->ctx_out, res->ctx_out_len));
	fields[n++] = HUMAN("outcome", outcome);
	fields[n] = END;
	emit("run", fields);
	free(ctx_out);
}

void report_views(bool sent, bool behaved, const char *why)
{
	const struct field fields[] = {
		BOOL("sent", sent), BOOL("resolved", true), BOOL("behaved", behaved),
		STR("why", why), END,
	};

	emit("views", fields);
}

void report_loader_call(const char *prog, int insn, int off, int imm)
{
	const struct field fields[] = {
		STR("prog", prog), INT("insn", insn), INT("off", off), INT("imm", imm), END,
	};

	emit("loader_call", fields);
}

void report_loader_ksym(const char *prog, int insn, bool btf_id, int imm, int btf_fd)
{
	const struct field fields[] = {
		STR("prog", prog), INT("insn", insn), BOOL("btf_id", btf_id),
		INT("imm", imm), INT("btf_fd", btf_fd), END,
	};

	emit("loader_ksym", fields);
}

void report_loader_slots(const char *map_slots, const char *kfunc_slots)
{
	const struct field fields[] = {
		STR("map_slots", map_slots), STR("kfunc_slots", kfunc_slots), END,
	};

	emit("loader_slots", fields);
}

void report_loaded_prog(unsigned int id, const char *name)
{
	const struct field fields[] = { UINT("id", id), STR("name", name), END };

	emit("loaded_prog", fields);
}

void report_loaded_link(unsigned int id, unsigned int prog_id)
{
	const struct field fields[] = { UINT("id", id), UINT("prog_id", prog_id), END };

	emit("loaded_link", fields);
}

void report_btf_param_found(const char *name)
{
	const struct field fields[] = { STR("name", name), END };

	emit("btf_param", fields);
}

void report_btf_func_found(const char *name)
{
	const struct field fields[] = { STR("name", name), END };

	emit("btf_func", fields);
}

void report_struct_ops(const char *map, unsigned int id)
{
	const struct field fields[] = { STR("map", map), UINT("id", id), END };

	emit("struct_ops", fields);
}

void report_global(const char *name, unsigned long long value)
{
	const struct field fields[] = { STR("name", name), U64("value", value), END };

	emit("global", fields);
}

void report_attach_target(const struct load_record *rec)
{
	const struct field fields[] = {
		STR("prog", rec->name),
		STR("target_prog", rec->target_prog),
		UINT("target_prog_id", rec->target_prog_id),
		STR("target_func", rec->target_func),
		UINT("attach_btf_id", rec->attach_btf_id),
		END,
	};

	emit("attach_target", fields);
}

void report_command(const char *event, const char *cmd, int status)
{
	const struct field fields[] = { STR("cmd", cmd), INT("status", status), END };

	emit(event, fields);
}

void report_unload(const char *module, long refcnt, int err)
{
	const char *name = errname(err);
	const struct field fields[] = {
		STR("module", module),
		INT("refcnt", refcnt),
		BOOL("accepted", !err),
		STR("error", name),
		HUMAN("outcome", err ? name : "unloaded"),
		END,
	};

	emit("unload", fields);
}

void report_btf_extern(const char *name, const char *kind, const char *datasec,
		       const char *bind)
{
	const struct field fields[] = {
		STR("name", name),
		STR("kind", kind),
		STR("datasec", datasec),
		STR("bind", bind),
		END,
	};

	emit("btf_extern", fields);
}

void report_expect(const char *prog, const char *feature)
{
	const struct field fields[] = { STR("prog", prog), STR("feature", feature), END };

	emit("expect", fields);
}

void report_reject(const char *prog, const char *by, int err,
		   const char *message)
{
	const char *name = errname(err);
	const struct field fields[] = {
		STR("prog", prog),
		STR("by", by),
		INT("errno", err),
		STR("error", name),
		STR("message", message),
		HUMAN("errname", name[0] ? name : "-"),
		END,
	};

	emit("reject", fields);
}

void report_program(const char *prog, const char *section, const char *type,
		    const struct report_pair *pairs, int nr_pairs)
{
	struct field fields[3 + REPORT_MAX_PAIRS + 1] = {
		STR("prog", prog), STR("section", section), STR("type", type),
	};
	int i, n = 3;

	for (i = 0; i < nr_pairs && i < REPORT_MAX_PAIRS; i++)
		fields[n++] = STR(pairs[i].key, pairs[i].value);
	fields[n] = END;
	emit("program", fields);
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
