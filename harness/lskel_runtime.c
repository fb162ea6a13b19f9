// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/skel_internal.h>

#include "fd_leaks.h"
#include "lskel_runtime.h"
#include "object.h"
#include "report.h"
#include "verifier_log.h"

/*
 * The loader reuses one log for the BTF and every program it loads, so
 * what is left is the last load's: the one that failed.
 */
#define LOG_SIZE (1 << 20)

/* How many maps and programs the object has, loaded or not. */
static void count(struct bpf_object *obj, int *maps, int *progs)
{
	struct bpf_program *prog;
	struct bpf_map *map;

	*maps = *progs = 0;
	bpf_object__for_each_map(map, obj)
		(*maps)++;
	bpf_object__for_each_program(prog, obj)
		(*progs)++;
}

/* The loader's data, as the one value of an array map it reads. */
static int data_map(const struct gen_loader_opts *g)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "__loader.map", 4, g->data_sz, 1, NULL);
	__u32 zero = 0;

	if (fd < 0)
		return -errno;
	if (bpf_map_update_elem(fd, &zero, g->data, 0)) {
		close(fd);
		return -errno;
	}
	return fd;
}

static int loader_prog(const struct gen_loader_opts *g, int map_fd)
{
	LIBBPF_OPTS(bpf_prog_load_opts, opts, .prog_flags = BPF_F_SLEEPABLE,
		    .fd_array = &map_fd);
	int fd = bpf_prog_load(BPF_PROG_TYPE_SYSCALL, "__loader.prog", "Dual BSD/GPL",
			       (const struct bpf_insn *)g->insns,
			       g->insns_sz / sizeof(struct bpf_insn), &opts);

	return fd < 0 ? -errno : fd;
}

/* Runs the loader over @ctx; 0, or the negative errno of the step that failed. */
static int run_loader(int prog_fd, struct bpf_loader_ctx *ctx)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts, .ctx_in = ctx, .ctx_size_in = ctx->sz);

	if (bpf_prog_test_run_opts(prog_fd, &opts))
		return -errno;
	return (int)opts.retval < 0 ? (int)opts.retval : 0;
}

/*
 * The log is the verifier's for the program that failed only when a load
 * failed: a kfunc or ksym the loader cannot find (ENOENT) fails it
 * between loads, and the log then is the BTF's, or an earlier program's.
 */
static void loader_failed(const char *path, const char *step, int err, const char *log)
{
	bool prog_log = log && log[0] && err != -ENOENT;
	char why[1024] = "";

	fprintf(stderr, "kfcheck: %s: the light skeleton's loader failed %s: %s (%s)%s\n",
		path, step, strerrorname_np(-err) ? strerrorname_np(-err) : "?",
		strerror(-err), err == -ENOENT ?
		": a kfunc or ksym it needs is in no loaded BTF; is its module loaded?" : "");
	if (prog_log) {
		verifier_log_reason(log, why, sizeof(why));
		fprintf(stderr, "%s\n", why);
	}
	report_reject("", "kernel", -err, why);
}

/* The fds the loader wrote into @ctx, by map and by selected program. */
static void take_fds(struct bpf_object *obj, const struct bpf_loader_ctx *ctx,
		     struct lskel *l)
{
	const struct bpf_map_desc *maps = (const void *)(ctx + 1);
	const struct bpf_prog_desc *progs = (const void *)(maps + l->nr_maps);
	struct bpf_program *prog;
	int i, loaded = 0;

	for (i = 0; i < l->nr_maps; i++)
		l->map_fds[i] = maps[i].map_fd;
	i = 0;
	bpf_object__for_each_program(prog, obj)
		l->prog_fds[i++] = bpf_program__autoload(prog) ? progs[loaded++].prog_fd : -1;
}

/*
 * One run of the loader, from its data as generated: 0, or a negative
 * errno and in @step what failed. @after gets the data the loader left.
 */
static int load_once(const struct gen_loader_opts *gen, struct bpf_loader_ctx *ctx,
		     void *after, const char **step)
{
	__u32 zero = 0;
	int map_fd, prog_fd, err;

	*step = "to store its data";
	map_fd = data_map(gen);
	if (map_fd < 0)
		return map_fd;
	*step = "to load";
	prog_fd = loader_prog(gen, map_fd);
	if (prog_fd < 0) {
		close(map_fd);
		return prog_fd;
	}
	*step = "to load the object";
	err = run_loader(prog_fd, ctx);
	if (!err && bpf_map_lookup_elem(map_fd, &zero, after))
		err = -errno;
	close(prog_fd);
	close(map_fd);
	return err;
}

/*
 * A loader that fails looking up a strong kfunc jumps to its cleanup,
 * which closes the maps it made but not the module BTF fds it opened for
 * the program's earlier kfuncs: those are left in this process.
 */
static int load_once_clean(const struct gen_loader_opts *gen, struct bpf_loader_ctx *ctx,
			   void *after, const char **step)
{
	struct bpf_fd_set before;
	int err;

	bpf_fds_snapshot(&before);
	err = load_once(gen, ctx, after, step);
	if (err)
		bpf_fds_close_new(&before);
	return err;
}

/*
 * Generates, then runs, the loader. A failed run runs again with the
 * verifier's log, as libbpf does: a log on every load would cost time,
 * and ENOSPC for a large program.
 */
static int generate_and_run(struct bpf_object *obj, const char *path,
			    struct bpf_loader_ctx *ctx, struct lskel *l)
{
	LIBBPF_OPTS(gen_loader_opts, gen);
	const char *step, *again;
	char *log;
	int err;

	err = bpf_object__gen_loader(obj, &gen);
	if (err) {
		fprintf(stderr, "kfcheck: %s: libbpf cannot generate a loader: %s\n", path,
			strerror(-err));
		return -1;
	}
	/* With a generator set, this writes the loader instead of loading. */
	if (object_load(obj, path))
		return -1;
	l->data = gen.data;
	l->data_sz = gen.data_sz;
	l->data_after = malloc(gen.data_sz);
	if (!l->data_after) {
		fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(ENOMEM));
		return -1;
	}
	err = load_once_clean(&gen, ctx, l->data_after, &step);
	if (!err)
		return 0;
	log = calloc(1, LOG_SIZE);
	if (log && !strcmp(step, "to load the object")) {
		ctx->log_level = 1;
		ctx->log_size = LOG_SIZE;
		ctx->log_buf = (__u64)(unsigned long)log;
		/* Deterministic, unless the kernel changed in between. */
		if (!load_once_clean(&gen, ctx, l->data_after, &again)) {
			free(log);
			return 0;
		}
	}
	if (!strcmp(step, "to load the object"))
		l->load_err = -err;
	loader_failed(path, step, err, log);
	free(log);
	return -1;
}

int lskel_load(struct bpf_object *obj, const char *path, struct lskel *l)
{
	struct bpf_loader_ctx *ctx;
	size_t size;
	int err;

	memset(l, 0, sizeof(*l));
	count(obj, &l->nr_maps, &l->nr_progs);
	size = sizeof(*ctx) + l->nr_maps * sizeof(struct bpf_map_desc) +
	       l->nr_progs * sizeof(struct bpf_prog_desc);
	ctx = calloc(1, size);
	l->map_fds = calloc(l->nr_maps + 1, sizeof(int));
	l->prog_fds = calloc(l->nr_progs + 1, sizeof(int));
	if (!ctx || !l->map_fds || !l->prog_fds) {
		fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(ENOMEM));
		free(ctx);
		lskel_close(l);
		return -1;
	}
	ctx->sz = size;
	if (generate_and_run(obj, path, ctx, l)) {
		err = l->load_err;
		free(ctx);
		lskel_close(l);
		l->load_err = err;
		return -1;
	}
	take_fds(obj, ctx, l);
	free(ctx);
	return 0;
}

void lskel_close(struct lskel *l)
{
	int i;

	for (i = 0; l->map_fds && i < l->nr_maps; i++)
		if (l->map_fds[i] > 0)
			close(l->map_fds[i]);
	for (i = 0; l->prog_fds && i < l->nr_progs; i++)
		if (l->prog_fds[i] > 0)
			close(l->prog_fds[i]);
	free(l->map_fds);
	free(l->prog_fds);
	free(l->data_after);
	memset(l, 0, sizeof(*l));
}
