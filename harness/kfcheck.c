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

#include <bpf/libbpf.h>

#include "btfinfo.h"
#include "capture.h"
#include "globals.h"
#include "kallsyms.h"
#include "log.h"
#include "object.h"
#include "reload.h"
#include "report.h"
#include "testrun.h"

#define MAX_SETS 32

struct cli {
	const char *cmd;
	const char *path;
	char **progs;
	int nr_progs;
	const char *sets[MAX_SETS];
	int nr_sets;
	struct reload_opts reload;
};

static void usage(FILE *out)
{
	fputs("usage: kfcheck [-v] [--human] COMMAND [OPTIONS] OBJECT [PROGRAM...]\n"
	      "       kfcheck --version\n"
	      "commands:\n"
	      "  load    load OBJECT and report every kfunc call and ksym load\n"
	      "  run     load, then run each PROGRAM (default: all) once and\n"
	      "          report the runs and the globals\n"
	      "  reload  load, then load PROGRAM's instructions again with\n"
	      "          --fd-array and --off applied\n"
	      "options:\n"
	      "  -v, --verbose         show libbpf's log on stderr\n"
	      "  --human               a table instead of JSON lines\n"
	      "  --set NAME=VALUE      set an integer global before load\n"
	      "  --fd-array LIST       reload: the fd_array (see harness/reload.h)\n"
	      "  --off FROM=TO         reload: rewrite insn->off FROM to TO\n"
	      "environment:\n"
	      "  KFCHECK_KALLSYMS      read symbols from this file, not /proc/kallsyms\n"
	      "exit status: 0 when everything loaded, ran and agreed; 1 when\n"
	      "something was refused, failed or disagreed; 2 for bad usage\n", out);
}

static int parse_patch(struct reload_opts *o, const char *arg)
{
	int from, to;
	char tail;

	if (o->nr_patches == RELOAD_MAX_PATCHES ||
	    sscanf(arg, "%d=%d%c", &from, &to, &tail) != 2) {
		fprintf(stderr, "kfcheck: --off wants FROM=TO, not '%s'\n", arg);
		return -1;
	}
	o->patch[o->nr_patches].from = from;
	o->patch[o->nr_patches++].to = to;
	return 0;
}

static int parse_command(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "set", required_argument, NULL, 's' },
		{ "fd-array", required_argument, NULL, 'f' },
		{ "off", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	c->cmd = argv[0];
	/* 0, not 1: glibc then starts afresh on this argv. */
	optind = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == 's' && c->nr_sets < MAX_SETS)
			c->sets[c->nr_sets++] = optarg;
		else if (opt == 'f')
			c->reload.fd_array = optarg;
		else if (opt != 'o' || parse_patch(&c->reload, optarg))
			return -1;
	}
	if (optind >= argc)
		return -1;
	c->path = argv[optind];
	c->progs = argv + optind + 1;
	c->nr_progs = argc - optind - 1;
	if (strcmp(c->cmd, "run") && strcmp(c->cmd, "load") && strcmp(c->cmd, "reload"))
		return -1;
	return strcmp(c->cmd, "reload") || c->nr_progs == 1 ? 0 : -1;
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
	bpf_object__for_each_program(prog, obj)
		bpf_program__set_autoload(prog, selected(c, bpf_program__name(prog)));
	return 0;
}

static int prepare(struct bpf_object *obj, const struct cli *c)
{
	int i;

	if (select_programs(obj, c))
		return -1;
	/* Programs that trigger on kfcheck's own syscalls filter on this. */
	if (globals_set_if_present(obj, "kfcheck_tgid", (unsigned long long)getpid()))
		return -1;
	for (i = 0; i < c->nr_sets; i++)
		if (globals_set(obj, c->sets[i]))
			return -1;
	return 0;
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
		if (!quiet)
			report_refs(rec);
		if (report_mismatches(rec))
			agree = false;
	}
	return agree;
}

static int run_programs(struct bpf_object *obj)
{
	struct bpf_program *prog;
	struct run_result res;
	int failed = 0;

	bpf_object__for_each_program(prog, obj) {
		if (!bpf_program__autoload(prog))
			continue;
		if (testrun_prog(prog, &res)) {
			failed++;
			continue;
		}
		report_run(bpf_program__name(prog),
			   libbpf_bpf_prog_type_str(bpf_program__type(prog)),
			   res.how, res.retval);
	}
	globals_report(obj);
	return failed;
}

static int reload(struct bpf_object *obj, const struct cli *c)
{
	struct bpf_program *prog = bpf_object__find_program_by_name(obj, c->progs[0]);
	const struct load_record *rec = capture_by_fd(bpf_program__fd(prog));

	if (!rec) {
		fprintf(stderr, "kfcheck: the load of %s was not captured\n", c->progs[0]);
		return -1;
	}
	return reload_prog(rec, &c->reload);
}

/*
 * Every BPF object kfcheck opened must be closed by now: a program, map,
 * link or BTF fd still open is a leak in kfcheck itself.
 */
static int leaked_fds(void)
{
	char path[64], target[64];
	int fd, leaked = 0;
	ssize_t n;

	for (fd = 3; fd < 1024; fd++) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		if (!strncmp(target, "anon_inode:bpf", 14) ||
		    !strcmp(target, "anon_inode:btf"))
			leaked++;
	}
	if (leaked)
		fprintf(stderr, "kfcheck: %d BPF fds still open at exit\n", leaked);
	return leaked;
}

static int execute(const struct cli *c)
{
	struct bpf_object *obj;
	char expect[128];
	int ret = 1;

	object_expectation(c->path, expect, sizeof(expect));
	if (expect[0])
		report_expect(expect);
	obj = object_open(c->path);
	if (!obj)
		return 1;
	if (prepare(obj, c) || object_load(obj, c->path))
		goto out;
	/* A reload reports its own load; the first one is only checked. */
	ret = check_views(obj, !strcmp(c->cmd, "reload")) ? 0 : 1;
	if (!strcmp(c->cmd, "run") && run_programs(obj))
		ret = 1;
	else if (!strcmp(c->cmd, "reload") && reload(obj, c))
		ret = 1;
out:
	bpf_object__close(obj);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "human", no_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c;
	bool verbose = false, human = false;
	int opt, ret;

	memset(&c, 0, sizeof(c));
	while ((opt = getopt_long(argc, argv, "+vh", opts, NULL)) != -1) {
		if (opt == 'v')
			verbose = true;
		else if (opt == 'H')
			human = true;
		else if (opt == 'h') {
			usage(stdout);
			return 0;
		} else if (opt == 'V') {
			/* The message table in harness/tests keys on this. */
			printf("kfcheck libbpf %u.%u\n", libbpf_major_version(),
			       libbpf_minor_version());
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc || parse_command(&c, argc - optind, argv + optind)) {
		usage(stderr);
		return 2;
	}
	log_init(verbose);
	report_init(stdout, human);
	ret = execute(&c);
	capture_free();
	btfinfo_free();
	kallsyms_free();
	return leaked_fds() ? 1 : ret;
}
