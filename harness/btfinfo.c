// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>

#include "btfinfo.h"

/* Kernel BTF objects parsed so far, by object id. */
struct btf_entry {
	__u32 id;
	struct btf *btf;
	struct btf_entry *next;
};

static struct btf_entry *cache;
static struct btf *vmlinux;
static __u32 vmlinux_id;

/*
 * Asking a program fd for BTF info would fill in a program's info, so the
 * fd's kind is read from its link first.
 */
static int fd_kind(int fd)
{
	char path[64], target[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return -EBADF;
	target[n] = '\0';
	return strcmp(target, "anon_inode:btf") ? -EINVAL : 0;
}

int btfinfo_fd(int fd, char *name, size_t len, __u32 *id)
{
	struct bpf_btf_info info;
	__u32 info_len = sizeof(info);
	int err = fd_kind(fd);

	if (err)
		return err;
	memset(&info, 0, sizeof(info));
	memset(name, 0, len);
	info.name = (__u64)(unsigned long)name;
	info.name_len = len;
	if (bpf_obj_get_info_by_fd(fd, &info, &info_len))
		return -errno;
	if (!info.kernel_btf)
		snprintf(name, len, "(program BTF)");
	*id = info.id;
	return 0;
}

static struct btf *vmlinux_btf(void)
{
	if (!vmlinux)
		vmlinux = btf__load_vmlinux_btf();
	return vmlinux;
}

__u32 btfinfo_vmlinux_id(void)
{
	char name[64];
	int fd;

	if (vmlinux_id)
		return vmlinux_id;
	fd = btfinfo_open_by_name("vmlinux");
	if (fd >= 0) {
		btfinfo_fd(fd, name, sizeof(name), &vmlinux_id);
		close(fd);
	}
	return vmlinux_id;
}

static struct btf *btf_by_id(__u32 obj_id)
{
	struct btf_entry *e;
	struct btf *btf;

	if (obj_id == btfinfo_vmlinux_id())
		return vmlinux_btf();
	for (e = cache; e; e = e->next)
		if (e->id == obj_id)
			return e->btf;
	if (!vmlinux_btf())
		return NULL;
	btf = btf__load_from_kernel_by_id_split(obj_id, vmlinux);
	if (!btf)
		return NULL;
	e = calloc(1, sizeof(*e));
	if (!e) {
		btf__free(btf);
		return NULL;
	}
	e->id = obj_id;
	e->btf = btf;
	e->next = cache;
	cache = e;
	return btf;
}

const char *btfinfo_type(__u32 obj_id, __u32 type_id, int *kind)
{
	const struct btf_type *t;
	struct btf *btf = btf_by_id(obj_id);

	if (!btf || type_id >= btf__type_cnt(btf))
		return NULL;
	t = btf__type_by_id(btf, type_id);
	if (!t)
		return NULL;
	*kind = btf_kind(t);
	return btf__name_by_offset(btf, t->name_off);
}

int btfinfo_open_by_name(const char *name)
{
	char found[64];
	__u32 id = 0, obj_id;
	int fd, err;

	while (!bpf_btf_get_next_id(id, &id)) {
		fd = bpf_btf_get_fd_by_id(id);
		if (fd < 0)
			continue;
		err = btfinfo_fd(fd, found, sizeof(found), &obj_id);
		if (!err && !strcmp(found, name))
			return fd;
		close(fd);
	}
	return -ENOENT;
}

const char *btfinfo_vmlinux_param(const char *suffix)
{
	struct btf *btf = vmlinux_btf();
	size_t slen = strlen(suffix), nlen;
	const struct btf_param *p;
	const struct btf_type *t;
	const char *name;
	__u32 id, n;
	int i;

	if (!btf)
		return NULL;
	n = btf__type_cnt(btf);
	for (id = 1; id < n; id++) {
		t = btf__type_by_id(btf, id);
		if (!btf_is_func_proto(t))
			continue;
		p = btf_params(t);
		for (i = 0; i < btf_vlen(t); i++) {
			name = btf__name_by_offset(btf, p[i].name_off);
			nlen = name ? strlen(name) : 0;
			if (nlen > slen && !strcmp(name + nlen - slen, suffix))
				return name;
		}
	}
	return NULL;
}

int btfinfo_vmlinux_func(const char *name)
{
	struct btf *btf = vmlinux_btf();

	if (!btf)
		return -1;
	return btf__find_by_name_kind(btf, name, BTF_KIND_FUNC) > 0;
}

void btfinfo_free(void)
{
	struct btf_entry *e;

	while (cache) {
		e = cache;
		cache = e->next;
		btf__free(e->btf);
		free(e);
	}
	btf__free(vmlinux);
	vmlinux = NULL;
}
