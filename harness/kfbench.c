// SPDX-License-Identifier: GPL-2.0
/*
 * kfbench: the benchmarks behind make bench. They print figures; nothing
 * here passes or fails on a time. Run as root in a guest with modkfunc
 * loaded (calls) or the generated limit modules (load): see
 * scripts/guest-bench.sh.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/libbpf.h>

#include "bench.h"
#include "fd_leaks.h"
#include "kallsyms.h"
#include "log.h"

static void usage(FILE *out)
{
	fputs("usage: kfbench [-v] calls [--runs N] [--repeat N] OBJECT\n"
	      "       kfbench [-v] load [--runs N] [--max-seconds S] DIR POINT...\n"
	      "  calls  ns per call of a module kfunc, a vmlinux kfunc and a helper,\n"
	      "         from OBJECT (bench_calls.bpf.o); default 11 rounds of 20000\n"
	      "  load   ms to open and load each POINT (distinct_N, modules_N) from\n"
	      "         DIR/POINT.bpf.o through libbpf and through its light skeleton;\n"
	      "         default 5 runs, fewer once a point has taken 30 s\n"
	      "  -v, --verbose  show libbpf's log on stderr\n", out);
}

static bool parse_number(const char *opt, const char *arg, double min, double *v)
{
	char *end;

	*v = strtod(arg, &end);
	if (*arg && !*end && *v >= min && *v <= 1e9)
		return true;
	fprintf(stderr, "kfbench: %s wants a number of at least %g, not '%s'\n",
		opt, min, arg);
	return false;
}

static int parse_options(int argc, char **argv, struct bench_opts *o)
{
	static const struct option opts[] = {
		{ "runs", required_argument, NULL, 'r' },
		{ "repeat", required_argument, NULL, 'n' },
		{ "max-seconds", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	double v;
	int opt;

	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (opt == '?' || !parse_number(argv[optind - 1], optarg,
						opt == 's' ? 0 : 1, &v))
			return -1;
		if (opt == 'r')
			o->runs = v;
		else if (opt == 'n')
			o->repeat = v;
		else
			o->max_seconds = v;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct bench_opts o = { .runs = 11, .repeat = 20000, .max_seconds = 30 };
	bool verbose = argc > 1 && (!strcmp(argv[1], "-v") || !strcmp(argv[1], "--verbose"));
	const char *cmd;
	int ret;

	argc -= verbose;
	argv += verbose;
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	cmd = argv[1];
	if (!strcmp(cmd, "load"))
		o.runs = 5;
	optind = 2;
	if (parse_options(argc, argv, &o))
		return 2;
	log_init(verbose);
	if (!strcmp(cmd, "calls") && argc - optind == 1) {
		ret = bench_calls(argv[optind], &o);
	} else if (!strcmp(cmd, "load") && argc - optind >= 2) {
		ret = bench_load(argv[optind], argv + optind + 1, argc - optind - 1, &o);
	} else {
		usage(stderr);
		return 2;
	}
	kallsyms_free();
	return bpf_fds_leaked("kfbench") ? 1 : ret;
}
