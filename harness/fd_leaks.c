// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fd_leaks.h"

/* What /proc says @fd is, such as "anon_inode:bpf-prog"; "" if it is not open. */
static const char *fd_target(int fd, char *target, size_t len)
{
	char path[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, target, len - 1);
	target[n < 0 ? 0 : n] = '\0';
	return target;
}

static bool is_bpf_fd(int fd)
{
	char target[64];

	fd_target(fd, target, sizeof(target));
	return !strncmp(target, "anon_inode:bpf", 14) || !strcmp(target, "anon_inode:btf");
}

bool bpf_fd_is_prog(int fd)
{
	char target[64];

	return !strcmp(fd_target(fd, target, sizeof(target)), "anon_inode:bpf-prog");
}

int bpf_fds_leaked(const char *who)
{
	int fd, leaked = 0;

	for (fd = 3; fd < FD_SCAN_MAX; fd++)
		leaked += is_bpf_fd(fd);
	if (leaked)
		fprintf(stderr, "%s: %d BPF fds still open at exit\n", who, leaked);
	return leaked;
}

void bpf_fds_snapshot(struct bpf_fd_set *set)
{
	int fd;

	for (fd = 0; fd < FD_SCAN_MAX; fd++)
		set->open[fd] = fd >= 3 && is_bpf_fd(fd);
}

int bpf_fds_close_new(const struct bpf_fd_set *before)
{
	int fd, closed = 0;

	for (fd = 3; fd < FD_SCAN_MAX; fd++) {
		if (before->open[fd] || !is_bpf_fd(fd))
			continue;
		close(fd);
		closed++;
	}
	return closed;
}
