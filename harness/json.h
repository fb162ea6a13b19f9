/* SPDX-License-Identifier: GPL-2.0 */
/* Minimal JSON-lines writer: one flat object per record, keys in call order. */
#ifndef KFCHECK_JSON_H
#define KFCHECK_JSON_H

#include <stdbool.h>
#include <stdio.h>

struct json {
	FILE *out;
	int fields;
};

void json_begin(struct json *j, FILE *out, const char *event);
void json_str(struct json *j, const char *key, const char *val);
void json_int(struct json *j, const char *key, long long val);
void json_uint(struct json *j, const char *key, unsigned long long val);
void json_bool(struct json *j, const char *key, bool val);
void json_end(struct json *j);

#endif
