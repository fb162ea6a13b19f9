// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "testrun.h"

const unsigned char testrun_packet[TESTRUN_PACKET_LEN] = { [12] = 0x08, [13] = 0x00 };

static int test_run(struct bpf_program *prog, bool packet, unsigned int *retval)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts);
	int err;

	if (packet) {
		opts.data_in = testrun_packet;
		opts.data_size_in = sizeof(testrun_packet);
	}
	err = bpf_prog_test_run_opts(bpf_program__fd(prog), &opts);
	if (err)
		return -errno;
	*retval = opts.retval;
	return 0;
}

static int attached_run(struct bpf_program *prog, bool trace_syscall,
			unsigned int *retval)
{
	struct bpf_link *link = bpf_program__attach(prog);
	int err;

	if (!link)
		return -errno;
	if (trace_syscall) {
		/* The program runs on this call; see bpf_progs/prog_types.bpf.h.
		 * A tracepoint has no return value to report. */
		getppid();
		*retval = 0;
		err = 0;
	} else {
		err = test_run(prog, false, retval);
	}
	bpf_link__destroy(link);
	return err;
}

int testrun_prog(struct bpf_program *prog, struct run_result *res)
{
	enum bpf_attach_type attach = bpf_program__expected_attach_type(prog);
	enum bpf_prog_type type = bpf_program__type(prog);
	int err = -EOPNOTSUPP;

	switch (type) {
	case BPF_PROG_TYPE_SYSCALL:
		res->how = "test_run";
		err = test_run(prog, false, &res->retval);
		break;
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_XDP:
		res->how = "test_run";
		err = test_run(prog, true, &res->retval);
		break;
	case BPF_PROG_TYPE_TRACING:
		if (attach == BPF_TRACE_FENTRY || attach == BPF_TRACE_FEXIT) {
			res->how = "attach+test_run";
			err = attached_run(prog, false, &res->retval);
		} else if (attach == BPF_TRACE_RAW_TP) {
			res->how = "attach+getppid";
			err = attached_run(prog, true, &res->retval);
		}
		break;
	default:
		break;
	}
	if (err == -EOPNOTSUPP)
		fprintf(stderr, "kfcheck: %s: kfcheck cannot run a %s program\n",
			bpf_program__name(prog), libbpf_bpf_prog_type_str(type));
	else if (err)
		fprintf(stderr, "kfcheck: %s: run failed: %s\n",
			bpf_program__name(prog), strerror(-err));
	return err;
}
