// SPDX-License-Identifier: GPL-2.0
/*
 * kfcheck: loads any BPF object file and proves where each kfunc call
 * went, by three views that must agree (see README.md):
 *   sent      what the loader put in BPF_PROG_LOAD: insn->off, imm,
 *             fd_array[off]'s BTF object, and the FUNC at imm there
 *   resolved  what the verifier made of it: the xlated call's target,
 *             named through /proc/kallsyms
 *   behaved   what running the program returned and left in its globals
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "btf_externs.h"
#include "btfinfo.h"
#include "capture.h"
#include "fd_leaks.h"
#include "freplace.h"
#include "globals.h"
#include "kallsyms.h"
#include "log.h"
#include "lskel_runtime.h"
#include "lskel_written.h"
#include "module_unload.h"
#include "object.h"
#include "prog_tags.h"
#include "reload.h"
#include "report.h"
#include "resolve.h"
#include "run_inputs.h"
#include "struct_ops.h"
#include "testrun.h"

#define MAX_SETS 32

enum command {
	CMD_LOAD,
	CMD_RUN,
	CMD_RELOAD,
	CMD_LIST,
	CMD_PROGS,
	CMD_BTF_PARAM,
	CMD_BTF_FUNC,
	CMD_EXTERNS,
	CMD_UNLOAD,
};

static const char *const command_names[] = {
	[CMD_LOAD] = "load",
	[CMD_RUN] = "run",
	[CMD_RELOAD] = "reload",
	[CMD_LIST] = "list",
	[CMD_PROGS] = "progs",
	[CMD_BTF_PARAM] = "btf-param",
	[CMD_BTF_FUNC] = "btf-func",
	[CMD_EXTERNS] = "externs",
	[CMD_UNLOAD] = "unload",
};

/* Long options without a short form, past every character. */
enum {
	OPT_HUMAN = 256,
	OPT_VERSION,
	OPT_SET,
	OPT_FD_ARRAY,
	OPT_OFF,
	OPT_CTX,
	OPT_DATA,
	OPT_REPEAT,
	OPT_LOADER,
	OPT_ATTACH,
	OPT_DURING,
	OPT_BEFORE_LOAD,
};

struct cli {
	enum command cmd;
	const char *path;
	char **progs;
	int nr_progs;
	const char *sets[MAX_SETS];
	int nr_sets;
	struct reload_opts reload;
	struct run_inputs inputs;
	bool lskel;		/* --loader lskel */
	struct freplace ext;	/* --attach */
	const char *during;	/* --during */
	const char *before_load;	/* --before-load */
};

static void usage(FILE *out)
{
	fputs("usage: kfcheck [-v] [--human] COMMAND [OPTIONS] OBJECT [PROGRAM...]\n"
	      "       kfcheck [--human] progs | btf-param SUFFIX | btf-func NAME |\n"
	      "                         externs OBJECT | unload MODULE\n"
	      "       kfcheck --version\n"
	      "commands:\n"
	      "  load    load OBJECT and report every kfunc call and ksym load\n"
	      "  run     load, then run each PROGRAM (default: all) once and\n"
	      "          report the runs and the globals\n"
	      "  reload  load, then load PROGRAM's instructions again with\n"
	      "          --fd-array and --off applied\n"
	      "  list    report each PROGRAM and its kfcheck tags, without loading\n"
	      "  progs   report every program and link in the kernel (no OBJECT)\n"
	      "  btf-param SUFFIX\n"
	      "          report a function argument of vmlinux's BTF named *SUFFIX\n"
	      "  btf-func NAME\n"
	      "          report vmlinux's BTF function NAME, if it has one\n"
	      "  externs report the extern FUNCs and VARs in OBJECT's BTF, without loading\n"
	      "  unload  unload MODULE as rmmod does, and report its refcnt before\n"
	      "          and the kernel's errno\n"
	      "options:\n"
	      "  -v, --verbose         show libbpf's log on stderr\n"
	      "  --human               a table instead of JSON lines\n"
	      "  --set NAME=VALUE      set an integer global before load (at most 32)\n"
	      "  --fd-array LIST       reload: the fd_array (see harness/reload.h)\n"
	      "  --off FROM=TO         reload: rewrite insn->off FROM to TO\n"
	      "  --ctx PROG=VALUE      run: PROG's context (syscall, tc, xdp)\n"
	      "  --data PROG=VALUE     run: PROG's packet (tc, xdp)\n"
	      "                        VALUE is @FILE, hex bytes, or for --data a\n"
	      "                        preset (harness/packets.h)\n"
	      "  --repeat N            run: run each program N times\n"
	      "  --loader libbpf|lskel load, run: load through libbpf (default), or\n"
	      "                        as a light skeleton, by a loader program that\n"
	      "                        libbpf's gen_loader makes (no sent view)\n"
	      "  --attach PROG=TARGET_OBJ:FUNC\n"
	      "                        load, run: freplace program PROG replaces FUNC of\n"
	      "                        the one program in TARGET_OBJ, which is loaded\n"
	      "                        first; run attaches PROG and runs the target\n"
	      "  --during CMD          run: after the runs, while every program and link\n"
	      "                        is held and every struct_ops map attached, run\n"
	      "                        CMD with sh, its output on stderr; its exit\n"
	      "                        status is reported (-1: killed)\n"
	      "  --before-load CMD     load, run: run CMD with sh right before the kernel\n"
	      "                        gets the first program's load, when libbpf has\n"
	      "                        opened the BTF fds it sends; reported as --during\n"
	      "environment:\n"
	      "  KFCHECK_KALLSYMS      read symbols from this file, not /proc/kallsyms\n"
	      "  KFCHECK_KALLSYMS_CACHE\n"
	      "                        keep a snapshot of /proc/kallsyms in this directory,\n"
	      "                        read again when the boot or any module changes\n"
	      "exit status: 0 when everything loaded, ran and agreed; 1 when\n"
	      "something was refused, failed or disagreed; 2 for bad usage\n", out);
}

/* getopt_long() returned @opt, ':' or '?', for the option before optind. */
static void bad_option(char **argv, int opt)
{
	const char *arg = argv[optind - 1];

	if (opt == ':')
		fprintf(stderr, "kfcheck: option '%s' needs a value\n", arg);
	else if (optopt > 0 && optopt < OPT_HUMAN && strncmp(arg, "--", 2))
		fprintf(stderr, "kfcheck: unknown option '-%c'\n", optopt);
	else
		fprintf(stderr, "kfcheck: unknown option '%s'\n", arg);
}

static int parse_patch(struct reload_opts *o, const char *arg)
{
	int from, to;
	char tail;

	if (o->nr_patches == RELOAD_MAX_PATCHES) {
		fprintf(stderr, "kfcheck: at most %d --off options\n", RELOAD_MAX_PATCHES);
		return -1;
	}
	if (sscanf(arg, "%d=%d%c", &from, &to, &tail) != 2) {
		fprintf(stderr, "kfcheck: --off wants FROM=TO, not '%s'\n", arg);
		return -1;
	}
	o->patch[o->nr_patches].from = from;
	o->patch[o->nr_patches++].to = to;
	return 0;
}

static int parse_option(struct cli *c, int opt, char **argv)
{
	switch (opt) {
	case OPT_SET:
		if (c->nr_sets == MAX_SETS) {
			fprintf(stderr, "kfcheck: at most %d --set options\n", MAX_SETS);
			return -1;
		}
		c->sets[c->nr_sets++] = optarg;
		return 0;
	case OPT_FD_ARRAY:
		c->reload.fd_array = optarg;
		return 0;
	case OPT_OFF:
		return parse_patch(&c->reload, optarg);
	case OPT_CTX:
		return run_inputs_add(&c->inputs, RUN_INPUT_CTX, optarg);
	case OPT_DATA:
		return run_inputs_add(&c->inputs, RUN_INPUT_DATA, optarg);
	case OPT_REPEAT:
		return run_inputs_repeat(&c->inputs, optarg);
	case OPT_ATTACH:
		return freplace_parse(&c->ext, optarg);
	case OPT_DURING:
		c->during = optarg;
		return 0;
	case OPT_BEFORE_LOAD:
		c->before_load = optarg;
		return 0;
	case OPT_LOADER:
		if (strcmp(optarg, "libbpf") && strcmp(optarg, "lskel")) {
			fprintf(stderr, "kfcheck: --loader is libbpf or lskel, not '%s'\n", optarg);
			return -1;
		}
		c->lskel = !strcmp(optarg, "lskel");
		return 0;
	default:
		bad_option(argv, opt);
		return -1;
	}
}

static int parse_cmd_name(struct cli *c, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(command_names) / sizeof(command_names[0]); i++) {
		if (!strcmp(name, command_names[i])) {
			c->cmd = (enum command)i;
			return 0;
		}
	}
	fprintf(stderr, "kfcheck: unknown command '%s'\n", name);
	return -1;
}

/* Each line says what is wrong; the caller exits 2. */
static int parse_command(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "set", required_argument, NULL, OPT_SET },
		{ "fd-array", required_argument, NULL, OPT_FD_ARRAY },
		{ "off", required_argument, NULL, OPT_OFF },
		{ "ctx", required_argument, NULL, OPT_CTX },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "repeat", required_argument, NULL, OPT_REPEAT },
		{ "loader", required_argument, NULL, OPT_LOADER },
		{ "attach", required_argument, NULL, OPT_ATTACH },
		{ "during", required_argument, NULL, OPT_DURING },
		{ "before-load", required_argument, NULL, OPT_BEFORE_LOAD },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = argv[0];
	int opt;

	if (parse_cmd_name(c, cmd))
		return -1;
	if (c->cmd == CMD_PROGS) {
		if (argc == 1)
			return 0;
		fprintf(stderr, "kfcheck: progs takes no arguments\n");
		return -1;
	}
	if (c->cmd == CMD_BTF_PARAM || c->cmd == CMD_BTF_FUNC || c->cmd == CMD_EXTERNS ||
	    c->cmd == CMD_UNLOAD) {
		if (argc == 2 && *argv[1]) {
			c->path = argv[1];
			return 0;
		}
		fprintf(stderr, "kfcheck: %s needs one %s\n", cmd,
			c->cmd == CMD_EXTERNS ? "OBJECT" :
			c->cmd == CMD_UNLOAD ? "MODULE" :
			c->cmd == CMD_BTF_FUNC ? "NAME" : "SUFFIX");
		return -1;
	}
	/* 0, not 1: glibc then starts afresh on this argv. */
	optind = 0;
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		if (parse_option(c, opt, argv))
			return -1;
	if (optind >= argc) {
		fprintf(stderr, "kfcheck: %s needs an OBJECT\n", cmd);
		return -1;
	}
	c->path = argv[optind];
	c->progs = argv + optind + 1;
	c->nr_progs = argc - optind - 1;
	if (c->cmd == CMD_RELOAD && c->nr_progs != 1) {
		fprintf(stderr, "kfcheck: reload needs exactly one PROGRAM\n");
		return -1;
	}
	if (c->cmd != CMD_RELOAD && (c->reload.fd_array || c->reload.nr_patches)) {
		fprintf(stderr, "kfcheck: --fd-array and --off are for reload, not %s\n", cmd);
		return -1;
	}
	if (c->cmd != CMD_RUN && (c->inputs.nr || c->inputs.repeat)) {
		fprintf(stderr, "kfcheck: --ctx, --data and --repeat are for run, not %s\n", cmd);
		return -1;
	}
	if (c->lskel && c->cmd != CMD_LOAD && c->cmd != CMD_RUN) {
		fprintf(stderr, "kfcheck: --loader lskel is for load and run, not %s\n", cmd);
		return -1;
	}
	if (c->ext.nr && c->cmd != CMD_LOAD && c->cmd != CMD_RUN) {
		fprintf(stderr, "kfcheck: --attach is for load and run, not %s\n", cmd);
		return -1;
	}
	if (c->during && (c->cmd != CMD_RUN || c->lskel)) {
		fprintf(stderr, "kfcheck: --during is for run through libbpf, not %s%s\n", cmd,
			c->lskel ? " --loader lskel" : "");
		return -1;
	}
	if (c->before_load && ((c->cmd != CMD_LOAD && c->cmd != CMD_RUN) || c->lskel)) {
		fprintf(stderr, "kfcheck: --before-load is for load and run through libbpf, not %s%s\n",
			cmd, c->lskel ? " --loader lskel" : "");
		return -1;
	}
	if (c->cmd == CMD_LIST && c->nr_sets) {
		fprintf(stderr, "kfcheck: --set is for commands that load, not list\n");
		return -1;
	}
	return 0;
}

static bool selected(const struct cli *c, const char *name)
{
	int i;

	if (!c->nr_progs)
		return true;
	for (i = 0; i < c->nr_progs; i++)
		if (!strcmp(name, c->progs[i]))
			return true;
	return false;
}

/* Only the named programs are loaded, so one bad program cannot sink them. */
static int select_programs(struct bpf_object *obj, const struct cli *c)
{
	struct bpf_program *prog;
	int i;

	for (i = 0; i < c->nr_progs; i++) {
		if (!bpf_object__find_program_by_name(obj, c->progs[i])) {
			fprintf(stderr, "kfcheck: %s has no program '%s'\n", c->path,
				c->progs[i]);
			return -ENOENT;
		}
	}
	bpf_object__for_each_program(prog, obj) {
		if (bpf_program__set_autoload(prog, selected(c, bpf_program__name(prog)))) {
			fprintf(stderr, "kfcheck: %s: cannot select program %s\n", c->path,
				bpf_program__name(prog));
			return -1;
		}
	}
	return 0;
}

/* Programs that trigger on kfcheck's own syscalls filter on kfcheck_tgid. */
static int set_globals(struct bpf_object *obj, const struct cli *c)
{
	int i;

	if (globals_set_if_present(obj, "kfcheck_tgid", (unsigned long long)getpid()))
		return -1;
	for (i = 0; i < c->nr_sets; i++)
		if (globals_set(obj, c->sets[i]))
			return -1;
	return 0;
}

static const char *type_name(const struct bpf_program *prog)
{
	const char *name = libbpf_bpf_prog_type_str(bpf_program__type(prog));

	return name ? name : "unknown";
}

typedef void (*tagged_fn)(const struct bpf_program *prog,
			  const struct prog_tags *tags);

/* Calls @fn for each selected program, with its tags; -1 at a malformed tag. */
static int for_each_tagged(struct bpf_object *obj, const char *path, tagged_fn fn)
{
	struct bpf_program *prog;
	struct prog_tags tags;

	bpf_object__for_each_program(prog, obj) {
		if (!bpf_program__autoload(prog))
			continue;
		if (prog_tags_read(obj, path, prog, &tags))
			return -1;
		fn(prog, &tags);
	}
	return 0;
}

static void list_program(const struct bpf_program *prog,
			 const struct prog_tags *tags)
{
	report_program(bpf_program__name(prog), bpf_program__section_name(prog),
		       type_name(prog), tags->tag, tags->nr);
}

/* What a program that will load says the kernel must refuse. */
static void expect_refusal(const struct bpf_program *prog,
			   const struct prog_tags *tags)
{
	const char *feature = prog_tags_get(tags, "reject");

	if (feature)
		report_expect(bpf_program__name(prog), feature);
}

/*
 * Reports the sent and resolved views, unless @quiet; false if they
 * disagree anywhere.
 */
static bool check_views(struct bpf_object *obj, bool quiet)
{
	const struct load_record *rec;
	struct bpf_program *prog;
	bool agree = true;

	bpf_object__for_each_program(prog, obj) {
		if (!bpf_program__autoload(prog))
			continue;
		rec = capture_by_fd(bpf_program__fd(prog));
		if (!rec)
			continue;
		if (!quiet && rec->attach_btf_id)
			report_attach_target(rec);
		if (!quiet)
			report_refs(rec);
		if (report_mismatches(rec))
			agree = false;
	}
	return agree;
}

/* The programs that failed to run, named in one line after the records. */
struct run_failures {
	int runs, failed;
	char names[256];
};

static void note_run(struct run_failures *f, const char *prog, int err)
{
	size_t len = strlen(f->names);

	f->runs++;
	if (!err)
		return;
	if (f->failed++ < 8)
		snprintf(f->names + len, sizeof(f->names) - len, "%s%s", len ? ", " : "", prog);
	else if (f->failed == 9)
		snprintf(f->names + len, sizeof(f->names) - len, ", ...");
}

/*
 * Runs each selected program, through @prog_fds, one per program in the
 * object's order, or the programs' own fds if it is NULL; then reports
 * the globals, through @map_fds likewise.
 */
static int run_programs(struct bpf_object *obj, const struct run_inputs *inputs,
			const int *prog_fds, const int *map_fds)
{
	struct run_failures f = { 0 };
	struct bpf_program *prog;
	struct run_target t;
	struct run_result res;
	int i = -1;

	bpf_object__for_each_program(prog, obj) {
		i++;
		/*
		 * An extension runs only inside its target, and a struct_ops
		 * program when the kernel calls its map (struct_ops.h).
		 */
		if (!bpf_program__autoload(prog) ||
		    bpf_program__type(prog) == BPF_PROG_TYPE_EXT ||
		    bpf_program__type(prog) == BPF_PROG_TYPE_STRUCT_OPS)
			continue;
		t = testrun_target(prog);
		if (prog_fds)
			t.fd = prog_fds[i];
		testrun_prog(&t, run_inputs_of(inputs, t.name), inputs->repeat, &res);
		report_run(t.name, type_name(prog), &res);
		note_run(&f, t.name, res.err);
		testrun_result_free(&res);
	}
	globals_report(obj, map_fds);
	if (f.failed)
		fprintf(stderr, "kfcheck: %d of %d programs failed to run: %s\n", f.failed,
			f.runs, f.names);
	return f.failed;
}

/*
 * load and run as a light skeleton: the resolved and behaved views, every
 * record marked with the loader. 0 when everything loaded and ran.
 */
static int lskel_check(struct bpf_object *obj, const struct cli *c)
{
	const char *ext, *ops = struct_ops_first_map(obj);
	struct bpf_program *prog;
	struct lskel l;
	int i = -1, ret = 0;

	/* libbpf's gen_loader crashes on one (README, struct_ops). */
	if (ops) {
		fprintf(stderr, "kfcheck: %s: a light skeleton cannot hold struct_ops map %s: kfcheck loads struct_ops objects through libbpf only\n",
			c->path, ops);
		return 1;
	}

	report_views(false, c->cmd == CMD_RUN,
		     "the loader program makes each BPF_PROG_LOAD inside the kernel: what it wrote is in its data (loader_call, loader_ksym, loader_slots)");
	if (lskel_load(obj, c->path, &l)) {
		ext = freplace_first_ext(&c->ext, obj, false);
		/* What the kernel says of an extension aimed at no program. */
		if (ext && l.load_err == EINVAL)
			fprintf(stderr, "kfcheck: %s: a light skeleton cannot load freplace program %s: libbpf's gen_loader sends its attach_btf_id without the target's fd (attach_prog_fd), so the kernel looks for the target in vmlinux\n",
				c->path, ext);
		return 1;
	}
	lskel_report_slots(&l);
	bpf_object__for_each_program(prog, obj) {
		i++;
		if (l.prog_fds[i] < 0)
			continue;
		if (!lskel_fd_holds(l.prog_fds[i], bpf_program__name(prog))) {
			ret = 1;
			continue;
		}
		if (lskel_report_written(&l, prog) ||
		    resolve_calls(l.prog_fds[i], report_xlated_call, (void *)bpf_program__name(prog)) < 0)
			ret = 1;
	}
	if (c->cmd == CMD_RUN && run_programs(obj, &c->inputs, l.prog_fds, l.map_fds))
		ret = 1;
	lskel_close(&l);
	return ret;
}

/*
 * run with --attach: attaches the extensions, runs each target, and
 * reports the targets' globals. 0 when all of it worked.
 */
static int run_extended(struct bpf_object *obj, struct cli *c)
{
	struct freplace *f = &c->ext;
	int i, ret = 0;

	if (freplace_attach(f))
		return 1;
	if (run_programs(obj, &c->inputs, NULL, NULL))
		ret = 1;
	for (i = 0; i < f->nr_targets; i++)
		if (run_programs(f->targets[i].obj, &c->inputs, NULL, NULL))
			ret = 1;
	return ret;
}

/*
 * Runs @cmd for option --@event, its output on kfcheck's stderr so that
 * stdout stays records; the @event record says how it exited.
 */
static int run_command(const char *event, const char *cmd)
{
	char *line;
	int status;

	if (asprintf(&line, "exec 1>&2; %s", cmd) < 0) {
		fprintf(stderr, "kfcheck: %s: %s\n", event, strerror(ENOMEM));
		return 1;
	}
	fflush(NULL);
	status = system(line);
	free(line);
	if (status < 0) {
		fprintf(stderr, "kfcheck: %s: cannot run sh: %s\n", event, strerror(errno));
		return 1;
	}
	report_command(event, cmd, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}

/* A command that cannot start is said on stderr, and the load goes on. */
static void before_load_hook(void *cmd)
{
	run_command("before_load", cmd);
}

/*
 * --before-load: the command runs when the first program that loads is
 * sent, after libbpf's feature probes, whose loads are not the object's.
 */
static void hook_before_load(struct bpf_object *obj, const char *cmd)
{
	struct bpf_program *prog;

	bpf_object__for_each_program(prog, obj) {
		if (bpf_program__autoload(prog)) {
			capture_before(bpf_program__name(prog), before_load_hook, (void *)cmd);
			return;
		}
	}
}

/* load and run, after the --attach targets are loaded; 0 when all agreed. */
static int load_and_run(struct bpf_object *obj, struct cli *c)
{
	struct struct_ops_links ops;
	int ret;

	if (c->lskel)
		return lskel_check(obj, c);
	if (c->before_load)
		hook_before_load(obj, c->before_load);
	if (object_load(obj, c->path))
		return 1;
	ret = check_views(obj, false) ? 0 : 1;
	if (c->cmd != CMD_RUN)
		return ret;
	if (struct_ops_attach(obj, c->path, &ops))
		return 1;
	if (c->ext.nr ? run_extended(obj, c) : run_programs(obj, &c->inputs, NULL, NULL))
		ret = 1;
	if (c->during && run_command("during", c->during))
		ret = 1;
	struct_ops_detach(&ops);
	return ret;
}

/* reload: the first load is only checked; the reload reports its own. */
static int load_and_reload(struct bpf_object *obj, const struct cli *c)
{
	struct reload_source *src = reload_watch(c->progs[0]);
	struct bpf_program *prog;
	int ret = 1;

	if (!src)
		return 1;
	if (!object_load(obj, c->path)) {
		ret = check_views(obj, true) ? 0 : 1;
		prog = bpf_object__find_program_by_name(obj, c->progs[0]);
		if (reload_prog(src, bpf_program__fd(prog), &c->reload))
			ret = 1;
	}
	reload_source_free(src);
	return ret;
}

/* load, run and reload; 0 when everything loaded, ran and agreed, else 1. */
static int load_and_check(struct bpf_object *obj, struct cli *c)
{
	if (c->lskel)
		report_set_loader("lskel");
	if (for_each_tagged(obj, c->path, expect_refusal) || set_globals(obj, c))
		return 1;
	if (c->cmd == CMD_RELOAD)
		return load_and_reload(obj, c);
	if (freplace_prepare(&c->ext, obj, c->path))
		return 1;
	return load_and_run(obj, c);
}

/*
 * Every program and link in the kernel, by id: what a test takes before
 * and after, to show that nothing was left loaded or attached. bpftool
 * prog show says as much, but loads a BPF iterator each time to name the
 * processes holding each program, which costs a TCG guest a tenth of a
 * second.
 */
typedef int (*next_id_fn)(__u32 start, __u32 *next);
typedef int (*fd_by_id_fn)(__u32 id);
typedef int (*report_obj_fn)(int fd, __u32 id);

static int report_prog_obj(int fd, __u32 id)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len)) {
		fprintf(stderr, "kfcheck: program %u: %s\n", id, strerror(errno));
		return 1;
	}
	report_loaded_prog(id, info.name);
	return 0;
}

static int report_link_obj(int fd, __u32 id)
{
	struct bpf_link_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len)) {
		fprintf(stderr, "kfcheck: link %u: %s\n", id, strerror(errno));
		return 1;
	}
	report_loaded_link(id, info.prog_id);
	return 0;
}

/* 0, or 1 after a line naming the object kfcheck could not read. */
static int report_each(const char *what, next_id_fn next, fd_by_id_fn get,
		       report_obj_fn fn)
{
	__u32 id = 0;
	int fd, err;

	while (!next(id, &id)) {
		fd = get(id);
		if (fd < 0 && errno == ENOENT)
			continue;	/* gone since */
		if (fd < 0) {
			fprintf(stderr, "kfcheck: %s %u: %s\n", what, id, strerror(errno));
			return 1;
		}
		err = fn(fd, id);
		close(fd);
		if (err)
			return 1;
	}
	if (errno != ENOENT) {
		fprintf(stderr, "kfcheck: listing %ss: %s\n", what, strerror(errno));
		return 1;
	}
	return 0;
}

static int report_loaded(void)
{
	return report_each("program", bpf_prog_get_next_id, bpf_prog_get_fd_by_id,
			   report_prog_obj) ||
	       report_each("link", bpf_link_get_next_id, bpf_link_get_fd_by_id,
			   report_link_obj);
}

/* The btf-* commands' one check that there is a vmlinux BTF to read. */
static bool vmlinux_btf_unreadable(void)
{
	if (!access("/sys/kernel/btf/vmlinux", R_OK))
		return false;
	fprintf(stderr, "kfcheck: /sys/kernel/btf/vmlinux: %s\n", strerror(errno));
	return true;
}

/*
 * Whether vmlinux's BTF names a function argument *@suffix, as the kfunc
 * argument suffixes (__k, __nullable) the kernel knows: the suite's probe
 * for them. Nothing is printed when none does; 1 only when the BTF cannot
 * be read.
 */
static int report_btf_param(const char *suffix)
{
	const char *name;

	if (vmlinux_btf_unreadable())
		return 1;
	name = btfinfo_vmlinux_param(suffix);
	if (name)
		report_btf_param_found(name);
	return 0;
}

/*
 * Whether vmlinux's BTF has the function @name: the suite's probe for a
 * kernel feature that came with a function, in a fraction of the time
 * bpftool's dump of the whole BTF takes under TCG. Nothing is printed
 * when it has none; 1 only when the BTF cannot be read.
 */
static int report_btf_func(const char *name)
{
	int found;

	if (vmlinux_btf_unreadable())
		return 1;
	found = btfinfo_vmlinux_func(name);
	if (found < 0) {
		fprintf(stderr, "kfcheck: /sys/kernel/btf/vmlinux: cannot parse it\n");
		return 1;
	}
	if (found)
		report_btf_func_found(name);
	return 0;
}

static int execute(struct cli *c)
{
	struct bpf_object *obj;
	int ret;

	if (c->cmd == CMD_PROGS)
		return report_loaded();
	if (c->cmd == CMD_BTF_PARAM)
		return report_btf_param(c->path);
	if (c->cmd == CMD_BTF_FUNC)
		return report_btf_func(c->path);
	if (c->cmd == CMD_EXTERNS)
		return btf_externs_report(c->path);
	if (c->cmd == CMD_UNLOAD)
		return module_unload(c->path);
	obj = object_open(c->path);
	if (!obj)
		return 1;
	if (select_programs(obj, c))
		ret = 1;
	else if (run_inputs_check(&c->inputs, obj, c->path))
		ret = 2;
	else if (c->cmd == CMD_LIST)
		ret = for_each_tagged(obj, c->path, list_program) ? 1 : 0;
	else
		ret = load_and_check(obj, c);
	bpf_object__close(obj);
	freplace_close(&c->ext);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "human", no_argument, NULL, OPT_HUMAN },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c;
	bool verbose = false, human = false;
	int opt, ret;

	memset(&c, 0, sizeof(c));
	while ((opt = getopt_long(argc, argv, "+:vh", opts, NULL)) != -1) {
		switch (opt) {
		case 'v':
			verbose = true;
			break;
		case OPT_HUMAN:
			human = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case OPT_VERSION:
			/* The message table in harness/tests keys on this. */
			printf("kfcheck libbpf %u.%u\n", libbpf_major_version(),
			       libbpf_minor_version());
			return 0;
		default:
			bad_option(argv, opt);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	if (parse_command(&c, argc - optind, argv + optind)) {
		run_inputs_free(&c.inputs);
		return 2;
	}
	log_init(verbose);
	report_init(stdout, human);
	ret = execute(&c);
	run_inputs_free(&c.inputs);
	capture_free();
	btfinfo_free();
	kallsyms_free();
	return bpf_fds_leaked("kfcheck") ? 1 : ret;
}
