/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a program declares about itself for kfcheck: BTF decl tags on its
 * FUNC, each "kfcheck:KEY=VALUE", at most one per KEY. The keys in use:
 *   description   what the program shows
 *   reject        a feature key of harness/tests/messages.tsv: the
 *                 refusal the program expects
 *   needs         a feature whose absence makes its test skip
 *   without_cap   a capability to drop before loading it, e.g. sys_boot
 */
#ifndef KFCHECK_PROG_TAGS_H
#define KFCHECK_PROG_TAGS_H

#include <bpf/libbpf.h>

#include "report.h"

#define PROG_TAGS_MAX REPORT_MAX_PAIRS
#define PROG_TAG_KEY_MAX 32

/*
 * The tags in the order of the object's BTF. Keys are copied; values
 * point into the object's BTF, so they last as long as the object.
 */
struct prog_tags {
	int nr;
	struct report_pair tag[PROG_TAGS_MAX];
	char key[PROG_TAGS_MAX][PROG_TAG_KEY_MAX];
};

/*
 * Reads the tags of @prog in @obj, opened from @path. Returns 0, or -1
 * after printing why: a tag that is not KEY=VALUE, a key given twice.
 */
int prog_tags_read(const struct bpf_object *obj, const char *path,
		   const struct bpf_program *prog, struct prog_tags *tags);
/* The value of @key, or NULL. */
const char *prog_tags_get(const struct prog_tags *tags, const char *key);

#endif
