// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "testrun.h"

const unsigned char testrun_packet[TESTRUN_PACKET_LEN] = { [12] = 0x08, [13] = 0x00 };

/* More than the largest context a kernel gives back (__sk_buff). */
#define CTX_OUT_MAX 1024

static const struct run_bytes no_input;

static const struct run_bytes *ctx_of(const struct run_input *in)
{
	return in ? &in->ctx : &no_input;
}

static const struct run_bytes *data_of(const struct run_input *in)
{
	return in ? &in->data : &no_input;
}

/*
 * A syscall program's run is refused (EINVAL) when its context is shorter
 * than the furthest byte the program reads (max_ctx_offset). The kernel
 * checks that before it copies the context in, so a context in memory
 * that cannot be read fails the copy (EFAULT) exactly from that size on,
 * and the program never runs: a search over the sizes above @have finds
 * it. 0 if none explains the refusal.
 */
static size_t needed_ctx_size(int fd, size_t have)
{
	size_t lo = have + 1, hi = RUN_INPUT_MAX_LEN, mid;
	LIBBPF_OPTS(bpf_test_run_opts, opts);
	void *unreadable;

	unreadable = mmap(NULL, RUN_INPUT_MAX_LEN, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (unreadable == MAP_FAILED)
		return 0;
	opts.ctx_in = unreadable;
	opts.ctx_size_in = hi;
	if (!bpf_prog_test_run_opts(fd, &opts) || errno != EFAULT)
		lo = 0;
	while (lo && lo < hi) {
		mid = lo + (hi - lo) / 2;
		opts.ctx_size_in = mid;
		if (bpf_prog_test_run_opts(fd, &opts) && errno == EFAULT)
			hi = mid;
		else
			lo = mid + 1;
	}
	munmap(unreadable, RUN_INPUT_MAX_LEN);
	return lo;
}

/*
 * One BPF_PROG_TEST_RUN of @fd; the kernel repeats it @repeat times. A
 * packet program's context comes back through ctx_out, which a syscall
 * program's run refuses: it writes over the context it was given.
 */
static int test_run(int fd, const struct run_bytes *ctx, const struct run_bytes *data,
		    unsigned int repeat, struct run_result *res)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts);

	opts.repeat = repeat;
	if (data->bytes) {
		opts.data_in = data->bytes;
		opts.data_size_in = data->len;
	}
	if (ctx->bytes) {
		opts.ctx_in = ctx->bytes;
		opts.ctx_size_in = ctx->len;
	}
	if (ctx->bytes && data->bytes) {
		opts.ctx_out = res->ctx_out;
		opts.ctx_size_out = CTX_OUT_MAX;
	}
	if (bpf_prog_test_run_opts(fd, &opts))
		return -errno;
	res->retval = opts.retval;
	res->duration_ns = opts.duration;
	res->ctx_out_len = ctx->bytes ? opts.ctx_size_out : 0;
	return 0;
}

/*
 * A syscall program writes its context back over the one it was given,
 * so each run starts from a fresh copy, and the last is what it returned.
 */
static int syscall_run(int fd, const struct run_bytes *ctx, unsigned int runs,
		       struct run_result *res)
{
	struct run_bytes copy = { .bytes = res->ctx_out, .len = ctx->len };
	int err = 0;

	while (!err && res->runs < runs) {
		if (ctx->bytes)
			memcpy(copy.bytes, ctx->bytes, ctx->len);
		err = test_run(fd, ctx->bytes ? &copy : &no_input, &no_input, 0, res);
		res->runs += !err;
	}
	res->ctx_out_len = ctx->bytes && !err ? ctx->len : 0;
	return err;
}

static int packet_run(int fd, const struct run_input *in, unsigned int runs,
		      struct run_result *res)
{
	static const struct run_bytes packet = {
		.bytes = (unsigned char *)testrun_packet, .len = sizeof(testrun_packet),
	};
	const struct run_bytes *data = data_of(in)->bytes ? data_of(in) : &packet;
	int err = test_run(fd, ctx_of(in), data, runs > 1 ? runs : 0, res);

	res->runs = err ? 0 : runs;
	return err;
}

/*
 * BPF_RAW_TRACEPOINT_OPEN with no name attaches a tracing program where
 * it was loaded for, fentry and tp_btf alike, on every kernel since 5.5:
 * one way for every loader, which leaves kfcheck only a program fd.
 */
static int attached_run(const struct run_target *t, bool trace_syscall,
			unsigned int runs, struct run_result *res)
{
	int link = bpf_raw_tracepoint_open(NULL, t->fd), err = 0;

	if (link < 0)
		return -errno;
	while (!err && res->runs < runs) {
		if (trace_syscall) {
			/* The program runs on this call; see bpf_progs/prog_types.bpf.h.
			 * A tracepoint has no return value to report. */
			getppid();
			res->retval = 0;
		} else {
			err = test_run(t->fd, &no_input, &no_input, 0, res);
		}
		res->runs += !err;
	}
	close(link);
	return err;
}

static void explain(const struct run_target *t, const struct run_input *in, int err)
{
	size_t have = ctx_of(in)->len, need = 0;

	if (err == -EINVAL && t->type == BPF_PROG_TYPE_SYSCALL)
		need = needed_ctx_size(t->fd, have);
	if (need)
		fprintf(stderr, "kfcheck: %s: run refused: its context is %zu bytes, and the program reads up to byte %zu of it (the kernel's max_ctx_offset); give it --ctx %s=@FILE or HEX of %zu bytes or more\n",
			t->name, have, need, t->name, need);
	else if (err == -EOPNOTSUPP)
		fprintf(stderr, "kfcheck: %s: kfcheck cannot run a %s program\n", t->name,
			libbpf_bpf_prog_type_str(t->type));
	else
		fprintf(stderr, "kfcheck: %s: run failed: %s\n", t->name, strerror(-err));
}

struct run_target testrun_target(const struct bpf_program *prog)
{
	return (struct run_target){
		.name = bpf_program__name(prog),
		.fd = bpf_program__fd(prog),
		.type = bpf_program__type(prog),
		.attach = bpf_program__expected_attach_type(prog),
	};
}

int testrun_prog(const struct run_target *t, const struct run_input *in,
		 unsigned int repeat, struct run_result *res)
{
	unsigned int runs = repeat ? repeat : 1;
	int err = -EOPNOTSUPP;

	memset(res, 0, sizeof(*res));
	res->how = "-";
	res->ctx_out = malloc(CTX_OUT_MAX > ctx_of(in)->len ? CTX_OUT_MAX : ctx_of(in)->len);
	if (!res->ctx_out) {
		res->err = ENOMEM;
		fprintf(stderr, "kfcheck: %s: %s\n", t->name, strerror(ENOMEM));
		return -ENOMEM;
	}
	switch (t->type) {
	case BPF_PROG_TYPE_SYSCALL:
		res->how = "test_run";
		err = syscall_run(t->fd, ctx_of(in), runs, res);
		break;
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_XDP:
		res->how = "test_run";
		err = packet_run(t->fd, in, runs, res);
		break;
	case BPF_PROG_TYPE_TRACING:
		if (t->attach == BPF_TRACE_FENTRY || t->attach == BPF_TRACE_FEXIT) {
			res->how = "attach+test_run";
			err = attached_run(t, false, runs, res);
		} else if (t->attach == BPF_TRACE_RAW_TP) {
			res->how = "attach+getppid";
			err = attached_run(t, true, runs, res);
		}
		break;
	default:
		break;
	}
	res->err = -err;
	if (err)
		explain(t, in, err);
	return err;
}

void testrun_result_free(struct run_result *res)
{
	free(res->ctx_out);
	res->ctx_out = NULL;
}
