// SPDX-License-Identifier: GPL-2.0
/*
 * kfcheck: loads any BPF object file and reports, as JSON lines, what its
 * programs did, so that tests assert on values rather than on log text.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <bpf/libbpf.h>

#include "json.h"
#include "log.h"
#include "object.h"
#include "testrun.h"

static void usage(FILE *out)
{
	fputs("usage: kfcheck [-v] run OBJECT [PROGRAM...]\n"
	      "  run   load OBJECT, test-run each PROGRAM (default: all) once,\n"
	      "        print one JSON line per run\n"
	      "  -v    show libbpf's log on stderr\n", out);
}

static bool selected(const char *name, char **names, int n)
{
	int i;

	if (!n)
		return true;
	for (i = 0; i < n; i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

static int report_run(struct bpf_program *prog)
{
	unsigned int retval;
	struct json j;
	int err;

	err = testrun_prog(prog, &retval);
	if (err)
		return err;
	json_begin(&j, stdout, "run");
	json_str(&j, "prog", bpf_program__name(prog));
	json_str(&j, "type", libbpf_bpf_prog_type_str(bpf_program__type(prog)));
	json_int(&j, "retval", retval);
	json_end(&j);
	return 0;
}

static int find_unknown(struct bpf_object *obj, char **names, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!bpf_object__find_program_by_name(obj, names[i])) {
			fprintf(stderr, "kfcheck: no program '%s' in %s\n",
				names[i], bpf_object__name(obj));
			return -ENOENT;
		}
	}
	return 0;
}

static int cmd_run(const char *path, char **names, int n)
{
	struct bpf_program *prog;
	struct bpf_object *obj;
	int err;

	obj = object_open(path);
	if (!obj)
		return 1;
	err = find_unknown(obj, names, n);
	if (!err)
		err = object_load(obj, path);
	bpf_object__for_each_program(prog, obj) {
		if (err)
			break;
		if (selected(bpf_program__name(prog), names, n))
			err = report_run(prog);
	}
	bpf_object__close(obj);
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	bool verbose = false;
	int opt;

	while ((opt = getopt(argc, argv, "+vh")) != -1) {
		switch (opt) {
		case 'v':
			verbose = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2 || strcmp(argv[0], "run")) {
		usage(stderr);
		return 2;
	}
	log_init(verbose);
	return cmd_run(argv[1], argv + 2, argc - 2);
}
