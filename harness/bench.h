/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfbench's two benchmarks. Each prints a table of tab-separated figures,
 * with a header line, on stdout; scripts/bench-report.sh turns the tables
 * into markdown and plots. Figures are min, median and max over runs.
 */
#ifndef KFCHECK_BENCH_H
#define KFCHECK_BENCH_H

struct bench_opts {
	int runs;		/* rounds; each figure is taken over them */
	unsigned int repeat;	/* BPF_PROG_TEST_RUN repeat, per round */
	double max_seconds;	/* a load point stops after this, once run */
};

/*
 * The cost of one call (bpf_progs/bench_calls.bpf.c): per round, every
 * program runs with @repeat side by side; the baseline's time is taken
 * from each, and the module/vmlinux ratio is taken per round.
 */
int bench_calls(const char *obj_path, const struct bench_opts *o);

/*
 * Load latency of the generated programs @points (distinct_N, modules_N),
 * each through libbpf from @obj_dir and through its light skeleton,
 * compiled in. Every load is run once and checked.
 */
int bench_load(const char *obj_dir, char **points, int nr_points,
	       const struct bench_opts *o);

struct bench_stats {
	double min, median, max;
};

/* Sorts @v. */
struct bench_stats bench_stats(double *v, int n);
void bench_print_stats(struct bench_stats s, int decimals);

#endif
