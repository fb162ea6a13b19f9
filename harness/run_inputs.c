// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "packets.h"
#include "run_inputs.h"

static const char *const kind_option[] = {
	[RUN_INPUT_CTX] = "--ctx",
	[RUN_INPUT_DATA] = "--data",
};

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * -EINVAL unless @hex is a whole number of bytes in hex, within the
 * limit; -ENOMEM.
 */
static int from_hex(struct run_bytes *b, const char *hex)
{
	size_t n = strlen(hex), i;
	int hi, lo;

	if (!n || n % 2 || n / 2 > RUN_INPUT_MAX_LEN)
		return -EINVAL;
	b->bytes = malloc(n / 2);
	if (!b->bytes)
		return -ENOMEM;
	for (i = 0; i < n / 2; i++) {
		hi = hex_digit(hex[2 * i]);
		lo = hex_digit(hex[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			free(b->bytes);
			b->bytes = NULL;
			return -EINVAL;
		}
		b->bytes[i] = (unsigned char)(hi << 4 | lo);
	}
	b->len = n / 2;
	return 0;
}

/* The bytes of the file @at names (after its '@'); -1 after saying why. */
static int from_file(struct run_bytes *b, const char *opt, const char *at)
{
	FILE *f = fopen(at + 1, "rb");
	size_t n = 0;

	if (!f) {
		fprintf(stderr, "kfcheck: %s: %s: %s\n", opt, at + 1, strerror(errno));
		return -1;
	}
	/* One byte more than allowed tells a file that is too long. */
	b->bytes = malloc(RUN_INPUT_MAX_LEN + 1);
	if (b->bytes)
		n = fread(b->bytes, 1, RUN_INPUT_MAX_LEN + 1, f);
	if (!b->bytes || ferror(f))
		fprintf(stderr, "kfcheck: %s: %s: %s\n", opt, at + 1,
			strerror(b->bytes ? EIO : ENOMEM));
	else if (!n)
		fprintf(stderr, "kfcheck: %s: %s: the file is empty\n", opt, at + 1);
	else if (n > RUN_INPUT_MAX_LEN)
		fprintf(stderr, "kfcheck: %s: %s: longer than the %d bytes a test run takes\n",
			opt, at + 1, RUN_INPUT_MAX_LEN);
	fclose(f);
	if (!b->bytes || !n || n > RUN_INPUT_MAX_LEN) {
		free(b->bytes);
		b->bytes = NULL;
		return -1;
	}
	b->len = n;
	return 0;
}

/* -EINVAL if there is no preset @name; -ENOMEM. */
static int from_preset(struct run_bytes *b, const char *name)
{
	const struct packet *p = packet_preset(name);

	if (!p)
		return -EINVAL;
	b->bytes = malloc(p->len);
	if (!b->bytes)
		return -ENOMEM;
	memcpy(b->bytes, p->bytes, p->len);
	b->len = p->len;
	return 0;
}

static struct run_input *input_for(struct run_inputs *ri, const char *prog)
{
	int i;

	for (i = 0; i < ri->nr; i++)
		if (!strcmp(ri->in[i].prog, prog))
			return &ri->in[i];
	if (ri->nr == RUN_INPUTS_MAX)
		return NULL;
	ri->in[ri->nr].prog = prog;
	return &ri->in[ri->nr++];
}

int run_inputs_add(struct run_inputs *ri, enum run_input_kind kind,
		   const char *arg)
{
	const char *opt = kind_option[kind], *eq = strchr(arg, '=');
	struct run_input *in;
	struct run_bytes *b;
	char *prog;
	int err;

	if (!eq || eq == arg || !eq[1]) {
		fprintf(stderr, "kfcheck: %s wants PROG=@FILE, PROG=HEX%s, not '%s'\n",
			opt, kind == RUN_INPUT_DATA ? " or PROG=PRESET" : "", arg);
		return -1;
	}
	prog = strndup(arg, eq - arg);
	in = prog ? input_for(ri, prog) : NULL;
	if (!in || in->prog != prog)
		free(prog);
	if (!in) {
		fprintf(stderr, "kfcheck: %s: at most %d programs take inputs\n", opt,
			RUN_INPUTS_MAX);
		return -1;
	}
	b = kind == RUN_INPUT_CTX ? &in->ctx : &in->data;
	if (b->bytes) {
		fprintf(stderr, "kfcheck: %s: %s is given twice\n", opt, in->prog);
		return -1;
	}
	if (eq[1] == '@')
		return from_file(b, opt, eq + 1);
	err = kind == RUN_INPUT_DATA ? from_preset(b, eq + 1) : -EINVAL;
	if (err == -EINVAL)
		err = from_hex(b, eq + 1);
	if (!err)
		return 0;
	if (err == -ENOMEM)
		fprintf(stderr, "kfcheck: %s %s: %s\n", opt, in->prog, strerror(ENOMEM));
	else if (kind == RUN_INPUT_DATA)
		fprintf(stderr, "kfcheck: --data %s: '%s' is neither @FILE, a preset (%s) nor hex bytes\n",
			in->prog, eq + 1, packet_preset_names());
	else
		fprintf(stderr, "kfcheck: --ctx %s: '%s' is neither @FILE nor hex bytes\n",
			in->prog, eq + 1);
	return -1;
}

int run_inputs_repeat(struct run_inputs *ri, const char *arg)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (errno || *end || !*arg || *arg == '-' || !n || n > 1000000000UL) {
		fprintf(stderr, "kfcheck: --repeat wants a count from 1 to 1000000000, not '%s'\n",
			arg);
		return -1;
	}
	ri->repeat = (unsigned int)n;
	return 0;
}

/* Why @type cannot take @kind, or NULL if it can. */
static const char *refusal(enum bpf_prog_type type, enum run_input_kind kind)
{
	switch (type) {
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_XDP:
		return NULL;
	case BPF_PROG_TYPE_SYSCALL:
		return kind == RUN_INPUT_DATA ? "a syscall program takes no packet; give it --ctx" : NULL;
	default:
		return "kfcheck gives inputs only to syscall, tc and xdp programs";
	}
}

static int check_one(const struct run_input *in, const struct run_bytes *b,
		     enum run_input_kind kind, struct bpf_object *obj,
		     const char *path)
{
	struct bpf_program *prog;
	const char *why;

	if (!b->bytes)
		return 0;
	prog = bpf_object__find_program_by_name(obj, in->prog);
	if (!prog) {
		fprintf(stderr, "kfcheck: %s %s: %s has no program '%s'\n",
			kind_option[kind], in->prog, path, in->prog);
		return -1;
	}
	if (!bpf_program__autoload(prog)) {
		fprintf(stderr, "kfcheck: %s %s: that program is not among the PROGRAMs to run\n",
			kind_option[kind], in->prog);
		return -1;
	}
	why = refusal(bpf_program__type(prog), kind);
	if (why) {
		fprintf(stderr, "kfcheck: %s %s: %s\n", kind_option[kind], in->prog, why);
		return -1;
	}
	return 0;
}

int run_inputs_check(const struct run_inputs *ri, struct bpf_object *obj,
		     const char *path)
{
	int i;

	for (i = 0; i < ri->nr; i++)
		if (check_one(&ri->in[i], &ri->in[i].ctx, RUN_INPUT_CTX, obj, path) ||
		    check_one(&ri->in[i], &ri->in[i].data, RUN_INPUT_DATA, obj, path))
			return -1;
	return 0;
}

const struct run_input *run_inputs_of(const struct run_inputs *ri,
				      const char *prog)
{
	int i;

	for (i = 0; ri && i < ri->nr; i++)
		if (!strcmp(ri->in[i].prog, prog))
			return &ri->in[i];
	return NULL;
}

void run_inputs_free(struct run_inputs *ri)
{
	int i;

	for (i = 0; i < ri->nr; i++) {
		free((char *)ri->in[i].prog);
		free(ri->in[i].ctx.bytes);
		free(ri->in[i].data.bytes);
	}
	ri->nr = 0;
}
