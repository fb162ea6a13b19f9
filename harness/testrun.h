/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a loaded program once, by the means its type allows:
 *   syscall, tc, xdp   BPF_PROG_TEST_RUN (tc and xdp get a 64-byte packet)
 *   fentry, fexit      attach, then BPF_PROG_TEST_RUN, which calls the
 *                      bpf_fentry_test functions they attach to
 *   tp_btf             attach, then one getppid() from this process
 */
#ifndef KFCHECK_TESTRUN_H
#define KFCHECK_TESTRUN_H

#include <bpf/libbpf.h>

struct run_result {
	const char *how;
	unsigned int retval;
};

/* The packet tc and XDP runs get: an Ethernet header announcing IPv4, then zeros. */
#define TESTRUN_PACKET_LEN 64
extern const unsigned char testrun_packet[TESTRUN_PACKET_LEN];

/* Returns 0, or a negative errno after printing why. */
int testrun_prog(struct bpf_program *prog, struct run_result *res);

#endif
