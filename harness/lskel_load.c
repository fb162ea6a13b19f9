// SPDX-License-Identifier: GPL-2.0
/*
 * Loads one light skeleton (bpftool gen skeleton -L), whose loader program
 * loads the real one inside the kernel, so nothing can be captured on the
 * way. What is left are the resolved and behaved views: each kfunc call of
 * the loaded program "limit", with the insn->off gen_loader chose, and one
 * test run. Built once per skeleton, with LSKEL_NAME and LSKEL_HEADER set.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include LSKEL_HEADER

#include "report.h"
#include "resolve.h"
#include "verifier_log.h"

#define CAT(a, b) a##b
#define SKEL(a, b) CAT(a, b)
#define SKEL_FN(fn) SKEL(LSKEL_NAME, __##fn)

static char log_buf[1 << 20];

static int run(int fd)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts);
	struct run_result res = { .how = "test_run", .runs = 1 };

	if (bpf_prog_test_run_opts(fd, &opts)) {
		fprintf(stderr, "lskel: test run failed: %s\n", strerror(errno));
		return 1;
	}
	res.retval = opts.retval;
	report_run("limit", "syscall", &res);
	return 0;
}

int main(void)
{
	struct LSKEL_NAME *skel = SKEL_FN(open)();
	char why[1024];
	int err, ret;

	if (!skel) {
		fprintf(stderr, "lskel: opening the skeleton failed: %s\n", strerror(errno));
		return 1;
	}
	report_init(stdout, false);
	skel->ctx.log_level = 1;
	skel->ctx.log_buf = (__u64)(unsigned long)log_buf;
	skel->ctx.log_size = sizeof(log_buf);
	err = SKEL_FN(load)(skel);
	if (err) {
		fprintf(stderr, "lskel: the kernel rejected the light skeleton: %s\n",
			strerrorname_np(-err) ? strerrorname_np(-err) : "?");
		verifier_log_reason(log_buf, why, sizeof(why));
		report_reject("limit", "kernel", -err, why);
		SKEL_FN(destroy)(skel);
		return 1;
	}
	ret = resolve_calls(skel->progs.limit.prog_fd, report_xlated_call, "limit") < 0;
	ret |= run(skel->progs.limit.prog_fd);
	SKEL_FN(destroy)(skel);
	kallsyms_free();
	return ret;
}
