// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fd_leaks.h"

int bpf_fds_leaked(const char *who)
{
	char path[64], target[64];
	int fd, leaked = 0;
	ssize_t n;

	for (fd = 3; fd < 1024; fd++) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		if (!strncmp(target, "anon_inode:bpf", 14) ||
		    !strcmp(target, "anon_inode:btf"))
			leaked++;
	}
	if (leaked)
		fprintf(stderr, "%s: %d BPF fds still open at exit\n", who, leaked);
	return leaked;
}
