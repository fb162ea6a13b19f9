// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc_ops: a struct_ops type that modkfunc defines and calls. A BPF
 * struct_ops map implements it; once the map is attached, a number
 * written to debugfs is passed to the implementation's compute(), and
 * what it returned is read back:
 *
 *   /sys/kernel/debug/modkfunc/ops   write N: call compute(N), ENOENT
 *                                    when no map is attached; read: the
 *                                    last result
 *
 * Like provider.c, modkfunc.c includes this file, so that the module stays
 * one object.
 */
#ifndef MODKFUNC_NO_STRUCT_OPS
#include <linux/debugfs.h>
#include <linux/filter.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>

/* The attached implementation, or NULL; the lock keeps it while it runs. */
static DEFINE_MUTEX(mkf_ops_lock);
static struct modkfunc_ops *mkf_ops;
static u64 mkf_ops_result;

static int mkf_ops_show(struct seq_file *m, void *v)
{
	mutex_lock(&mkf_ops_lock);
	seq_printf(m, "%llu\n", mkf_ops_result);
	mutex_unlock(&mkf_ops_lock);
	return 0;
}

static int mkf_ops_open(struct inode *inode, struct file *file)
{
	return single_open(file, mkf_ops_show, NULL);
}

static ssize_t mkf_ops_write(struct file *file, const char __user *buf,
			     size_t len, loff_t *ppos)
{
	u64 value;
	int err = kstrtou64_from_user(buf, len, 0, &value);

	if (err)
		return err;
	mutex_lock(&mkf_ops_lock);
	if (mkf_ops)
		mkf_ops_result = mkf_ops->compute(value);
	else
		err = -ENOENT;
	mutex_unlock(&mkf_ops_lock);
	return err ? err : len;
}

static const struct file_operations mkf_ops_fops = {
	.owner = THIS_MODULE,
	.open = mkf_ops_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = mkf_ops_write,
};

/* The context is compute()'s arguments, as for a tracing program. */
static bool mkf_ops_is_valid_access(int off, int size, enum bpf_access_type type,
				    const struct bpf_prog *prog,
				    struct bpf_insn_access_aux *info)
{
	return bpf_tracing_btf_ctx_access(off, size, type, prog, info);
}

static const struct bpf_verifier_ops mkf_ops_verifier_ops = {
	.is_valid_access = mkf_ops_is_valid_access,
	.get_func_proto = bpf_base_func_proto,
};

static int mkf_ops_init(struct btf *btf)
{
	return 0;
}

/* modkfunc_ops has no data members to copy from the map's value. */
static int mkf_ops_init_member(const struct btf_type *t,
			       const struct btf_member *member,
			       void *kdata, const void *udata)
{
	return 0;
}

/* One implementation at a time: a second map's attach fails with EEXIST. */
static int mkf_ops_reg(void *kdata, struct bpf_link *link)
{
	int err = 0;

	mutex_lock(&mkf_ops_lock);
	if (mkf_ops)
		err = -EEXIST;
	else
		mkf_ops = kdata;
	mutex_unlock(&mkf_ops_lock);
	return err;
}

static void mkf_ops_unreg(void *kdata, struct bpf_link *link)
{
	mutex_lock(&mkf_ops_lock);
	if (mkf_ops == kdata)
		mkf_ops = NULL;
	mutex_unlock(&mkf_ops_lock);
}

/*
 * The stubs the kernel takes each member's prototype and CFI type from;
 * they never run.
 */
static u64 mkf_ops_compute_stub(u64 value)
{
	return 0;
}

static struct modkfunc_ops mkf_ops_stubs = {
	.compute = mkf_ops_compute_stub,
};

static struct bpf_struct_ops mkf_struct_ops = {
	.verifier_ops = &mkf_ops_verifier_ops,
	.init = mkf_ops_init,
	.init_member = mkf_ops_init_member,
	.reg = mkf_ops_reg,
	.unreg = mkf_ops_unreg,
	.cfi_stubs = &mkf_ops_stubs,
	.name = "modkfunc_ops",
	.owner = THIS_MODULE,
};

/*
 * The kernel drops the type with the module's BTF, and an attached map
 * holds the module, so there is nothing to undo at exit but debugfs.
 */
static int __init mkf_ops_register(struct dentry *dir)
{
	int err = register_bpf_struct_ops(&mkf_struct_ops, modkfunc_ops);

	if (!err)
		debugfs_create_file("ops", 0600, dir, NULL, &mkf_ops_fops);
	return err;
}
#else
static int __init mkf_ops_register(struct dentry *dir)
{
	return 0;
}
#endif /* MODKFUNC_NO_STRUCT_OPS */
