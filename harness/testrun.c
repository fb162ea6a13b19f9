// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bpf/bpf.h>

#include "testrun.h"

int testrun_prog(struct bpf_program *prog, unsigned int *retval)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts);
	enum bpf_prog_type type = bpf_program__type(prog);
	int err;

	if (type != BPF_PROG_TYPE_SYSCALL) {
		fprintf(stderr, "kfcheck: %s: cannot test-run a %s program\n",
			bpf_program__name(prog), libbpf_bpf_prog_type_str(type));
		return -EOPNOTSUPP;
	}
	err = bpf_prog_test_run_opts(bpf_program__fd(prog), &opts);
	if (err) {
		err = -errno;
		fprintf(stderr, "kfcheck: %s: test run failed: %s\n",
			bpf_program__name(prog), strerror(-err));
		return err;
	}
	*retval = opts.retval;
	return 0;
}
