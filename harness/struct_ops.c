// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>

#include "report.h"
#include "struct_ops.h"

static unsigned int struct_ops_maps(struct bpf_object *obj)
{
	struct bpf_map *map;
	unsigned int n = 0;

	bpf_object__for_each_map(map, obj)
		n += bpf_map__type(map) == BPF_MAP_TYPE_STRUCT_OPS;
	return n;
}

static unsigned int map_id(const struct bpf_map *map)
{
	struct bpf_map_info info = { 0 };
	__u32 len = sizeof(info);

	return bpf_obj_get_info_by_fd(bpf_map__fd(map), &info, &len) ? 0 : info.id;
}

const char *struct_ops_first_map(const struct bpf_object *obj)
{
	const struct bpf_map *map;

	bpf_object__for_each_map(map, obj)
		if (bpf_map__type(map) == BPF_MAP_TYPE_STRUCT_OPS)
			return bpf_map__name(map);
	return NULL;
}

int struct_ops_attach(struct bpf_object *obj, const char *path, struct struct_ops_links *l)
{
	unsigned int n = struct_ops_maps(obj);
	struct bpf_map *map;
	struct bpf_link *link;

	l->nr = 0;
	l->links = NULL;
	if (!n)
		return 0;
	l->links = calloc(n, sizeof(*l->links));
	if (!l->links) {
		fprintf(stderr, "kfcheck: %s: %s\n", path, strerror(ENOMEM));
		return 1;
	}
	bpf_object__for_each_map(map, obj) {
		if (bpf_map__type(map) != BPF_MAP_TYPE_STRUCT_OPS)
			continue;
		link = bpf_map__attach_struct_ops(map);
		if (!link) {
			fprintf(stderr, "kfcheck: %s: attaching struct_ops map %s failed: %s\n",
				path, bpf_map__name(map), strerror(errno));
			struct_ops_detach(l);
			return 1;
		}
		l->links[l->nr++] = link;
		report_struct_ops(bpf_map__name(map), map_id(map));
	}
	return 0;
}

void struct_ops_detach(struct struct_ops_links *l)
{
	while (l->nr)
		bpf_link__destroy(l->links[--l->nr]);
	free(l->links);
	l->links = NULL;
}
