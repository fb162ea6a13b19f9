/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a loaded program, by the means its type allows:
 *   syscall, tc, xdp   BPF_PROG_TEST_RUN, with the program's inputs (see
 *                      run_inputs.h); tc and xdp get testrun_packet when
 *                      given no packet
 *   fentry, fexit      attach, then BPF_PROG_TEST_RUN, which calls the
 *                      bpf_fentry_test functions they attach to
 *   tp_btf             attach, then one getppid() from this process
 * Attaching takes only the program's fd, as a light skeleton leaves it.
 * With a repeat count, tc and xdp runs repeat in the kernel, which times
 * them; the kernel runs the others once per call, so kfcheck calls again.
 */
#ifndef KFCHECK_TESTRUN_H
#define KFCHECK_TESTRUN_H

#include <stddef.h>

#include <bpf/libbpf.h>

#include "run_inputs.h"

struct run_result {
	const char *how;
	int err;			/* 0, or the errno of the failed run */
	unsigned int retval;		/* of the last run */
	unsigned int runs;
	unsigned int duration_ns;	/* the kernel's mean per run; 0 untimed */
	unsigned char *ctx_out;		/* the context the kernel gave back */
	size_t ctx_out_len;
};

/* The packet tc and XDP runs get: an Ethernet header announcing IPv4, then zeros. */
#define TESTRUN_PACKET_LEN 64
extern const unsigned char testrun_packet[TESTRUN_PACKET_LEN];

/* A loaded program, by whichever loader loaded it. */
struct run_target {
	const char *name;
	int fd;
	enum bpf_prog_type type;
	enum bpf_attach_type attach;
};

/* @prog's target, once libbpf has loaded it. */
struct run_target testrun_target(const struct bpf_program *prog);

/*
 * Runs @t with @in (NULL: the defaults), @repeat times (0: once).
 * Returns 0, or a negative errno after printing why in one line; @res
 * holds the outcome either way, and is released by testrun_result_free().
 */
int testrun_prog(const struct run_target *t, const struct run_input *in,
		 unsigned int repeat, struct run_result *res);
void testrun_result_free(struct run_result *res);

#endif
