/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kfcheck run gives each program: --ctx PROG=VALUE, --data PROG=VALUE
 * and --repeat N. A VALUE is @FILE (its bytes), the name of a packet
 * preset (--data only, see packets.h) or hex digits, two per byte.
 */
#ifndef KFCHECK_RUN_INPUTS_H
#define KFCHECK_RUN_INPUTS_H

#include <stddef.h>

#include <bpf/libbpf.h>

#define RUN_INPUTS_MAX 32
/* The most a test run takes: the kernel's limit for a syscall context. */
#define RUN_INPUT_MAX_LEN 65535

enum run_input_kind {
	RUN_INPUT_CTX,
	RUN_INPUT_DATA,
};

struct run_bytes {
	unsigned char *bytes;	/* NULL: none given, the default applies */
	size_t len;
};

struct run_input {
	const char *prog;
	struct run_bytes ctx;
	struct run_bytes data;
};

struct run_inputs {
	struct run_input in[RUN_INPUTS_MAX];
	int nr;
	unsigned int repeat;	/* 0: run once */
};

/*
 * Parses one --ctx or --data argument into @ri. Returns 0, or -1 after
 * printing one line of what is wrong.
 */
int run_inputs_add(struct run_inputs *ri, enum run_input_kind kind,
		   const char *arg);

/* Parses --repeat's argument; 0 or -1 as run_inputs_add. */
int run_inputs_repeat(struct run_inputs *ri, const char *arg);

/*
 * Every program an input names is one of @obj's selected programs, of a
 * type that takes it. Returns 0, or -1 after printing why not.
 */
int run_inputs_check(const struct run_inputs *ri, struct bpf_object *obj,
		     const char *path);

/* The inputs of program @prog; NULL when it has none. */
const struct run_input *run_inputs_of(const struct run_inputs *ri,
				      const char *prog);

void run_inputs_free(struct run_inputs *ri);

#endif
