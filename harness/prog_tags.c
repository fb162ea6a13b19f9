// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "prog_tags.h"

#define TAG_PREFIX "kfcheck:"

/* The program record's own keys, which a tag would duplicate. */
static const char *const reserved[] = { "event", "prog", "section", "type" };

const char *prog_tags_get(const struct prog_tags *tags, const char *key)
{
	int i;

	for (i = 0; i < tags->nr; i++)
		if (!strcmp(tags->tag[i].key, key))
			return tags->tag[i].value;
	return NULL;
}

static bool valid_key(const char *key, size_t len)
{
	size_t i;

	if (!len || len >= PROG_TAG_KEY_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!(key[i] == '_' || (key[i] >= 'a' && key[i] <= 'z') ||
		      (key[i] >= 'A' && key[i] <= 'Z') || (key[i] >= '0' && key[i] <= '9')))
			return false;
	return true;
}

static bool is_reserved(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (!strcmp(key, reserved[i]))
			return true;
	return false;
}

/* @text is a tag's name after TAG_PREFIX. */
static int add_tag(struct prog_tags *tags, const char *path, const char *prog,
		   const char *text)
{
	const char *eq = strchr(text, '=');
	char *key = tags->key[tags->nr];

	if (!eq || !valid_key(text, (size_t)(eq - text))) {
		fprintf(stderr, "kfcheck: %s: program %s has a tag '%s%s' that is not %sKEY=VALUE\n",
			path, prog, TAG_PREFIX, text, TAG_PREFIX);
		return -1;
	}
	if (tags->nr == PROG_TAGS_MAX) {
		fprintf(stderr, "kfcheck: %s: program %s has more than %d tags\n",
			path, prog, PROG_TAGS_MAX);
		return -1;
	}
	snprintf(key, PROG_TAG_KEY_MAX, "%.*s", (int)(eq - text), text);
	if (is_reserved(key)) {
		fprintf(stderr, "kfcheck: %s: program %s has a tag '%s', a key kfcheck reports itself\n",
			path, prog, key);
		return -1;
	}
	if (prog_tags_get(tags, key)) {
		fprintf(stderr, "kfcheck: %s: program %s has two '%s' tags\n", path,
			prog, key);
		return -1;
	}
	tags->tag[tags->nr].key = key;
	tags->tag[tags->nr++].value = eq + 1;
	return 0;
}

int prog_tags_read(const struct bpf_object *obj, const char *path,
		   const struct bpf_program *prog, struct prog_tags *tags)
{
	const char *name = bpf_program__name(prog), *text;
	const struct btf *btf = bpf_object__btf(obj);
	const struct btf_type *t;
	__u32 id, cnt;
	int func;

	tags->nr = 0;
	/* An object built without -g has no BTF, so no tags. */
	if (!btf)
		return 0;
	func = btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
	if (func < 0)
		return 0;
	cnt = btf__type_cnt(btf);
	for (id = 1; id < cnt; id++) {
		t = btf__type_by_id(btf, id);
		/* component_idx -1: the tag is on the function, not an argument. */
		if (!btf_is_decl_tag(t) || t->type != (__u32)func ||
		    btf_decl_tag(t)->component_idx != -1)
			continue;
		text = btf__name_by_offset(btf, t->name_off);
		if (text && !strncmp(text, TAG_PREFIX, strlen(TAG_PREFIX)) &&
		    add_tag(tags, path, name, text + strlen(TAG_PREFIX)))
			return -1;
	}
	return 0;
}
