// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>

#include "globals.h"
#include "report.h"

typedef int (*var_fn)(struct bpf_map *map, const char *name, __u32 offset,
		      __u32 size, void *ctx);

/*
 * Calls @fn for each variable of each global-data map (.data, .bss, ...),
 * or of @only if it is not NULL; stops at the first non-zero return.
 */
static int for_each_var(struct bpf_object *obj, struct bpf_map *only,
			var_fn fn, void *ctx)
{
	const struct btf_var_secinfo *vsi;
	const struct btf_type *sec, *var;
	struct btf *btf = bpf_object__btf(obj);
	struct bpf_map *map;
	const char *secname;
	int id, i, ret;

	bpf_object__for_each_map(map, obj) {
		/* libbpf names these maps "<object>.<section>". */
		secname = strchr(bpf_map__name(map), '.');
		if (!btf || !bpf_map__is_internal(map) || !secname ||
		    (only && map != only))
			continue;
		id = btf__find_by_name_kind(btf, secname, BTF_KIND_DATASEC);
		if (id < 0)
			continue;
		sec = btf__type_by_id(btf, id);
		vsi = btf_var_secinfos(sec);
		for (i = 0; i < btf_vlen(sec); i++, vsi++) {
			var = btf__type_by_id(btf, vsi->type);
			ret = fn(map, btf__name_by_offset(btf, var->name_off),
				 vsi->offset, vsi->size, ctx);
			if (ret)
				return ret;
		}
	}
	return 0;
}

struct assign {
	const char *name;
	unsigned long long value;
	bool done;
};

static int assign_var(struct bpf_map *map, const char *name, __u32 offset,
		      __u32 size, void *ctx)
{
	struct assign *a = ctx;
	size_t map_size;
	const void *init;
	char *data;
	int err;

	if (strcmp(name, a->name))
		return 0;
	if (size > sizeof(a->value)) {
		fprintf(stderr, "kfcheck: global %s is %u bytes: only integers can be set\n",
			name, size);
		return -EINVAL;
	}
	/* Copied and set back, because libbpf before 1.2 hands out the
	 * initial value as const. */
	init = bpf_map__initial_value(map, &map_size);
	if (!init || offset + size > map_size)
		return -EINVAL;
	data = malloc(map_size);
	if (!data)
		return -ENOMEM;
	memcpy(data, init, map_size);
	/* x86-64 is little-endian: the low bytes are the value. */
	memcpy(data + offset, &a->value, size);
	err = bpf_map__set_initial_value(map, data, map_size);
	free(data);
	if (err)
		return err;
	a->done = true;
	return 1;
}

int globals_set_if_present(struct bpf_object *obj, const char *name,
			   unsigned long long value)
{
	struct assign a = { name, value, false };

	return for_each_var(obj, NULL, assign_var, &a) < 0 ? -1 : 0;
}

int globals_set(struct bpf_object *obj, const char *assignment)
{
	char name[128], *end;
	struct assign a = { name, 0, false };
	const char *eq = strchr(assignment, '=');

	if (!eq || eq == assignment || (size_t)(eq - assignment) >= sizeof(name)) {
		fprintf(stderr, "kfcheck: --set wants NAME=VALUE, not '%s'\n", assignment);
		return -1;
	}
	snprintf(name, sizeof(name), "%.*s", (int)(eq - assignment), assignment);
	errno = 0;
	a.value = strtoull(eq + 1, &end, 0);
	if (errno || *end || end == eq + 1) {
		fprintf(stderr, "kfcheck: --set %s: '%s' is not a number\n", name, eq + 1);
		return -1;
	}
	if (for_each_var(obj, NULL, assign_var, &a) < 0)
		return -1;
	if (!a.done) {
		fprintf(stderr, "kfcheck: --set: %s has no global '%s'\n",
			bpf_object__name(obj), name);
		return -1;
	}
	return 0;
}

static int report_var(struct bpf_map *map, const char *name, __u32 offset,
		      __u32 size, void *value)
{
	unsigned long long v = 0;

	(void)map;
	/* Arrays and structs are left out: only integers have one value. */
	if (size > sizeof(v) || size & (size - 1))
		return 0;
	memcpy(&v, (const char *)value + offset, size);
	report_global(name, v);
	return 0;
}

void globals_report(struct bpf_object *obj, const int *map_fds)
{
	struct bpf_map *map;
	__u32 zero = 0;
	void *value;
	int i = -1;

	bpf_object__for_each_map(map, obj) {
		i++;
		if (!bpf_map__is_internal(map))
			continue;
		value = calloc(1, bpf_map__value_size(map));
		if (!value)
			return;
		if (!bpf_map_lookup_elem(map_fds ? map_fds[i] : bpf_map__fd(map), &zero, value))
			for_each_var(obj, map, report_var, value);
		free(value);
	}
}
