// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bench.h"
#include "resolve.h"
#include "testrun.h"

enum { BASELINE, HELPER, VMLINUX, MODULE, NR_KINDS };

struct kind {
	const char *prog;
	const char *name;
	/*
	 * Where every kfunc call of the program must land; "" for none, and
	 * NULL where helper calls are counted instead.
	 */
	const char *module;
	int fd;
	int calls;
	char callees[256];
};

/* What one program's kfunc calls resolved to: the distinct callees. */
struct callees {
	struct kind *k;
	const char *wrong;
};

static void add_callee(int insn, int off, const struct ksym *target, void *ctx)
{
	struct callees *c = ctx;
	struct kind *k = c->k;
	char name[128];
	size_t len = strlen(k->callees);

	(void)insn;
	(void)off;
	if (!target || strcmp(target->module, k->module)) {
		c->wrong = target ? target->module : "an unknown address";
		return;
	}
	snprintf(name, sizeof(name), "%s[%s]", target->name, target->module);
	if (!strstr(k->callees, name))
		snprintf(k->callees + len, sizeof(k->callees) - len, "%s%s",
			 len ? "+" : "", name);
}

/*
 * Fills in @k from the loaded program: how many calls it makes and to
 * what. A kfunc call that resolved outside the expected module, or a call
 * the verifier inlined away, would make the figure measure something else.
 */
static int identify(struct kind *k)
{
	struct callees c = { .k = k };

	if (!k->module) {
		k->calls = resolve_helper_calls(k->fd);
		snprintf(k->callees, sizeof(k->callees), "%s",
			 k->calls ? "bpf_get_numa_node_id" : "-");
	} else {
		k->calls = resolve_calls(k->fd, add_callee, &c);
		if (!k->calls)
			strcpy(k->callees, "-");
	}
	if (k->calls < 0) {
		fprintf(stderr, "kfbench: %s: cannot read the loaded program\n", k->prog);
		return -1;
	}
	if (c.wrong) {
		fprintf(stderr, "kfbench: %s: a kfunc call resolved to %s, not %s\n",
			k->prog, c.wrong, k->module);
		return -1;
	}
	if (!k->calls && strcmp(k->name, "baseline")) {
		fprintf(stderr, "kfbench: %s: the verifier left no call to time\n", k->prog);
		return -1;
	}
	return 0;
}

static int find_progs(struct bpf_object *obj, struct kind *kinds)
{
	struct bpf_program *prog;
	int i;

	for (i = 0; i < NR_KINDS; i++) {
		prog = bpf_object__find_program_by_name(obj, kinds[i].prog);
		if (!prog && i == VMLINUX) {
			fprintf(stderr, "kfbench: this kernel's BTF has no vmlinux kfunc for tc with an empty body (bpf_preempt_disable, bpf_kfunc_call_test_pass_ctx): no module/vmlinux ratio\n");
			return -1;
		}
		if (!prog) {
			fprintf(stderr, "kfbench: no program %s in the object\n", kinds[i].prog);
			return -1;
		}
		kinds[i].fd = bpf_program__fd(prog);
		if (identify(&kinds[i]))
			return -1;
	}
	return 0;
}

/* One round: each program's time per run, in ns, averaged over @repeat. */
static int round_of(struct kind *kinds, unsigned int repeat, double *ns)
{
	/* tc needs a packet: the one kfcheck's runs use. */
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = testrun_packet,
		    .data_size_in = sizeof(testrun_packet), .repeat = repeat);
	int i;

	for (i = 0; i < NR_KINDS; i++) {
		if (bpf_prog_test_run_opts(kinds[i].fd, &opts)) {
			fprintf(stderr, "kfbench: %s: test run failed: %s\n",
				kinds[i].prog, strerror(errno));
			return -1;
		}
		ns[i] = opts.duration;
	}
	return 0;
}

static void print_table(struct kind *kinds, double (*ns)[NR_KINDS], int runs,
			unsigned int repeat)
{
	double *v = calloc(runs, sizeof(*v));
	int i, r;

	if (!v)
		return;
	printf("# kfbench calls: %d rounds of %u runs; ns per call, less the baseline's ns per run\n",
	       runs, repeat);
	printf("kind\tcallee\tcalls\tmin\tmedian\tmax\n");
	for (i = 0; i < NR_KINDS; i++) {
		for (r = 0; r < runs; r++)
			v[r] = i == BASELINE ? ns[r][i] :
			       (ns[r][i] - ns[r][BASELINE]) / kinds[i].calls;
		printf("%s\t%s\t%d", kinds[i].name, kinds[i].callees, kinds[i].calls);
		bench_print_stats(bench_stats(v, runs), 2);
	}
	for (r = 0; r < runs; r++)
		v[r] = (ns[r][MODULE] - ns[r][BASELINE]) / kinds[MODULE].calls /
		       ((ns[r][VMLINUX] - ns[r][BASELINE]) / kinds[VMLINUX].calls);
	printf("ratio\tmodule/vmlinux\t-");
	bench_print_stats(bench_stats(v, runs), 3);
	free(v);
}

int bench_calls(const char *obj_path, const struct bench_opts *o)
{
	struct kind kinds[NR_KINDS] = {
		[BASELINE] = { "bench_baseline", "baseline", "", -1, 0, "" },
		[HELPER] = { "bench_helper", "helper", NULL, -1, 0, "" },
		[VMLINUX] = { "bench_vmlinux", "vmlinux", "vmlinux", -1, 0, "" },
		[MODULE] = { "bench_module", "module", "modkfunc", -1, 0, "" },
	};
	double (*ns)[NR_KINDS] = calloc(o->runs, sizeof(*ns));
	struct bpf_object *obj;
	int r, ret = 1;

	obj = bpf_object__open_file(obj_path, NULL);
	if (!obj) {
		fprintf(stderr, "kfbench: cannot open %s: %s\n", obj_path, strerror(errno));
		free(ns);
		return 1;
	}
	if (bpf_object__load(obj)) {
		fprintf(stderr, "kfbench: %s: load failed (kfcheck -v run %s shows why)\n",
			obj_path, obj_path);
		goto out;
	}
	if (!ns || find_progs(obj, kinds))
		goto out;
	for (r = 0; r < o->runs; r++)
		if (round_of(kinds, o->repeat, ns[r]))
			goto out;
	print_table(kinds, ns, o->runs, o->repeat);
	ret = 0;
out:
	bpf_object__close(obj);
	free(ns);
	return ret;
}
