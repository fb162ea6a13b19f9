// SPDX-License-Identifier: GPL-2.0
/*
 * Reading /proc/kallsyms is most of a kfcheck run in a TCG guest: the
 * kernel formats some 200,000 lines for it. What kfcheck names from it,
 * the functions and variables of vmlinux and of modules, changes only when
 * the kernel boots or a module comes or goes. So a snapshot is keyed by the
 * boot and by each module's name, size, state, address and build ID, and
 * any change of those reads the file again. BPF programs' own symbols come
 * and go with every load and are never a kfunc's or ksym's target, so the
 * snapshot leaves them out.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kallsyms_snapshot.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	while (len--)
		h = (h ^ *p++) * FNV_PRIME;
	return h;
}

static int hash_file(uint64_t *h, const char *path)
{
	char buf[4096];
	size_t n;
	FILE *f;

	f = fopen(path, "re");
	if (!f)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		*h = fnv(*h, buf, n);
	fclose(f);
	return 0;
}

/* /proc/modules: "NAME SIZE REFS DEPS STATE ADDR"; refs change with loads. */
static int hash_modules(uint64_t *h)
{
	char line[1024], name[256], state[32], addr[32], note[512];
	unsigned long size;
	FILE *f;

	f = fopen("/proc/modules", "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%255s %lu %*s %*s %31s %31s", name, &size,
			   state, addr) != 4)
			continue;
		*h = fnv(*h, name, strlen(name));
		*h = fnv(*h, &size, sizeof(size));
		*h = fnv(*h, state, strlen(state));
		*h = fnv(*h, addr, strlen(addr));
		snprintf(note, sizeof(note),
			 "/sys/module/%s/notes/.note.gnu.build-id", name);
		hash_file(h, note);
	}
	fclose(f);
	return 0;
}

int kallsyms_snapshot_path(char *buf, size_t len)
{
	const char *dir = getenv("KFCHECK_KALLSYMS_CACHE");
	uint64_t h = FNV_OFFSET;

	if (!dir || !*dir)
		return -1;
	if (hash_file(&h, "/proc/sys/kernel/random/boot_id") || hash_modules(&h))
		return -1;
	snprintf(buf, len, "%s/kallsyms-%016llx", dir, (unsigned long long)h);
	return 0;
}

/* A snapshot of another module set is not read again: one is kept. */
static void remove_others(const char *path)
{
	const char *base = strrchr(path, '/') + 1;
	char dir[4096];
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%.*s", (int)(base - path), path);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, "kallsyms-", 9) || !strcmp(e->d_name, base))
			continue;
		unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

void kallsyms_snapshot_save(const char *path, const char *text)
{
	const char *line, *end;
	char tmp[4200], now[4096];
	FILE *f;

	/*
	 * A module that came or went while the file was read made @text of
	 * another module set than @path's key: kept, it would name the
	 * addresses of a module loaded elsewhere since (make stress found it).
	 */
	if (kallsyms_snapshot_path(now, sizeof(now)) || strcmp(now, path))
		return;
	snprintf(tmp, sizeof(tmp), "%s.%d", path, (int)getpid());
	f = fopen(tmp, "we");
	if (!f)
		return;
	for (line = text; *line; line = *end ? end + 1 : end) {
		end = strchrnul(line, '\n');
		if (end - line > 6 && !strncmp(end - 6, "\t[bpf]", 6))
			continue;
		fwrite(line, 1, end - line, f);
		fputc('\n', f);
	}
	if (fclose(f) || rename(tmp, path))
		unlink(tmp);
	else
		remove_others(path);
}
