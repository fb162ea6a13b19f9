// SPDX-License-Identifier: GPL-2.0
#include "json.h"

static void json_key(struct json *j, const char *key)
{
	fprintf(j->out, "%s\"%s\":", j->fields++ ? "," : "", key);
}

void json_begin(struct json *j, FILE *out, const char *event)
{
	j->out = out;
	j->fields = 0;
	fputc('{', out);
	json_str(j, "event", event);
}

void json_str(struct json *j, const char *key, const char *val)
{
	const unsigned char *p;

	json_key(j, key);
	fputc('"', j->out);
	for (p = (const unsigned char *)val; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(j->out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(j->out, "\\u%04x", *p);
		else
			fputc(*p, j->out);
	}
	fputc('"', j->out);
}

void json_int(struct json *j, const char *key, long long val)
{
	json_key(j, key);
	fprintf(j->out, "%lld", val);
}

void json_uint(struct json *j, const char *key, unsigned long long val)
{
	json_key(j, key);
	fprintf(j->out, "%llu", val);
}

void json_bool(struct json *j, const char *key, bool val)
{
	json_key(j, key);
	fputs(val ? "true" : "false", j->out);
}

void json_end(struct json *j)
{
	fputs("}\n", j->out);
	fflush(j->out);
}
