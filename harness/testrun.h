/* SPDX-License-Identifier: GPL-2.0 */
/* Running a loaded program once through BPF_PROG_TEST_RUN. */
#ifndef KFCHECK_TESTRUN_H
#define KFCHECK_TESTRUN_H

#include <bpf/libbpf.h>

/* Returns 0 and sets *retval, or a negative errno after printing why. */
int testrun_prog(struct bpf_program *prog, unsigned int *retval);

#endif
