/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the provider modules share (provider.c): per-kfunc call counters
 * in debugfs, so that a test can prove a call reached this module and not
 * another, and the module init and exit around them.
 *
 *   /sys/kernel/debug/<module>/calls   "<kfunc> <count>" per line
 *   /sys/kernel/debug/<module>/live    objects acquired and not released
 *   /sys/kernel/debug/<module>/reset   any write zeroes the call counts
 *
 * The live count is state, not a statistic, so reset leaves it alone.
 *
 * A module lists its kfuncs once, as an X-macro of X(kfunc, flags)
 * entries; MKF_COUNTERS() and MKF_BTF_ID make the counters and the BTF id
 * sets from that list.
 */
#ifndef MODKFUNC_PROVIDER_H
#define MODKFUNC_PROVIDER_H

#include <linux/atomic.h>
#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

struct mkf_counters {
	const char *const *names;
	atomic64_t *calls;
	unsigned int nr;
	atomic64_t live;
	struct dentry *dir;
};

static inline void mkf_count(struct mkf_counters *c, unsigned int idx)
{
	atomic64_inc(&c->calls[idx]);
}

/* One X(kfunc, flags) entry as a counter index, its name, a set member. */
#define MKF_INDEX(kfunc, flags) MKF_##kfunc,
#define MKF_NAME(kfunc, flags) #kfunc,
#define MKF_BTF_ID(kfunc, flags) BTF_ID_FLAGS(func, kfunc, flags)

/*
 * MKF_COUNTERS(var, LIST): struct mkf_counters var, which counts the calls
 * of each kfunc of LIST at index MKF_<kfunc> and lists them in LIST's order.
 */
#define MKF_COUNTERS(var, LIST)						\
	enum { LIST(MKF_INDEX) };					\
	static const char *const var##_names[] = { LIST(MKF_NAME) };	\
	static atomic64_t var##_calls[ARRAY_SIZE(var##_names)];	\
	static struct mkf_counters var = {				\
		.names = var##_names,					\
		.calls = var##_calls,					\
		.nr = ARRAY_SIZE(var##_names),				\
	}

/**
 * struct mkf_provider - what makes one provider module
 * @name: the module's name, and its debugfs directory's
 * @counters: the module's call counters
 * @common: kfuncs for every program type
 * @pkt: kfuncs for tc and XDP only; none if its .set is NULL. See
 *	modkfunc_register_sets() for the kernels without a common hook.
 * @traced: kfuncs for tracing programs only, with the filter that narrows
 *	them further; none if its .set is NULL
 * @dtor_ids: pairs of BTF ids, a struct and the function that destroys
 *	one, for objects a map may hold as kptrs; none if NULL
 * @nr_dtors: how many pairs @dtor_ids holds
 * @init: what else the module sets up, last, given its debugfs directory;
 *	nothing if NULL. Its error fails the module's init.
 */
struct mkf_provider {
	const char *name;
	struct mkf_counters *counters;
	struct btf_kfunc_id_set common;
	struct btf_kfunc_id_set pkt;
	struct btf_kfunc_id_set traced;
	const u32 *dtor_ids;
	unsigned int nr_dtors;
	int (*init)(struct dentry *dir);
};

int mkf_provider_init(const struct mkf_provider *p);
void mkf_provider_exit(const struct mkf_provider *p);

/*
 * module_mkf_provider(p): the module's init and exit, for the struct
 * mkf_provider p. A module with an init function needs an exit function
 * too, or the kernel will not unload it.
 */
#define module_mkf_provider(p)						\
static int __init p##_init(void)					\
{									\
	return mkf_provider_init(&(p));					\
}									\
module_init(p##_init);							\
static void __exit p##_exit(void)					\
{									\
	mkf_provider_exit(&(p));					\
}									\
module_exit(p##_exit)

#endif /* MODKFUNC_PROVIDER_H */
