// SPDX-License-Identifier: GPL-2.0
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kallsyms.h"
#include "kallsyms_snapshot.h"

/*
 * The table is the file's text, cut into strings in place: one read and no
 * allocation per symbol. /proc/kallsyms has some 200,000 lines, and under
 * TCG a sscanf and two strdup for each cost a second per kfcheck run.
 */
static char *text;
static struct ksym *syms;
static size_t nr_syms;
static int state;	/* 0 unread, 1 ready, -1 unusable */

/*
 * An open-addressing table of indexes into syms, plus one (0 is empty),
 * by address: building it is linear, where sorting 200,000 symbols is not.
 */
static size_t *slots;
static size_t slot_mask;

static size_t slot_of(unsigned long long addr)
{
	return (size_t)((addr >> 4) * 0x9E3779B97F4A7C15ULL >> 20) & slot_mask;
}

/* Symbols at one address keep the file's order along their probe chain. */
static int index_syms(void)
{
	size_t n = 1, i, s;

	while (n < 2 * nr_syms)
		n <<= 1;
	slots = calloc(n, sizeof(*slots));
	if (!slots)
		return -1;
	slot_mask = n - 1;
	for (i = 0; i < nr_syms; i++) {
		for (s = slot_of(syms[i].addr); slots[s]; s = (s + 1) & slot_mask)
			;
		slots[s] = i + 1;
	}
	return 0;
}

/* Reads all of @path into text; procfs files have no size to ask for. */
static int slurp(const char *path)
{
	size_t len = 0, cap = 1 << 23;
	char *grown;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	for (;;) {
		if (len + 1 >= cap || !text) {
			cap = text ? cap * 2 : cap;
			grown = realloc(text, cap);
			if (!grown)
				break;
			text = grown;
		}
		n = read(fd, text + len, cap - len - 1);
		if (n <= 0) {
			close(fd);
			if (n < 0)
				return -1;
			text[len] = '\0';
			return 0;
		}
		len += n;
	}
	close(fd);
	return -1;
}

/* "ADDR T NAME" or "ADDR T NAME\t[MODULE]": @line's fields, cut in place. */
static char *parse_line(char *line, struct ksym *sym)
{
	char *end = strchrnul(line, '\n'), *name, *p;
	char *next = *end ? end + 1 : end;

	sym->addr = strtoull(line, &p, 16);
	if (p == line || end - p < 4) {
		sym->name = NULL;
	} else {
		name = p + 3;
		p = name + strcspn(name, " \t\n");
		sym->name = name;
		sym->module = "vmlinux";
		if ((p[0] == '\t' || p[0] == ' ') && p[1] == '[') {
			sym->module = p + 2;
			*strchrnul(p + 2, ']') = '\0';
		}
		*p = '\0';
	}
	return next;
}

static int load(void)
{
	char snapshot[4096] = "";
	size_t cap = 1 << 18;
	bool any_addr = false;
	struct ksym *grown;
	const char *path;
	char *line;

	/* Another table can stand in, to show what a wrong resolution looks like. */
	path = getenv("KFCHECK_KALLSYMS");
	if (path) {
		if (slurp(path))
			return -1;
	} else if (kallsyms_snapshot_path(snapshot, sizeof(snapshot)) ||
		   slurp(snapshot)) {
		if (slurp("/proc/kallsyms"))
			return -1;
		if (*snapshot)
			kallsyms_snapshot_save(snapshot, text);
	}
	for (line = text; *line;) {
		if (nr_syms == cap || !syms) {
			cap = syms ? cap * 2 : cap;
			grown = realloc(syms, cap * sizeof(*syms));
			if (!grown)
				return -1;
			syms = grown;
		}
		line = parse_line(line, &syms[nr_syms]);
		if (!syms[nr_syms].name)
			continue;
		any_addr |= syms[nr_syms].addr != 0;
		nr_syms++;
	}
	/* Without CAP_SYSLOG every address reads as 0. */
	return any_addr ? index_syms() : -1;
}

bool kallsyms_ready(void)
{
	if (!state)
		state = load() ? -1 : 1;
	return state > 0;
}

const struct ksym *kallsyms_at(unsigned long long addr, const char *prefer)
{
	const struct ksym *first = NULL, *sym;
	size_t s;

	if (!kallsyms_ready())
		return NULL;
	for (s = slot_of(addr); slots[s]; s = (s + 1) & slot_mask) {
		sym = &syms[slots[s] - 1];
		if (sym->addr != addr)
			continue;
		if (!prefer || !strcmp(sym->name, prefer))
			return sym;
		if (!first)
			first = sym;
	}
	return first;
}

unsigned long long kallsyms_addr(const char *name)
{
	size_t i;

	if (!kallsyms_ready())
		return 0;
	for (i = 0; i < nr_syms; i++)
		if (!strcmp(syms[i].name, name))
			return syms[i].addr;
	return 0;
}

void kallsyms_free(void)
{
	free(slots);
	slots = NULL;
	free(syms);
	free(text);
	text = NULL;
	syms = NULL;
	nr_syms = 0;
	state = 0;
}
