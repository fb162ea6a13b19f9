/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-kfunc call counters in debugfs, shared by the provider modules so
 * that a test can prove a call reached this module and not another:
 *
 *   /sys/kernel/debug/<module>/calls   "<kfunc> <count>" per line
 *   /sys/kernel/debug/<module>/live    objects acquired and not released
 *   /sys/kernel/debug/<module>/reset   any write zeroes the call counts
 *
 * The live count is state, not a statistic, so reset leaves it alone.
 */
#ifndef MODKFUNC_COUNTERS_H
#define MODKFUNC_COUNTERS_H

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>

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

static int mkf_calls_show(struct seq_file *m, void *v)
{
	struct mkf_counters *c = m->private;
	unsigned int i;

	for (i = 0; i < c->nr; i++)
		seq_printf(m, "%s %lld\n", c->names[i],
			   atomic64_read(&c->calls[i]));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mkf_calls);

static int mkf_live_show(struct seq_file *m, void *v)
{
	struct mkf_counters *c = m->private;

	seq_printf(m, "%lld\n", atomic64_read(&c->live));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mkf_live);

static ssize_t mkf_reset_write(struct file *file, const char __user *buf,
			       size_t len, loff_t *ppos)
{
	struct mkf_counters *c = file->private_data;
	unsigned int i;

	for (i = 0; i < c->nr; i++)
		atomic64_set(&c->calls[i], 0);
	return len;
}

static const struct file_operations mkf_reset_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = mkf_reset_write,
};

/* debugfs is a debugging aid: a module without it still works. */
static inline void mkf_counters_init(struct mkf_counters *c, const char *name)
{
	c->dir = debugfs_create_dir(name, NULL);
	debugfs_create_file("calls", 0444, c->dir, c, &mkf_calls_fops);
	debugfs_create_file("live", 0444, c->dir, c, &mkf_live_fops);
	debugfs_create_file("reset", 0200, c->dir, c, &mkf_reset_fops);
}

static inline void mkf_counters_exit(struct mkf_counters *c)
{
	debugfs_remove(c->dir);
}

#endif /* MODKFUNC_COUNTERS_H */
