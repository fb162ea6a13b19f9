// SPDX-License-Identifier: GPL-2.0
/*
 * The debugfs counters and the init and exit of a provider module; see
 * provider.h. Kbuild does not build this file itself: each module's source
 * includes it, because THIS_MODULE and KBUILD_MODNAME differ per module,
 * and one object linked into two modules is wrong for both (Kbuild warns of
 * it from 6.2 on).
 *
 * Nor is it an object of its own in a composite module. Kbuild joins a
 * composite's objects with "ld -r", and binutils 2.47 (Debian sid) puts
 * .data..percpu after the .debug_* sections there. pahole (1.28 to 1.32)
 * takes the first section whose address range holds a variable, not
 * checking SHF_ALLOC, so it files modkfunc_pcpu_stats under .debug_info
 * and the module's BTF has no per-CPU VAR: its typed ksym cannot load.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>

#include "compat.h"
#include "provider.h"

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
static void mkf_counters_init(struct mkf_counters *c, const char *name)
{
	c->dir = debugfs_create_dir(name, NULL);
	debugfs_create_file("calls", 0444, c->dir, c, &mkf_calls_fops);
	debugfs_create_file("live", 0444, c->dir, c, &mkf_live_fops);
	debugfs_create_file("reset", 0200, c->dir, c, &mkf_reset_fops);
}

static void mkf_counters_exit(struct mkf_counters *c)
{
	debugfs_remove(c->dir);
}

/*
 * BTF_ID_LIST() ids are filled in at build time, so the kernel's table of
 * struct and destructor is made here, one pair at a time: the kernel adds
 * each call's pairs to the module's.
 */
static int __init mkf_register_dtors(const struct mkf_provider *p)
{
	struct btf_id_dtor_kfunc dtor;
	unsigned int i;
	int err = 0;

	for (i = 0; i < p->nr_dtors && !err; i++) {
		dtor.btf_id = p->dtor_ids[2 * i];
		dtor.kfunc_btf_id = p->dtor_ids[2 * i + 1];
		err = register_btf_id_dtor_kfuncs(&dtor, 1, THIS_MODULE);
	}
	return err;
}

/**
 * mkf_provider_init() - make a provider's debugfs files, register its kfuncs
 * and its destructors
 * @p: the provider
 *
 * Return: 0, or the error of registering the kfunc sets or destructors,
 * after which the debugfs files are gone again.
 */
int __init mkf_provider_init(const struct mkf_provider *p)
{
	int err;

	mkf_counters_init(p->counters, p->name);
	err = modkfunc_register_sets(&p->common, p->pkt.set ? &p->pkt : NULL,
				     p->traced.set ? &p->traced : NULL);
	if (!err)
		err = mkf_register_dtors(p);
	if (!err && p->init)
		err = p->init(p->counters->dir);
	if (err) {
		pr_err("%s: registering kfuncs, destructors or more failed: %d\n", p->name, err);
		mkf_counters_exit(p->counters);
	}
	return err;
}

/**
 * mkf_provider_exit() - remove a provider's debugfs files
 * @p: the provider
 *
 * The kernel drops a module's kfunc sets with its BTF.
 */
void __exit mkf_provider_exit(const struct mkf_provider *p)
{
	mkf_counters_exit(p->counters);
}
